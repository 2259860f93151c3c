"""The AI-literacy dossier (``geletterdheid rapport``): the figures for the board, the works council
and a supervisor, in the four steps of the Autoriteit Persoonsgegevens (identify, set goals, carry
out, evaluate).

:func:`dossier_of` reads the store once per figure and computes everything into a frozen
:class:`Dossier`; the views (``dossier_html``, ``dossier_pdf``, ``dossier_json``) are pure
functions of it. Every coverage figure comes from the same functions as ``export`` and
``progress`` (``completion.completions`` and ``progress.progress_by``) with the period's last day
as "today", attempts up to the end of that day and workshops held up to it: for a period that ends
today the figures are exactly those of ``export`` and ``progress``.

Personal data: the dossier holds aggregated figures only, no names or personnel numbers. A group
(department or role) with fewer than ``k`` employees shows its size, not its results, so a small
team does not point at a person.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..content.model import ALL_STAFF_ROLE, Catalog
from ..curriculum import learning_path
from ..project.model import Governance, TrainingSettings
from ..records.times import LOCAL_ZONE
from .completion import EmployeeCompletion, completions
from .item_stats import MIN_ATTEMPTS
from .privacy import DEFAULT_K
from .progress import ProgressLine, progress_by
from .reminders import reminders
from .status import add_months

if TYPE_CHECKING:
    from ..records.store import Store

#: A module's content is due for a new check against the law this many months after
#: ``laatst_gecontroleerd`` (the project's rule for the dossier; the law changed twice in 2026).
REVIEW_MONTHS = 12
#: The version of the JSON the dossier writes (schema/rapport.schema.json); raise it when fields change.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both inclusive, Dutch calendar days."""

    start: dt.date
    end: dt.date

    def months(self) -> list[tuple[dt.date, dt.date]]:
        """(first, last) day of every calendar month in the period, cut to the period."""
        found = []
        first = self.start
        while first <= self.end:
            last_day = dt.date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
            found.append((first, min(last_day, self.end)))
            first = last_day + dt.timedelta(days=1)
        return found


def start_of(day: dt.date) -> dt.datetime:
    """The first moment of a Dutch calendar day (aware)."""
    return dt.datetime.combine(day, dt.time(), LOCAL_ZONE)


def end_of(day: dt.date) -> dt.datetime:
    """The first moment after a Dutch calendar day (aware): attempts before it count for that day."""
    return start_of(day + dt.timedelta(days=1))


@dataclass(frozen=True)
class SystemLine:
    """Step 1: one AI system of the inventory with the outcome of the decision tree."""

    id: str
    name: str
    supplier: str
    purpose: str
    status: str  # pilot | in-gebruik | gestopt
    departments: tuple[str, ...]
    roles: tuple[str, ...]  # role titles
    risk_class: str  # the tree's conclusion id: geen-ai | verboden | hoog-risico | minimaal
    gemeente_role: str | None  # aanbieder | gebruiksverantwoordelijke | None
    transparency: tuple[str, ...]  # Art. 50 paragraphs, e.g. "50(1)"
    users: int  # employees in service in one of its departments with one of its roles


@dataclass(frozen=True)
class PathModule:
    id: str
    title: str
    minutes: int
    version: int


@dataclass(frozen=True)
class PathLine:
    """Step 2: the learning path of one role and its study time."""

    role_id: str
    role_title: str
    modules: tuple[PathModule, ...]

    @property
    def minutes(self) -> int:
        return sum(module.minutes for module in self.modules)


@dataclass(frozen=True)
class ModuleLine:
    """A module offered: its content version, when it was last checked against the law, and on which
    versions the passes that count in the dossier were made."""

    id: str
    title: str
    version: int
    last_checked: dt.date
    review_due: dt.date
    #: (version passed on, number of required-module passes counted in the coverage); version None: unknown
    passes_by_version: tuple[tuple[int | None, int], ...]

    def overdue(self, day: dt.date) -> bool:
        return day > self.review_due


@dataclass(frozen=True)
class WorkshopLine:
    name: str
    held_on: dt.date
    modules: tuple[str, ...]
    minutes: int
    participants: int  # on the list, removals left out


@dataclass(frozen=True)
class ReminderLine:
    """A reminder list made in the period (``geletterdheid herinneringen``): when, and for how many people."""

    made_on: dt.date  # Dutch calendar day
    employees: int
    department: str | None


@dataclass(frozen=True)
class CoverageLine:
    """Coverage of one department or role: employees, how many finished their learning path."""

    group: str
    employees: int
    #: None when the group has fewer than k employees (its results are not shown)
    finished: int | None
    percent: float | None

    @classmethod
    def of(cls, line: ProgressLine, k: int) -> CoverageLine:
        if line.employees < k:
            return cls(line.group, line.employees, None, None)
        return cls(line.group, line.employees, line.finished, _percent(line.finished, line.employees))


@dataclass(frozen=True)
class MonthPoint:
    """The trend: coverage at the end of one month, and the attempts and passes made in it."""

    month: str  # JJJJ-MM
    last_day: dt.date
    employees: int
    finished: int
    percent: float | None
    attempts: int
    passes: int  # employee-module pairs with a pass in the month


@dataclass(frozen=True)
class PassRate:
    """Step 4: of the employees who took a module's quiz in the period, how many passed it in the period."""

    module_id: str
    title: str
    tried: int
    passed: int
    attempts: int
    percent: float | None


@dataclass(frozen=True)
class FlaggedItem:
    module_id: str
    question_id: str
    flags: tuple[str, ...]
    facility: float | None  # 0-100
    discrimination: float | None


@dataclass(frozen=True)
class ItemCheck:
    """The item analysis of one quiz (as ``geletterdheid stats``: first attempts)."""

    module_id: str
    first_attempts: int
    enough: bool  # at least MIN_ATTEMPTS: only then are questions flagged


@dataclass(frozen=True)
class Dossier:
    gemeente: str
    period: Period
    made_on: dt.date
    package_version: str
    k: int
    # 1. Identificeren
    systems: tuple[SystemLine, ...]
    inventory_note: str | None  # why there are no systems, if there are none
    # 2. Doelen
    paths: tuple[PathLine, ...]
    # 3. Uitvoeren
    modules: tuple[ModuleLine, ...]
    workshops: tuple[WorkshopLine, ...]
    forum: bool
    forum_topics: int
    open_reminders: int  # employees with a required module open on the last day (``herinneringen`` would list them)
    reminder_lists: tuple[ReminderLine, ...]  # the lists made in the period (sending them is the gemeente's mail)
    departments: tuple[CoverageLine, ...]
    roles: tuple[CoverageLine, ...]
    total: CoverageLine
    required: int  # required modules over everyone (as progress: Verplicht)
    passed: int  # of those passed (progress: Geslaagd)
    trend: tuple[MonthPoint, ...]
    # 4. Evalueren
    pass_rates: tuple[PassRate, ...]
    items: tuple[ItemCheck, ...]
    flagged: tuple[FlaggedItem, ...]
    governance: Governance
    open_actions: tuple[str, ...]

    @property
    def overdue_modules(self) -> tuple[ModuleLine, ...]:
        return tuple(module for module in self.modules if module.overdue(self.period.end))

    @property
    def workshop_participants(self) -> int:
        return sum(workshop.participants for workshop in self.workshops)


def _percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def coverage_items(
    store: Store, catalog: Catalog, training: TrainingSettings, day: dt.date
) -> list[EmployeeCompletion]:
    """Every employee in service on ``day`` with their statuses on ``day``, from the attempts made up
    to the end of it and the workshops held up to it: ``progress`` and ``export`` on that day."""
    from ..records.workshops import attended_modules

    employees = store.employees(as_of=day)
    # include_left: someone who left after ``day`` was still there; completions() only reports the
    # employees it is given, so the attempts of others are not counted
    summaries = store.module_progress(include_left=True, until=end_of(day))
    return list(completions(catalog, employees, summaries, training, day, attended_modules(store, until=day)))


def _systems(catalog: Catalog, items: Sequence[EmployeeCompletion]) -> tuple[tuple[SystemLine, ...], str | None]:
    from ..classification import classify

    if catalog.inventory is None:
        return (), "Er is geen AI-register (ai-systemen.yaml) gevonden."
    if catalog.decision_tree is None or catalog.duties is None:
        return (), "De beslisboom of de plichten ontbreken; de systemen zijn niet ingedeeld."
    lines = []
    for system in catalog.inventory.systems:
        outcome = classify(system.features, catalog.decision_tree, catalog.duties, catalog.legal)
        departments = {name.casefold() for name in system.departments}
        roles = set(system.roles)
        users = sum(
            1
            for item in items
            if item.employee.department.casefold() in departments
            and (ALL_STAFF_ROLE in roles or roles & set(item.employee.roles))
        )
        lines.append(
            SystemLine(
                system.id,
                system.name,
                system.supplier,
                system.purpose,
                system.status,
                tuple(system.departments),
                tuple(catalog.roles[r].title if r in catalog.roles else r for r in system.roles),
                outcome.risk_class,
                outcome.role,
                outcome.transparency,
                users,
            )
        )
    return tuple(lines), None


def _paths(catalog: Catalog) -> tuple[PathLine, ...]:
    lines = []
    for role_id, role in catalog.roles.items():
        path = learning_path(catalog, [role_id])
        lines.append(
            PathLine(
                role_id,
                role.title,
                tuple(PathModule(m.id, m.title, m.duration_minutes, m.version) for m in path.modules),
            )
        )
    return tuple(lines)


def _modules(catalog: Catalog, items: Iterable[EmployeeCompletion]) -> tuple[ModuleLine, ...]:
    versions: dict[str, Counter[int | None]] = {}
    for item in items:
        for module in item.modules:
            if module.required and module.passed_at is not None:
                versions.setdefault(module.module_id, Counter())[module.passed_version] += 1
    return tuple(
        ModuleLine(
            module.id,
            module.title,
            module.version,
            module.last_checked,
            add_months(module.last_checked, REVIEW_MONTHS),
            tuple(sorted(versions.get(module.id, Counter()).items(), key=lambda pair: (pair[0] is None, pair[0] or 0))),
        )
        for module in catalog.modules.values()
    )


def _reminder_lists(store: Store, period: Period) -> tuple[ReminderLine, ...]:
    from ..records.reminder_lists import reminder_lists_made

    return tuple(
        ReminderLine(made.made_at.astimezone(LOCAL_ZONE).date(), made.employees, made.department)
        for made in reminder_lists_made(store, start_of(period.start), end_of(period.end))
    )


def _workshops(store: Store, period: Period) -> tuple[WorkshopLine, ...]:
    from ..records.workshops import attendance, workshops_named

    present = Counter(
        (line.workshop.name, line.workshop.held_on) for line in attendance(store) if line.removed_at is None
    )
    return tuple(
        WorkshopLine(w.name, w.held_on, w.modules, w.minutes, present[(w.name, w.held_on)])
        for w in workshops_named(store)
        if period.start <= w.held_on <= period.end
    )


def _trend(
    store: Store, catalog: Catalog, training: TrainingSettings, period: Period, last: list[EmployeeCompletion]
) -> tuple[MonthPoint, ...]:
    points = []
    for first, last_day in period.months():
        items = last if last_day == period.end else coverage_items(store, catalog, training, last_day)
        finished = sum(item.path_finished for item in items)
        there = {item.employee.id for item in items}
        made = [
            p
            for p in store.module_progress(include_left=True, since=start_of(first), until=end_of(last_day))
            if p.employee_id in there
        ]
        points.append(
            MonthPoint(
                f"{first.year:04d}-{first.month:02d}",
                last_day,
                len(items),
                finished,
                _percent(finished, len(items)),
                sum(p.attempt_count for p in made),
                sum(1 for p in made if p.passed_at is not None),
            )
        )
    return tuple(points)


def _pass_rates(store: Store, catalog: Catalog, period: Period, in_service: set[str]) -> tuple[PassRate, ...]:
    made = [
        p
        for p in store.module_progress(include_left=True, since=start_of(period.start), until=end_of(period.end))
        if p.employee_id in in_service
    ]
    lines = []
    for module_id, module in catalog.modules.items():
        mine = [p for p in made if p.quiz_id == module_id]
        passed = sum(1 for p in mine if p.passed_at is not None)
        lines.append(
            PassRate(
                module_id,
                module.title,
                len(mine),
                passed,
                sum(p.attempt_count for p in mine),
                _percent(passed, len(mine)),
            )
        )
    return tuple(lines)


def _item_analysis(store: Store, catalog: Catalog) -> tuple[tuple[ItemCheck, ...], tuple[FlaggedItem, ...]]:
    from ..quiz.stats import analyse_quiz

    checks: list[ItemCheck] = []
    flagged: list[FlaggedItem] = []
    for module_id, quiz in catalog.quizzes.items():
        stats = analyse_quiz(quiz, store.first_attempt_scores(module_id))
        enough = stats.attempt_count >= MIN_ATTEMPTS
        checks.append(ItemCheck(module_id, stats.attempt_count, enough))
        if not enough:
            continue
        flagged.extend(
            FlaggedItem(
                module_id,
                question.question_id,
                tuple(question.flags),
                None if question.facility is None else round(100 * question.facility, 1),
                None if question.discrimination_percent is None else round(question.discrimination_percent, 1),
            )
            for question in stats.questions
            if question.flags
        )
    return tuple(checks), tuple(flagged)


def _open_actions(
    period: Period,
    today: dt.date,
    governance: Governance,
    systems: Sequence[SystemLine],
    modules: Sequence[ModuleLine],
    flagged: Sequence[FlaggedItem],
    open_reminders: int,
    total: CoverageLine,
) -> tuple[str, ...]:
    """What still has to be done, in plain Dutch, derived from the figures (nothing is invented)."""
    actions = []
    if governance.owner is None:
        actions.append("Leg vast wie namens het bestuur eigenaar is (gemeente.toml, [governance] eigenaar).")
    if governance.budget is None:
        actions.append("Leg het budget vast (gemeente.toml, [governance] budget).")
    if governance.evaluation_on is None:
        actions.append("Plan de evaluatie (gemeente.toml, [governance] evaluatie_datum).")
    elif governance.evaluation_on < today:
        actions.append(
            f"De geplande evaluatie van {_dutch(governance.evaluation_on)} is voorbij: evalueer en plan de volgende."
        )
    for system in systems:
        if system.risk_class == "verboden" and system.status != "gestopt":
            actions.append(f"Stop het gebruik van '{system.name}': de beslisboom wijst een verboden praktijk aan.")
    overdue = [module.id for module in modules if module.overdue(period.end)]
    if overdue:
        actions.append(
            f"Toets de inhoud opnieuw aan de wet: {', '.join(overdue)} "
            f"(langer dan {REVIEW_MONTHS} maanden geleden gecontroleerd)."
        )
    if flagged:
        questions = sorted({f"{item.question_id}" for item in flagged})
        actions.append(f"Bekijk de toetsvragen met een signaal uit de itemanalyse: {', '.join(questions)}.")
    if open_reminders:
        who = "medewerker heeft" if open_reminders == 1 else "medewerkers hebben"
        actions.append(
            f"{open_reminders} {who} nog verplichte modules open: stuur een herinnering (geletterdheid herinneringen)."
        )
    if total.employees == 0:
        actions.append("Importeer de personeelslijst (geletterdheid roster import).")
    return tuple(actions)


def _dutch(day: dt.date) -> str:
    from ..content.model import dutch_date

    return dutch_date(day)


def dossier_of(
    store: Store,
    catalog: Catalog,
    period: Period,
    gemeente: str,
    training: TrainingSettings | None = None,
    governance: Governance | None = None,
    today: dt.date | None = None,
    k: int = DEFAULT_K,
    package_version: str = "",
) -> Dossier:
    """All figures of the dossier for ``period`` (its end is the day the statuses are for)."""
    training = training or TrainingSettings()
    governance = governance or Governance()
    today = today or dt.datetime.now(LOCAL_ZONE).date()
    items = coverage_items(store, catalog, training, period.end)
    titles = {role_id: role.title for role_id, role in catalog.roles.items()}
    by_department = progress_by(items, "afdeling", titles)
    by_role = progress_by(items, "rol", titles)
    total = by_department[-1]
    systems, inventory_note = _systems(catalog, items)
    modules = _modules(catalog, items)
    checks, flagged = _item_analysis(store, catalog)
    open_reminders = sum(1 for _ in reminders(catalog, items))
    total_line = CoverageLine(total.group, total.employees, total.finished, _percent(total.finished, total.employees))
    return Dossier(
        gemeente=gemeente,
        period=period,
        made_on=today,
        package_version=package_version,
        k=k,
        systems=systems,
        inventory_note=inventory_note,
        paths=_paths(catalog),
        modules=modules,
        workshops=_workshops(store, period),
        forum=catalog.forum,
        forum_topics=len(catalog.topics) if catalog.forum else 0,
        open_reminders=open_reminders,
        reminder_lists=_reminder_lists(store, period),
        departments=tuple(CoverageLine.of(line, k) for line in by_department[:-1]),
        roles=tuple(CoverageLine.of(line, k) for line in by_role[:-1]),
        total=total_line,
        required=total.required,
        passed=total.passed,
        trend=_trend(store, catalog, training, period, items),
        pass_rates=_pass_rates(store, catalog, period, {item.employee.id for item in items}),
        items=checks,
        flagged=flagged,
        governance=governance,
        open_actions=_open_actions(period, today, governance, systems, modules, flagged, open_reminders, total_line),
    )
