"""Build the PDF handbooks: one Sphinx ``singlehtml`` page for all roles, then a Typst PDF per role and edition.

The single page is built with the environment the HTML build left behind when there is one, so
the content is read by Sphinx once per ``geletterdheid build``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..content import Catalog
from ..curriculum import learning_path
from .edition import EDITIONS, CoverFacts, pdf_name
from .render import TEMPLATE_SOURCE, PdfResult, RenderPool, TypstJob, default_workers
from .source import SourceProblem, extract_modules
from .typst_doc import TEMPLATE, handbook_document
from .typst_markup import ASSET_DIR, convert, link_targets


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


def build_handbooks(
    root: Path, out: Path, catalog: Catalog, roles: list[str], *, fresh_env: bool = True, workers: int | None = None
) -> HandbookReport:
    """Write ``out/pdf/handboek-<rol>.pdf`` and ``out/pdf/trainer-<rol>.pdf`` for ``roles``."""
    from ..build import run_sphinx

    report = HandbookReport(ok=False)
    single_dir = out / ".singlehtml"
    config: dict = {}

    def keep_config(app) -> None:
        config.update(
            gemeente=app.config.geletterdheid_gemeente,
            release=app.config.release,
            site_url=app.config.html_baseurl or None,
        )

    clock = time.perf_counter()
    code, warnings = run_sphinx(
        root, single_dir, "singlehtml", doctrees=out / ".doctrees", fresh=fresh_env, on_built=keep_config
    )
    report.seconds["singlehtml"] = time.perf_counter() - clock
    if warnings.strip():
        report.warnings.append(warnings.rstrip())
    if code != 0:
        report.errors.append("de pagina voor de handboeken kon niet gebouwd worden (zie de meldingen hierboven)")
        return report
    clock = time.perf_counter()
    try:
        modules, notes = extract_modules(
            (single_dir / "index.html").read_text(encoding="utf-8"), catalog, site_url=config["site_url"]
        )
    except SourceProblem as exc:
        report.errors.append(str(exc))
        return report
    report.warnings += notes
    facts = CoverFacts(gemeente=config["gemeente"], version=content_version(root, config["release"]), date=build_date())
    pdf_dir = out / "pdf"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    work = single_dir / ASSET_DIR
    work.mkdir(exist_ok=True)
    (work / TEMPLATE).write_bytes(TEMPLATE_SOURCE.read_bytes())
    paths = {role: learning_path(catalog, [role]) for role in roles}
    needed = {module.id for path in paths.values() for module in path.modules}
    linked = set(needed) | {target for module in modules.values() for target in link_targets(module.article)}
    largest_first = sorted(roles, key=lambda role: -sum(m.duration_minutes for m in paths[role].modules))
    with RenderPool(workers or default_workers()) as pool:  # compiles while the next edition is converted
        for edition in EDITIONS:
            markup = {}
            for module_id in sorted(needed):
                with modules[module_id].edition(edition.with_answers) as article:
                    converted = convert(article, linked)
                for asset, data in converted.assets.items():
                    _write_asset(single_dir / asset.lstrip("/"), data)
                markup[module_id] = converted.markup
            for role in largest_first:
                source = work / pdf_name(edition, role).replace(".pdf", ".typ")
                source.write_text(
                    handbook_document(catalog, role, edition, paths[role], facts, markup), encoding="utf-8"
                )
                pool.submit(TypstJob(source=source, target=pdf_dir / pdf_name(edition, role), root=single_dir))
        report.seconds["extract"] = time.perf_counter() - clock
        clock = time.perf_counter()
        report.pdfs, errors = pool.finish()
    report.seconds["render"] = time.perf_counter() - clock  # what was left to compile after the conversion
    for result in report.pdfs:
        report.warnings += [f"{result.target.name}: {message}" for message in result.messages]
    if errors:
        report.errors += errors
        return report
    report.ok = True
    return report


def _write_asset(path: Path, data: bytes) -> None:
    """Write an image once (its name is its hash): Typst may be reading it for another handbook."""
    if path.is_file() and path.stat().st_size == len(data):
        return
    partial = path.with_name(path.name + ".deel")
    partial.write_bytes(data)
    os.replace(partial, path)
