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
from ..model import RecordCounts, module_versions
from ..sheets import XLSX_SUFFIXES, read_table
from ..store import Store
from . import long_csv, msforms, wide
from .common import Directory, ParsedResponses, choose_quiz


@dataclass(frozen=True)
class ResponsesImport:
    parsed: ParsedResponses
    stored: RecordCounts | None  # None when nothing was stored because of problems


def parse_responses(path: Path, catalog: Catalog, people: Directory, quiz_id: str | None = None) -> ParsedResponses:
    table = read_table(path)
    only_quiz = choose_quiz(catalog, quiz_id, table.name)
    positions = table.column_positions()
    if long_csv.matches(positions):
        return long_csv.parse(table, catalog, people, only_quiz)
    if wide.matches(positions):
        return wide.parse(table, catalog, people, only_quiz)
    if table.path.suffix.lower() in XLSX_SUFFIXES and msforms.matches(positions):
        return msforms.parse(table, catalog, people, only_quiz)
    raise RecordsError(
        f"{table.name}: onbekende indeling. Verwacht de kolommen {','.join(long_csv.COLUMNS)} (lang), "
        "of medewerker_id, tijdstip en een kolom per vraag-id (breed), of een export uit Microsoft Forms (.xlsx)"
    )


def import_responses(
    store: Store, catalog: Catalog, path: Path, quiz_id: str | None = None, skip_invalid: bool = False
) -> ResponsesImport:
    with cyclic_gc_paused():
        parsed = parse_responses(path, catalog, Directory(store.employee_contacts()), quiz_id)
        if parsed.problems and not skip_invalid:
            return ResponsesImport(parsed, None)
        return ResponsesImport(parsed, store.record_attempts(parsed.attempts, module_versions(catalog)))
