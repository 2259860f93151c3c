"""Both ways attempts go into PostgreSQL (a small batch as one INSERT from VALUES, a large one
through COPY and a temporary table) store the same, skip the same and count the same."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.dialects import postgresql

from geletterdheid.records import NewAttempt
from geletterdheid.records.bulk import _COLUMNS, _PG_TYPES, SMALL_BATCH
from geletterdheid.records.tables import attempts

from .conftest import at

_SAME = {"VARCHAR": "varchar", "FLOAT": "double precision", "TEXT": "text", "BOOLEAN": "boolean", "INTEGER": "integer"}


def test_the_small_batch_casts_are_the_columns_types():
    dialect = postgresql.dialect()
    for column, cast in zip(_COLUMNS, _PG_TYPES, strict=True):
        compiled = attempts.c[column].type.compile(dialect=dialect)
        assert _SAME.get(compiled, compiled.lower()) == cast, column


@pytest.mark.parametrize("count", [1, 7, SMALL_BATCH, SMALL_BATCH + 1, 3 * SMALL_BATCH])
def test_small_and_large_batches_store_what_is_new_and_skip_what_is_stored(staffed_store, catalog, count):
    start = at("2025-03-03T09:00")
    quiz = catalog.quizzes["t01"]
    batch = [
        NewAttempt.scored(f"E{1 + n % 3}", quiz, start + dt.timedelta(seconds=n), "web", {"t01-q1": ["b"]})
        for n in range(count)
    ]
    half = batch[: count // 2]
    assert staffed_store.record_attempts(half, {"t01": 2}).added == len(half)
    counts = staffed_store.record_attempts(batch, {"t01": 2})  # the first half is stored already
    assert (counts.added, counts.already_present) == (count - len(half), len(half))
    stored = [a for employee in ("E1", "E2", "E3") for a in staffed_store.attempts_of(employee)]
    assert len(stored) == count
    assert {(a.employee_id, a.taken_at, a.source, a.score_percent) for a in stored} == {
        (a.employee_id, a.taken_at, a.source, a.score_percent) for a in batch
    }
