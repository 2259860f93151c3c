"""HR's list of employees: ``medewerker_id, naam, afdeling, rollen``, optionally ``email`` and ``uit_dienst``.

Lenient where HR is: column names in any case and under the names HR systems use
(``Personeelsnummer``, ``E-mail``, ``Team``; every alias used is reported), roles by id or by
title, several separated by ``|``, ``;`` or ``,``. Strict where it matters: ids, e-mail
addresses and dates are checked and every bad row is named.

An import adds new employees and updates changed ones. Employees missing from the file are kept
(a list may cover one department) unless the list is complete (``--volledig``): then whoever is
missing has left on the day of the import. Leavers keep their records; erasure is ``forget``'s job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import Catalog
from ..dutch import join_names
from ..problems import Problem
from .days import parse_day
from .errors import ProblemList, RecordsError
from .model import Employee, UpsertCounts, canonical_roles
from .roles import RoleMatcher
from .sheets import Table, as_text, read_table
from .store import Store, today

REQUIRED = ("medewerker_id", "naam", "afdeling", "rollen")
OPTIONAL = ("email", "uit_dienst")
#: Other names for the columns, as HR systems and people write them (compared in lower case, spacing ignored).
ALIASES = {
    "medewerker_id": ("medewerker id", "medewerkerid", "personeelsnummer", "personeelsnr", "medewerkernummer"),
    "naam": ("volledige naam",),
    "afdeling": ("team",),
    "rollen": ("rol",),
    "email": ("e-mail", "e mail", "mail", "e-mailadres", "emailadres"),
    "uit_dienst": ("uit dienst", "datum uit dienst", "einddatum"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPACES = re.compile(r"\s+")


@dataclass
class ParsedRoster:
    employees: list[Employee] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=ProblemList)
    #: (column as written in the file, the column it was read as), for every alias used
    aliases: list[tuple[str, str]] = field(default_factory=list)
    #: Every id in the file, valid rows or not: a complete list never retires someone over a typo in their row.
    ids: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class RosterImport:
    parsed: ParsedRoster
    counts: UpsertCounts | None  # None when nothing was stored because of problems
    not_in_file: int = 0  # employees in service in the store that the file does not mention
    left: list[str] = field(default_factory=list)  # ids marked as left (--volledig)


def _columns(table: Table) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Our column name -> position, and the aliases used; a missing or doubled column raises RecordsError."""
    known = {name: name for name in REQUIRED + OPTIONAL}
    known.update({alias: name for name, aliases in ALIASES.items() for alias in aliases})
    positions: dict[str, int] = {}
    written: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []
    for position, column in enumerate(table.columns):
        name = known.get(_SPACES.sub(" ", column.lower()).strip())
        if name is None:
            continue
        if name in positions:
            raise RecordsError(
                f"{table.name}: de kolommen '{written[name]}' en '{column}' zijn allebei {name}; laat er één staan"
            )
        positions[name], written[name] = position, column
        if column.lower() != name:
            aliases.append((column, name))
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        which = (
            f"de kolom {missing[0]} ontbreekt" if len(missing) == 1 else f"de kolommen {join_names(missing)} ontbreken"
        )
        raise RecordsError(
            f"{table.name}: {which}; verwacht {join_names(list(REQUIRED))}, eventueel email en uit_dienst "
            f"(gevonden: {', '.join(column for column in table.columns if column) or 'niets'})"
        )
    return positions, aliases


def parse_roster(path: Path, catalog: Catalog) -> ParsedRoster:
    table = read_table(path)
    positions, aliases = _columns(table)
    i_id, i_name, i_department, i_roles = (positions[column] for column in REQUIRED)
    i_email, i_left = positions.get("email"), positions.get("uit_dienst")
    roles = RoleMatcher(catalog.roles)
    result = ParsedRoster(aliases=aliases)
    ids: dict[str, int] = {}
    emails: dict[str, int] = {}
    for row_number, cells in table.rows():
        padded = [*cells, *[""] * (len(table.columns) - len(cells))]
        texts = [as_text(cell).strip() for cell in padded]
        employee_id, name, department, roles_text = (texts[i] for i in (i_id, i_name, i_department, i_roles))
        email = texts[i_email] if i_email is not None else ""
        reasons = []
        for value, column in ((employee_id, "medewerker_id"), (name, "naam"), (department, "afdeling")):
            if not value:
                reasons.append(f"{column} is leeg")
        if employee_id in ids:
            reasons.append(f"medewerker_id '{employee_id}' staat ook in rij {ids[employee_id]}")
        role_ids, role_problems = roles.match(roles_text)
        reasons += role_problems
        if email and not _EMAIL.match(email):
            reasons.append(f"ongeldig e-mailadres '{email}'")
        elif email and email.lower() in emails:
            reasons.append(f"e-mailadres '{email}' staat ook in rij {emails[email.lower()]}")
        left_on: dt.date | None = None
        if i_left is not None and texts[i_left]:
            try:
                left_on = parse_day(padded[i_left])
            except ValueError as exc:
                reasons.append(f"uit_dienst: {exc}")
        if employee_id:
            result.ids.add(employee_id)
        if reasons:
            result.problems.append(Problem(table.location, row_number, "; ".join(reasons)))
            continue
        ids[employee_id] = row_number
        if email:
            emails[email.lower()] = row_number
        result.employees.append(
            Employee(employee_id, name, department, canonical_roles(role_ids), email or None, left_on)
        )
    return result


def import_roster(
    store: Store,
    catalog: Catalog,
    path: Path,
    skip_invalid: bool = False,
    complete: bool = False,
    day: dt.date | None = None,
) -> RosterImport:
    """Store the roster. With ``complete``, everyone in service but not in the file has left on ``day``
    (default: today)."""
    parsed = parse_roster(path, catalog)
    if parsed.problems and not skip_invalid:
        return RosterImport(parsed, None)
    counts = store.upsert_employees(parsed.employees)
    if complete:
        return RosterImport(parsed, counts, 0, store.mark_left(sorted(parsed.ids), day or today()))
    not_in_file = sum(1 for employee in store.employees() if employee.id not in parsed.ids)
    return RosterImport(parsed, counts, not_in_file)
