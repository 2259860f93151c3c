"""What keeps a pseudonymised export from pointing at a person. Pure: employees in, employees out.

A pseudonym hides a name, but a department of two people, or rows in the roster's id order,
give it back. So a pseudonymised export goes in pseudonym order, and departments with fewer
than ``k`` employees are shown together as "overige afdelingen" (k-anonymity on the department).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from ..records.errors import RecordsError
from ..records.model import Employee
from .pseudonym import pseudonym

DEFAULT_K = 5
OTHER_DEPARTMENTS = "overige afdelingen"


class TooFewToHide(RecordsError):
    """A pseudonymised export of one department with fewer than k employees."""


def pseudonyms_of(key: bytes, employees: Sequence[Employee]) -> Callable[[str], str]:
    """employee id -> pseudonym, worked out once per employee (sorting asks for it again)."""
    known = {employee.id: pseudonym(key, employee.id) for employee in employees}
    return lambda employee_id: known.get(employee_id) or pseudonym(key, employee_id)


def merge_small_departments(employees: Sequence[Employee], k: int, only: str | None = None) -> list[Employee]:
    """Departments with fewer than ``k`` employees become "overige afdelingen".

    ``only``: the export was asked for one department; if it is that small, merging cannot hide
    anyone, so it is refused."""
    if k < 1:
        raise RecordsError(f"--k moet minstens 1 zijn, niet {k}")
    sizes = Counter(employee.department for employee in employees)
    if only is not None and employees and len(employees) < k:
        raise TooFewToHide(
            f"afdeling '{only}' heeft {len(employees)} medewerker(s), minder dan k = {k}: een gepseudonimiseerde "
            "export daarvan wijst personen aan. Exporteer alle afdelingen samen, of kies een kleinere --k."
        )
    return [
        employee if sizes[employee.department] >= k else employee._replace(department=OTHER_DEPARTMENTS)
        for employee in employees
    ]


def without_departments(employees: Sequence[Employee]) -> list[Employee]:
    """The employees with an empty department (``--zonder-afdeling``)."""
    return [employee._replace(department="") for employee in employees]
