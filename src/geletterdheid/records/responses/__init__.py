"""Import quiz responses: recognise the file's format, score every attempt, store them at once.

Formats: long CSV (one row per answer), wide CSV/XLSX (a workshop score sheet, one row per
attempt) and a Microsoft Forms XLSX export. All-or-nothing by default: a file with any invalid
row, or a column that is not understood, stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...content.model import Catalog
from ..batching import cyclic_gc_paused
from ..errors import RecordsError
from ..model import Conflict, RecordCounts, module_versions
from ..sheets import XLSX_SUFFIXES, Table, read_table
from ..store import Store
from . import long_csv, msforms, wide
from .common import Directory, ParsedResponses, choose_quiz, set_aside_gaps


@dataclass(frozen=True)
class ResponsesImport:
    parsed: ParsedResponses
    stored: RecordCounts | None  # None when nothing was stored because of problems or conflicts
    #: Attempts stored before with other answers, each with its row in the file; unless they
    #: were replaced (--vervang), nothing was stored.
    conflicts: tuple[tuple[Conflict, int | None], ...] = ()


def parse_responses(path: Path, catalog: Catalog, people: Directory, quiz_id: str | None = None) -> ParsedResponses:
    return _parse_table(read_table(path), catalog, people, quiz_id)


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
) -> tuple[tuple[Conflict, int | None], ...]:
    """Each conflict with the row of its attempt in the file, in row order."""
    if parsed.rows:
        rows: list[int | None] = [parsed.rows[conflict.index] for conflict in conflicts]
    else:  # the long CSV keeps no row numbers: read it again for just these attempts
        keys = {_key(parsed, conflict) for conflict in conflicts}
        found = long_csv.first_rows(read_table(path), keys)
        rows = [found.get(_key(parsed, conflict)) for conflict in conflicts]
    located = list(zip(conflicts, rows, strict=True))
    located.sort(key=lambda pair: (pair[1] is None, pair[1] or 0))
    return tuple(located)


def _key(parsed: ParsedResponses, conflict: Conflict) -> long_csv.AttemptKey:
    attempt = parsed.attempts[conflict.index]
    return attempt.employee_id, attempt.quiz_id, attempt.taken_at
