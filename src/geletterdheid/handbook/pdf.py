"""Render the handbooks to tagged PDF (PDF/UA-1) with WeasyPrint, laying out each module only once.

The modules are most of every handbook and most handbooks share most modules, so each edition
lays out one document with all modules, once. A handbook is then assembled from pages: its own
front (cover, contents), the pages of its modules in path order, and for trainers the answer key.
Running headers and page numbers depend on the handbook, so the shared pages carry none: each
page gets the margin boxes of the matching page of a small "frame" document laid out for that
handbook. WeasyPrint draws and tags every assembled page when it writes the PDF, so structure
tree, links (named destinations) and bookmarks are those of the whole handbook.

The two editions are rendered in two processes at once.
"""

from __future__ import annotations

import copy
import gc
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..content import Catalog
from ..curriculum import learning_path
from .compose import (CoverFacts, Edition, back_document, frame_document, frame_pages, front_document,
                      modules_document, pdf_name)
from .source import ModuleHtml

STYLESHEET = Path(__file__).with_name("print.css")
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class EditionJob:
    catalog: Catalog
    edition: Edition
    roles: tuple[str, ...]
    modules: dict[str, ModuleHtml]
    facts: CoverFacts
    base_url: str
    out_dir: Path


@dataclass(frozen=True)
class PdfResult:
    target: Path
    pages: int
    messages: tuple[str, ...]  # what WeasyPrint reported (warnings and errors), in its own words


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Renderer:
    """WeasyPrint with one stylesheet and one font configuration for all documents of a process."""

    def __init__(self, base_url: str) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.base_url = base_url
        self.fonts = FontConfiguration()
        self.css = CSS(filename=str(STYLESHEET), font_config=self.fonts)

    def render(self, html: str):
        from weasyprint import HTML

        return HTML(string=html, base_url=self.base_url).render(stylesheets=[self.css], font_config=self.fonts)


def _framed(page, frame):
    """``page`` with the margin boxes (running header, footer) of ``frame`` instead of its own."""
    from weasyprint.formatting_structure.boxes import MarginBox

    content = [box for box in page._page_box.children if not isinstance(box, MarginBox)]
    margins = [box for box in frame._page_box.children if isinstance(box, MarginBox)]
    framed = copy.copy(page)
    framed._page_box = page._page_box.copy_with_children(content + margins)
    return framed


def _module_pages(document, module_ids: list[str]) -> dict[str, list]:
    """The pages of each module in the modules document (every module starts a new page)."""
    starts = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in module_ids and anchor not in starts:
                starts[anchor] = index
    order = sorted(starts, key=starts.get)
    ends = [starts[m] for m in order[1:]] + [len(document.pages)]
    return {module_id: document.pages[starts[module_id]:end] for module_id, end in zip(order, ends)}


def render_edition(job: EditionJob) -> list[PdfResult]:
    """Write the handbooks of one edition for ``job.roles``; each file appears only when complete."""
    logger = logging.getLogger("weasyprint")
    # Only warnings and errors matter; below that, WeasyPrint's many log calls would cost time.
    level, logger.level = logger.level, logging.WARNING
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    collect = _Collect()
    logger.addHandler(collect)
    propagate, logger.propagate = logger.propagate, False
    try:
        return _render_edition(job, collect)
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
        logger.level = level


def _render_edition(job: EditionJob, collect: _Collect) -> list[PdfResult]:
    catalog, edition, facts = job.catalog, job.edition, job.facts
    renderer = _Renderer(job.base_url)
    paths = {role: learning_path(catalog, [role]) for role in job.roles}
    needed = sorted({module.id for path in paths.values() for module in path.modules})
    module_pages = _module_pages(renderer.render(modules_document(needed, job.modules, edition)), needed)
    results = []
    for role in job.roles:
        before = len(collect.messages) if results else 0  # the first handbook also reports the modules' layout
        path = paths[role]
        counts = {module_id: len(pages) for module_id, pages in module_pages.items()}
        back = renderer.render(back_document(catalog, path)) if edition.with_answers else None
        back_pages = back.pages if back is not None else []
        front_count, front = 2, None
        for _ in range(3):  # the contents need page numbers, which depend on the length of the front
            start, next_page = {}, front_count + 1
            for module in path.modules:
                start[module.id] = next_page
                next_page += counts[module.id]
            front = renderer.render(front_document(catalog, role, edition, path, facts, start,
                                                   next_page if back_pages else None))
            if len(front.pages) == front_count:
                break
            front_count = len(front.pages)
        frames = renderer.render(frame_document(
            frame_pages(catalog, role, edition, path, facts, front_count, counts, len(back_pages))))
        pages = front.pages + [page for module in path.modules for page in module_pages[module.id]] + back_pages
        assembled = pages[:1] + [_framed(page, frame) for page, frame in zip(pages[1:], frames.pages)]
        target = job.out_dir / pdf_name(edition, role)
        partial = target.with_name(target.name + ".deel")
        try:
            front.copy(assembled).write_pdf(partial, pdf_variant=PDF_VARIANT)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        results.append(PdfResult(target, len(assembled), tuple(collect.messages[before:])))
    return results


def render_editions(jobs: list[EditionJob], workers: int) -> list[PdfResult]:
    """Render each edition in its own process (forked, so WeasyPrint is imported once)."""
    if workers <= 1 or len(jobs) <= 1:
        return [result for job in jobs for result in render_edition(job)]
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    # Forked workers inherit everything the Sphinx build left in memory; frozen, the garbage
    # collector skips those objects, which otherwise slows WeasyPrint down badly in a worker.
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
            return [result for results in pool.map(render_edition, jobs) for result in results]
    finally:
        gc.unfreeze()


def default_workers() -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(2, cpus))
