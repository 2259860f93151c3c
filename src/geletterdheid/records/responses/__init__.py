"""Import quiz responses: recognise the file's format, score every attempt, store them at once.

Formats: long CSV (one row per answer), wide CSV/XLSX (a workshop score sheet, one row per
attempt), the workshop kit's score workbook (``scoreblad.xlsx``: a wide sheet per quiz, named
"Toets <module id>", beside a "Presentielijst" that ``attendance import`` reads) and a Microsoft
Forms XLSX export. All-or-nothing by default: a file with any invalid row (on any sheet), or a
column that is not understood, stores nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...content.model import Catalog
from ...problems import Problem
from ..attendance import ATTENDANCE_SHEET
from ..batching import cyclic_gc_paused
from ..errors import RecordsError
from ..model import Conflict, RecordCounts, module_versions
from ..sheets import XLSX_SUFFIXES, Table, read_sheet, read_table, workbook_sheets
from ..store import Store
from . import long_csv, msforms, wide
from .common import Directory, ParsedResponses, choose_quiz, set_aside_gaps


@dataclass(frozen=True)
class ResponsesImport:
    parsed: ParsedResponses
    stored: RecordCounts | None  # None when nothing was stored because of problems or conflicts
    #: Attempts stored before with other answers, each with where it is in the file ("blad.csv, rij 4");
    #: unless they were replaced (--vervang), nothing was stored.
    conflicts: tuple[tuple[Conflict, str], ...] = ()


#: A sheet of the workshop kit's score workbook: "Toets m01" holds the answers to quiz m01.
QUIZ_SHEET = re.compile(r"toets\s+(\S+)", re.IGNORECASE)
WORKBOOK_FORMAT = "scoreblad"
#: Each sheet is read by opening the workbook again (row by row, within xlsx.py's limits): more quiz
#: sheets than any workshop has would let one small file cost minutes.
MAX_QUIZ_SHEETS = 50


def parse_responses(path: Path, catalog: Catalog, people: Directory, quiz_id: str | None = None) -> ParsedResponses:
    titles = workbook_sheets(path)
    if any(QUIZ_SHEET.fullmatch(title.strip()) for title in titles):
        return _parse_workbook(Path(path), titles, catalog, people, quiz_id)
    return _parse_table(read_table(path), catalog, people, quiz_id)


def _parse_workbook(
    path: Path, titles: Sequence[str], catalog: Catalog, people: Directory, quiz_id: str | None
) -> ParsedResponses:
    """Every "Toets ..." sheet of a score workbook, each one quiz, as one import (all or nothing).

    The quiz of a sheet is the module id in its name; a sheet whose name names no quiz is decided
    by its question ids, as a single wide sheet is.
    """
    chosen = choose_quiz(catalog, quiz_id, path.name)
    quiz_sheets = sum(1 for title in titles if QUIZ_SHEET.fullmatch(title.strip()))
    if quiz_sheets > MAX_QUIZ_SHEETS:
        raise RecordsError(
            f"{path.name}: {quiz_sheets} bladen 'Toets ...'; er mogen hoogstens {MAX_QUIZ_SHEETS} zijn. "
            "Splits het bestand"
        )
    merged = ParsedResponses(WORKBOOK_FORMAT)
    seen: dict[tuple[str, str, dt.datetime], str] = {}
    for index, title in enumerate(titles):
        named = QUIZ_SHEET.fullmatch(title.strip())
        if named is None:
            if title.strip().casefold() != ATTENDANCE_SHEET.casefold():  # read by attendance import
                merged.notes.append(f"{path.name}: blad '{title}' is niet gelezen (alleen bladen 'Toets <module>')")
            continue
        table = read_sheet(path, index, title)
        quiz = catalog.quizzes.get(named[1])
        if chosen is not None and quiz is not None and quiz is not chosen:
            raise RecordsError(
                f"{table.name}: dit blad is toets {quiz.module}, niet de gekozen toets {chosen.module} (--quiz)"
            )
        if not wide.matches(msforms.positions_of(table)):
            raise RecordsError(
                f"{table.name}: verwacht de kolommen medewerker_id, tijdstip en een kolom per vraag (zoals 1. m01-q01)"
            )
        part = wide.parse(table, catalog, people, quiz or chosen)
        set_aside_gaps(part)
        merged.notes += part.notes
        merged.ignored_columns += part.ignored_columns
        for problem in part.problems:
            merged.problems.append(problem)
        merged.dropped_attempts += part.dropped_attempts
        # the kit's spare rows (only the session's time filled in) are passed over without a word
        merged.empty += part.empty - part.spare
        merged.incomplete += part.incomplete
        merged.unanswered += part.unanswered
        for attempt, row in zip(part.attempts, part.rows, strict=True):
            key = (attempt.employee_id, attempt.quiz_id, attempt.taken_at)
            if key in seen:
                merged.problems.append(
                    Problem(
                        table.location,
                        row,
                        f"dezelfde poging (medewerker {attempt.employee_id}, toets {attempt.quiz_id}, "
                        f"zelfde tijdstip) staat al in {seen[key]}",
                    )
                )
                continue
            seen[key] = f"{table.name}, rij {row}"
            merged.attempts.append(attempt)
            merged.rows.append(row)
            merged.places.append(seen[key])
    if not seen and not merged.problems and not merged.empty:
        merged.notes.append(f"{path.name}: de bladen 'Toets ...' bevatten geen rijen")
    return merged


def _parse_table(table: Table, catalog: Catalog, people: Directory, quiz_id: str | None) -> ParsedResponses:
    parsed = _parse_format(table, catalog, people, quiz_id)
    set_aside_gaps(parsed)
    return parsed


def _parse_format(table: Table, catalog: Catalog, people: Directory, quiz_id: str | None) -> ParsedResponses:
    only_quiz = choose_quiz(catalog, quiz_id, table.name)
    # Tolerates repeated titles, which only Forms may have: the other formats refuse them when they parse.
    positions = msforms.positions_of(table)
    if long_csv.matches(positions):
        return long_csv.parse(table, catalog, people, only_quiz)
    if wide.matches(positions):
        return wide.parse(table, catalog, people, only_quiz)
    if table.path.suffix.lower() in XLSX_SUFFIXES and msforms.matches(positions):
        return msforms.parse(table, catalog, people, only_quiz)
    table.column_positions()  # an unknown layout with a repeated column: name that first
    raise RecordsError(
        f"{table.name}: onbekende indeling. Verwacht de kolommen {','.join(long_csv.COLUMNS)} (lang), "
        "of medewerker_id, tijdstip en een kolom per vraag-id (breed), of een export uit Microsoft Forms (.xlsx)"
    )


def import_responses(
    store: Store,
    catalog: Catalog,
    path: Path,
    quiz_id: str | None = None,
    skip_invalid: bool = False,
    replace: bool = False,
    done_by: str | None = None,
) -> ResponsesImport:
    """Parse, score and store a file. Attempts stored before with other answers are refused (nothing
    is stored) unless ``replace``: then they are replaced, and the audit trail says by ``done_by``."""
    with cyclic_gc_paused():
        parsed = parse_responses(path, catalog, Directory(store.employee_contacts()), quiz_id)
        if parsed.problems and not skip_invalid:
            return ResponsesImport(parsed, None)
        # The file's table is not kept while storing: it holds the whole file in memory.
        stored = store.import_attempts(
            parsed.attempts,
            replace,
            done_by,
            f"opnieuw geïmporteerd uit {Path(path).name} (--vervang)",
            module_versions(catalog),
        )
        if not stored.conflicts:
            return ResponsesImport(parsed, stored)
        located = _with_rows(path, parsed, stored.conflicts)
        return ResponsesImport(parsed, stored if replace else None, located)


def _with_rows(
    path: Path, parsed: ParsedResponses, conflicts: tuple[Conflict, ...]
) -> tuple[tuple[Conflict, str], ...]:
    """Each conflict with where its attempt is in the file ("blad.csv, rij 4"), in row order."""
    if parsed.rows:
        rows: list[int | None] = [parsed.rows[conflict.index] for conflict in conflicts]
    else:  # the long CSV keeps no row numbers: read it again for just these attempts
        keys = {_key(parsed, conflict) for conflict in conflicts}
        found = long_csv.first_rows(read_table(path), keys)
        rows = [found.get(_key(parsed, conflict)) for conflict in conflicts]
    if parsed.places:  # a workbook: the sheet as well as the row
        places = [parsed.places[conflict.index] for conflict in conflicts]
    else:
        places = [path.name if row is None else f"{path.name}, rij {row}" for row in rows]
    located = sorted(zip(conflicts, rows, places, strict=True), key=lambda item: (item[1] is None, item[1] or 0))
    return tuple((conflict, place) for conflict, _, place in located)


def _key(parsed: ParsedResponses, conflict: Conflict) -> long_csv.AttemptKey:
    attempt = parsed.attempts[conflict.index]
    return attempt.employee_id, attempt.quiz_id, attempt.taken_at
