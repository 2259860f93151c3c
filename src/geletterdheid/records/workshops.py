"""The workshop tables: who took part in which workshop, listing it, and removing a mistake with an audit trail.

Kept apart from store.py (which holds the attempts), as certificates.py is: attendance is a record
of its own, evidence of a measure under Art. 4 AI Act also for those who took no quiz. A
workshop is one per name (in any case) and day; recording the same list again adds nothing, a
later list adds the people who were not on it yet. A removal keeps the row (``removed_at``) and
writes who, when and why to ``attendance_changes``, as voiding an attempt does; erasing the
employee (``Store.forget``) erases both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select, update

from ..content.model import dutch_date
from .bulk import dialect_insert
from .database import write_transaction
from .errors import RecordsError
from .model import (
    REMOVED,
    SEPARATOR,
    AttendanceChange,
    AttendanceCounts,
    AttendanceLine,
    Workshop,
)
from .tables import attendance_changes, employees, workshop_attendance, workshops

if TYPE_CHECKING:
    from .store import Store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def _workshop(row: Any) -> Workshop:
    return Workshop(
        name=row.name,
        held_on=row.held_on,
        modules=tuple(row.modules.split(SEPARATOR)) if row.modules else (),
        minutes=row.minutes,
        trainer=row.trainer,
        source=row.source,
        recorded_at=_aware(row.recorded_at),
        recorded_by=row.recorded_by,
    )


def describe(workshop: Workshop) -> str:
    """A workshop as every message names it: 'AI in de praktijk' op 4 maart 2025."""
    return f"'{workshop.name}' op {dutch_date(workshop.held_on)}"


def _find(connection: Connection, name: str, held_on: dt.date) -> Any:
    """The stored workshop of that name (in any case) on that day, or None."""
    wanted = name.strip().casefold()
    rows = connection.execute(select(workshops).where(workshops.c.held_on == held_on)).all()
    return next((row for row in rows if row.name.casefold() == wanted), None)


def _same(stored: Workshop, given: Workshop) -> bool:
    return (
        set(stored.modules) == set(given.modules)
        and stored.minutes == given.minutes
        and stored.trainer.casefold() == given.trainer.strip().casefold()
    )


def _details(workshop: Workshop) -> str:
    return f"modules {', '.join(workshop.modules)}, {workshop.minutes} minuten, trainer {workshop.trainer}"


def record_attendance(
    store: Store, workshop: Workshop, employee_ids: Sequence[str], source: str, done_by: str
) -> AttendanceCounts:
    """Record that ``employee_ids`` took part in ``workshop``, in one transaction.

    The workshop is made when it is new. When it exists (same name and day) with other modules,
    duration or trainer, nothing is stored and RecordsError says what is stored: two workshops
    of one name on one day are a typo in one of the lists, not a second workshop.
    """
    now = _now()
    with write_transaction(store.engine) as connection:
        row = _find(connection, workshop.name, workshop.held_on)
        new = row is None
        if row is None:
            statement = dialect_insert(connection, workshops).values(
                name=workshop.name.strip(),
                held_on=workshop.held_on,
                modules=SEPARATOR.join(workshop.modules),
                minutes=workshop.minutes,
                trainer=workshop.trainer.strip(),
                source=source,
                recorded_at=now,
                recorded_by=done_by,
            )
            connection.execute(statement.on_conflict_do_nothing())  # another import of the same list at once
            row = _find(connection, workshop.name, workshop.held_on)
        stored = _workshop(row)
        if not _same(stored, workshop):
            raise RecordsError(
                f"workshop {describe(stored)} is al vastgelegd met {_details(stored)}; deze lijst zegt "
                f"{_details(workshop)}. Is het een andere workshop, geef hem dan een andere naam (--workshop); "
                "anders: gebruik dezelfde gegevens"
            )
        present = {
            employee_id: removed_at
            for employee_id, removed_at in connection.execute(
                select(workshop_attendance.c.employee_id, workshop_attendance.c.removed_at).where(
                    workshop_attendance.c.workshop_id == row.id
                )
            )
        }
        unique = list(dict.fromkeys(employee_ids))
        added = [employee_id for employee_id in unique if employee_id not in present]
        if added:
            statement = dialect_insert(connection, workshop_attendance).on_conflict_do_nothing()
            connection.execute(
                statement,
                [
                    {"workshop_id": row.id, "employee_id": employee_id, "source": source, "added_at": now}
                    for employee_id in added
                ],
            )
    return AttendanceCounts(
        workshop=stored,
        new_workshop=new,
        added=tuple(added),
        already_present=tuple(e for e in unique if e in present and present[e] is None),
        removed_before=tuple(e for e in unique if e in present and present[e] is not None),
    )


def attendance(store: Store, name: str | None = None) -> list[AttendanceLine]:
    """Everyone recorded at a workshop (of that name, in any case), by date, workshop and employee id."""
    query = (
        select(workshops, workshop_attendance.c.employee_id, workshop_attendance.c.removed_at, employees.c.department)
        .add_columns(employees.c.name.label("employee_name"))
        .join(workshop_attendance, workshop_attendance.c.workshop_id == workshops.c.id)
        .join(employees, employees.c.id == workshop_attendance.c.employee_id)
        .order_by(workshops.c.held_on, workshops.c.name, workshop_attendance.c.employee_id)
    )
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    wanted = None if name is None else name.strip().casefold()
    return [
        AttendanceLine(_workshop(row), row.employee_id, row.employee_name, row.department, _aware(row.removed_at))
        for row in rows
        if wanted is None or row.name.casefold() == wanted
    ]


def workshops_named(store: Store, name: str | None = None) -> list[Workshop]:
    """The workshops (of that name, in any case), by date."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(workshops).order_by(workshops.c.held_on, workshops.c.name)).all()
    wanted = None if name is None else name.strip().casefold()
    return [_workshop(row) for row in rows if wanted is None or row.name.casefold() == wanted]


def remove_attendance(
    store: Store, name: str, held_on: dt.date, employee_id: str, reason: str, done_by: str
) -> Workshop:
    """Remove an employee from a workshop's list (a mistake): it stops counting, the trail says who and why.

    Raises RecordsError when there is no such workshop, the employee is not on it, or was removed already.
    """
    with write_transaction(store.engine) as connection:
        row = _find(connection, name, held_on)
        if row is None:
            raise RecordsError(
                f"er is geen workshop '{name.strip()}' op {dutch_date(held_on)}; "
                "zie geletterdheid attendance list; er is niets gewijzigd"
            )
        workshop = _workshop(row)
        on_list = workshop_attendance.c.workshop_id == row.id, workshop_attendance.c.employee_id == employee_id
        removed_at = connection.execute(select(workshop_attendance.c.removed_at).where(*on_list)).first()
        if removed_at is None:
            raise RecordsError(
                f"medewerker '{employee_id}' staat niet op de lijst van workshop {describe(workshop)}; "
                "er is niets gewijzigd"
            )
        if removed_at[0] is not None:
            raise RecordsError(
                f"medewerker '{employee_id}' is al van de lijst van workshop {describe(workshop)} verwijderd; "
                "er is niets gewijzigd"
            )
        now = _now()
        connection.execute(update(workshop_attendance).where(*on_list).values(removed_at=now))
        connection.execute(
            attendance_changes.insert().values(
                workshop_id=row.id, employee_id=employee_id, action=REMOVED, done_at=now, done_by=done_by, reason=reason
            )
        )
    return workshop


def changes(store: Store, name: str | None = None) -> list[AttendanceChange]:
    """The audit trail of attendance (of the workshops of that name), oldest first."""
    query = (
        select(workshops, attendance_changes.c.employee_id, attendance_changes.c.action)
        .add_columns(attendance_changes.c.done_at, attendance_changes.c.done_by, attendance_changes.c.reason)
        .join(attendance_changes, attendance_changes.c.workshop_id == workshops.c.id)
        .order_by(attendance_changes.c.done_at, attendance_changes.c.id)
    )
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    wanted = None if name is None else name.strip().casefold()
    return [
        AttendanceChange(
            _workshop(row), row.employee_id, row.action, row.done_at.replace(tzinfo=dt.UTC), row.done_by, row.reason
        )
        for row in rows
        if wanted is None or row.name.casefold() == wanted
    ]


def attended_modules(store: Store, until: dt.date | None = None) -> dict[str, dict[str, dt.date]]:
    """Employee id -> module id -> the latest day they took part in a workshop on it (removals left out):
    what the reports show beside the status. ``until``: only workshops held on or before that day."""
    query = (
        select(workshop_attendance.c.employee_id, workshops.c.modules, workshops.c.held_on)
        .join(workshops, workshops.c.id == workshop_attendance.c.workshop_id)
        .where(workshop_attendance.c.removed_at.is_(None))
    )
    if until is not None:
        query = query.where(workshops.c.held_on <= until)
    found: dict[str, dict[str, dt.date]] = {}
    with store.engine.connect() as connection:
        for employee_id, modules, held_on in connection.execute(query):
            theirs = found.setdefault(employee_id, {})
            for module_id in modules.split(SEPARATOR):
                if module_id and (module_id not in theirs or theirs[module_id] < held_on):
                    theirs[module_id] = held_on
    return found
