"""Group commit: every attempt the server accepts is stored exactly once, also under load."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.records import Employee, NewAttempt
from geletterdheid.records.store import Store
from geletterdheid.server.recorder import Clock, Recorder
from repo_paths import REPO

QUIZ = catalog_or_exit(REPO).quizzes["m01"]


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{(tmp_path / 'recorder.db').as_posix()}") as opened:
        opened.upsert_employees([Employee(f"E{n}", f"Medewerker {n}", "Afdeling", ()) for n in range(10)])
        yield opened


def run(scenario):
    """asyncio.run in a thread of its own: Playwright's sync API may own this thread's event loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, scenario()).result()


def _attempt(employee_id: str, taken_at: dt.datetime) -> NewAttempt:
    return NewAttempt.scored(
        employee_id, QUIZ, taken_at, "web", {QUIZ.questions[0].id: list(QUIZ.questions[0].correct)}
    )


def test_clock_never_gives_the_same_time_twice():
    clock = Clock()
    times = [clock.now() for _ in range(10_000)]
    assert len(set(times)) == len(times) and times == sorted(times)


def test_many_concurrent_attempts_are_all_stored_once(store):
    async def scenario():
        recorder = Recorder(store)
        stored = await asyncio.gather(
            *(recorder.record(_attempt(f"E{n % 10}", recorder.clock.now())) for n in range(300))
        )
        await recorder.close()
        return stored

    stored = run(scenario)
    assert len(stored) == 300
    assert store.counts()["attempts"] == 300


def test_attempt_with_the_identity_of_an_imported_one_is_stored_a_microsecond_later(store):
    moment = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
    imported = NewAttempt.scored("E1", QUIZ, moment, "import", {})
    assert store.record_attempt(imported)

    async def scenario():
        recorder = Recorder(store)
        results = await asyncio.gather(recorder.record(_attempt("E1", moment)), recorder.record(_attempt("E2", moment)))
        await recorder.close()
        return results

    clashing, other = run(scenario)
    assert clashing.taken_at == moment + dt.timedelta(microseconds=1)
    assert other.taken_at == moment
    assert [a.source for a in store.attempts_of("E1")] == ["import", "web"]
    assert store.counts()["attempts"] == 3


def test_one_bad_attempt_does_not_cost_the_others(store):
    async def scenario():
        recorder = Recorder(store)
        results = await asyncio.gather(
            recorder.record(_attempt("E1", recorder.clock.now())),
            recorder.record(_attempt("weg", recorder.clock.now())),  # not (or no longer) an employee
            recorder.record(_attempt("E2", recorder.clock.now())),
            return_exceptions=True,
        )
        await recorder.close()
        return results

    first, erased, second = run(scenario)
    assert isinstance(first, NewAttempt) and isinstance(second, NewAttempt)
    assert isinstance(erased, Exception)
    assert store.counts()["attempts"] == 2


def test_a_locked_database_fails_the_waiting_submissions_at_once(tmp_path, monkeypatch):
    """Behind a locked SQLite file every waiting attempt fails after one busy timeout, instead of
    each waiting the full timeout again one by one (a batch of 500 would have waited hours)."""
    import sqlite3

    from geletterdheid.records import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 1)
    path = tmp_path / "locked.db"
    with Store.open(f"sqlite:///{path.as_posix()}") as locked_store:
        locked_store.upsert_employees([Employee(f"E{n}", f"Medewerker {n}", "Afdeling", ()) for n in range(10)])
        calls = {"batch": 0, "one": 0}
        record_attempts, record_attempt = locked_store.record_attempts, locked_store.record_attempt

        def counting_batch(new):
            calls["batch"] += 1
            return record_attempts(new)

        def counting_one(attempt):
            calls["one"] += 1
            return record_attempt(attempt)

        monkeypatch.setattr(locked_store, "record_attempts", counting_batch)
        monkeypatch.setattr(locked_store, "record_attempt", counting_one)
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:

            async def scenario():
                recorder = Recorder(locked_store)
                results = await asyncio.gather(
                    *(recorder.record(_attempt(f"E{n % 10}", recorder.clock.now())) for n in range(200)),
                    return_exceptions=True,
                )
                await recorder.close()
                return results

            results = run(scenario)
        finally:
            blocker.rollback()
            blocker.close()
        assert all(isinstance(result, Exception) and "locked" in str(result) for result in results)
        assert calls["one"] == 0  # no attempt was retried on its own
        assert calls["batch"] <= 2  # at most the first submission alone, then everyone behind it
        assert locked_store.counts()["attempts"] == 0
