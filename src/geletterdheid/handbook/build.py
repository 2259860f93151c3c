"""Build the PDF handbooks: the ``typst`` Sphinx builder makes each module's markup once per
edition, then Typst compiles a PDF per role and edition.

The builder runs on the environment the HTML build left behind when there is one, so the content
is read by Sphinx once per ``geletterdheid build``. The employee edition's handbooks compile while
the trainer edition is translated.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .. import __version__
from ..content import Catalog
from ..curriculum import learning_path
from ..output_names import PDF_FOLDER, Edition, pdf_name
from ..sphinx_run import run_sphinx
from .edition import CoverFacts
from .render import TEMPLATE_SOURCE, PdfResult, RenderPool, TypstJob, default_workers
from .translator import ASSET_DIR
from .typst_builder import TypstBuilder
from .typst_doc import TEMPLATE, handbook_document

TYPST_ROOT = ".typst"  # under --out: the Typst project root (images, documents, template)


@dataclass
class HandbookReport:
    ok: bool
    pdfs: list[PdfResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per step, for the benchmark


def build_date() -> dt.date:
    """Today, or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def content_version(root: Path, release: str) -> str:
    """conf.py's ``release`` if set, else the package version and the content's last commit."""
    if release:
        return release
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{__version__} ({commit})" if commit else __version__


def _copy_logo(confdir: Path, logo: str, work: Path) -> str | None:
    """The gemeente's logo (``geletterdheid_logo``, relative to conf.py) copied under the Typst root."""
    if not logo:
        return None
    source = confdir / logo
    target = work / f"logo{source.suffix.lower()}"
    target.write_bytes(source.read_bytes())
    return f"/{work.name}/{target.name}"


def build_handbooks(
    root: Path,
    out: Path,
    catalog: Catalog,
    roles: list[str],
    *,
    fresh_env: bool = True,
    workers: int | None = None,
    doctrees: Path | None = None,
    extra_config: dict[str, Any] | None = None,
) -> HandbookReport:
    """Write ``out/pdf/handboek-<rol>.pdf`` and ``out/pdf/trainer-<rol>.pdf`` for ``roles``."""
    report = HandbookReport(ok=False)
    typst_root = out / TYPST_ROOT
    work = typst_root / ASSET_DIR
    pdf_dir = out / PDF_FOLDER
    pdf_dir.mkdir(parents=True, exist_ok=True)
    paths = {role: learning_path(catalog, [role]) for role in roles}
    needed = {module.id for path in paths.values() for module in path.modules}
    largest_first = sorted(roles, key=lambda role: -sum(m.duration_minutes for m in paths[role].modules))
    clock = time.perf_counter()
    with RenderPool(workers or default_workers()) as pool:

        def prepare(app: Sphinx) -> None:
            work.mkdir(parents=True, exist_ok=True)
            facts = CoverFacts(
                gemeente=app.config.geletterdheid_gemeente,
                version=content_version(root, app.config.release),
                date=build_date(),
                logo=_copy_logo(Path(app.confdir), app.config.geletterdheid_logo, work),
                toets=bool(app.config.geletterdheid_resultaten_url),
            )
            (work / TEMPLATE).write_bytes(TEMPLATE_SOURCE.read_bytes())

            def compile_edition(edition: Edition, markup: dict[str, str]) -> None:
                for role in largest_first:
                    source = work / pdf_name(edition, role).replace(".pdf", ".typ")
                    source.write_text(
                        handbook_document(catalog, role, edition, paths[role], facts, markup), encoding="utf-8"
                    )
                    pool.submit(TypstJob(source=source, target=pdf_dir / pdf_name(edition, role), root=typst_root))

            builder = app.builder
            assert isinstance(builder, TypstBuilder)
            builder.module_ids = needed
            builder.on_edition = compile_edition

        code, warnings = run_sphinx(
            root,
            typst_root,
            "typst",
            extra_config=extra_config,
            doctrees=doctrees or out / ".doctrees",
            fresh_env=fresh_env,
            prepare=prepare,
        )
        report.seconds["typst"] = time.perf_counter() - clock
        clock = time.perf_counter()
        report.pdfs, errors = pool.finish()
    report.seconds["render"] = time.perf_counter() - clock  # what was left to compile after the conversion
    if warnings.strip():
        report.warnings.append(warnings.rstrip())
    if code != 0:
        report.errors.append("de handboeken konden niet gemaakt worden (zie de meldingen hierboven)")
        return report
    for result in report.pdfs:
        report.warnings += [f"{result.target.name}: {message}" for message in result.messages]
    if errors:
        report.errors += errors
        return report
    report.ok = True
    return report
