"""Build the handbook site with Sphinx: content is checked first, warnings are errors."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import nocolor
from sphinx.util.docutils import docutils_namespace, patch_docutils

from .content import load_catalog


def run_sphinx(root: Path, outdir: Path, builder: str = "html", extra_config: dict | None = None, quiet: bool = True) -> tuple[int, str]:
    """Run Sphinx in-process; return (exit code, warnings text)."""
    warnings = io.StringIO()
    if not sys.stderr.isatty():
        nocolor()  # plain text for logs and CI
    doctrees = outdir.parent / ".doctrees" / builder
    try:
        with patch_docutils(root), docutils_namespace():
            app = Sphinx(
                srcdir=root, confdir=root, outdir=outdir, doctreedir=doctrees, buildername=builder,
                confoverrides=extra_config or {}, status=None if quiet else sys.stdout, warning=warnings,
                freshenv=True, warningiserror=True, keep_going=True,
            )
            app.build(force_all=True)
            code = app.statuscode
    except SphinxError as exc:
        warnings.write(f"{exc.category}: {exc}\n")
        code = 1
    return code, warnings.getvalue()


def build_site(root: Path, out: Path) -> int:
    catalog, problems = load_catalog(root)
    if catalog is None:
        for problem in problems:
            print(problem.format(root), file=sys.stderr)
        print(f"Bouwen gestopt: {len(problems)} fout(en) in de inhoud.", file=sys.stderr)
        return 1
    html_dir = out / "html"
    code, warnings = run_sphinx(root, html_dir)
    if warnings.strip():
        print(warnings, file=sys.stderr, end="")
    if code != 0:
        print("Bouwen mislukt: los de meldingen hierboven op (waarschuwingen tellen als fouten).", file=sys.stderr)
        return 1
    print(f"Website gebouwd: {html_dir / 'index.html'}")
    return 0
