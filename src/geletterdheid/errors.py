"""The base of every exception whose message is meant for a user.

``str()`` of a :class:`UserError` is a Dutch message that says what is wrong and, where it can,
where (file and line, row, setting) and what to do. ``geletterdheid`` prints it without a
traceback and exits with 1; the server answers it with a 4xx. Anything else that escapes is a bug.

This module imports nothing from the package, so every area can use it without a cycle.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an unusable environment that the user can fix; not a bug."""

    def user_message(self) -> str:
        """What the command line prints: ``Fout: <message>`` unless a subclass knows better."""
        return f"Fout: {self}"
