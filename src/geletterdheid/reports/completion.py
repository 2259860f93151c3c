"""Who completed what: per employee, the status of every required module and of any other
module they attempted. Pure: employees and attempt summaries in, statuses out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from ..content.model import Catalog
from ..curriculum import required_module_ids
from ..records.errors import RecordsError
from ..records.model import Employee, ModuleProgress

NOT_STARTED = "niet_gestart"
FAILED = "niet_geslaagd"
PASSED = "geslaagd"


class ModuleStatus(NamedTuple):
    module_id: str
    required: bool
    status: str
    best_score: float | None
    first_passed_at: dt.datetime | None  # UTC, aware
    attempt_count: int


class EmployeeCompletion(NamedTuple):
    employee: Employee
    #: Required modules in learning-path order, then other attempted modules in id order.
    modules: tuple[ModuleStatus, ...]

    @property
    def required_count(self) -> int:
        return sum(1 for module in self.modules if module.required)

    @property
    def required_passed(self) -> int:
        return sum(1 for module in self.modules if module.required and module.status == PASSED)


def _status(module_id: str, required: bool, progress: ModuleProgress) -> ModuleStatus:
    status = PASSED if progress.first_passed_at is not None else FAILED
    return ModuleStatus(
        module_id, required, status, progress.best_score, progress.first_passed_at, progress.attempt_count
    )


def check_roles(catalog: Catalog, employees: Sequence[Employee]) -> None:
    """Raise RecordsError listing every employee whose stored roles the content no longer has."""
    stale = [
        f"{e.id} ({', '.join(r for r in e.roles if r not in catalog.roles)})"
        for e in employees
        if any(role not in catalog.roles for role in e.roles)
    ]
    if stale:
        raise RecordsError(
            "deze medewerkers hebben een rol die niet (meer) bestaat: "
            + "; ".join(stale)
            + ". Importeer de personeelslijst opnieuw met geldige rollen."
        )


def completions(
    catalog: Catalog, employees: Sequence[Employee], progress: Iterable[ModuleProgress]
) -> Iterator[EmployeeCompletion]:
    """One EmployeeCompletion per employee, in the order given.

    Roles are checked before the first result, so a report never stops half-way.
    """
    check_roles(catalog, employees)
    return _completions(catalog, employees, progress)


def _completions(
    catalog: Catalog, employees: Sequence[Employee], progress: Iterable[ModuleProgress]
) -> Iterator[EmployeeCompletion]:
    by_employee: dict[str, dict[str, ModuleProgress]] = defaultdict(dict)
    for item in progress:
        by_employee[item.employee_id][item.quiz_id] = item
    # An organisation has a few distinct role sets and many employees: work out each learning
    # path once, and share the statuses of a path nobody has started (they are immutable).
    untouched: dict[tuple[str, ...], tuple[ModuleStatus, ...]] = {}
    required: dict[tuple[str, ...], frozenset[str]] = {}
    for employee in employees:
        path = untouched.get(employee.roles)
        if path is None:
            module_ids = required_module_ids(catalog, employee.roles)
            path = untouched[employee.roles] = tuple(
                ModuleStatus(module_id, True, NOT_STARTED, None, None, 0) for module_id in module_ids
            )
            required[employee.roles] = frozenset(module_ids)
        attempted = by_employee.get(employee.id)
        if not attempted:
            yield EmployeeCompletion(employee, path)
            continue
        modules = [
            _status(status.module_id, True, attempted[status.module_id]) if status.module_id in attempted else status
            for status in path
        ]
        extra = attempted.keys() - required[employee.roles]
        modules.extend(_status(module_id, False, attempted[module_id]) for module_id in sorted(extra))
        yield EmployeeCompletion(employee, tuple(modules))
