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
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Catalog
from ..curriculum import required_module_ids
from ..records.batching import cyclic_gc_paused
from ..records.model import Employee, join_roles
from ..records.times import LOCAL_ZONE
from .completion import FAILED, NOT_STARTED, PASSED, EmployeeCompletion, check_roles, completions
from .pseudonym import pseudonym
from .spreadsheet import Dialect, neutralise, number, open_output, write_rows

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
]
WIDE_FIXED = ["medewerker_id", "naam", "afdeling", "rollen"]
#: With include_left (--ook-uit-dienst) this column follows "rollen": the day someone left, or empty.
LEFT_COLUMN = "uit_dienst"
WIDE_TOTALS = ["verplicht_aantal", "verplicht_geslaagd"]
YES, NO = "ja", "nee"


def local_date(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    try:
        return moment.astimezone(LOCAL_ZONE).date().isoformat()
    except OverflowError:  # a time at the very end of year 9999, stored before imports refused it
        return moment.date().isoformat()


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
    show_left: bool = False,
) -> Iterator[str]:
    """The lines of the long layout, one string per employee: the rows LONG_HEADER names, as csv.writer
    would write them (tests/records/export_reference.py holds the plain version it is checked against).

    Roles are checked before the first line, so the export never stops half-way."""
    check_roles(catalog, employees)
    return _long_lines(catalog, employees, progress, dialect, hide, show_left)


def _attempted_cells(progress: StoredProgress, formatter: _Formatter, dialect: Dialect) -> dict[str, dict[str, str]]:
    """employee id -> quiz id -> formatted status, best score, date passed and attempts."""
    delimiter = dialect.delimiter
    # Formatted score and local-date cells, once per distinct score and per UTC hour (the
    # Dutch zone changes only on the hour): a few hundred values for 100,000 rows.
    scores: dict[float | None, str] = {}
    dates: dict[object, str] = {}
    hour, moment = progress.hour, progress.moment
    by_employee: dict[str, dict[str, str]] = {}
    current: str | None = None
    attempted: dict[str, str] = {}
    for employee_id, quiz_id, best, passed, count in progress.rows:
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
        # status and attempts are plain words and digits: nothing to quote
        status = FAILED if passed is None else PASSED
        attempted[quiz_id] = f"{status}{delimiter}{score}{delimiter}{date}{delimiter}{count}"
    return by_employee


def _long_lines(
    catalog: Catalog,
    employees: Sequence[Employee],
    progress: StoredProgress,
    dialect: Dialect,
    hide: Callable[[str], str] | None,
    show_left: bool,
) -> Iterator[str]:
    formatter = _Formatter(dialect)
    by_employee = _attempted_cells(progress, formatter, dialect)
    delimiter = dialect.delimiter
    titles = {module_id: neutralise(module.title) for module_id, module in catalog.modules.items()}

    def head(module_id: str, required: bool) -> str:
        """id, title and "verplicht", formatted, with the delimiter that follows them."""
        return formatter.join([neutralise(module_id), titles.get(module_id, ""), YES if required else NO]) + delimiter

    # Per role set: (module id, head of the module as required, the cells after the person for
    # a module not started), in learning-path order.
    paths: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    untouched = formatter.join([NOT_STARTED, "", "", "0"])
    extra_heads: dict[str, str] = {}
    # (department, roles) -> department and roles formatted, the learning path, and the
    # lines after the person of an employee who started nothing: a few hundred pairs.
    groups: dict[tuple[str, tuple[str, ...], object], tuple[str, list[tuple[str, str, str]], list[str]]] = {}

    for employee in employees:
        group_key = (employee.department, employee.roles, employee.left_on if show_left else None)
        group = groups.get(group_key)
        if group is None:
            path = paths.get(employee.roles)
            if path is None:
                path = paths[employee.roles] = [
                    (module_id, head(module_id, True), head(module_id, True) + untouched)
                    for module_id in required_module_ids(catalog, employee.roles)
                ]
            group = groups[group_key] = (
                formatter.join(_group_cells(employee, show_left)) + delimiter,
                path,
                [tail for _, _, tail in path],
            )
        group_cells, path, tails = group
        person = formatter.join_plain(_identity_cells(employee, hide)) + delimiter + group_cells
        attempted = by_employee.pop(employee.id, None)
        if attempted is not None:
            tails = []
            for module_id, module_head, tail in path:
                cells = attempted.pop(module_id, None)
                tails.append(tail if cells is None else module_head + cells)
            for module_id in sorted(attempted):  # what is left: tried but not required
                extra_head = extra_heads.get(module_id)
                if extra_head is None:
                    extra_head = extra_heads[module_id] = head(module_id, False)
                tails.append(extra_head + attempted[module_id])
        if tails:
            yield person + ("\r\n" + person).join(tails) + "\r\n"


def wide_header(catalog: Catalog, extra_modules: Iterable[str] = (), show_left: bool = False) -> list[str]:
    fixed = with_left_column(WIDE_FIXED) if show_left else WIDE_FIXED
    return fixed + list(catalog.modules) + sorted(set(extra_modules) - set(catalog.modules)) + WIDE_TOTALS


def wide_rows(
    header: list[str],
    items: Iterable[EmployeeCompletion],
    hide: Callable[[str], str] | None = None,
    show_left: bool = False,
) -> Iterator[list[str]]:
    module_columns = header[len(WIDE_FIXED) + show_left : -len(WIDE_TOTALS)]
    for item in items:
        status = {module.module_id: module.status for module in item.modules}
        yield (
            _person_cells(item.employee, hide, show_left)
            + [status.get(module_id, "") for module_id in module_columns]
            + [str(item.required_count), str(item.required_passed)]
        )


def export(
    store: Store,
    catalog: Catalog,
    out: Path | None,
    dialect: Dialect,
    layout: str = "long",
    department: str | None = None,
    pseudonym_key: bytes | None = None,
    include_left: bool = False,
) -> int:
    """Write the export; returns the number of employees in it. Leavers only with ``include_left``,
    and then with the column uit_dienst."""
    with cyclic_gc_paused():
        return _export(store, catalog, out, dialect, layout, department, pseudonym_key, include_left)


def _export(
    store: Store,
    catalog: Catalog,
    out: Path | None,
    dialect: Dialect,
    layout: str,
    department: str | None,
    pseudonym_key: bytes | None,
    include_left: bool,
) -> int:
    employees = store.employees(department, include_left)
    hide = (lambda employee_id: pseudonym(pseudonym_key, employee_id)) if pseudonym_key else None
    if layout == "long":
        # checks the roles before anything is written
        lines = _long_text(
            catalog, employees, store.stored_progress(department, include_left), dialect, hide, include_left
        )
    else:
        progress = store.module_progress(department, include_left)
        items = completions(catalog, employees, progress)
    with open_output(out, dialect) as stream:
        if layout == "wide":
            header = wide_header(catalog, (p.quiz_id for p in progress), include_left)
            write_rows(stream, dialect, header, wide_rows(header, items, hide, include_left))
        else:
            long_header = with_left_column(LONG_HEADER) if include_left else LONG_HEADER
            write_rows(stream, dialect, long_header, ())  # the header only
            stream.writelines(lines)
    return len(employees)
