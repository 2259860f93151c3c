"""Running the server for real: graceful SIGTERM, and several server processes on one PostgreSQL
database (the way a gemeente grows past one machine)."""

from __future__ import annotations

import csv
import io
import json
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx

from server_support import HR_TOKEN, new_store_url, postgres_schema_url, running_server
from test_server_api import SOME_ANSWERS, attempt_count, auth

BODY = json.dumps({"quiz": "m01", "antwoorden": SOME_ANSWERS}).encode()


def _submitter(url: str, employee: str, stop: threading.Event, statuses: list[int]) -> None:
    headers = {"Content-Type": "application/json", **auth(employee)}
    with httpx.Client(base_url=url, timeout=30) as client:
        while not stop.is_set():
            try:
                statuses.append(client.post("api/pogingen", content=BODY, headers=headers).status_code)
            except httpx.TransportError:
                statuses.append(0)  # the server stopped taking connections: fine, nothing was accepted
                return


def test_sigterm_stops_gracefully_and_keeps_every_accepted_submission(real_site, tmp_path):
    db_url = new_store_url(tmp_path)
    with running_server(real_site, db_url) as server:
        statuses: list[int] = []
        stop = threading.Event()
        threads = [
            threading.Thread(target=_submitter, args=(server.url, f"E{1 + n % 2}", stop, statuses)) for n in range(8)
        ]
        for thread in threads:
            thread.start()
        while statuses.count(201) < 200:  # under load: requests in flight and attempts in the queue
            threading.Event().wait(0.01)
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) == 0
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        server.reader.join(timeout=10)
        assert server.output[-1] == "Server gestopt."
        assert "Traceback" not in "\n".join(server.output)
        try:
            httpx.get(server.url, timeout=5)
            raise AssertionError("the server still answers after SIGTERM")
        except httpx.ConnectError:
            pass
    accepted = statuses.count(201)
    assert set(statuses) <= {201, 0}
    assert attempt_count(db_url) == accepted  # nothing accepted was lost, nothing stored twice


def test_two_server_processes_on_one_postgresql_database_lose_nothing_and_count_nothing_twice(real_site):
    with (
        postgres_schema_url() as db_url,
        running_server(real_site, db_url) as first,
        running_server(real_site, db_url) as second,
    ):
        per_server = 150

        def send(args: tuple[str, int]) -> int:
            url, _ = args
            with httpx.Client(base_url=url, timeout=30) as client:
                return client.post(
                    "api/pogingen", content=BODY, headers={"Content-Type": "application/json", **auth("E1")}
                ).status_code

        # The same employee and quiz on both servers at once: their clocks may hand out the same
        # microsecond, which the store's identity (employee, quiz, time) then has to sort out.
        work = [(first.url, n) for n in range(per_server)] + [(second.url, n) for n in range(per_server)]
        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(send, work))
        assert statuses == [201] * (2 * per_server)
        assert attempt_count(db_url) == 2 * per_server
        export = httpx.get(
            first.url + "api/export.csv?dialect=rfc4180", headers={"Authorization": f"Bearer {HR_TOKEN}"}
        )
        rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
        anna = next(row for row in rows if row["medewerker_id"] == "E1" and row["module_id"] == "m01")
        assert int(anna["pogingen"]) == 2 * per_server
