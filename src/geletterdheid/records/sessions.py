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
from collections.abc import Callable, Sequence
from typing import NamedTuple

from sqlalchemy import Engine, select

from .bulk import dialect_insert, insert_attempts, to_utc_naive
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
    engine: Engine, batch: Sequence[SessionSubmission], rules: Rules, since: dt.datetime
) -> list[Stored | Exception]:
    """Store what the rules accept, in one transaction; one outcome per submission, in order.

    ``since``: how far back the rules look at earlier submissions (the start of the local day, or
    earlier when an attempt in the batch started earlier).
    """
    outcomes: list[Stored | Exception | None] = [None] * len(batch)
    with write_transaction(engine) as connection:
        ids = list({item.id for item in batch})
        known = dict(
            connection.execute(
                select(attempt_sessions.c.id, attempt_sessions.c.result).where(attempt_sessions.c.id.in_(ids))
            ).all()
        )
        employees = list({item.attempt.employee_id for item in batch})
        quizzes = list({item.attempt.quiz_id for item in batch})
        earlier: dict[tuple[str, str], list[dt.datetime]] = defaultdict(list)
        columns = attempt_sessions.c
        query = select(columns.employee_id, columns.quiz_id, columns.submitted_at).where(
            columns.employee_id.in_(employees),
            columns.quiz_id.in_(quizzes),
            columns.submitted_at >= to_utc_naive(since),
        )
        for employee_id, quiz_id, submitted_at in connection.execute(query):
            earlier[employee_id, quiz_id].append(_aware(submitted_at))
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
                {
                    "id": batch[index].id,
                    "employee_id": batch[index].attempt.employee_id,
                    "quiz_id": batch[index].attempt.quiz_id,
                    "started_at": to_utc_naive(batch[index].started_at),
                    "submitted_at": to_utc_naive(batch[index].attempt.taken_at),
                    "result": batch[index].result,
                }
                for index in accepted
            ]
            # Session rows first: one that another process stored meanwhile is skipped here, and
            # then its attempt is not inserted either.
            statement = dialect_insert(connection, attempt_sessions).values(rows).on_conflict_do_nothing()
            inserted = set(connection.execute(statement.returning(attempt_sessions.c.id)).scalars())
            lost = [index for index in accepted if batch[index].id not in inserted]
            if lost:  # rare: read what the other process stored, and answer with that
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
            if insert_attempts(connection, new) != len(new):
                # Another attempt with the same (employee, quiz, time): roll everything back and let
                # the caller try again with a later time.
                raise AttemptTimeTaken()
    return [outcome for outcome in outcomes if outcome is not None]


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
