"""Storing submitted toets attempts with the recorder's group commit (server/recorder.py).

The same writer thread and batching as practice submissions; a batch goes to
``records.sessions.record_submissions``, which stores each attempt together with its attempt id in
one transaction, so a repeated submission (a retry after a lost answer, a double click, another
server process) finds the first one instead of counting twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..records.sessions import SessionSubmission, Stored, record_submissions
from .recorder import _MICROSECOND, _RETRIES, Recorder, _resolve
from .toets import ToetsRules, start_of_day, submit_refusal

if TYPE_CHECKING:
    from ..records.store import Store

log = logging.getLogger("geletterdheid.server")


class ToetsRecorder(Recorder):
    def __init__(self, store: Store, rules: ToetsRules, versions: Mapping[str, int] | None = None):
        self.rules = rules
        super().__init__(store, versions=versions)

    async def submit(self, item: SessionSubmission) -> Stored:
        """Store ``item`` unless it was stored before or the rules refuse it (raises their ToetsError)."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put((item, future, loop))
        return await future

    def _store_batch(self, batch: list) -> None:
        items: list[SessionSubmission] = [item for item, _, _ in batch]
        outcomes: list[Stored | Exception]
        try:
            outcomes = self._store_items(items)
        except Exception as exc:  # e.g. an employee erased meanwhile, or a time taken: one by one
            log.warning("group commit of %d toets attempts failed (%s); storing them one by one", len(items), exc)
            outcomes = [self._store_one_item(item) for item in items]
        by_loop = defaultdict(list)
        for (_, future, loop), outcome in zip(batch, outcomes, strict=True):
            by_loop[loop].append((future, outcome))
        for loop, results in by_loop.items():
            loop.call_soon_threadsafe(_resolve, results)

    def _store_items(self, items: list[SessionSubmission]) -> list[Stored | Exception]:
        # The rules at submission look back to the attempt's start (a later submission voids it)
        # and, with a daily limit, to the start of the day: no further, so a batch reads few rows.
        since = min(item.started_at for item in items)
        if self.rules.per_day:
            since = min(since, start_of_day(max(item.attempt.taken_at for item in items)))

        def rules(item: SessionSubmission, earlier: list[dt.datetime]) -> Exception | None:
            return submit_refusal(self.rules, item.started_at, earlier, item.attempt.taken_at)

        return record_submissions(self._store.engine, items, rules, since, self._versions)

    def _store_one_item(self, item: SessionSubmission) -> Stored | Exception:
        last: Exception = RuntimeError("no free time for this attempt")
        for _ in range(_RETRIES):
            try:
                return self._store_items([item])[0]
            except Exception as exc:
                last = exc
                item = item._replace(attempt=item.attempt._replace(taken_at=item.attempt.taken_at + _MICROSECOND))
        return last
