"""``geletterdheid build``: the site (Sphinx HTML) and the PDF handbooks.

Content is checked first; warnings are errors.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .content import catalog_or_exit
from .curriculum import roles_to_build
from .errors import UserError
from .output_names import HTML_FOLDER, PDF_FOLDER, SITE_FOLDER, TRAINER
from .project.assemble import with_origins
from .site_mode import TOETS, read_site_mode, results_url_problem
from .sphinx_run import run_sphinx

if TYPE_CHECKING:  # the handbook code loads only when handbooks are built
    from .handbook.render import PdfResult

OUTPUTS = ("html", "pdf")


def publish_in_site(pdfs: list[PdfResult], folder: Path, *, trainer: bool = True) -> None:
    """Put the handbooks in the site (hard links, so no second copy on disk) and nothing else there.

    ``trainer=False`` (toets mode): the trainer handbooks hold every answer, so they stay in
    ``out/pdf`` only (``geletterdheid serve`` serves them at /trainer/ to a trainer or HR token).
    """
    folder.mkdir(parents=True, exist_ok=True)
    if not trainer:
        pdfs = [pdf for pdf in pdfs if not pdf.target.name.startswith(f"{TRAINER.key}-")]
    wanted = {pdf.target.name for pdf in pdfs}
    for stale in folder.glob("*.pdf"):
        if stale.name not in wanted:
            stale.unlink()
    for pdf in pdfs:
        target = folder / pdf.target.name
        target.unlink(missing_ok=True)
        try:
            os.link(pdf.target, target)
        except OSError:  # another file system, or links not allowed: copy instead
            shutil.copyfile(pdf.target, target)


def build_site(
    root: Path,
    out: Path,
    only: str | None = None,
    roles: list[str] | None = None,
    workers: int | None = None,
    *,
    doctrees: Path | None = None,
    fresh: bool = True,
    results_url: str | None = None,
) -> int:
    """``geletterdheid build``: the site in ``out/html`` and the handbooks in ``out/pdf``.

    ``doctrees`` (default ``out/.doctrees``) with ``fresh=False`` continues the environment an
    earlier build over the same ``root`` left: only pages whose file or Catalog parts changed are
    read again (sphinxext/read_inputs.py); every page is still written. ``results_url``
    (``--resultaten-url``) builds a toets site; it overrides gemeente.toml and the environment.
    """
    if results_url is not None and (problem := results_url_problem(results_url)):
        raise UserError(f"--resultaten-url {results_url!r}: {problem}")
    catalog = catalog_or_exit(root)  # problems and unknown roles are UserErrors: the command says them
    selected = roles_to_build(catalog, roles)
    shared_doctrees = doctrees or out / ".doctrees"
    mode_config = {"geletterdheid_resultaten_url": results_url} if results_url else {}
    if only in (None, "html"):
        html_dir = out / HTML_FOLDER
        # The learning paths link the handbooks only when this build makes them too.
        handbooks = {"geletterdheid_handboeken": selected} if only is None else {}
        code, warnings = run_sphinx(
            root,
            html_dir,
            extra_config={**handbooks, **mode_config},
            doctrees=shared_doctrees,
            fresh_env=fresh,
            write_all=True,
        )
        if warnings.strip():
            print(with_origins(root, warnings), file=sys.stderr, end="")
        if code != 0:
            print("Bouwen mislukt: los de meldingen hierboven op (waarschuwingen tellen als fouten).", file=sys.stderr)
            return 1
        print(f"Website gebouwd: {html_dir / 'index.html'}")
    if only in (None, "pdf"):
        from .handbook.build import build_handbooks  # Typst and friends only when handbooks are wanted

        report = build_handbooks(
            root,
            out,
            catalog,
            selected,
            fresh_env=only == "pdf" and fresh,
            workers=workers,
            doctrees=shared_doctrees,
            extra_config=mode_config,
        )
        for warning in report.warnings:
            print(with_origins(root, warning), file=sys.stderr)
        for error in report.errors:
            print(f"Fout: {error}", file=sys.stderr)
        if not report.ok or report.warnings:
            print(
                "Handboeken mislukt: los de meldingen hierboven op (waarschuwingen tellen als fouten).", file=sys.stderr
            )
            return 1
        pages = sum(result.pages for result in report.pdfs)
        print(f"{len(report.pdfs)} pdf-handboeken gebouwd ({pages} pagina's): {out / PDF_FOLDER}")
        if only is None:
            toets = read_site_mode(out / HTML_FOLDER) == TOETS
            publish_in_site(report.pdfs, out / HTML_FOLDER / SITE_FOLDER, trainer=not toets)
    return 0
