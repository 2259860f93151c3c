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
