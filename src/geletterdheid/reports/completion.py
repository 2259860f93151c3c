"""Who completed what: per employee, the status of every required module and of any other
module they attempted. Pure: employees and attempt summaries in, statuses out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from ..content.model import Catalog
from ..curriculum import RequiredPaths
from ..project.model import TrainingSettings, TrainingTerms
from ..records.errors import RecordsError
from ..records.model import Employee, ModuleProgress
from ..records.times import LOCAL_ZONE, local_day
from .status import DONE, Rule, module_status, valid_until


class ModuleStatus(NamedTuple):
    module_id: str
    required: bool
    status: str  # one of status.STATUSES, in Dutch words
    best_score: float | None
    passed_at: dt.datetime | None  # the latest pass; UTC, aware
    attempt_count: int
    passed_version: int | None = None
    valid_until: dt.date | None = None  # the last day the latest pass counts
    deadline: dt.date | None = None
    #: The latest day the employee took part in a workshop on this module (attendance), if any.
    workshop_on: dt.date | None = None
    #: Why it is required: "leerpad" (the roles' path) or "AI-systeem: <naam> (<risicoklasse>)"
    #: (curriculum.RequiredPath.reason); empty for a module that is not required.
    reason: str = ""


class EmployeeCompletion(NamedTuple):
    employee: Employee
    #: Required modules in learning-path order, then other attempted modules in id order.
    modules: tuple[ModuleStatus, ...]

    @property
    def required_count(self) -> int:
        return sum(1 for module in self.modules if module.required)

    @property
    def required_passed(self) -> int:
        return sum(1 for module in self.modules if module.required and module.status in DONE)

    @property
    def path_finished(self) -> bool:
        """Every required module passed and still counting (an empty path is finished too)."""
        return all(module.status in DONE for module in self.modules if module.required)


def today_here() -> dt.date:
    """Today in the Netherlands: deadlines and validity are Dutch calendar days."""
    return dt.datetime.now(LOCAL_ZONE).date()


def can_stop_counting(catalog: Catalog, training: TrainingSettings) -> bool:
    """Whether any pass can stop counting (a validity, or a module asking to re-train): only then
    does a status need to know whether someone tried again after passing."""
    return (
        training.default.valid_months is not None
        or any(terms.valid_months is not None for terms in training.per_role.values())
        or any(module.retrain_from_version is not None for module in catalog.modules.values())
    )


def rule_for(catalog: Catalog, terms: TrainingTerms, module_id: str) -> Rule:
    module = catalog.modules.get(module_id)
    return Rule(terms.deadline, terms.valid_months, module.retrain_from_version if module else None)


def status_of(rule: Rule, today: dt.date, progress: ModuleProgress) -> tuple[str, dt.date | None]:
    """The status and the last day the latest pass counts, of one summarised module."""
    passed_on = local_day(progress.passed_at)
    tried_since = (
        progress.passed_at is not None
        and progress.last_attempt_at is not None
        and progress.last_attempt_at > progress.passed_at
    )
    status = module_status(rule, today, progress.attempt_count, passed_on, progress.passed_version, tried_since)
    return status, valid_until(passed_on, rule.valid_months)


def _status(
    module_id: str, required: bool, progress: ModuleProgress, rule: Rule, today: dt.date, reason: str = ""
) -> ModuleStatus:
    status, until = status_of(rule, today, progress)
    return ModuleStatus(
        module_id,
        required,
        status,
        progress.best_score,
        progress.passed_at,
        progress.attempt_count,
        progress.passed_version if progress.passed_at is not None else None,
        until,
        rule.deadline,
        None,
        reason,
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


#: Employee id -> module id -> the latest day they attended a workshop on it (records.workshops.attended_modules).
Attended = Mapping[str, Mapping[str, dt.date]]


def completions(
    catalog: Catalog,
    employees: Sequence[Employee],
    progress: Iterable[ModuleProgress],
    training: TrainingSettings | None = None,
    today: dt.date | None = None,
    attended: Attended | None = None,
) -> Iterator[EmployeeCompletion]:
    """One EmployeeCompletion per employee, in the order given.

    ``training``: deadlines and validity (none without gemeente.toml); ``today``: the local date
    the statuses are for; ``attended``: workshop attendance, shown beside the statuses (a module
    attended but neither required nor attempted is listed too). Roles are checked before the
    first result, so a report never stops half-way.
    """
    check_roles(catalog, employees)
    items = _completions(catalog, employees, progress, training or TrainingSettings(), today or today_here())
    return (
        items
        if not attended
        else _with_attendance(catalog, items, attended, training or TrainingSettings(), today or today_here())
    )


def _with_attendance(
    catalog: Catalog,
    items: Iterator[EmployeeCompletion],
    attended: Attended,
    training: TrainingSettings,
    today: dt.date,
) -> Iterator[EmployeeCompletion]:
    for item in items:
        theirs = attended.get(item.employee.id)
        if not theirs:
            yield item
            continue
        modules = [module._replace(workshop_on=theirs.get(module.module_id)) for module in item.modules]
        listed = {module.module_id for module in modules}
        terms = training.terms_for(item.employee.all_roles)
        optional = TrainingTerms(None, terms.valid_months)
        # attended, neither required nor tried: a row of its own (not required, so it cannot be late)
        extra = [
            ModuleStatus(
                module_id,
                False,
                module_status(rule_for(catalog, optional, module_id), today, 0, None, None, False),
                None,
                None,
                0,
                workshop_on=theirs[module_id],
            )
            for module_id in sorted(theirs.keys() - listed)
        ]
        if extra:
            required = [module for module in modules if module.required]
            others = sorted([module for module in modules if not module.required] + extra, key=lambda m: m.module_id)
            modules = required + others
        yield EmployeeCompletion(item.employee, tuple(modules))


def _completions(
    catalog: Catalog,
    employees: Sequence[Employee],
    progress: Iterable[ModuleProgress],
    training: TrainingSettings,
    today: dt.date,
) -> Iterator[EmployeeCompletion]:
    by_employee: dict[str, dict[str, ModuleProgress]] = defaultdict(dict)
    for item in progress:
        by_employee[item.employee_id][item.quiz_id] = item
    # An organisation has a few distinct role sets (and sets of AI systems used) and many employees:
    # work out each learning path once, and share the statuses of a path nobody has started (they
    # are immutable).
    paths = RequiredPaths(catalog)
    untouched: dict[tuple[tuple[str, ...], tuple[int, ...]], tuple[ModuleStatus, ...]] = {}
    required: dict[tuple[tuple[str, ...], tuple[int, ...]], frozenset[str]] = {}
    terms_of: dict[tuple[str, ...], TrainingTerms] = {}
    for employee in employees:
        terms = terms_of.get(employee.roles)
        if terms is None:
            terms = terms_of[employee.roles] = training.terms_for(employee.all_roles)
        key = (employee.roles, paths.systems_used(employee.roles, employee.department) if paths.needs else ())
        path = untouched.get(key)
        if path is None:
            required_path = paths.path(employee.roles, employee.department)
            path = untouched[key] = tuple(
                ModuleStatus(
                    module_id,
                    True,
                    module_status(rule_for(catalog, terms, module_id), today, 0, None, None, False),
                    None,
                    None,
                    0,
                    None,
                    None,
                    terms.deadline,
                    reason=required_path.reason(module_id),
                )
                for module_id in required_path.module_ids
            )
            required[key] = frozenset(required_path.module_ids)
        attempted = by_employee.get(employee.id)
        if not attempted:
            yield EmployeeCompletion(employee, path)
            continue
        modules = [
            _status(
                status.module_id,
                True,
                attempted[status.module_id],
                rule_for(catalog, terms, status.module_id),
                today,
                status.reason,
            )
            if status.module_id in attempted
            else status
            for status in path
        ]
        extra = attempted.keys() - required[key]
        # a module someone need not take has no deadline: it cannot be late
        optional = TrainingTerms(None, terms.valid_months)
        modules.extend(
            _status(module_id, False, attempted[module_id], rule_for(catalog, optional, module_id), today)
            for module_id in sorted(extra)
        )
        yield EmployeeCompletion(employee, tuple(modules))
