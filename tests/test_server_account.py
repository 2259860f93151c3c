"""Signing in with a personal link (a cookie, not localStorage), who am I, signing out, and
``links --opnieuw`` against the real server; ``/gezond``."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest

from geletterdheid.cli import main
from repo_paths import REPO
from server_support import SECRET, postgres_schema_url, running_server
from test_server_api import SOME_ANSWERS, attempt_count, token_for


def sign_in(server, token: str, **headers: str) -> httpx.Response:
    return httpx.post(server.url + "api/aanmelden", headers={"Authorization": f"Bearer {token}", **headers})


def test_signing_in_sets_a_private_strict_cookie_that_identifies_the_employee(live_server):
    response = sign_in(live_server, token_for("E1"))
    assert response.status_code == 200
    assert response.json()["medewerker"] == "Anna de Vries"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("geletterdheid_sleutel=")
    for attribute in ("HttpOnly", "SameSite=strict", "Path=/", "Max-Age=43200"):
        assert attribute.lower() in cookie.lower()
    assert "secure" not in cookie.lower()  # plain http on this machine: a Secure cookie would not come back
    with httpx.Client(base_url=live_server.url, cookies=response.cookies) as browser:
        assert browser.get("api/ik").json() == {"medewerker": "Anna de Vries", "via": "link"}
        before = attempt_count(live_server.db_url)
        saved = browser.post("api/pogingen", json={"quiz": "m01", "antwoorden": SOME_ANSWERS})
        assert saved.status_code == 201 and saved.json()["medewerker"] == "Anna de Vries"
        assert attempt_count(live_server.db_url) == before + 1


def test_behind_https_the_cookie_is_secure(live_server):
    # The TLS proxy on this machine says so with X-Forwarded-Proto (trusted from 127.0.0.1 only).
    response = sign_in(live_server, token_for("E1"), **{"X-Forwarded-Proto": "https"})
    assert response.status_code == 200 and "; secure" in response.headers["set-cookie"].lower()


def test_signing_out_removes_the_cookie_and_nothing_is_stored_under_the_previous_user(live_server):
    with httpx.Client(base_url=live_server.url) as browser:
        assert browser.post("api/aanmelden", headers={"Authorization": f"Bearer {token_for('E1')}"}).status_code == 200
        out = browser.post("api/afmelden")
        assert out.status_code == 200 and out.json()["bericht"] == "Je bent afgemeld."
        assert "max-age=0" in out.headers["set-cookie"].lower()
        assert "geletterdheid_sleutel" not in browser.cookies
        who = browser.get("api/ik")
        assert who.status_code == 401 and "persoonlijke link" in who.json()["fout"]
        before = attempt_count(live_server.db_url)
        refused = browser.post("api/pogingen", json={"quiz": "m01", "antwoorden": SOME_ANSWERS})
        assert refused.status_code == 401
        assert attempt_count(live_server.db_url) == before


def test_a_bad_link_does_not_sign_in(live_server):
    response = sign_in(live_server, "RTE.9999999999.dmFsc2U", **{"X-Forwarded-For": "198.51.100.20"})
    assert response.status_code == 401 and "ongeldig" in response.json()["fout"]
    assert "set-cookie" not in response.headers


def _links_csv(db_url: str, out, *options: str) -> dict[str, str]:
    previous = os.environ.get("GELETTERDHEID_GEHEIM")
    os.environ["GELETTERDHEID_GEHEIM"] = SECRET
    try:
        assert (
            main(
                [
                    "--root",
                    str(REPO),
                    "links",
                    "--db",
                    db_url,
                    "--basis-url",
                    "http://localhost/",
                    "--out",
                    str(out),
                    *options,
                ]
            )
            == 0
        )
    finally:
        if previous is None:
            del os.environ["GELETTERDHEID_GEHEIM"]
        else:
            os.environ["GELETTERDHEID_GEHEIM"] = previous
    rows = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";")
    return {row["medewerker_id"]: row["link"].partition("#sleutel=")[2] for row in rows}


def test_links_opnieuw_stops_the_earlier_links_of_that_employee(live_server, tmp_path, capsys):
    from geletterdheid.records import Employee
    from geletterdheid.records.store import Store

    with Store.open(live_server.db_url) as store:  # one of its own: the other tests keep their links
        store.upsert_employees([Employee("E-NIEUW", "Nina Nieuw", "Burgerzaken", ())])
    old = _links_csv(live_server.db_url, tmp_path / "eerst.csv")  # the server registered its secret: links agree
    new = _links_csv(live_server.db_url, tmp_path / "opnieuw.csv", "--opnieuw", "E-NIEUW")
    capsys.readouterr()
    refused = sign_in(live_server, old["E-NIEUW"], **{"X-Forwarded-For": "198.51.100.21"})
    assert refused.status_code == 401 and "vervangen door een nieuwe" in refused.json()["fout"]
    assert sign_in(live_server, new["E-NIEUW"]).json()["medewerker"] == "Nina Nieuw"
    with httpx.Client(base_url=live_server.url) as client:
        saved = client.post(
            "api/pogingen",
            json={"quiz": "m01", "antwoorden": {}},
            headers={"Authorization": f"Bearer {new['E-NIEUW']}"},
        )
        assert saved.status_code == 201
    assert sign_in(live_server, old["E1"]).status_code == 200  # other employees' links keep working


# -- /gezond ----------------------------------------------------------------------------------


def test_gezond_is_200_with_the_database_reachable(live_server):
    response = httpx.get(live_server.url + "gezond")
    assert response.status_code == 200 and response.json() == {"status": "gezond"}


class _Forwarder:
    """A TCP forwarder to PostgreSQL that a test can cut, as a network failure would."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.open:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, target: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.open = False
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()


@contextlib.contextmanager
def forwarded(db_url: str) -> Iterator[tuple[str, _Forwarder]]:
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    forwarder = _Forwarder((url.host or "127.0.0.1", url.port or 5432))
    try:
        yield url.set(host="127.0.0.1", port=forwarder.port).render_as_string(hide_password=False), forwarder
    finally:
        forwarder.cut()


def test_gezond_is_503_when_the_database_cannot_be_reached(real_site):
    with (
        postgres_schema_url() as db_url,
        forwarded(db_url) as (via_forwarder, forwarder),
        running_server(real_site, via_forwarder) as server,
    ):
        assert httpx.get(server.url + "gezond").status_code == 200
        forwarder.cut()
        response = httpx.get(server.url + "gezond", timeout=30)
        assert response.status_code == 503
        assert response.json()["fout"] == "De database is niet bereikbaar."
        assert httpx.get(server.url).status_code == 200  # the site itself is still served


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_gezond_answers_get_and_head(live_server, method):
    assert httpx.request(method, live_server.url + "gezond").status_code == 200
