"""Helpers for work on whole organisations at once (imports, exports)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a batch job.

    An import or export builds hundreds of thousands of small objects that live until the job
    ends and form no reference cycles; the collector would scan them again and again, which
    cost up to a third of the run time. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
