"""The HR export as an Excel workbook: the CSV's columns, with typed cells.

Ids and staff numbers are text (so ``007`` stays ``007``), dates are dates, scores and counts are
numbers; the header row is frozen and has an autofilter. Written with XlsxWriter in constant-memory mode,
row by row, to a temporary file that replaces the target only when complete. XlsxWriter, not
openpyxl's write-only mode: the 20,000-employee export took half the time (bench/bench_export.py).

A text cell never becomes a formula: every value is written with the writer of its type, so
text that starts with ``=`` stays text (the CSV puts an apostrophe before it instead, which in a
workbook would show).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Catalog
from ..records.batching import cyclic_gc_paused
from ..records.model import Employee, join_roles
from ..records.times import local_day
from ..records.workshops import attended_modules
from .completion import EmployeeCompletion, completions, today_here
from .hr_export import (
    LONG_HEADER,
    NO,
    YES,
    ExportOptions,
    as_shown,
    export_people_as_stored,
    module_columns,
    wide_header,
    with_left_column,
    workshops_cell,
)
from .spreadsheet import replaced_atomically
from .status import attended

if TYPE_CHECKING:
    from ..records.store import Store

SHEET_TITLE = "Export"
#: Column widths in characters, by header name; others get DEFAULT_WIDTH.
WIDTHS = {"naam": 28, "afdeling": 22, "rollen": 32, "module_titel": 36, "status": 14, "medewerker_id": 20}
DEFAULT_WIDTH = 13

Cell = str | int | float | dt.date | None


def _person(employee: Employee, hide: Callable[[str], str] | None, show_left: bool) -> list[Cell]:
    identity: list[Cell] = [hide(employee.id)] * 2 if hide else [employee.id, employee.name]
    person = [*identity, employee.department, join_roles(employee.all_roles)]
    return [*person, employee.left_on] if show_left else person


def long_values(
    catalog: Catalog,
    items: Iterable[EmployeeCompletion],
    hide: Callable[[str], str] | None = None,
    show_left: bool = False,
) -> Iterator[list[Cell]]:
    """The rows under LONG_HEADER (with uit_dienst when ``show_left``) with typed values."""
    titles = {module_id: module.title for module_id, module in catalog.modules.items()}
    for item in items:
        person = _person(item.employee, hide, show_left)
        for module in item.modules:
            yield [
                *person,
                module.module_id,
                titles.get(module.module_id, ""),
                YES if module.required else NO,
                module.status,
                module.best_score,
                local_day(module.passed_at),
                module.attempt_count,
                module.valid_until,
                module.deadline,
                attended(module.workshop_on) or None,  # an empty cell, as for the other columns
                module.reason or None,
            ]


def wide_values(
    header: Sequence[str],
    items: Iterable[EmployeeCompletion],
    hide: Callable[[str], str] | None = None,
    show_left: bool = False,
) -> Iterator[list[Cell]]:
    """The rows under the wide header: a status per module, then the required totals as numbers."""
    columns = module_columns(header, show_left)
    for item in items:
        status = {module.module_id: module.status for module in item.modules}
        yield [
            *_person(item.employee, hide, show_left),
            *(status.get(module_id, "") for module_id in columns),
            item.required_count,
            item.required_passed,
            workshops_cell(item) or None,
        ]


def write_workbook(out: Path, header: Sequence[str], rows: Iterable[list[Cell]]) -> int:
    """Write ``rows`` under ``header`` to ``out`` (atomically); returns the number of rows."""
    import xlsxwriter

    with replaced_atomically(out) as temp:
        # constant_memory: each row goes to disk when the next begins, so memory stays flat
        workbook = xlsxwriter.Workbook(str(temp), {"constant_memory": True})
        sheet = workbook.add_worksheet(SHEET_TITLE)
        for index, name in enumerate(header):
            sheet.set_column(index, index, WIDTHS.get(name, DEFAULT_WIDTH))
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        for index, name in enumerate(header):
            sheet.write_string(0, index, name, bold)
        # One writer per type, chosen by the value's class: sheet.write() would turn text that
        # starts with '=' into a formula and web addresses into links.
        text, number, moment = sheet.write_string, sheet.write_number, sheet.write_datetime
        count = 0
        for count, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                kind = value.__class__
                if kind is str:
                    text(count, column, value)
                elif kind is int or kind is float:
                    number(count, column, value)
                elif kind is dt.date:
                    moment(count, column, value, day)
                elif value is not None:
                    raise TypeError(f"no cell type for {kind.__name__}")
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, count, len(header) - 1)
        workbook.close()
    return count


def export_xlsx(store: Store, catalog: Catalog, out: Path, options: ExportOptions) -> int:
    """Write the export as a workbook; returns the number of employees in it."""
    with cyclic_gc_paused():
        left = options.include_left
        employees, hide, real = export_people_as_stored(store.employees(options.department, include_left=left), options)
        progress = store.module_progress(options.department, include_left=left)
        workshops = attended_modules(store)
        # checks the roles before anything is written
        today = options.today or today_here()
        items = as_shown(completions(catalog, real, progress, options.training, today, workshops), employees)
        if options.layout == "wide":
            header = wide_header(catalog, (p.quiz_id for p in progress), left)
            write_workbook(out, header, wide_values(header, items, hide, left))
        else:
            header = with_left_column(LONG_HEADER) if left else LONG_HEADER
            write_workbook(out, header, long_values(catalog, items, hide, left))
    return len(employees)
