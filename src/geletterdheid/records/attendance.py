"""Import an attendance list: who took part in a workshop (evidence under Art. 4 AI Act).

The list is the workshop kit's ``scoreblad.xlsx`` (its "Presentielijst" sheet), or any CSV/XLSX
with a ``medewerker_id`` column and perhaps ``aanwezig``. With ``aanwezig`` only rows that say so
count (ja, x, aanwezig, 1 in any case; nee or empty is absent); without it, every row with an id.
All or nothing: an unknown employee, an unreadable mark or a bad option stores nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.model import Catalog
from ..problems import Problem
from .errors import ProblemList, RecordsError
from .model import AttendanceCounts, Workshop
from .sheets import Table, as_text, read_sheet, read_table, workbook_sheets
from .times import EARLIEST, LOCAL_ZONE

if TYPE_CHECKING:
    from .store import Store

#: The workshop kit's attendance sheet in scoreblad.xlsx (first sheet, but found by its name).
ATTENDANCE_SHEET = "Presentielijst"
PRESENT = frozenset({"ja", "j", "x", "aanwezig", "1", "waar", "yes"})
ABSENT = frozenset({"", "nee", "n", "afwezig", "0", "onwaar", "no", "-"})
MIN_MINUTES, MAX_MINUTES = 1, 600
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MODULE_SPLIT = re.compile(r"[,;| ]+")


@dataclass
class ParsedAttendance:
    table_name: str  # the file, and the sheet when it is one of several
    present: list[str] = field(default_factory=list)  # employee ids, in list order, once each
    absent: int = 0
    problems: list[Problem] = field(default_factory=ProblemList)


@dataclass(frozen=True)
class AttendanceImport:
    parsed: ParsedAttendance
    recorded: AttendanceCounts | None  # None when nothing was stored because of problems


def workshop_day(text: str) -> dt.date:
    """--datum JJJJ-MM-DD, from 2024 (no Art. 4 trainings before) to tomorrow; RecordsError otherwise."""
    value = text.strip()
    day = None
    if _DAY.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    if day is None:
        raise RecordsError(f"ongeldige datum '{text}' (--datum); schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-04")
    tomorrow = dt.datetime.now(LOCAL_ZONE).date() + dt.timedelta(days=1)
    if not EARLIEST.date() <= day <= tomorrow:
        raise RecordsError(f"datum {value} (--datum) ligt niet tussen 2024-01-01 en vandaag; controleer het jaartal")
    return day


def workshop_from_options(catalog: Catalog, name: str, day: str, modules: str, minutes: str, trainer: str) -> Workshop:
    """The workshop the command line describes; RecordsError naming the option that is wrong."""
    if not name.strip():
        raise RecordsError("geef de naam van de workshop met --workshop")
    held_on = workshop_day(day)
    module_ids = list(dict.fromkeys(part for part in _MODULE_SPLIT.split(modules.strip()) if part))
    if not module_ids:
        raise RecordsError("geef de modules van de workshop met --modules, bijvoorbeeld --modules m01,m02")
    unknown = [module_id for module_id in module_ids if module_id not in catalog.modules]
    if unknown:
        raise RecordsError(
            f"onbekende module{'s' if len(unknown) > 1 else ''} {', '.join(repr(m) for m in unknown)} (--modules); "
            f"bekende modules: {', '.join(catalog.modules)}"
        )
    text = minutes.strip()
    if not (text.isascii() and text.isdigit() and MIN_MINUTES <= int(text) <= MAX_MINUTES):
        raise RecordsError(
            f"--duur '{minutes}': geef de duur in minuten, een getal van {MIN_MINUTES} tot en met {MAX_MINUTES}"
        )
    if not trainer.strip():
        raise RecordsError("geef de naam van de trainer met --trainer")
    return Workshop(name.strip(), held_on, tuple(module_ids), int(text), trainer.strip())


def read_list(path: Path) -> Table:
    """The attendance list in ``path``: the "Presentielijst" sheet of a workbook that has one, else the
    file's (first) sheet."""
    titles = workbook_sheets(path)
    for index, title in enumerate(titles):
        if title.strip().casefold() == ATTENDANCE_SHEET.casefold():
            return read_sheet(path, index, title) if len(titles) > 1 else read_table(path)
    return read_table(path)


def parse_list(table: Table, known: set[str]) -> ParsedAttendance:
    """Who was present according to the list; every row that cannot be read is a problem."""
    result = ParsedAttendance(table.name)
    positions = table.column_positions()
    i_employee = positions.get("medewerker_id", positions.get("personeelsnummer"))
    if i_employee is None:
        raise RecordsError(
            f"{table.name}: er is geen kolom medewerker_id; verwacht medewerker_id en eventueel aanwezig (ja/nee)"
        )
    i_present = positions.get("aanwezig")
    seen: set[str] = set()
    for row_number, row in table.rows():
        cells = [*row, *[""] * (len(table.columns) - len(row))]
        employee_id = as_text(cells[i_employee]).strip()
        if i_present is None:
            counts = bool(employee_id)
        else:
            mark = as_text(cells[i_present]).strip()
            if mark.casefold() not in PRESENT | ABSENT:
                result.problems.append(
                    Problem(
                        table.location,
                        row_number,
                        f"aanwezig '{mark}' is geen ja of nee (ja, x, aanwezig of 1 is aanwezig; nee of leeg afwezig)",
                    )
                )
                continue
            counts = mark.casefold() in PRESENT
        if not employee_id:
            if counts:
                result.problems.append(Problem(table.location, row_number, "aanwezig, maar medewerker_id is leeg"))
            continue
        if employee_id not in known:
            result.problems.append(Problem(table.location, row_number, f"onbekende medewerker '{employee_id}'"))
            continue
        if not counts:
            result.absent += 1
        elif employee_id not in seen:
            seen.add(employee_id)
            result.present.append(employee_id)
    return result


def import_attendance(store: Store, path: Path, workshop: Workshop, done_by: str) -> AttendanceImport:
    """Read the list in ``path`` and record who was present; nothing is stored when a row has a problem."""
    known = {employee_id for employee_id, _ in store.employee_contacts()}
    parsed = parse_list(read_list(path), known)
    if parsed.problems:
        return AttendanceImport(parsed, None)
    if not parsed.present:  # most likely the kit's list before the trainer filled it in
        raise RecordsError(
            f"{parsed.table_name}: niemand staat als aanwezig op de lijst (kolom aanwezig: ja, x, aanwezig of 1); "
            "er is niets vastgelegd"
        )
    from .workshops import record_attendance

    return AttendanceImport(parsed, record_attendance(store, workshop, parsed.present, Path(path).name, done_by))


def listed(ids: Sequence[str], limit: int = 10) -> str:
    """'E1, E3' (and 'en meer' beyond ``limit``)."""
    return ", ".join(ids[:limit]) + (" en meer" if len(ids) > limit else "")
