"""The long HR export the plain way: one list of cells per row, for csv.writer to quote.

The export itself (``reports.hr_export``) writes pre-formatted cell groups for speed; the tests
check that it gives exactly the bytes csv.writer gives for these rows, and bench/bench_export.py
times csv.writer on them as the baseline. Kept simple on purpose: no caching, one row at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from geletterdheid.content.model import Catalog
from geletterdheid.reports.completion import EmployeeCompletion
from geletterdheid.reports.hr_export import local_date
from geletterdheid.reports.spreadsheet import Dialect, neutralise, number
from geletterdheid.reports.status import attended


def long_rows(
    catalog: Catalog, items: Iterable[EmployeeCompletion], dialect: Dialect, hide: Callable[[str], str] | None = None
) -> Iterator[list[str]]:
    """The rows under LONG_HEADER: employee, module, required, status, best score, date passed, attempts,
    valid until, deadline, workshop, reason."""
    titles = {module_id: neutralise(module.title) for module_id, module in catalog.modules.items()}
    for item in items:
        employee = item.employee
        # with ``hide``, a pseudonym in place of both id and name
        identity = [hide(employee.id)] * 2 if hide else [neutralise(employee.id), neutralise(employee.name)]
        person = [*identity, neutralise(employee.department), neutralise("|".join(employee.all_roles))]
        for module in item.modules:
            head = [neutralise(module.module_id), titles.get(module.module_id, ""), "ja" if module.required else "nee"]
            yield [
                *person,
                *head,
                module.status,
                number(module.best_score, dialect),
                local_date(module.passed_at),
                str(module.attempt_count),
                module.valid_until.isoformat() if module.valid_until else "",
                module.deadline.isoformat() if module.deadline else "",
                attended(module.workshop_on),
                module.reason,
            ]
