"""Progress per department or role: the share of required modules passed. Pure, plus a text table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .completion import EmployeeCompletion

BY_CHOICES = ("afdeling", "rol")
TOTAL = "Totaal"


@dataclass(frozen=True)
class ProgressLine:
    group: str
    employees: int
    required: int  # required modules summed over the group's employees
    passed: int  # of those, passed

    @property
    def percent(self) -> float | None:
        return 100.0 * self.passed / self.required if self.required else None


def progress_by(items: Iterable[EmployeeCompletion], by: str) -> list[ProgressLine]:
    """One line per department (or role: an employee counts under each of their roles), sorted, then the total."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    total = [0, 0, 0]
    for item in items:
        counts = (1, item.required_count, item.required_passed)
        groups = [item.employee.department] if by == "afdeling" else list(item.employee.all_roles)
        for group in groups:
            sums[group] = [a + b for a, b in zip(sums[group], counts, strict=True)]
        total = [a + b for a, b in zip(total, counts, strict=True)]
    lines = [ProgressLine(group, *sums[group]) for group in sorted(sums, key=str.lower)]
    return lines + [ProgressLine(TOTAL, *total)]


def format_table(lines: list[ProgressLine], by: str) -> str:
    header = ("Afdeling" if by == "afdeling" else "Rol", "Medewerkers", "Verplicht", "Geslaagd", "Voortgang")
    rows = [
        (
            line.group,
            str(line.employees),
            str(line.required),
            str(line.passed),
            "-" if line.percent is None else f"{line.percent:.1f}%".replace(".", ","),
        )
        for line in lines
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def render(row: tuple[str, ...]) -> str:
        return "  ".join(
            [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        )

    separator = "  ".join("-" * width for width in widths)
    body = [render(row) for row in rows]
    return "\n".join([render(header), separator, *body[:-1], separator, body[-1]])
