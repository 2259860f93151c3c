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
    unknown id is looked up every time, so a newly added employee can submit at once.

    With the employee the cache keeps their personal-link key version, so ``links --opnieuw``
    takes effect within CACHE_SECONDS for submissions, and at once for a new sign-in (``fresh``)."""

    def __init__(self, store: Store, cache_seconds: float = CACHE_SECONDS):
        self._store = store
        self._cache_seconds = cache_seconds
        self._cache: dict[str, tuple[float, Employee, int]] = {}
        self._by_email: dict[str, tuple[float, Employee | None]] = {}

    def get_with_key_version(self, employee_id: str, fresh: bool = False) -> tuple[Employee, int] | None:
        now = time.monotonic()
        cached = self._cache.get(employee_id)
        if not fresh and cached is not None and now - cached[0] < self._cache_seconds:
            return cached[1], cached[2]
        found = self._store.employee_with_key_version(employee_id)
        if found is None:
            self._cache.pop(employee_id, None)
        else:
            self._cache[employee_id] = (now, *found)
        return found

    def get(self, employee_id: str) -> Employee | None:
        found = self.get_with_key_version(employee_id)
        return None if found is None else found[0]

    def cached_with_key_version(self, employee_id: str) -> tuple[Employee, int] | None:
        """The cached employee and key version if still fresh, without touching the store."""
        cached = self._cache.get(employee_id)
        if cached is not None and time.monotonic() - cached[0] < self._cache_seconds:
            return cached[1], cached[2]
        return None

    def cached(self, employee_id: str) -> Employee | None:
        """The cached employee if still fresh, without touching the store."""
        found = self.cached_with_key_version(employee_id)
        return None if found is None else found[0]

    def with_email(self, email: str) -> Employee | None:
        """The one employee with this e-mail address (single sign-on by e-mail), else None."""
        key = email.strip().lower()
        now = time.monotonic()
        cached = self._by_email.get(key)
        if cached is not None and cached[1] is not None and now - cached[0] < self._cache_seconds:
            return cached[1]
        matches = self._store.employees_with_email(key)
        employee = matches[0] if len(matches) == 1 else None  # two with one address: neither can be meant
        if len(self._by_email) > 100_000:
            self._by_email.clear()
        self._by_email[key] = (now, employee)
        return employee

    def forget(self, employee_id: str) -> None:
        self._cache.pop(employee_id, None)
        self._by_email = {
            key: value for key, value in self._by_email.items() if value[1] is None or value[1].id != employee_id
        }
