"""The real results server in a subprocess (``geletterdheid serve --port 0``) for tests and benchmarks.

The server picks a free loopback port and prints its address; we read it from its output, so
there is no race between choosing a port and binding it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

from geletterdheid.cli import main
from geletterdheid.records import Employee
from pg_support import require_postgres
from repo_paths import REPO

SECRET = "test-geheim-0123456789-abcdef"
HR_TOKEN = "test-hr-token-0123456789"
RESULTS_PATH = "/api/pogingen"
ROSTER = [
    Employee("E1", "Anna de Vries", "Burgerzaken", ("beleidsadviseur",), "anna@gemeente.example"),
    Employee("E2", "Bram Jansen", "Sociaal Domein", (), None),
]
_ADDRESS = re.compile(r"Server draait op (http://\S+/) ")
#: The badge signing key of test servers: never the one in the user's data folder.
BADGE_KEY_DIR = Path(tempfile.mkdtemp(prefix="gl-test-badge-"))
BADGE_KEY = BADGE_KEY_DIR / "badge-sleutel.pem"
atexit.register(shutil.rmtree, BADGE_KEY_DIR, True)


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen
    db_url: str = ""
    output: list[str] = field(default_factory=list)
    reader: threading.Thread | None = None

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # The output pipe is ours to close once the reader has seen its end (warnings are errors).
        if self.reader is not None:
            self.reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return self.process.returncode


def server_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GELETTERDHEID_")}
    env.update({"GELETTERDHEID_GEHEIM": SECRET, "GELETTERDHEID_HR_TOKEN": HR_TOKEN, "PYTHONUNBUFFERED": "1"})
    env["GELETTERDHEID_BADGE_SLEUTEL"] = str(BADGE_KEY)
    env.update(extra)
    return env


def without_httptools(folder: Path) -> dict[str, str]:
    """The server's environment as on a machine without httptools (it then runs on h11)."""
    stand_in = folder / "without-httptools" / "httptools"
    stand_in.mkdir(parents=True, exist_ok=True)
    (stand_in / "__init__.py").write_text("raise ImportError('httptools: not installed here')\n", encoding="utf-8")
    return server_env(PYTHONPATH=str(stand_in.parent))


@contextlib.contextmanager
def running_server(
    site: Path,
    db_url: str,
    *options: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    root: Path = REPO,
) -> Iterator[RunningServer]:
    """``root``: the content (the repository, or a gemeente project's folder)."""
    command = [
        sys.executable,
        "-m",
        "geletterdheid.cli",
        "--root",
        str(root),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--site",
        str(site),
        "--db",
        db_url,
        *options,
    ]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env or server_env()
    )
    server = RunningServer("", process, db_url)
    found = threading.Event()

    def read_output() -> None:
        for line in process.stdout:
            server.output.append(line.rstrip("\n"))
            match = _ADDRESS.search(line)
            if match and not server.url:
                server.url = match.group(1)
            if line.startswith("Stoppen:"):  # the last line the server prints when it is ready
                found.set()
        found.set()

    server.reader = threading.Thread(target=read_output, daemon=True)
    server.reader.start()
    deadline = time.monotonic() + timeout
    while not found.wait(0.1) and time.monotonic() < deadline:
        pass
    if not server.url:
        server.stop()
        raise AssertionError("the server did not start:\n" + "\n".join(server.output))
    try:
        yield server
    finally:
        server.stop()


def build_site_with_results(out: Path) -> Path:
    """The real site in toets mode: built for the results server (``--resultaten-url``), no answers in it."""
    assert (
        main(["--root", str(REPO), "build", "--only", "html", "--out", str(out), "--resultaten-url", RESULTS_PATH]) == 0
    )  # PDFs: tests/handbook and tests/test_toets_build.py
    return out / "html"


def build_practice_site(out: Path) -> Path:
    """The real site in practice mode (oefenen): answers in the pages, nothing sent anywhere."""
    previous = os.environ.pop("GELETTERDHEID_RESULTATEN_URL", None)  # the fallback would make it a toets site
    try:
        assert main(["--root", str(REPO), "build", "--only", "html", "--out", str(out)]) == 0
    finally:
        if previous is not None:
            os.environ["GELETTERDHEID_RESULTATEN_URL"] = previous
    return out / "html"


def new_store_url(tmp: Path, name: str = "server.db") -> str:
    from geletterdheid.records.store import Store

    url = f"sqlite:///{(tmp / name).as_posix()}"
    with Store.open(url) as store:
        store.upsert_employees(ROSTER)
    return url


@contextlib.contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A fresh schema in the PostgreSQL test database (dropped afterwards), with the roster in it."""
    import sqlalchemy

    from geletterdheid.records.store import Store

    admin_url = require_postgres()
    schema = f"gl_server_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = f"{admin_url}?options={quote(f'-csearch_path={schema}')}"
    try:
        with Store.open(url) as store:
            store.upsert_employees(ROSTER)
        yield url
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The repository's real site in practice mode, built once per session."""
    return build_practice_site(tmp_path_factory.mktemp("real-site"))


@pytest.fixture(scope="session")
def live_server(real_site, tmp_path_factory) -> Iterator[RunningServer]:
    """``geletterdheid serve`` on a free loopback port, serving the real site, SQLite store with ROSTER."""
    db_url = new_store_url(tmp_path_factory.mktemp("server-db"))
    with running_server(real_site, db_url) as server:
        yield server


@pytest.fixture(scope="session")
def toets_site(tmp_path_factory) -> Path:
    """The repository's real site in toets mode (built for the results server), once per session."""
    return build_site_with_results(tmp_path_factory.mktemp("toets-site"))


@pytest.fixture(scope="session")
def toets_server(toets_site, tmp_path_factory) -> Iterator[RunningServer]:
    """``geletterdheid serve`` serving the toets site; no cool-down, so tests can take a toets again."""
    db_url = new_store_url(tmp_path_factory.mktemp("toets-db"))
    with running_server(toets_site, db_url, "--toets-wachttijd", "0", "--toets-per-dag", "0") as server:
        yield server
