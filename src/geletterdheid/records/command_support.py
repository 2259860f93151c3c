"""What the commands that open the store share: the ``--db`` option and Dutch database errors.

Used by ``records.commands`` and ``reports.commands``. SQLAlchemy is imported when a command
runs, not when the parser is built: ``geletterdheid check`` and ``build`` should not pay for it.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from .location import ENV_VAR, default_database_path

Command = Callable[[argparse.Namespace], int]


def database_option() -> argparse.ArgumentParser:
    """A parent parser with ``--db URL``, for every command that opens the store."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=f"database: sqlite:///pad/bestand.db, postgresql+psycopg://... of een bestandspad "
        f"(standaard: ${ENV_VAR}, anders {default_database_path()})",
    )
    return parent


def database_errors_handled(command: Command) -> Command:
    """A failing database (the driver raises, mid-command) becomes a Dutch message and exit 1."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from sqlalchemy.exc import DBAPIError

        from .store import describe_failure

        try:
            return command(args)
        except DBAPIError as exc:
            print(f"Fout in de database: {describe_failure(exc)}. Er is niets gewijzigd.", file=sys.stderr)
            return 1

    return run
