"""Storing scored attempts from the web, with group commit: every accepted attempt is in the store
(committed) before the employee gets an answer, and many attempts share one commit.

One writer thread takes whatever submissions are waiting and stores them with one
``Store.record_attempts`` call (one transaction, one fsync). Under load, submissions queue while a
commit runs, so batches grow by themselves; alone, a submission is stored at once. SQLite has one
writer at a time anyway, and PostgreSQL gains from fewer commits too.

An attempt is identified by (employee, quiz, time). Times handed out here strictly increase, so
two submissions of this process can never collide. Should another process have stored an attempt
with the same identity, the batch stores fewer than it was given; the missing ones are then found
and stored again a microsecond later, one by one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import queue
import threading
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..records.model import NewAttempt

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")
MAX_BATCH = 500
_MICROSECOND = dt.timedelta(microseconds=1)
_RETRIES = 5
_STOP = object()


class Clock:
    """Aware UTC times that strictly increase, even when called twice in one microsecond."""

    def __init__(self):
        self._last = dt.datetime.min.replace(tzinfo=dt.UTC)
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        with self._lock:
            moment = max(dt.datetime.now(dt.UTC), self._last + _MICROSECOND)
            self._last = moment
            return moment


class Recorder:
    def __init__(self, store: Store, max_batch: int = MAX_BATCH, versions: Mapping[str, int] | None = None):
        self._store = store
        self._versions = versions  # quiz id -> module version, recorded with each attempt
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self.clock = Clock()
        self._thread = threading.Thread(target=self._run, name="geletterdheid-writer", daemon=True)
        self._thread.start()

    async def record(self, attempt: NewAttempt) -> NewAttempt:
        """Store ``attempt``; returns it as stored (its time may have moved on a microsecond)."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put((attempt, future, loop))
        return await future

    async def close(self) -> None:
        """Store what is waiting, then stop the writer."""
        self._queue.put(_STOP)
        await asyncio.to_thread(self._thread.join)

    # -- the writer thread ------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop = False
            while len(batch) < self._max_batch:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is _STOP:
                    stop = True
                    break
                batch.append(item)
            self._store_batch(batch)
            if stop:
                return

    def _store_batch(self, batch: list) -> None:
        attempts = [attempt for attempt, _, _ in batch]
        try:
            counts = self._store.record_attempts(attempts, self._versions)
            outcomes: list = attempts
            if counts.added != len(attempts):
                outcomes = self._store_missing(attempts)
        except Exception as exc:  # every failure is answered, none may stop the writer
            if refused_by_constraint(exc):  # e.g. an employee erased meanwhile: store the others one by one
                log.warning("group commit of %d attempts failed (%s); storing them one by one", len(attempts), exc)
                outcomes = [self._store_one(attempt) for attempt in attempts]
            else:
                self._fail_fast(batch, exc)
                return
        self._answer(batch, outcomes)

    @staticmethod
    def _answer(batch: list, outcomes: list) -> None:
        by_loop = defaultdict(list)
        for (_, future, loop), outcome in zip(batch, outcomes, strict=True):
            by_loop[loop].append((future, outcome))
        for loop, results in by_loop.items():
            loop.call_soon_threadsafe(_resolve, results)

    def _fail_fast(self, batch: list, exc: Exception) -> None:
        """Locked or unreachable database: answer this batch, and all that queued behind it, at once.

        Storing them one by one would let each wait the full busy timeout again (a batch of 500
        behind a locked SQLite file: hours). The employees get a 503 and can send again.
        """
        batch = batch + self._drain()
        log.error("storing %d attempts failed: %s", len(batch), exc)
        self._answer(batch, [exc] * len(batch))

    def _drain(self) -> list:
        """Everything waiting now; a stop request found on the way is put back for _run to see."""
        waiting: list = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return waiting
            if item is _STOP:
                self._queue.put(_STOP)
                return waiting
            waiting.append(item)

    def _store_one(self, attempt: NewAttempt) -> NewAttempt | Exception:
        try:
            for _ in range(_RETRIES):
                if self._store.record_attempt(attempt, self._versions):
                    return attempt
                attempt = attempt._replace(taken_at=attempt.taken_at + _MICROSECOND)
            return RuntimeError("no free time for this attempt")
        except Exception as exc:
            return exc

    def _store_missing(self, attempts: list[NewAttempt]) -> list[NewAttempt | Exception]:
        """After a batch stored fewer than given: keep the stored ones, store the others again."""
        outcomes: list[NewAttempt | Exception] = []
        stored_by_employee = {}
        for attempt in attempts:
            if attempt.employee_id not in stored_by_employee:
                # voided ones too: a voided attempt still holds its (employee, quiz, time)
                stored_by_employee[attempt.employee_id] = self._store.attempts_of(
                    attempt.employee_id, include_voided=True
                )
            ours = any(
                stored.quiz_id == attempt.quiz_id
                and stored.taken_at == attempt.taken_at
                and stored.source == attempt.source
                and stored.score_percent == attempt.score_percent
                for stored in stored_by_employee[attempt.employee_id]
            )
            outcomes.append(
                attempt if ours else self._store_one(attempt._replace(taken_at=attempt.taken_at + _MICROSECOND))
            )
        return outcomes


def refused_by_constraint(exc: BaseException) -> bool:
    """A constraint refused the row (an employee erased meanwhile), as opposed to a locked or
    unreachable database. The bulk insert talks to the driver directly, so this may be the
    driver's own IntegrityError (DB-API 2 names it so in every driver) or SQLAlchemy's."""
    return any(cls.__name__ == "IntegrityError" for cls in type(exc).__mro__)


def _resolve(results: list) -> None:
    for future, outcome in results:
        if future.done():  # the client went away
            continue
        if isinstance(outcome, Exception):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)
