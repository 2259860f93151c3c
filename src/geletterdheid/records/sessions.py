"""Submitted toets attempts: stored together with their scored attempt, once per attempt id.

One transaction per batch (the server's writer thread groups submissions, as it does for the
practice submissions): it reads which attempt ids are stored already and when each employee last
submitted the quiz, asks the caller's rules about each submission, then inserts the accepted
attempts (through the same bulk insert as every attempt) and their session rows.

The session row's primary key decides: a second submission of one attempt id, in the same batch,
a later one or in another server process, never stores a second attempt. The caller's rules see
the submissions already stored, so a daily limit holds across processes too (PostgreSQL's
transactions may still let two processes each take the last attempt of a day at the same
moment; the attempts themselves are never counted twice).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, select

from .bulk import driver_connection, insert_attempts, to_utc_naive
from .database import write_transaction
from .model import NewAttempt
from .tables import attempt_sessions


class SessionSubmission(NamedTuple):
    id: str  # the attempt id's nonce
    started_at: dt.datetime  # aware
    attempt: NewAttempt  # scored; its taken_at is the submission time
    result: str  # JSON text the employee gets


class Stored(NamedTuple):
    result: str
    first_time: bool  # False: this attempt id was submitted before, ``result`` is that answer


#: (submission, times this employee submitted this quiz before) -> a refusal, or None to store it
Rules = Callable[[SessionSubmission, list[dt.datetime]], Exception | None]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC)


def record_submissions(
    engine: Engine,
    batch: Sequence[SessionSubmission],
    rules: Rules,
    since: dt.datetime,
    versions: Mapping[str, int] | None = None,
) -> list[Stored | Exception]:
    """Store what the rules accept, in one transaction; one outcome per submission, in order.

    ``since``: how far back the rules look at earlier submissions (the start of the local day, or
    earlier when an attempt in the batch started earlier).
    """
    outcomes: list[Stored | Exception | None] = [None] * len(batch)
    with write_transaction(engine) as connection:
        sqlite = connection.dialect.name == "sqlite"
        to_stored = attempt_sessions.c.submitted_at.type.dialect_impl(connection.dialect).bind_processor(
            connection.dialect
        )

        def stored_time(moment: dt.datetime) -> Any:
            naive = to_utc_naive(moment)
            return to_stored(naive) if to_stored else naive

        def read_time(value: Any) -> dt.datetime:  # text on SQLite, a naive datetime on PostgreSQL (UTC)
            return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC) if sqlite else _aware(value)

        # Straight to the driver, as the bulk insert of attempts: SQLAlchemy's statement building
        # per batch cost several times the work of the database here.
        mark = "?" if sqlite else "%s"
        cursor = driver_connection(connection).cursor()
        try:
            # One statement for both questions (is this attempt stored? what was submitted before?):
            # on PostgreSQL every statement sees the database as it is when the statement starts,
            # and with two statements another server process could store this very attempt in
            # between, so that it would count as an earlier submission of itself (a 409).
            ids = list({item.id for item in batch})
            employees = list({item.attempt.employee_id for item in batch})
            quizzes = list({item.attempt.quiz_id for item in batch})
            cursor.execute(
                f"SELECT id, result, employee_id, quiz_id, submitted_at FROM {attempt_sessions.name} "
                f"WHERE id IN ({', '.join([mark] * len(ids))}) "
                f"OR (employee_id IN ({', '.join([mark] * len(employees))}) "
                f"AND quiz_id IN ({', '.join([mark] * len(quizzes))}) AND submitted_at >= {mark})",
                [*ids, *employees, *quizzes, stored_time(since)],
            )
            wanted = set(ids)
            known: dict[str, str] = {}
            earlier: dict[tuple[str, str], list[dt.datetime]] = defaultdict(list)
            for session_id, result, employee_id, quiz_id, submitted_at in cursor.fetchall():
                if session_id in wanted:
                    known[session_id] = result  # answered with what was stored: never judged by the rules
                moment = read_time(submitted_at)
                if moment >= since:
                    earlier[employee_id, quiz_id].append(moment)
        finally:
            cursor.close()
        accepted: list[int] = []
        for index, item in enumerate(batch):
            if item.id in known:
                outcomes[index] = Stored(known[item.id], first_time=False)
                continue
            key = (item.attempt.employee_id, item.attempt.quiz_id)
            refusal = rules(item, earlier[key])
            if refusal is not None:
                outcomes[index] = refusal
                continue
            known[item.id] = item.result  # a copy later in this batch is a second submission
            earlier[key].append(item.attempt.taken_at)
            accepted.append(index)
            outcomes[index] = Stored(item.result, first_time=True)
        if accepted:
            rows = [
                (
                    batch[index].id,
                    batch[index].attempt.employee_id,
                    batch[index].attempt.quiz_id,
                    stored_time(batch[index].started_at),
                    stored_time(batch[index].attempt.taken_at),
                    batch[index].result,
                )
                for index in accepted
            ]
            inserted = _insert_sessions(connection, rows)
            lost = [index for index in accepted if batch[index].id not in inserted]
            if lost:  # rare (PostgreSQL): another process stored it meanwhile; answer with what it stored
                theirs = dict(
                    connection.execute(
                        select(attempt_sessions.c.id, attempt_sessions.c.result).where(
                            attempt_sessions.c.id.in_([batch[index].id for index in lost])
                        )
                    ).all()
                )
                for index in lost:
                    outcomes[index] = Stored(theirs.get(batch[index].id, batch[index].result), first_time=False)
            new = [batch[index].attempt for index in accepted if batch[index].id in inserted]
            if insert_attempts(connection, new, versions) != len(new):
                # Another attempt with the same (employee, quiz, time): roll everything back and let
                # the caller try again with a later time.
                raise AttemptTimeTaken()
    return [outcome for outcome in outcomes if outcome is not None]


_SESSION_COLUMNS = ("id", "employee_id", "quiz_id", "started_at", "submitted_at", "result")


def _insert_sessions(connection: Connection, rows: list[tuple[Any, ...]]) -> set[str]:
    """Insert session rows first; returns the ids inserted. One that another process stored
    meanwhile is skipped, and then its attempt is not inserted either."""
    columns = ", ".join(_SESSION_COLUMNS)
    cursor = driver_connection(connection).cursor()
    try:
        if connection.dialect.name == "sqlite":
            # BEGIN IMMEDIATE holds the write lock since the ids were read: nobody can have added one.
            cursor.executemany(
                f"INSERT INTO {attempt_sessions.name} ({columns}) VALUES ({', '.join(['?'] * len(_SESSION_COLUMNS))})",
                rows,
            )
            return {row[0] for row in rows}
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
        cursor.execute(
            f"INSERT INTO {attempt_sessions.name} ({columns}) VALUES {values} ON CONFLICT (id) DO NOTHING RETURNING id",
            [value for row in rows for value in row],
        )
        return {row[0] for row in cursor.fetchall()}
    finally:
        cursor.close()


class AttemptTimeTaken(RuntimeError):
    """An attempt with the same identity (employee, quiz, time) was stored meanwhile."""


def submitted_times(engine: Engine, employee_id: str, quiz_id: str, since: dt.datetime) -> list[dt.datetime]:
    """When this employee submitted this quiz since ``since`` (aware UTC times)."""
    query = select(attempt_sessions.c.submitted_at).where(
        attempt_sessions.c.employee_id == employee_id,
        attempt_sessions.c.quiz_id == quiz_id,
        attempt_sessions.c.submitted_at >= to_utc_naive(since),
    )
    with engine.connect() as connection:
        return [_aware(moment) for moment in connection.execute(query).scalars()]


def stored_result(engine: Engine, session_id: str) -> str | None:
    """The answer a submitted attempt got, or None when it was never submitted."""
    with engine.connect() as connection:
        return connection.execute(
            select(attempt_sessions.c.result).where(attempt_sessions.c.id == session_id)
        ).scalar_one_or_none()
