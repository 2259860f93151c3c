"""Fixtures for the records tests: a content tree of our own, stores on SQLite and PostgreSQL, the CLI.

PostgreSQL: the server on 127.0.0.1:5432, database ``test`` (override with GELETTERDHEID_TEST_PG).
Other people run tests against the same database at the same time, so every test gets a schema
of its own (named after this session) that is dropped afterwards. When the server cannot be
reached the PostgreSQL tests fail if CI is set, and are skipped with the reason otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.records import Employee
from geletterdheid.records.store import Store
from pg_support import require_postgres

CONTENT = Path(__file__).with_name("content")
SESSION_TAG = f"gl_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"

ROSTER = [
    Employee("E1", "Anna de Vries", "Burgerzaken", ("beleidsadviseur",), "anna@gemeente.example"),
    Employee("E2", "Bram Jansen", "Burgerzaken", (), "bram@gemeente.example"),
    Employee("E3", "Daniëlle Çelik", "Inkoop", ("inkoper",), "d.celik@gemeente.example"),
]


def at(text: str) -> dt.datetime:
    """An aware time from ISO text; without an offset it is Dutch local time, as in the importers."""
    from geletterdheid.records.times import parse_time

    return parse_time(text)


@pytest.fixture(scope="session")
def content_root() -> Path:
    return CONTENT


@pytest.fixture(scope="session")
def catalog():
    return catalog_or_exit(CONTENT)


@pytest.fixture(autouse=True)
def _no_user_environment(monkeypatch, tmp_path):
    """Never touch a real user's database or pseudonym key."""
    monkeypatch.setenv("GELETTERDHEID_DB", f"sqlite:///{(tmp_path / 'default.db').as_posix()}")
    monkeypatch.delenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", raising=False)
    monkeypatch.delenv("GELETTERDHEID_DEBUG", raising=False)


@pytest.fixture(scope="session")
def pg_admin():
    """A SQLAlchemy engine on the PostgreSQL test database; drops this session's schemas at the end."""
    import sqlalchemy

    url = require_postgres()
    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    yield engine
    with engine.connect() as connection:
        leftovers = (
            connection.exec_driver_sql(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE %(tag)s", {"tag": SESSION_TAG + "%"}
            )
            .scalars()
            .all()
        )
        for schema in leftovers:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()


@pytest.fixture
def pg_schema_url(pg_admin):
    """Make a fresh schema; returns a function giving a store URL whose search_path is that schema."""
    made = []

    def make() -> str:
        schema = f"{SESSION_TAG}_{len(made)}_{uuid.uuid4().hex[:6]}"
        with pg_admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        made.append(schema)
        return f"{pg_admin.url.render_as_string(hide_password=False)}?options={quote(f'-csearch_path={schema}')}"

    yield make
    with pg_admin.connect() as connection:
        for schema in made:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A URL for an empty store, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / 'records.db').as_posix()}"
    return request.getfixturevalue("pg_schema_url")()


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def staffed_store(store):
    """A store that knows the three employees of ROSTER."""
    store.upsert_employees(ROSTER)
    return store


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


@pytest.fixture
def cli(capsysbinary, content_root):
    """Run ``geletterdheid --root <test content> ARGS`` in-process; returns exit code, stdout and stderr."""

    def run(*args: str | Path) -> CliResult:
        code = main(["--root", str(content_root), *map(str, args)])
        captured = capsysbinary.readouterr()
        return CliResult(code, captured.out.decode("utf-8-sig"), captured.err.decode("utf-8"))

    return run


def write_csv(
    path: Path, rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8", newline: str = "\r\n"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
