"""Fast, idempotent inserts of many attempts: the hot path of an import.

Attempts go in with INSERT ... ON CONFLICT DO NOTHING on their identity (employee, quiz, time),
so an attempt that is already stored (an earlier import, or a concurrent one that committed
first) is skipped by the database itself, and the row count tells how many were new. Rows go
straight to the driver (executemany on SQLite, COPY on PostgreSQL): SQLAlchemy's per-row
parameter processing cost more than the insert itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

from .errors import StoreUnavailable
from .model import Answer, NewAttempt
from .tables import attempts

_COLUMNS = ("employee_id", "quiz_id", "taken_at", "source", "score", "passed", "answers", "module_version")
_INSERT = (
    f"INSERT INTO {attempts.name} ({', '.join(_COLUMNS)}) {{source}} "
    "ON CONFLICT (employee_id, quiz_id, taken_at) DO NOTHING"
)


def driver_connection(connection: Connection) -> Any:
    """The DB-API connection under ``connection`` (sqlite3 or psycopg), for the bulk paths that need it."""
    driver = connection.connection.driver_connection
    if driver is None:  # only after the pool invalidated it, which a connection in use never is
        raise StoreUnavailable("de verbinding met de database is verbroken; probeer het opnieuw")
    return driver


def dialect_insert(connection: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that supports on_conflict_do_nothing/do_update (the store accepts only these two backends)."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def to_utc_naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("taken_at moet een tijdzone hebben")
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


class _Fragments(dict):
    """Answer -> its JSON member text, made once per distinct answer (an import repeats a few hundred)."""

    def __missing__(self, answer: Answer) -> str:
        text = self[answer] = f"{json.dumps(answer.question_id)}:{json.dumps([answer.chosen, answer.score])}"
        return text


def decode_answers(text: str) -> dict[str, Answer]:
    return {
        question_id: Answer(question_id, chosen, score) for question_id, (chosen, score) in json.loads(text).items()
    }


def insert_attempts(
    connection: Connection, new: Sequence[NewAttempt], versions: Mapping[str, int] | None = None
) -> int:
    """Insert the attempts that are not stored yet; return how many were new.

    ``versions`` (quiz id -> the module's ``versie`` now) records what each attempt was made on:
    a score sheet or a submission is scored against the content as it is when it arrives."""
    if not new:
        return 0
    return insert_rows(connection, driver_rows(connection, new, versions))


def driver_rows(
    connection: Connection, new: Sequence[NewAttempt], versions: Mapping[str, int] | None = None
) -> list[tuple]:
    """The attempts as rows for the driver, in _COLUMNS order (times and answers in stored form;
    ``versions``: quiz id -> the module version the attempts are made on)."""
    # A time is stored the way SQLAlchemy's DateTime stores it (fixed-format text on SQLite), so
    # rows written here and rows written through SQLAlchemy share one identity.
    to_stored = attempts.c.taken_at.type.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    stored_times: dict[int, object] = {}  # by id(): an import shares one datetime object per distinct time
    fragment = _Fragments().__getitem__
    join = ",".join
    # sqlite3 binds exact ints directly but sends a bool through its adapter lookup, which
    # costs more than the rest of the row; PostgreSQL wants a real boolean.
    as_flag = bool if connection.dialect.name == "postgresql" else int
    version_of = (versions or {}).get
    rows = []
    for employee_id, quiz_id, taken_at, source, score_percent, passed, answers in new:
        stored_time = stored_times.get(id(taken_at))
        if stored_time is None:
            stored_time = to_utc_naive(taken_at)
            stored_time = stored_times[id(taken_at)] = to_stored(stored_time) if to_stored else stored_time
        rows.append(
            (
                employee_id,
                quiz_id,
                stored_time,
                source,
                score_percent,
                as_flag(passed),
                f"{{{join(map(fragment, answers))}}}",
                version_of(quiz_id),
            )
        )
    return rows


def insert_rows(connection: Connection, rows: list[tuple]) -> int:
    """Insert rows made by driver_rows(), skipping identities already stored; return how many were new."""
    if not rows:
        return 0
    cursor = driver_connection(connection).cursor()
    try:
        if connection.dialect.name == "postgresql":
            return _insert_postgresql(cursor, rows)
        cursor.executemany(_INSERT.format(source=f"VALUES ({', '.join(['?'] * len(_COLUMNS))})"), rows)
        return cursor.rowcount  # summed over all rows
    finally:
        cursor.close()


#: SQLite: an attempt already stored with the same answers text is skipped, as by _INSERT; one
#: stored with other answers gets a no-op update, which the row count shows. So one statement
#: tells whether anything differs, and an identical re-import costs no more than a first one.
_INSERT_SHOWING_DIFFERENCES = (
    f"INSERT INTO {attempts.name} ({', '.join(_COLUMNS)}) VALUES ({', '.join(['?'] * len(_COLUMNS))}) "
    "ON CONFLICT (employee_id, quiz_id, taken_at) DO UPDATE SET voided_at = voided_at "
    "WHERE answers <> excluded.answers"
)


def insert_rows_noting_differences(connection: Connection, rows: list[tuple]) -> tuple[int, bool]:
    """insert_rows(), and whether some identity may be stored with other answers (then call differing_rows).

    On PostgreSQL that is whenever rows were skipped; SQLite can tell at no extra cost.
    """
    if connection.dialect.name == "postgresql" or not rows:
        added = insert_rows(connection, rows)
        return added, added < len(rows)
    cursor = driver_connection(connection).cursor()
    try:
        # New rows get ids above the largest one (INTEGER PRIMARY KEY), and the write lock is ours.
        before = cursor.execute(f"SELECT coalesce(max(id), 0) FROM {attempts.name}").fetchone()[0]
        cursor.executemany(_INSERT_SHOWING_DIFFERENCES, rows)
        touched = cursor.rowcount  # inserted plus differing
        added = cursor.execute(f"SELECT count(*) FROM {attempts.name} WHERE id > ?", (before,)).fetchone()[0]
    finally:
        cursor.close()
    return added, touched > added


#: The stored columns differing_rows() returns for a stored attempt, then the incoming answers.
STORED_COLUMNS = ("id", "employee_id", "quiz_id", "taken_at", "source", "score", "passed", "voided_at", "answers")
_IDENTITY = ("employee_id", "quiz_id", "taken_at")


def differing_rows(connection: Connection, rows: list[tuple]) -> list[tuple[int, tuple]]:
    """(position in ``rows``, stored row) for each row whose identity is stored with other answers text.

    Only called when an insert skipped rows, so a first import never pays for it. The rows go
    into a temporary table and the database compares them, as the insert did.
    """
    identity = ", ".join(_IDENTITY)
    cursor = driver_connection(connection).cursor()
    try:
        if connection.dialect.name == "postgresql":
            cursor.execute(
                f"CREATE TEMPORARY TABLE incoming_identities ON COMMIT DROP AS "
                f"SELECT {identity}, answers FROM {attempts.name} WITH NO DATA"
            )
            with cursor.copy(f"COPY incoming_identities ({identity}, answers) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((row[0], row[1], row[2], row[6]))
        else:
            cursor.execute(
                f"CREATE TEMPORARY TABLE incoming_identities AS SELECT {identity}, answers FROM {attempts.name} WHERE 0"
            )
            cursor.executemany(
                "INSERT INTO incoming_identities VALUES (?, ?, ?, ?)", [(r[0], r[1], r[2], r[6]) for r in rows]
            )
        stored = ", ".join(f"a.{column}" for column in STORED_COLUMNS)
        cursor.execute(
            f"SELECT {stored} FROM {attempts.name} a JOIN incoming_identities i "
            f"ON a.employee_id = i.employee_id AND a.quiz_id = i.quiz_id AND a.taken_at = i.taken_at "
            "WHERE a.answers <> i.answers"
        )
        found = cursor.fetchall()
        cursor.execute("DROP TABLE incoming_identities")
    finally:
        cursor.close()
    if not found:
        return []
    position = {row[:3]: index for index, row in enumerate(rows)}
    return [(position[row[1], row[2], row[3]], tuple(row)) for row in found]


#: Up to this many rows (a batch of web submissions: one to a few dozen) go in as one INSERT from
#: VALUES: the temporary table's way costs four statements and a change of the system catalog per
#: batch, which was most of the database's work for a batch of toets submissions.
SMALL_BATCH = 100
#: Types for the first row of VALUES (PostgreSQL takes each column's type from it; NULL has none).
_PG_TYPES = (
    "varchar",
    "varchar",
    "timestamp without time zone",
    "varchar",
    "double precision",
    "boolean",
    "text",
    "integer",
)


def _insert_postgresql(cursor, rows: list[tuple]) -> int:
    """COPY into a temporary table, then one INSERT ... SELECT: far faster than row by row (a small
    batch: one INSERT ... SELECT from VALUES).

    The ORDER BY makes concurrent imports take the unique-index locks in the same order, so two
    imports with overlapping attempts wait for each other instead of deadlocking; both ways sort
    in the database, so by the same rules.
    """
    columns = ", ".join(_COLUMNS)
    order = "ORDER BY employee_id, quiz_id, taken_at"
    if len(rows) <= SMALL_BATCH:
        first = "(" + ", ".join(f"CAST(%s AS {name})" for name in _PG_TYPES) + ")"
        values = ", ".join([first, *["(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"] * (len(rows) - 1)])
        cursor.execute(
            _INSERT.format(source=f"SELECT * FROM (VALUES {values}) AS incoming ({columns}) {order}"),
            [value for row in rows for value in row],
        )
        return cursor.rowcount
    cursor.execute(
        f"CREATE TEMPORARY TABLE incoming_attempts ON COMMIT DROP AS SELECT {columns} FROM {attempts.name} WITH NO DATA"
    )
    with cursor.copy(f"COPY incoming_attempts ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute(_INSERT.format(source=f"SELECT {columns} FROM incoming_attempts {order}"))
    added = cursor.rowcount
    cursor.execute("DROP TABLE incoming_attempts")  # a second batch in the same transaction makes its own
    return added
