"""Progress per department or role: who finished the whole learning path, the share of required
modules passed, and how many modules have each status. Pure, plus text tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .completion import EmployeeCompletion
from .status import STATUSES, attended

BY_CHOICES = ("afdeling", "rol")
TOTAL = "Totaal"


@dataclass
class ProgressLine:
    group: str
    employees: int = 0
    finished: int = 0  # employees with every required module passed (and still counting)
    required: int = 0  # required modules summed over the group's employees
    passed: int = 0  # of those, passed
    attended: int = 0  # of those, attended in a workshop (whatever their status)
    #: status -> number of required modules with it
    statuses: Counter[str] = field(default_factory=Counter)

    @property
    def percent(self) -> float | None:
        return 100.0 * self.passed / self.required if self.required else None

    def add(self, item: EmployeeCompletion) -> None:
        self.employees += 1
        self.finished += item.path_finished
        self.required += item.required_count
        self.passed += item.required_passed
        self.attended += sum(1 for module in item.modules if module.required and module.workshop_on is not None)
        self.statuses.update(module.status for module in item.modules if module.required)


def progress_by(
    items: Iterable[EmployeeCompletion], by: str, role_titles: Mapping[str, str] | None = None
) -> list[ProgressLine]:
    """One line per department (or role, by its title: an employee counts under each of their
    roles), sorted, then the total."""
    titles = role_titles or {}
    lines: dict[str, ProgressLine] = {}
    total = ProgressLine(TOTAL)
    for item in items:
        if by == "afdeling":
            groups = [item.employee.department]
        else:
            groups = [titles.get(role_id, role_id) for role_id in item.employee.all_roles]
        for group in groups:
            line = lines.get(group)
            if line is None:
                line = lines[group] = ProgressLine(group)
            line.add(item)
        total.add(item)
    return [lines[group] for group in sorted(lines, key=str.lower)] + [total]


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """Left-aligned first column, right-aligned numbers, a rule above the last (total) row."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def render(row: tuple[str, ...]) -> str:
        return "  ".join(
            [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        )

    separator = "  ".join("-" * width for width in widths)
    body = [render(row) for row in rows]
    return "\n".join([render(header), separator, *body[:-1], separator, body[-1]])


def format_employees(items: Iterable[EmployeeCompletion]) -> str:
    """Per employee, the status of each required module: ``t01 geslaagd, t02 te laat``."""
    rows = [
        (
            item.employee.id,
            item.employee.name,
            item.employee.department,
            ", ".join(
                f"{module.module_id} {module.status}"
                + (f" ({attended(module.workshop_on)})" if module.workshop_on is not None else "")
                for module in item.modules
                if module.required
            )
            or "-",
        )
        for item in items
    ]
    header = ("Medewerker", "Naam", "Afdeling", "Verplichte modules")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]

    def render(row: tuple[str, ...]) -> str:
        return "  ".join([*(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3]])

    return "\n".join(
        [render(header), "  ".join("-" * width for width in [*widths, len(header[3])]), *map(render, rows)]
    )


def format_table(lines: list[ProgressLine], by: str) -> str:
    """The progress table and, under it, how many required modules have each status."""
    group = "Afdeling" if by == "afdeling" else "Rol"
    progress = _table(
        (group, "Medewerkers", "Leerpad af", "Verplicht", "Geslaagd", "Voortgang", "Workshop"),
        [
            (
                line.group,
                str(line.employees),
                str(line.finished),
                str(line.required),
                str(line.passed),
                _percent(line.percent),
                str(line.attended),
            )
            for line in lines
        ],
    )
    text = (
        f"{progress}\n\nLeerpad af: medewerkers die alle verplichte modules hebben gehaald (en nog geldig). "
        "Workshop: verplichte modules waarvoor een workshop is gevolgd (geletterdheid attendance import), "
        "ook zonder toets."
    )
    shown = [status for status in STATUSES if lines[-1].statuses[status]]
    if not shown:
        return text
    statuses = _table(
        (group, *shown), [(line.group, *(str(line.statuses[status]) for status in shown)) for line in lines]
    )
    return f"{text}\n\nVerplichte modules per status:\n{statuses}"
