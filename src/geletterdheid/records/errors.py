"""Errors a user can fix. ``str()`` is a Dutch message that names the file, row or store."""

from __future__ import annotations

from ..errors import UserError


class RecordsError(UserError):
    """Bad input or an unusable store: the command prints the message and exits 1."""


class StoreUnavailable(RecordsError):
    """The database cannot be opened or upgraded."""
