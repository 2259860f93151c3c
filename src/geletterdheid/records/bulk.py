"""Fast, idempotent inserts of many attempts: the hot path of an import.

Attempts go in with INSERT ... ON CONFLICT DO NOTHING on their identity (employee, quiz, time),
so an attempt that is already stored (an earlier import, or a concurrent one that committed
first) is skipped by the database itself; the driver's summed row count tells how many were
new. Rows go straight to the driver's executemany: SQLAlchemy's per-row parameter processing
cost more than the insert itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Insert, Table
from sqlalchemy.dialects import postgresql, sqlite

from .model import Answer, NewAttempt
from .schema import attempts

_COLUMNS = ("employee_id", "quiz_id", "taken_at", "source", "score", "passed", "answers")


def dialect_insert(connection: Connection, table: Table) -> Insert:
    """An INSERT that supports on_conflict_do_nothing/do_update (the store accepts only these two backends)."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def to_utc_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("taken_at moet een tijdzone hebben")
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


class _Fragments(dict):
    """Answer -> its JSON member text, made once per distinct answer (an import repeats a few hundred)."""

    def __missing__(self, answer: Answer) -> str:
        text = self[answer] = f"{json.dumps(answer.question_id)}:{json.dumps([answer.chosen, answer.score])}"
        return text


def encode_answers(answers: Iterable[Answer], fragments: _Fragments | None = None) -> str:
    """{"question id": ["chosen keys", score], ...}"""
    return "{" + ",".join(map((fragments if fragments is not None else _Fragments()).__getitem__, answers)) + "}"


def decode_answers(text: str) -> dict[str, Answer]:
    return {question_id: Answer(question_id, chosen, score) for question_id, (chosen, score) in json.loads(text).items()}


def insert_attempts(connection: Connection, new: Sequence[NewAttempt]) -> int:
    """Insert the attempts that are not stored yet; return how many were new."""
    if not new:
        return 0
    # A time is stored the way SQLAlchemy's DateTime stores it (fixed-format text on SQLite), so
    # rows written here and rows written through SQLAlchemy share one identity.
    to_stored = attempts.c.taken_at.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    stored_times: dict[int, object] = {}  # by id(): an import shares one datetime object per distinct time
    fragments = _Fragments()
    rows = []
    for attempt in new:
        taken_at = stored_times.get(id(attempt.taken_at))
        if taken_at is None:
            taken_at = to_utc_naive(attempt.taken_at)
            taken_at = stored_times[id(attempt.taken_at)] = to_stored(taken_at) if to_stored else taken_at
        rows.append((attempt.employee_id, attempt.quiz_id, taken_at, attempt.source, attempt.score_percent,
                     attempt.passed, encode_answers(attempt.answers, fragments)))
    marker = "%s" if connection.dialect.name == "postgresql" else "?"
    sql = (f"INSERT INTO {attempts.name} ({', '.join(_COLUMNS)}) VALUES ({', '.join([marker] * len(_COLUMNS))}) "
           "ON CONFLICT (employee_id, quiz_id, taken_at) DO NOTHING")
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, rows)
        return cursor.rowcount  # summed over all rows by both sqlite3 and psycopg
    finally:
        cursor.close()
