"""Run Sphinx in-process, as ``geletterdheid build`` needs it: warnings are errors, collected as text."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils


def run_sphinx(
    root: Path,
    outdir: Path,
    builder: str = "html",
    extra_config: Mapping[str, Any] | None = None,
    quiet: bool = True,
    doctrees: Path | None = None,
    fresh_env: bool = True,
    write_all: bool | None = None,
    on_built: Callable[[Sphinx], None] | None = None,
    prepare: Callable[[Sphinx], None] | None = None,
) -> tuple[int, str]:
    """Run Sphinx in-process; return (exit code, warnings text).

    ``fresh_env=False`` with a ``doctrees`` folder another build filled reuses its environment, so
    only what changed is read again; ``write_all`` (default: as ``fresh_env``) writes every page
    rather than only those read again. ``prepare`` sees the application (and its builder) before the build,
    ``on_built`` after a successful one.
    """
    warnings = io.StringIO()
    if not sys.stderr.isatty():
        nocolor()  # plain text for logs and CI
    doctrees = doctrees or outdir.parent / ".doctrees" / builder
    try:
        with patch_docutils(root), docutils_namespace():
            app = Sphinx(
                srcdir=root,
                confdir=root,
                outdir=outdir,
                doctreedir=doctrees,
                buildername=builder,
                confoverrides=dict(extra_config or {}),
                status=None if quiet else sys.stdout,
                warning=warnings,
                freshenv=fresh_env,
                warningiserror=True,
                keep_going=True,
            )
            if prepare is not None:
                prepare(app)
            app.build(force_all=fresh_env if write_all is None else write_all)
            code = app.statuscode
            if code == 0 and on_built is not None:
                on_built(app)
    except SphinxError as exc:
        warnings.write(f"{exc.category}: {exc}\n")
        code = 1
    return code, warnings.getvalue()
