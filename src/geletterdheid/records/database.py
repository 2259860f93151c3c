"""Engines for the store: SQLite tuned for several processes at once, PostgreSQL as is; migrations on open.

SQLite notes (the HTTP server relies on these):

* WAL journal, so readers never block the writer and the writer never blocks readers;
* a busy timeout, so a second writer waits for the first instead of failing;
* write transactions start with ``BEGIN IMMEDIATE``. In WAL mode a transaction that starts as
  a reader and later writes fails at once with "database is locked" when another process wrote
  in between, whatever the busy timeout; taking the write lock up front makes it wait instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_SECONDS = 60
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_BEGIN_OPTION = "geletterdheid_sqlite_begin"


def create_store_engine(url: str, busy_timeout: float | None = None) -> Engine:
    """``busy_timeout``: seconds a SQLite writer waits for another (default BUSY_TIMEOUT_SECONDS);
    the web server waits less, since a browser and a proxy will not wait a minute."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed)
    wait = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
    engine = create_engine(parsed, connect_args={"timeout": wait})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN instead of the sqlite3 module's
        # implicit, always-deferred one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Erased records (AVG) are overwritten with zeros instead of lingering in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: holds SQLite's write lock from the start; commits or rolls back."""
    with engine.connect() as connection:
        connection.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
        with connection.begin():
            yield connection


# Alembic is imported where it is used: opening a store is the only time it is needed.


def _alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # the package ships its migrations: without them it is broken, not the user's data
        raise RuntimeError(f"no Alembic migrations in {MIGRATIONS_DIR}")
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, in one transaction, once even when processes race."""
    head = head_revision()
    with engine.connect() as connection:
        if current_revision(connection) == head:
            return
    with write_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            # Serialise concurrent first opens of the same schema; released at commit.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('geletterdheid:' || current_schema()))")
        if current_revision(connection) != head:
            from alembic import command

            command.upgrade(_alembic_config(connection), "head")
