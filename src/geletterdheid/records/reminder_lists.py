"""The reminder lists made: evidence that reminders were prepared (a measure under Art. 4 AI Act).

``geletterdheid herinneringen`` writes a list for a mailing; the gemeente sends the mails with its own
system, so what can be recorded truthfully is that a list was made, when, for which day and for how
many people. No names: the list itself is the gemeente's file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from .database import write_transaction
from .tables import reminder_lists

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class ReminderList:
    made_at: dt.datetime  # aware, UTC
    reference_day: dt.date
    employees: int
    department: str | None


def record_reminder_list(
    store: Store, reference_day: dt.date, employees: int, department: str | None, made_at: dt.datetime | None = None
) -> None:
    moment = (made_at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    with write_transaction(store.engine) as connection:
        connection.execute(
            insert(reminder_lists).values(
                made_at=moment, reference_day=reference_day, employees=employees, department=department
            )
        )


def reminder_lists_made(
    store: Store, since: dt.datetime | None = None, until: dt.datetime | None = None
) -> list[ReminderList]:
    """The lists made in ``[since, until)`` (aware times), oldest first."""
    query = select(reminder_lists).order_by(reminder_lists.c.made_at, reminder_lists.c.id)
    if since is not None:
        query = query.where(reminder_lists.c.made_at >= since.astimezone(dt.UTC).replace(tzinfo=None))
    if until is not None:
        query = query.where(reminder_lists.c.made_at < until.astimezone(dt.UTC).replace(tzinfo=None))
    with store.engine.connect() as connection:
        return [
            ReminderList(row.made_at.replace(tzinfo=dt.UTC), row.reference_day, row.employees, row.department)
            for row in connection.execute(query)
        ]
