"""Where the store lives: ``--db URL``, else ``$GELETTERDHEID_DB``, else a SQLite file in the user's data folder.

The default is a per-user data folder rather than the current directory, because the records
hold personal data (names, e-mail addresses, results) that should not end up inside a content
checkout or wherever a command happens to be run:

* Linux and others: ``$XDG_DATA_HOME/geletterdheid/geletterdheid.db`` (``~/.local/share/...``);
* Windows: ``%LOCALAPPDATA%\\geletterdheid\\geletterdheid.db``;
* macOS: ``~/Library/Application Support/geletterdheid/geletterdheid.db``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "GELETTERDHEID_DB"
APP_DIR = "geletterdheid"
DB_FILE = "geletterdheid.db"


def default_database_path() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR / DB_FILE


def database_url(explicit: str | None = None) -> str:
    """The SQLAlchemy URL to use. A bare file path is accepted and means a SQLite file."""
    value = explicit or os.environ.get(ENV_VAR) or ""
    if not value.strip():
        return sqlite_url(default_database_path())
    value = value.strip()
    if "://" not in value:
        return sqlite_url(Path(value))
    return value


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.expanduser().absolute().as_posix()}"
