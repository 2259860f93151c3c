"""Which employees may submit: those in the store. Known ones are cached for a short while."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from ..records.model import Employee

if TYPE_CHECKING:
    from ..records.store import Store

CACHE_SECONDS = 30.0


class KnownEmployees:
    """``get(id)`` is the employee or None. A roster import shows up within CACHE_SECONDS; an
    unknown id is looked up every time, so a newly added employee can submit at once."""

    def __init__(self, store: Store, cache_seconds: float = CACHE_SECONDS):
        self._store = store
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, Employee]] = {}

    def get(self, employee_id: str) -> Employee | None:
        now = time.monotonic()
        cached = self._cache.get(employee_id)
        if cached is not None and now - cached[0] < self._cache_seconds:
            return cached[1]
        employee = self._store.employee(employee_id)
        if employee is None:
            self._cache.pop(employee_id, None)
        else:
            self._cache[employee_id] = (now, employee)
        return employee

    def cached(self, employee_id: str) -> Employee | None:
        """The cached employee if still fresh, without touching the store."""
        cached = self._cache.get(employee_id)
        if cached is not None and time.monotonic() - cached[0] < self._cache_seconds:
            return cached[1]
        return None

    def forget(self, employee_id: str) -> None:
        self._cache.pop(employee_id, None)
