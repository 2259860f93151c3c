"""Reminders: one row per employee with required modules still open, ready for a mail merge. Pure
apart from writing the file.

Open is every required module that is not "geslaagd" on the day the list is for (``--voor``,
default today): not started, failed, late, expired or to be redone. Working the statuses out
for a later day also lists the passes that expire before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content.model import Catalog
from ..records.model import Employee
from .completion import EmployeeCompletion
from .spreadsheet import Dialect, neutralise, open_output, write_rows
from .status import DONE

#: A cell's value: what the workbook writes typed and the CSV as text.
Cell = str | int | float | dt.date | None

HEADER = ["medewerker_id", "naam", "email", "afdeling", "open_modules", "aantal_open", "deadline"]
LINK_HEADER = ["link", "link_geldig_tot"]
#: Between the module titles in one cell: a mail merge shows the cell as one sentence.
TITLE_SEPARATOR = "; "

#: employee -> (personal link, last day it works)
LinkMaker = Callable[[Employee], tuple[str, dt.date]]


@dataclass(frozen=True)
class Reminder:
    employee: Employee
    open_titles: tuple[str, ...]  # in learning-path order
    deadline: dt.date | None  # the earliest deadline of the open modules


def reminders(catalog: Catalog, items: Iterable[EmployeeCompletion]) -> Iterator[Reminder]:
    """A Reminder for each employee with an open required module, in the order given."""
    for item in items:
        open_modules = [module for module in item.modules if module.required and module.status not in DONE]
        if not open_modules:
            continue
        deadlines = [module.deadline for module in open_modules if module.deadline is not None]
        yield Reminder(
            item.employee,
            tuple(catalog.modules[module.module_id].title for module in open_modules),
            min(deadlines) if deadlines else None,
        )


def _values(reminder: Reminder, link_of: LinkMaker | None) -> list[Cell]:
    employee = reminder.employee
    values: list[Cell] = [
        employee.id,
        employee.name,
        employee.email or "",
        employee.department,
        TITLE_SEPARATOR.join(reminder.open_titles),
        len(reminder.open_titles),
        reminder.deadline,
    ]
    if link_of is not None:
        values.extend(link_of(employee))
    return values


def header(with_links: bool) -> list[str]:
    return HEADER + (LINK_HEADER if with_links else [])


def write_csv(out: Path | None, dialect: Dialect, items: Sequence[Reminder], link_of: LinkMaker | None) -> None:
    def text(value: object) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        return neutralise(value) if isinstance(value, str) else str(value)

    rows = ([text(value) for value in _values(reminder, link_of)] for reminder in items)
    with open_output(out, dialect) as stream:
        write_rows(stream, dialect, header(link_of is not None), rows)


def write_xlsx(out: Path, items: Sequence[Reminder], link_of: LinkMaker | None) -> None:
    from .xlsx_export import write_workbook

    write_workbook(out, header(link_of is not None), (_values(reminder, link_of) for reminder in items))
