"""The HR completion export: the gemeente's evidence of AI-literacy measures (AI Act art. 4).

``long``: one row per employee and module (every required module, plus modules attempted but
not required). ``wide``: one row per employee, one status column per module, like an LMS
progress report.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..content.model import Catalog
from ..curriculum import RequiredPaths
from ..project.model import TrainingSettings, TrainingTerms
from ..records.batching import cyclic_gc_paused
from ..records.model import Employee, join_roles
from .completion import (
    Attended,
    EmployeeCompletion,
    can_stop_counting,
    check_roles,
    completions,
    local_day,
    today_here,
)
from .privacy import DEFAULT_K, merge_small_departments, pseudonyms_of, without_departments
from .spreadsheet import Dialect, neutralise, number, open_output, write_rows
from .status import Rule, attended, module_status, valid_until

if TYPE_CHECKING:
    from ..records.store import Store, StoredProgress

LAYOUTS = ("long", "wide")
LONG_HEADER = [
    "medewerker_id",
    "naam",
    "afdeling",
    "rollen",
    "module_id",
    "module_titel",
    "verplicht",
    "status",
    "beste_score",
    "geslaagd_op",
    "pogingen",
    "geldig_tot",
    "deadline",
    #: "workshop gevolgd op 4 maart 2025" when the employee attended a workshop on the module (status.attended)
    "workshop",
    #: why a module is required: "leerpad", or "AI-systeem: <naam> (<risicoklasse>)"; empty when not required
    "reden",
]
WIDE_FIXED = ["medewerker_id", "naam", "afdeling", "rollen"]
#: With include_left (--ook-uit-dienst) this column follows "rollen": the day someone left, or empty.
LEFT_COLUMN = "uit_dienst"
WIDE_TOTALS = ["verplicht_aantal", "verplicht_geslaagd"]
#: The wide layout's last column: the modules attended in a workshop, with the day ("t01 op 4 maart 2025").
WIDE_WORKSHOPS = "workshops"
YES, NO = "ja", "nee"


def local_date(moment: dt.datetime | None) -> str:
    day = local_day(moment)
    return day.isoformat() if day else ""


def _identity_cells(employee: Employee, hide: Callable[[str], str] | None) -> list[str]:
    """id and name, neutralised; with ``hide`` both become a pseudonym."""
    if hide is not None:
        token = hide(employee.id)
        return [token, token]
    return [neutralise(employee.id), neutralise(employee.name)]


def _group_cells(employee: Employee, show_left: bool = False) -> list[str]:
    """department and roles, neutralised; with ``show_left`` the day they left too."""
    cells = [neutralise(employee.department), neutralise(join_roles(employee.all_roles))]
    if show_left:
        cells.append(employee.left_on.isoformat() if employee.left_on else "")
    return cells


def with_left_column(header: list[str]) -> list[str]:
    """``header`` with LEFT_COLUMN after "rollen"."""
    position = header.index("rollen") + 1
    return [*header[:position], LEFT_COLUMN, *header[position:]]


def _person_cells(employee: Employee, hide: Callable[[str], str] | None, show_left: bool = False) -> list[str]:
    """id, name, department and roles, neutralised; with ``hide`` the id and name become a pseudonym."""
    return _identity_cells(employee, hide) + _group_cells(employee, show_left)


# -- the long layout, written as text --------------------------------------------------------
#
# The long export of an organisation is mostly the same few hundred cell groups repeated (a
# module nobody in a role set has started, a module's id and title). Going through
# completions() and a plain list of cells per row (as tests/records/export_reference.py does)
# builds a NamedTuple and a list of eleven cells per row and has csv.writer quote every cell
# again; that took over three times as long as writing the rows alone. Here every distinct
# cell group is put through csv.writer once, and each output line is the employee's formatted
# cells plus a formatted group: the same bytes (QUOTE_MINIMAL quotes each cell on its own),
# without per-row Python objects.


class _Formatter:
    """Cells -> the text csv.writer writes for them, without the line end."""

    def __init__(self, dialect: Dialect):
        self.buffer = io.StringIO()
        # The export's own line end: csv.writer quotes cells that contain its characters.
        self.writer = csv.writer(
            self.buffer, delimiter=dialect.delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
        )
        self.cells: dict[object, str] = {}
        self.delimiter = dialect.delimiter
        # what makes csv.writer (QUOTE_MINIMAL) quote a cell, besides the delimiter: the quote
        # character and line-end characters
        self.special = re.compile('["\r\n]')

    def join(self, cells: Sequence[str]) -> str:
        # At least two cells: csv.writer quotes a lone empty cell as "", which it does not do
        # for an empty cell in a row of eleven.
        assert len(cells) >= 2
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(cells)
        return self.buffer.getvalue()[:-2]

    def join_plain(self, cells: Sequence[str]) -> str:
        """join() for cells that seldom need quoting (names): a plain join when none does."""
        text = self.delimiter.join(cells)
        if text.count(self.delimiter) != len(cells) - 1 or self.special.search(text):
            return self.join(cells)
        return text

    def cell(self, text: str) -> str:
        """One cell as it appears in a row (cached: a few hundred distinct scores and dates)."""
        done = self.cells.get(text)
        if done is None:
            done = self.cells[text] = self.join([text, ""])[:-1]  # the second, empty cell adds one delimiter
        return done


def _long_text(
    catalog: Catalog,
    employees: Sequence[Employee],
    progress: StoredProgress,
    dialect: Dialect,
    hide: Callable[[str], str] | None,
    training: TrainingSettings,
    today: dt.date,
    show_left: bool = False,
    workshops: Attended | None = None,
    real: Sequence[Employee] | None = None,
) -> Iterator[str]:
    """The lines of the long layout, one string per employee: the rows LONG_HEADER names, as csv.writer
    would write them (tests/records/export_reference.py holds the plain version it is checked against).
    ``real``: see :func:`_long_lines`.

    Roles are checked before the first line, so the export never stops half-way."""
    check_roles(catalog, employees)
    return _long_lines(catalog, employees, progress, dialect, hide, training, today, show_left, workshops or {}, real)


#: One stored row of StoredProgress, part formatted: the cells best score, date passed and attempts
#: (with the delimiters between them), and the stored latest pass, its UTC hour, the version passed
#: on and the latest attempt (what the status depends on).
_Summary = tuple[str, Any, object, "int | None", Any]


def _summaries(
    progress: StoredProgress, formatter: _Formatter, dialect: Dialect, uniform: tuple[str, str, str] | None
) -> dict[str, dict[str, _Summary | str]]:
    """employee id -> quiz id -> _Summary; or, with ``uniform`` (the status of a pass, the status of
    no pass, the cells after the attempts: the same for everyone), the finished cells."""
    delimiter = dialect.delimiter
    # Formatted score and local-date cells, once per distinct score and per UTC hour (the Dutch
    # zone changes only on the hour): a few hundred values for 100,000 rows.
    scores: dict[float, str] = {}
    dates: dict[object, str] = {}
    hour, moment = progress.hour, progress.moment
    by_employee: dict[str, dict[str, _Summary | str]] = {}
    current: str | None = None
    attempted: dict[str, _Summary | str] = {}
    if uniform is None:
        for employee_id, quiz_id, best, passed, count, version, last in progress.rows:
            if employee_id != current:  # the rows of an employee usually come together
                current = employee_id
                attempted = by_employee.setdefault(employee_id, {})
            score = scores.get(best)
            if score is None:
                score = scores[best] = formatter.cell(number(best, dialect))
            key = hour(passed)
            date = dates.get(key)
            if date is None:
                date = dates[key] = formatter.cell(local_date(moment(passed)))
            attempted[quiz_id] = (f"{score}{delimiter}{date}{delimiter}{count}", passed, key, version, last)
        return by_employee
    # The same loop for rows without details (store.stored_progress(details=False)), finishing
    # the cells; written out twice because it runs for every attempted module of the organisation.
    passed_, failed, after = uniform
    for employee_id, quiz_id, best, passed, count in progress.rows:
        if employee_id != current:
            current = employee_id
            attempted = by_employee.setdefault(employee_id, {})
        score = scores.get(best)
        if score is None:
            score = scores[best] = formatter.cell(number(best, dialect))
        key = hour(passed)
        date = dates.get(key)
        if date is None:
            date = dates[key] = formatter.cell(local_date(moment(passed)))
        attempted[quiz_id] = f"{failed if passed is None else passed_}{score}{delimiter}{date}{delimiter}{count}{after}"
    return by_employee


def _uniform(catalog: Catalog, training: TrainingSettings) -> bool:
    """No pass stops counting and there is no deadline (the repository, or a gemeente without
    [opleiding]): a module's cells are then the same whoever tried it, required or not, so they
    are finished in one go, without an object per row, from the store's rows without details.
    (Without a validity or re-training, the day of a pass does not change its status.)"""
    deadlines = [training.default.deadline, *(terms.deadline for terms in training.per_role.values())]
    return not can_stop_counting(catalog, training) and all(deadline is None for deadline in deadlines)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _pass_key(hour: object, version: int | None, last: Any, passed: Any) -> tuple[object, int | None, bool]:
    """What the cells around a pass depend on: its UTC hour, the version, and whether someone
    tried again since (stored times compare in stored form: fixed-format text on SQLite,
    datetimes on PostgreSQL)."""
    return (hour, version, last is not None and last > passed)


class _ModuleCells:
    """The cells around a _Summary of one module under one rule: the status before, geldig_tot and
    deadline after. Worked out once per UTC hour of the latest pass, version and "tried again since"."""

    def __init__(self, rule: Rule, today: dt.date, delimiter: str, moment: Callable[[Any], dt.datetime | None]):
        self.rule, self.today, self.delimiter, self.moment = rule, today, delimiter, moment
        deadline = _iso(rule.deadline)
        never = module_status(rule, today, 1, None, None, False)  # tried, never passed
        # every "after" ends with the delimiter before the workshop cell, which is empty unless attended
        self.not_passed = (f"{never}{delimiter}", f"{delimiter}{delimiter}{deadline}{delimiter}")
        self.deadline = deadline
        self.passes: dict[tuple[object, int | None, bool], tuple[str, str]] = {}

    def around(self, passed: Any, hour: object, version: int | None, last: Any) -> tuple[str, str]:
        if passed is None:
            return self.not_passed
        key = _pass_key(hour, version, last, passed)
        seen = self.passes.get(key)
        if seen is None:
            passed_on = local_day(self.moment(passed))
            status = module_status(self.rule, self.today, 1, passed_on, version, key[2])
            until = _iso(valid_until(passed_on, self.rule.valid_months))
            seen = self.passes[key] = (
                f"{status}{self.delimiter}",
                f"{self.delimiter}{until}{self.delimiter}{self.deadline}{self.delimiter}",
            )
        return seen


#: Per role set and systems used: its terms, and per module of its learning path (module id, its cells,
#: the head of the module as required, the cells after the person for the module not started, and the
#: last cell, "reden", with the delimiter before it).
_Path = tuple[TrainingTerms, list[tuple[str, _ModuleCells, str, str, str]]]


def _long_lines(
    catalog: Catalog,
    employees: Sequence[Employee],
    progress: StoredProgress,
    dialect: Dialect,
    hide: Callable[[str], str] | None,
    training: TrainingSettings,
    today: dt.date,
    show_left: bool,
    workshops: Attended,
    real: Sequence[Employee] | None = None,
) -> Iterator[str]:
    """``real``: the employees as stored, in the order of ``employees`` (which may show them with a
    merged or empty department): their own department decides the systems they use."""
    formatter = _Formatter(dialect)
    delimiter = dialect.delimiter
    uniform = None
    if _uniform(catalog, training):
        rule = Rule()
        uniform = (
            module_status(rule, today, 1, today, None, False) + delimiter,
            module_status(rule, today, 1, None, None, False) + delimiter,
            f"{delimiter}{delimiter}{_iso(rule.deadline)}{delimiter}",
        )
    by_employee = _summaries(progress, formatter, dialect, uniform)
    titles = {module_id: neutralise(module.title) for module_id, module in catalog.modules.items()}
    retrain = {module_id: module.retrain_from_version for module_id, module in catalog.modules.items()}
    cells_of: dict[Rule, _ModuleCells] = {}
    untried_optional = module_status(Rule(), today, 0, None, None, False)

    def head(module_id: str, required: bool) -> str:
        """id, title and "verplicht", formatted, with the delimiter that follows them."""
        return formatter.join([neutralise(module_id), titles.get(module_id, ""), YES if required else NO]) + delimiter

    def module_cells(terms: TrainingTerms, module_id: str) -> _ModuleCells:
        rule = Rule(terms.deadline, terms.valid_months, retrain.get(module_id))
        cells = cells_of.get(rule)
        if cells is None:
            cells = cells_of[rule] = _ModuleCells(rule, today, delimiter, progress.moment)
        return cells

    required_paths = RequiredPaths(catalog)
    # (role set, systems used) -> the learning path with its cells: a few dozen
    paths: dict[tuple[tuple[str, ...], tuple[int, ...]], _Path] = {}
    extra_heads: dict[str, str] = {}
    no_reason = delimiter  # the last cell, "reden", of a module that is not required: empty
    # (department, roles) -> department and roles formatted, the learning path, and the
    # lines after the person of an employee who started nothing: a few hundred pairs.
    groups: dict[tuple[str, str, tuple[str, ...], object], tuple[str, _Path, list[str]]] = {}

    for employee, stored in zip(employees, real if real is not None else employees, strict=True):
        group_key = (employee.department, stored.department, employee.roles, employee.left_on if show_left else None)
        group = groups.get(group_key)
        if group is None:
            used = required_paths.systems_used(stored.roles, stored.department) if required_paths.needs else ()
            path = paths.get((employee.roles, used))
            if path is None:
                terms = training.terms_for(employee.all_roles)
                not_started = module_status(Rule(terms.deadline), today, 0, None, None, False)
                untouched = formatter.join([not_started, "", "", "0", "", _iso(terms.deadline), ""])
                required = required_paths.path(stored.roles, stored.department)
                reason_cells = {
                    module_id: delimiter + formatter.cell(required.reason(module_id))
                    for module_id in required.module_ids
                }
                path = paths[employee.roles, used] = (
                    terms,
                    [
                        (
                            module_id,
                            module_cells(terms, module_id),
                            head(module_id, True),
                            head(module_id, True) + untouched + reason_cells[module_id],
                            reason_cells[module_id],
                        )
                        for module_id in required.module_ids
                    ],
                )
            group = groups[group_key] = (
                formatter.join(_group_cells(employee, show_left)) + delimiter,
                path,
                [tail for _, _, _, tail, _ in path[1]],
            )
        group_cells, path, tails = group
        person = formatter.join_plain(_identity_cells(employee, hide)) + delimiter + group_cells
        attempted = by_employee.pop(employee.id, None)
        theirs = workshops.get(employee.id)
        if attempted is not None or theirs:
            attempted = attempted if attempted is not None else {}
            tails = []
            # the last cell of each row, "reden", with its delimiter: kept apart until the workshop cell is in
            reasons = []
            for module_id, cells, module_head, tail, reason in path[1]:
                summary = attempted.pop(module_id, None)
                if summary is None:
                    tails.append(tail[: -len(reason)] if theirs else tail)
                    reasons.append(reason)
                    continue
                reasons.append(reason)
                if summary.__class__ is str:  # finished in _summaries
                    tails.append(module_head + summary if theirs else module_head + summary + reason)
                    continue
                middle, passed, hour, version, last = cast(_Summary, summary)
                if passed is None:
                    before, after = cells.not_passed
                else:  # cells.around(), inline: this runs for every attempted module of the organisation
                    seen = cells.passes.get(_pass_key(hour, version, last, passed))
                    before, after = cells.around(passed, hour, version, last) if seen is None else seen
                tails.append(
                    f"{module_head}{before}{middle}{after}"
                    if theirs
                    else f"{module_head}{before}{middle}{after}{reason}"
                )
            # what is left: tried (or attended in a workshop) but not required
            extras = sorted(attempted) if not theirs else _extras(attempted, theirs, path)
            for module_id in extras:
                extra_head = extra_heads.get(module_id)
                if extra_head is None:
                    extra_head = extra_heads[module_id] = head(module_id, False)
                summary = attempted.get(module_id)
                ending = "" if theirs else no_reason
                reasons.append(no_reason)
                if summary is None:  # attended only: not started, and not required, so never late
                    tails.append(extra_head + formatter.join([untried_optional, "", "", "0", "", "", ""]) + ending)
                    continue
                if summary.__class__ is str:
                    tails.append(extra_head + summary + ending)
                    continue
                middle, passed, hour, version, last = cast(_Summary, summary)
                # a module someone need not take has no deadline: it cannot be late
                optional = TrainingTerms(None, path[0].valid_months)
                before, after = module_cells(optional, module_id).around(passed, hour, version, last)
                tails.append(f"{extra_head}{before}{middle}{after}{ending}")
            if theirs:  # the workshop cell is empty unless attended; "reden" follows it
                shown = [module_id for module_id, *_ in path[1]] + extras
                tails = [
                    (tail + formatter.cell(attended(theirs[module_id])) if module_id in theirs else tail) + reason
                    for tail, module_id, reason in zip(tails, shown, reasons, strict=True)
                ]
        if tails:
            yield person + ("\r\n" + person).join(tails) + "\r\n"


def _extras(attempted: dict[str, Any], theirs: Mapping[str, dt.date], path: _Path) -> list[str]:
    """The modules of an employee's rows after their learning path: tried or attended, not required."""
    required = {module_id for module_id, *_ in path[1]}
    return sorted(set(attempted) | {module_id for module_id in theirs if module_id not in required})


def wide_header(catalog: Catalog, extra_modules: Iterable[str] = (), show_left: bool = False) -> list[str]:
    fixed = with_left_column(WIDE_FIXED) if show_left else WIDE_FIXED
    modules = list(catalog.modules) + sorted(set(extra_modules) - set(catalog.modules))
    return [*fixed, *modules, *WIDE_TOTALS, WIDE_WORKSHOPS]


def module_columns(header: Sequence[str], show_left: bool) -> Sequence[str]:
    """The module columns of a wide header: between the person's columns and the totals."""
    return header[len(WIDE_FIXED) + show_left : -len(WIDE_TOTALS) - 1]


def workshops_cell(item: EmployeeCompletion) -> str:
    """The wide layout's workshops cell: "workshop gevolgd op 4 maart 2025 (t01, t02)", a part per day."""
    by_day: dict[dt.date, list[str]] = {}
    for module in item.modules:
        if module.workshop_on is not None:
            by_day.setdefault(module.workshop_on, []).append(module.module_id)
    return "; ".join(f"{attended(day)} ({', '.join(modules)})" for day, modules in sorted(by_day.items()))


def wide_rows(
    header: list[str],
    items: Iterable[EmployeeCompletion],
    hide: Callable[[str], str] | None = None,
    show_left: bool = False,
) -> Iterator[list[str]]:
    columns = module_columns(header, show_left)
    for item in items:
        status = {module.module_id: module.status for module in item.modules}
        yield (
            _person_cells(item.employee, hide, show_left)
            + [status.get(module_id, "") for module_id in columns]
            + [str(item.required_count), str(item.required_passed), workshops_cell(item)]
        )


@dataclass(frozen=True)
class ExportOptions:
    """What an export holds beyond the records: the layout, who is in it and how they are shown."""

    layout: str = "long"
    department: str | None = None
    #: With a key the ids and names become pseudonyms, rows go in pseudonym order and small
    #: departments are merged (``k``); see privacy.py.
    pseudonym_key: bytes | None = None
    k: int = DEFAULT_K
    without_department: bool = False
    training: TrainingSettings = TrainingSettings()
    today: dt.date | None = None  # None: today in the Netherlands
    #: Leavers too (--ook-uit-dienst), with the column uit_dienst after "rollen".
    include_left: bool = False


def export(
    store: Store,
    catalog: Catalog,
    out: Path | None,
    dialect: Dialect,
    layout: str = "long",
    department: str | None = None,
    pseudonym_key: bytes | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Write the CSV export; returns the number of employees in it.

    ``layout``, ``department`` and ``pseudonym_key`` are kept for callers that only need those;
    ``options`` (when given) says everything."""
    options = options or ExportOptions(layout, department, pseudonym_key)
    with cyclic_gc_paused():
        return _export(store, catalog, out, dialect, options)


def _export(store: Store, catalog: Catalog, out: Path | None, dialect: Dialect, options: ExportOptions) -> int:
    from ..records.workshops import attended_modules

    left = options.include_left
    employees, hide, real = export_people_as_stored(store.employees(options.department, include_left=left), options)
    today = options.today or today_here()
    workshops = attended_modules(store)
    if options.layout == "long":
        # checks the roles before anything is written
        details = not _uniform(catalog, options.training)
        progress = store.stored_progress(options.department, include_left=left, details=details)
        lines = _long_text(catalog, employees, progress, dialect, hide, options.training, today, left, workshops, real)
    else:
        summaries = store.module_progress(options.department, include_left=left)
        items = as_shown(completions(catalog, real, summaries, options.training, today, workshops), employees)
    with open_output(out, dialect) as stream:
        if options.layout == "wide":
            header = wide_header(catalog, (p.quiz_id for p in summaries), left)
            write_rows(stream, dialect, header, wide_rows(header, items, hide, left))
        else:
            write_rows(stream, dialect, with_left_column(LONG_HEADER) if left else LONG_HEADER, ())  # the header
            stream.writelines(lines)
    return len(employees)


def export_people_as_stored(
    employees: list[Employee], options: ExportOptions
) -> tuple[list[Employee], Callable[[str], str] | None, list[Employee]]:
    """export_people(), and the same employees as stored, in the export's order: a merged or empty
    department is only how the export shows someone; their own department decides their path."""
    shown, hide = export_people(employees, options)
    if shown is employees:
        return shown, hide, employees
    stored = {employee.id: employee for employee in employees}
    return shown, hide, [stored[employee.id] for employee in shown]


def as_shown(items: Iterable[EmployeeCompletion], shown: Sequence[Employee]) -> Iterator[EmployeeCompletion]:
    """The completions of the stored employees, with each employee as the export shows them."""
    for item, employee in zip(items, shown, strict=True):
        yield item if item.employee is employee else item._replace(employee=employee)


def export_people(
    employees: list[Employee], options: ExportOptions
) -> tuple[list[Employee], Callable[[str], str] | None]:
    """The employees as the export shows them, in its order, and the pseudonym function (or None)."""
    key = options.pseudonym_key
    if key is None:
        return without_departments(employees) if options.without_department else employees, None
    hide = pseudonyms_of(key, employees)
    shown = (
        without_departments(employees)
        if options.without_department
        else merge_small_departments(employees, options.k, options.department)
    )
    # in pseudonym order: the real-id order would let anyone line the rows up with the roster
    return sorted(shown, key=lambda employee: hide(employee.id)), hide
