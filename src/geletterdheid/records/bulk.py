"""Fast, idempotent inserts of many attempts and answers: the hot path of an import.

Attempts go in with INSERT ... ON CONFLICT DO NOTHING RETURNING, so an attempt that is already
stored (an earlier import, or a concurrent one that committed first) is skipped and only the
new ones come back with their ids. Answers belong to those new attempts only, so they cannot
conflict and are written with the fastest path each driver has (executemany on sqlite3, COPY
on PostgreSQL), skipping SQLAlchemy's per-row parameter processing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite

from .model import NewAttempt
from .schema import answers, attempts

AttemptKey = tuple[str, str, dt.datetime]


def dialect_insert(connection: Connection, table: Table) -> Insert:
    """An INSERT that supports on_conflict_do_nothing/do_update (the store accepts only these two backends)."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def to_utc_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("taken_at moet een tijdzone hebben")
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def insert_attempts(connection: Connection, new: Sequence[NewAttempt]) -> list[tuple[NewAttempt, int]]:
    """Insert the attempts that are not stored yet; return those with their new ids."""
    by_key: dict[AttemptKey, NewAttempt] = {}
    params = []
    for attempt in new:
        key = (attempt.employee_id, attempt.quiz_id, to_utc_naive(attempt.taken_at))
        if key in by_key:
            continue  # the same attempt twice in one batch: the first one counts
        by_key[key] = attempt
        params.append({
            "employee_id": key[0], "quiz_id": key[1], "taken_at": key[2], "source": attempt.source,
            "score": attempt.score_percent, "passed": attempt.passed,
        })
    if not params:
        return []
    statement = (
        dialect_insert(connection, attempts)
        .on_conflict_do_nothing(index_elements=["employee_id", "quiz_id", "taken_at"])
        .returning(attempts.c.id, attempts.c.employee_id, attempts.c.quiz_id, attempts.c.taken_at)
    )
    result = connection.execute(statement, params)
    return [(by_key[(row.employee_id, row.quiz_id, row.taken_at)], row.id) for row in result]


def insert_answers(connection: Connection, inserted: Sequence[tuple[NewAttempt, int]]) -> int:
    rows = [(attempt_id, *answer) for attempt, attempt_id in inserted for answer in attempt.answers]
    if not rows:
        return 0
    columns = "attempt_id, question_id, chosen, score"
    if connection.dialect.name == "postgresql":
        with connection.connection.driver_connection.cursor() as cursor:
            with cursor.copy(f"COPY {answers.name} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
    else:
        connection.exec_driver_sql(f"INSERT INTO {answers.name} ({columns}) VALUES (?, ?, ?, ?)", rows)
    return len(rows)
