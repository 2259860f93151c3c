"""Compile handbook documents to tagged PDF/UA-1 with Typst (the ``typst`` package), a few at once.

Each document is written as ``<name>.typ`` in the work folder (next to the shared template and the
QR images), compiled with ``pdf_standards="ua-1"``, and the PDF appears under its final name only
when complete. Typst's errors become Dutch messages naming the handbook.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

PDF_STANDARD: Final = "ua-1"
TEMPLATE_SOURCE = Path(__file__).with_name("handboek.typ")
#: Body text fonts, most wanted first. Typst warns about every family in a list that is not
#: installed (and a warning fails the build), so only the installed ones are passed on.
#: Libertinus Serif ships inside Typst, so a machine without any fonts still gets a handbook.
BODY_FONTS = ("Liberation Sans", "DejaVu Sans", "Libertinus Serif")


@dataclass(frozen=True)
class TypstJob:
    source: Path  # the .typ file, inside root
    target: Path  # the PDF to write
    root: Path  # Typst's project root: image paths like /_images/x.svg are relative to it


@dataclass(frozen=True)
class PdfResult:
    target: Path
    pages: int
    messages: tuple[str, ...]  # Typst's warnings, in its own words


class RenderProblem(Exception):
    """A handbook that Typst could not make (Dutch message naming the file)."""


def _describe(error: BaseException) -> str:
    return " ".join(str(error).split()) or error.__class__.__name__


@lru_cache(maxsize=1)
def body_fonts() -> str:
    """The installed body fonts as Typst's ``sys.inputs`` carries them: names joined by commas."""
    import typst

    installed = set(typst.Fonts().families())
    return ",".join(font for font in BODY_FONTS if font in installed) or BODY_FONTS[-1]


def compile_one(job: TypstJob) -> PdfResult:
    import typst

    partial = job.target.with_name(job.target.name + ".deel")
    try:
        try:
            _, warnings = typst.compile_with_warnings(
                str(job.source),
                output=str(partial),
                root=str(job.root),
                pdf_standards=PDF_STANDARD,
                pdf_tags=True,
                sys_inputs={"gl-letter": body_fonts()},
            )
        except Exception as exc:  # typst.TypstError and whatever the binding raises
            raise RenderProblem(
                f"{job.target.name}: Typst kon het handboek niet maken ({job.source.name}): {_describe(exc)}"
            ) from exc
        data = partial.read_bytes()
        os.replace(partial, job.target)
    finally:
        partial.unlink(missing_ok=True)
    return PdfResult(job.target, _page_count(data), tuple(_describe(w) for w in warnings or ()))


def _page_count(pdf: bytes) -> int:
    """The ``/Count`` of the root page tree: by the PDF standard, the number of pages.

    Reading just that object costs a third of walking every page (``len(reader.pages)``, which
    was 1.1 s of processor time for the 14 handbooks, next to ~10 s for Typst itself).
    """
    import io

    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject, NumberObject

    pages = PdfReader(io.BytesIO(pdf)).root_object["/Pages"].get_object()
    count = pages.get("/Count") if isinstance(pages, DictionaryObject) else None
    if not isinstance(count, NumberObject):
        raise RenderProblem("Typst schreef een pdf zonder paginaboom; meld dit aan de beheerders")
    return int(count)


class RenderPool:
    """Compiles handbooks in ``workers`` threads while the caller writes the next ones.

    Typst releases the GIL while it compiles, so converting the next edition in Python and
    compiling the previous one overlap.
    """

    def __init__(self, workers: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers))
        self._futures: list[Future[PdfResult | RenderProblem]] = []

    def __enter__(self) -> RenderPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True)

    def submit(self, job: TypstJob) -> None:
        self._futures.append(self._pool.submit(_attempt, job))

    def finish(self) -> tuple[list[PdfResult], list[str]]:
        """Wait for every job: the results that worked and the Dutch errors, in submission order."""
        results: list[PdfResult] = []
        errors: list[str] = []
        for future in self._futures:
            outcome = future.result()
            if isinstance(outcome, RenderProblem):
                errors.append(str(outcome))
            else:
                results.append(outcome)
        return results, errors


def _attempt(job: TypstJob) -> PdfResult | RenderProblem:
    try:
        return compile_one(job)
    except RenderProblem as exc:
        return exc


def default_workers() -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(2, cpus))
