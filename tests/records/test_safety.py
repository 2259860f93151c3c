"""The safety items: forget that tells the truth about the disk, private files, --afdeling in Unicode,
and `export | head` ending like a Unix tool."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
import time

import pytest

from geletterdheid.records import Employee

from .conftest import CONTENT, ROSTER

NAME = "Zeldzame Achternaamvanbrecht"

_READER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN")
connection.execute("SELECT count(*) FROM employees").fetchall()  # a read transaction on the current data
print("leest", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


def files_of(path) -> bytes:
    return b"".join(part.read_bytes() for part in path.parent.glob(path.name + "*"))


@pytest.fixture
def sqlite_with_rare_name(tmp_path):
    from geletterdheid.records.store import Store

    path = tmp_path / "avg.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.upsert_employees([*ROSTER, Employee("E9", NAME, "IT", (), None)])
    return path


def test_forget_says_so_when_another_process_keeps_the_data_on_disk(cli, sqlite_with_rare_name):
    path = sqlite_with_rare_name
    reader = subprocess.Popen(
        [sys.executable, "-c", _READER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "leest"
        started = time.monotonic()
        result = cli("forget", "E9", "--db", path)
        took = time.monotonic() - started
        assert result.code == 1
        assert result.out.strip() == f"Verwijderd: medewerker E9 ({NAME}, IT), 0 pogingen en 0 antwoorden."
        assert f"Let op: kopieën van deze gegevens staan mogelijk nog op schijf, in het werkbestand {path}-wal" in (
            result.err
        )
        assert took < 10  # a few short tries, not the minute-long busy timeout
        assert NAME.encode() in files_of(path)  # the warning was true
    finally:
        reader.communicate("\n", timeout=30)
    # The reader is done: running the command again empties the log, and the name is gone.
    again = cli("forget", "E9", "--db", path)
    assert again.code == 1 and "onbekende medewerker 'E9'; er is niets verwijderd" in again.err
    assert NAME.encode() not in files_of(path)


def test_forget_without_other_readers_leaves_no_copy_and_exits_0(cli, sqlite_with_rare_name):
    result = cli("forget", "E9", "--db", sqlite_with_rare_name)
    assert result.code == 0 and result.err == ""
    assert NAME.encode() not in files_of(sqlite_with_rare_name)


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_database_and_its_wal_files_are_private(cli, tmp_path):
    os.umask(0o022)  # the usual umask, under which the file used to be 0644
    path = tmp_path / "nieuw.db"
    result = cli("roster", "import", write_roster(tmp_path), "--db", path)
    assert result.code == 0, result.output
    made = sorted(tmp_path.glob("nieuw.db*"))
    assert [p.name for p in made][:1] == ["nieuw.db"]
    assert {p.name: mode_of(p) for p in made} == {p.name: 0o600 for p in made}


def write_roster(folder, department="Financiën"):
    from .conftest import write_csv

    rows = [["medewerker_id", "naam", "afdeling", "rollen"], ["E1", "Anna", department, ""], ["E2", "Bram", "IT", ""]]
    return write_csv(folder / "personeel.csv", rows)


def test_every_file_the_cli_writes_is_private(cli, tmp_path, staffed_store, db_url, monkeypatch):
    os.umask(0o022)
    monkeypatch.setenv("GELETTERDHEID_GEHEIM", "een-geheim-van-de-server-voor-de-test")
    export = tmp_path / "export.csv"
    stats = tmp_path / "stats.csv"
    export.write_text("oud")  # an existing, world-readable export is replaced by a private one
    os.chmod(export, 0o644)
    assert cli("export", "--db", db_url, "--out", export).code == 0
    assert cli("export", "--db", db_url, "--out", tmp_path / "breed.csv", "--layout", "wide").code == 0
    assert cli("stats", "t01", "--db", db_url, "--csv", stats).code == 0
    links = tmp_path / "links.csv"  # personal links are keys: the most private file of all
    # as 'geletterdheid serve' does when it starts: links refuses a secret no server uses
    from geletterdheid.server.settings import secret_fingerprint

    secret = b"een-geheim-van-de-server-voor-de-test"
    staffed_store.register_link_secret(secret_fingerprint(secret), "de test", dt.datetime.now(dt.UTC))
    result = cli("links", "--db", db_url, "--basis-url", "https://leren.example/", "--out", links)
    assert result.code == 0, result.output
    assert {mode_of(p) for p in (export, tmp_path / "breed.csv", stats, links)} == {0o600}


@pytest.mark.parametrize(
    "stored, asked",
    [("Financiën", "FINANCIËN"), ("FINANCIËN", "financiën"), ("FINANCIËN", "Financiën"), ("Financiën", " financiën ")],
)
def test_afdeling_matches_case_insensitively_in_unicode(cli, tmp_path, db_url, stored, asked):
    assert cli("roster", "import", write_roster(tmp_path, stored), "--db", db_url).code == 0
    result = cli("export", "--db", db_url, "--afdeling", asked)
    assert result.code == 0, result.output
    ids = {line.split(";")[0] for line in result.out.splitlines()[1:]}
    assert ids == {"E1"}


def test_export_into_a_closed_pipe_ends_quietly(tmp_path):
    from geletterdheid.records.store import Store

    path = tmp_path / "groot.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.upsert_employees([Employee(f"E{i:05}", f"Naam {i}", "IT", (), None) for i in range(3000)])
    # `geletterdheid export | head -1`: head reads one line and closes the pipe
    command = [sys.executable, "-m", "geletterdheid.cli", "--root", str(CONTENT), "export", "--db", str(path)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert first.decode("utf-8-sig").startswith("medewerker_id;naam;")
    assert error == ""  # no "Interne fout (BrokenPipeError)", no "Exception ignored"
    assert code == 141  # as a Unix tool killed by SIGPIPE: 128 + 13


def test_a_short_output_into_a_closed_pipe_ends_quietly_too():
    """`geletterdheid check | true`: the reader is gone before the one line is written."""
    command = [sys.executable, "-m", "geletterdheid.cli", "--root", str(CONTENT), "check"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        error = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert "Exception ignored" not in error and "Interne fout" not in error
    assert code == 141


def test_afdeling_in_unicode_on_a_postgresql_database_with_the_c_locale(cli, tmp_path, pg_schema_url):
    """Databases made with `initdb --locale=C` are common; PostgreSQL's lower() there folds only A-Z."""
    from geletterdheid.records.store import Store

    url = pg_schema_url()
    with Store.open(url) as store, store.engine.begin() as connection:
        connection.exec_driver_sql('ALTER TABLE employees ALTER COLUMN department TYPE varchar COLLATE "C"')
    assert cli("roster", "import", write_roster(tmp_path, "FINANCIËN"), "--db", url).code == 0
    result = cli("export", "--db", url, "--afdeling", "Financiën")
    assert result.code == 0, result.output
    assert {line.split(";")[0] for line in result.out.splitlines()[1:]} == {"E1"}
