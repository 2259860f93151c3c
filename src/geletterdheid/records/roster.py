"""HR's list of employees: ``medewerker_id,naam,afdeling,rollen[,email]``, several roles separated by '|'.

An import adds new employees and updates changed ones; employees missing from the file are kept
(a list may cover one department; erasure is the ``forget`` command's job).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import Catalog
from ..problems import Problem
from .errors import ProblemList, RecordsError
from .model import Employee, UpsertCounts, canonical_roles, split_roles
from .sheets import as_text, read_table
from .store import Store

REQUIRED = ("medewerker_id", "naam", "afdeling", "rollen")
OPTIONAL = ("email",)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class ParsedRoster:
    employees: list[Employee] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=ProblemList)


@dataclass(frozen=True)
class RosterImport:
    parsed: ParsedRoster
    counts: UpsertCounts | None  # None when nothing was stored because of problems
    not_in_file: int = 0  # employees in the store that the file does not mention


def parse_roster(path: Path, catalog: Catalog) -> ParsedRoster:
    table = read_table(path)
    positions = table.column_positions()
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        raise RecordsError(
            f"{table.name}: kolom {', '.join(repr(c) for c in missing)} ontbreekt; "
            f"verwacht {', '.join(REQUIRED)} en eventueel email (gevonden: {', '.join(table.columns)})"
        )
    i_id, i_name, i_department, i_roles = (positions[column] for column in REQUIRED)
    i_email = positions.get("email")
    known_roles = set(catalog.roles)
    result = ParsedRoster()
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    for row_number, cells in table.rows():
        texts = [as_text(cell).strip() for cell in cells] + [""] * (len(table.columns) - len(cells))
        employee_id, name, department, roles_text = (texts[i] for i in (i_id, i_name, i_department, i_roles))
        email = texts[i_email] if i_email is not None else ""
        reasons = []
        for value, column in ((employee_id, "medewerker_id"), (name, "naam"), (department, "afdeling")):
            if not value:
                reasons.append(f"{column} is leeg")
        if employee_id in ids:
            reasons.append(f"medewerker_id '{employee_id}' staat ook in rij {ids[employee_id]}")
        roles = split_roles(roles_text)
        unknown = [role for role in roles if role not in known_roles]
        if unknown:
            reasons.append(
                f"onbekende rol {', '.join(repr(r) for r in unknown)}; geldige rollen: {', '.join(catalog.roles)}"
            )
        if email and not _EMAIL.match(email):
            reasons.append(f"ongeldig e-mailadres '{email}'")
        elif email and email.lower() in emails:
            reasons.append(f"e-mailadres '{email}' staat ook in rij {emails[email.lower()]}")
        if reasons:
            result.problems.append(Problem(table.path, row_number, "; ".join(reasons)))
            continue
        ids[employee_id] = row_number
        if email:
            emails[email.lower()] = row_number
        result.employees.append(Employee(employee_id, name, department, canonical_roles(roles), email or None))
    return result


def import_roster(store: Store, catalog: Catalog, path: Path, skip_invalid: bool = False) -> RosterImport:
    parsed = parse_roster(path, catalog)
    if parsed.problems and not skip_invalid:
        return RosterImport(parsed, None)
    counts = store.upsert_employees(parsed.employees)
    in_file = {employee.id for employee in parsed.employees}
    not_in_file = sum(1 for employee in store.employees() if employee.id not in in_file)
    return RosterImport(parsed, counts, not_in_file)
