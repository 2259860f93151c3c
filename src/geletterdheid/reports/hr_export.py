"""The HR completion export: the gemeente's evidence of AI-literacy measures (AI Act art. 4).

``long``: one row per employee and module (every required module, plus modules attempted but
not required). ``wide``: one row per employee, one status column per module, like an LMS
progress report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import ALL_STAFF_ROLE, Catalog
from ..records.batching import cyclic_gc_paused
from ..records.model import Employee
from ..records.times import LOCAL_ZONE
from .completion import NOT_STARTED, EmployeeCompletion, completions
from .pseudonym import pseudonym
from .spreadsheet import Dialect, neutralise, number, open_output, write_rows

if TYPE_CHECKING:
    from ..records.store import Store

LAYOUTS = ("long", "wide")
LONG_HEADER = ["medewerker_id", "naam", "afdeling", "rollen", "module_id", "module_titel", "verplicht",
               "status", "beste_score", "geslaagd_op", "pogingen"]
WIDE_FIXED = ["medewerker_id", "naam", "afdeling", "rollen"]
WIDE_TOTALS = ["verplicht_aantal", "verplicht_geslaagd"]
YES, NO = "ja", "nee"


def local_date(moment: dt.datetime | None) -> str:
    return moment.astimezone(LOCAL_ZONE).date().isoformat() if moment else ""


class _LocalDates(dict):
    """UTC moment -> Dutch local date text, worked out once per hour (the zone changes only on the hour)."""

    def text(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return ""
        hour = moment.timestamp() // 3600
        text = self.get(hour)
        if text is None:
            text = self[hour] = local_date(moment)
        return text


def _person_cells(employee: Employee, hide: Callable[[str], str] | None) -> list[str]:
    """id, name, department and roles, neutralised; with ``hide`` the id and name become a pseudonym."""
    if hide is not None:
        token = hide(employee.id)
        identity = [token, token]
    else:
        identity = [neutralise(employee.id), neutralise(employee.name)]
    return identity + [neutralise(employee.department), neutralise("|".join((ALL_STAFF_ROLE, *employee.roles)))]


def long_rows(catalog: Catalog, items: Iterable[EmployeeCompletion], dialect: Dialect,
              hide: Callable[[str], str] | None = None) -> Iterator[list[str]]:
    titles = {module_id: neutralise(module.title) for module_id, module in catalog.modules.items()}
    # An export of an organisation repeats a few hundred distinct cell groups: build each once.
    module_cells: dict[tuple[str, bool], list[str]] = {}
    untouched: dict[tuple[str, bool], list[str]] = {}
    scores: dict[float, str] = {}
    dates = _LocalDates()
    for item in items:
        person = _person_cells(item.employee, hide)
        for module in item.modules:
            key = (module.module_id, module.required)
            if module.status == NOT_STARTED:
                cells = untouched.get(key)
                if cells is None:
                    cells = untouched[key] = [neutralise(module.module_id), titles.get(module.module_id, ""),
                                              YES if module.required else NO, NOT_STARTED, "", "", "0"]
                yield person + cells
                continue
            head = module_cells.get(key)
            if head is None:
                head = module_cells[key] = [neutralise(module.module_id), titles.get(module.module_id, ""),
                                            YES if module.required else NO]
            score = scores.get(module.best_score)
            if score is None:
                score = scores[module.best_score] = number(module.best_score, dialect)
            yield person + head + [module.status, score, dates.text(module.first_passed_at), str(module.attempt_count)]


def wide_header(catalog: Catalog, extra_modules: Iterable[str] = ()) -> list[str]:
    return WIDE_FIXED + list(catalog.modules) + sorted(set(extra_modules) - set(catalog.modules)) + WIDE_TOTALS


def wide_rows(header: list[str], items: Iterable[EmployeeCompletion],
              hide: Callable[[str], str] | None = None) -> Iterator[list[str]]:
    module_columns = header[len(WIDE_FIXED):-len(WIDE_TOTALS)]
    for item in items:
        status = {module.module_id: module.status for module in item.modules}
        yield (_person_cells(item.employee, hide) + [status.get(module_id, "") for module_id in module_columns]
               + [str(item.required_count), str(item.required_passed)])


def export(store: "Store", catalog: Catalog, out: Path | None, dialect: Dialect, layout: str = "long",
           department: str | None = None, pseudonym_key: bytes | None = None) -> int:
    """Write the export; returns the number of employees in it."""
    with cyclic_gc_paused():
        return _export(store, catalog, out, dialect, layout, department, pseudonym_key)


def _export(store: "Store", catalog: Catalog, out: Path | None, dialect: Dialect, layout: str,
            department: str | None, pseudonym_key: bytes | None) -> int:
    employees = store.employees(department)
    progress = store.module_progress(department)
    items = completions(catalog, employees, progress)
    hide = (lambda employee_id: pseudonym(pseudonym_key, employee_id)) if pseudonym_key else None
    with open_output(out, dialect) as stream:
        if layout == "wide":
            header = wide_header(catalog, (p.quiz_id for p in progress))
            write_rows(stream, dialect, header, wide_rows(header, items, hide))
        else:
            write_rows(stream, dialect, LONG_HEADER, long_rows(catalog, items, dialect, hide))
    return len(employees)
