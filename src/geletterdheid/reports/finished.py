"""How many employees finished their whole learning path, per department. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from .completion import EmployeeCompletion


class FinishedLine(NamedTuple):
    department: str
    finished: int  # employees who passed every required module
    employees: int


def finished_by_department(items: Iterable[EmployeeCompletion]) -> tuple[list[FinishedLine], FinishedLine]:
    """One line per department (sorted case-insensitively) and the total line."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        line = counts[item.employee.department]
        line[0] += item.required_passed == item.required_count
        line[1] += 1
    lines = [FinishedLine(department, *counts[department]) for department in sorted(counts, key=str.lower)]
    total = FinishedLine("Totaal", sum(line.finished for line in lines), sum(line.employees for line in lines))
    return lines, total
