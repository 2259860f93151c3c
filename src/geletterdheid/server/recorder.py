"""Storing scored attempts from the web: every accepted attempt is in the store before we answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from ..records.model import NewAttempt

if TYPE_CHECKING:
    from ..records.store import Store

_RETRIES = 5


class Recorder:
    def __init__(self, store: "Store"):
        self._store = store

    def record_now(self, attempt: NewAttempt) -> NewAttempt:
        """Store ``attempt``; an attempt is identified by (employee, quiz, time), so when the same
        employee submitted the same quiz in the same microsecond, the time moves on a microsecond."""
        for _ in range(_RETRIES):
            if self._store.record_attempt(attempt):
                return attempt
            attempt = dataclasses.replace(attempt, taken_at=attempt.taken_at + dt.timedelta(microseconds=1))
        raise RuntimeError("attempt could not be given a unique time")

    async def record(self, attempt: NewAttempt) -> NewAttempt:
        return await run_in_threadpool(self.record_now, attempt)

    async def close(self) -> None:
        pass
