"""uvicorn's server, stopping gracefully on SIGTERM (systemd, podman stop) as on Ctrl+C.

uvicorn already stops accepting connections on either signal, lets running requests finish and
runs the application's shutdown (the recorder stores what is queued). But afterwards it raises
the signal again with the default handler, so on SIGTERM the process died right there: the store
was never closed and "Server gestopt." never printed, and systemd saw a kill, not an exit 0.
This server handles the signal and ends normally.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

import uvicorn

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class GracefulServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
