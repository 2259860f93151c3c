"""Completion records: employees, scored quiz attempts and their answers, in SQLite or PostgreSQL."""

from .errors import RecordsError, StoreUnavailable
from .model import Answer, Employee, NewAttempt
from .store import Store

__all__ = ["Answer", "Employee", "NewAttempt", "RecordsError", "Store", "StoreUnavailable"]
