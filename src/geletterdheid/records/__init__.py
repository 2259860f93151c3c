"""Completion records: employees, scored quiz attempts and their answers, in SQLite or PostgreSQL.

``from geletterdheid.records import Store, NewAttempt`` is the entry point for callers such as
the HTTP server. Store (and with it SQLAlchemy) is loaded on first use, so commands that never
touch the records do not pay for importing it.
"""

from .errors import RecordsError, StoreUnavailable
from .model import Answer, Employee, NewAttempt

__all__ = ["Answer", "Employee", "NewAttempt", "RecordsError", "Store", "StoreUnavailable"]


def __getattr__(name: str):
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
