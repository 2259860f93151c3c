"""Hostile or unlucky requests against the real server: a clear Dutch 4xx, nothing stored, no 500."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from geletterdheid.cli import main
from geletterdheid.records.store import Store
from repo_paths import REPO
from server_support import HR_TOKEN, new_store_url, running_server, server_env, without_httptools
from test_server_api import SOME_ANSWERS, attempt_count, auth, post, token_for


@pytest.fixture
def unchanged(live_server):
    before = attempt_count(live_server.db_url)
    yield
    assert attempt_count(live_server.db_url) == before


def test_json_nested_20000_levels_deep_is_a_dutch_400_without_a_traceback(live_server, unchanged):
    raw = b'{"quiz": "m01", "antwoorden": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    lines_before = len(live_server.output)
    response = post(live_server, None, raw=raw)
    assert response.status_code == 400
    assert response.json() == {"fout": "De gegevens zijn te diep genest (meer dan 20 niveaus)."}
    assert "Traceback" not in "\n".join(live_server.output[lines_before:])


@pytest.mark.parametrize(
    "raw",
    [
        rb'{"quiz": "\ud800", "antwoorden": {}}',
        rb'{"quiz": "m01", "antwoorden": {"m01-q01\udfff": ["a"]}}',
        rb'{"quiz": "m01", "antwoorden": {"m01-q01": ["\ud800"]}}',
    ],
    ids=["quiz", "question-id", "answer-key"],
)
def test_a_lone_surrogate_is_a_dutch_422(live_server, unchanged, raw):
    response = post(live_server, None, raw=raw)
    assert response.status_code == 422
    assert "ongeldig teken" in response.json()["fout"]


def test_a_submission_right_after_forget_is_refused_with_403(live_server, tmp_path, capsys):
    from geletterdheid.records import Employee

    with Store.open(live_server.db_url) as store:
        store.upsert_employees([Employee("E-WEG", "Wim Weg", "Burgerzaken", ())])
    first = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers=auth("E-WEG"))
    assert first.status_code == 201  # the server now has Wim in its roster cache
    assert main(["--root", str(REPO), "forget", "E-WEG", "--db", live_server.db_url]) == 0
    capsys.readouterr()
    before = attempt_count(live_server.db_url)
    again = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers=auth("E-WEG"))
    assert again.status_code == 403, live_server.output[-5:]
    assert "niet in de personeelslijst" in again.json()["fout"]
    assert attempt_count(live_server.db_url) == before
    # And the next one is refused at once, before anything is scored.
    assert post(live_server, {"quiz": "m01", "antwoorden": {}}, headers=auth("E-WEG")).status_code == 403


def test_the_site_still_answers_after_hostile_bodies(live_server):
    assert httpx.get(live_server.url).status_code == 200
    assert json.loads(post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}).text)["opgeslagen"] is True


# -- rate limit on failed checks --------------------------------------------------------------


def _from(address: str, headers: dict[str, str]) -> dict[str, str]:
    """As if the request came from ``address`` through the reverse proxy on this machine (uvicorn
    trusts X-Forwarded-For from 127.0.0.1 only)."""
    return {**headers, "X-Forwarded-For": address}


def test_after_10_failed_link_checks_a_minute_the_client_gets_429(live_server, unchanged):
    forged = {"Authorization": "Bearer RTE.9999999999.dmFsc2U"}
    statuses = [
        post(live_server, {"quiz": "m01", "antwoorden": {}}, _from("203.0.113.7", forged)).status_code
        for _ in range(10)
    ]
    assert statuses == [401] * 10
    blocked = post(live_server, {"quiz": "m01", "antwoorden": {}}, _from("203.0.113.7", forged))
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen" in blocked.json()["fout"]
    assert 1 <= int(blocked.headers["retry-after"]) <= 61
    # Now even a right key from that client waits: otherwise a guesser would learn the right guess.
    assert post(live_server, {"quiz": "m01", "antwoorden": {}}, _from("203.0.113.7", auth("E1"))).status_code == 429
    # Other clients are not affected.
    other = post(live_server, {"quiz": "m01", "antwoorden": {"m01-q01": ["z"]}}, _from("203.0.113.8", auth("E1")))
    assert other.status_code == 422


def test_wrong_hr_tokens_are_rate_limited_too(live_server):
    url = live_server.url + "api/export.csv"
    wrong = _from("203.0.113.9", {"Authorization": "Bearer niet-het-goede-token"})
    assert [httpx.get(url, headers=wrong).status_code for _ in range(10)] == [403] * 10
    right = _from("203.0.113.9", {"Authorization": f"Bearer {HR_TOKEN}"})
    response = httpx.get(url, headers=right)
    assert response.status_code == 429 and "Te veel mislukte pogingen" in response.json()["fout"]


# -- cross-site requests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://kwaadwillend.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}],
    ids=["other-origin", "sec-fetch-site", "null-origin"],
)
def test_a_post_from_another_site_is_refused(live_server, unchanged, headers):
    response = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, {**auth("E1"), **headers})
    assert response.status_code == 403
    assert response.json() == {"fout": "Dit verzoek komt van een andere website en wordt daarom geweigerd."}


def test_a_post_from_the_site_itself_is_accepted(live_server):
    origin = live_server.url.rstrip("/")
    headers = {**auth("E1"), "Origin": origin, "Sec-Fetch-Site": "same-origin"}
    assert post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers).status_code == 201


# -- single sign-on ---------------------------------------------------------------------------


def test_sso_header_twice_is_a_400_and_sso_by_email_finds_the_employee(real_site, tmp_path):
    db_url = new_store_url(tmp_path)
    with running_server(real_site, db_url, "--sso", "--sso-veld", "email") as server:
        assert "aan, header X-Remote-User (email)" in "\n".join(server.output)
        twice = httpx.post(
            server.url + "api/pogingen",
            content=json.dumps({"quiz": "m01", "antwoorden": SOME_ANSWERS}).encode(),
            headers=[
                ("Content-Type", "application/json"),
                ("X-Remote-User", "anna@gemeente.example"),
                ("X-Remote-User", "E2"),
            ],
        )
        assert twice.status_code == 400
        assert "meer dan eens" in twice.json()["fout"]
        ok = post(
            server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers={"X-Remote-User": "Anna@Gemeente.example"}
        )
        assert ok.status_code == 201 and ok.json()["medewerker"] == "Anna de Vries"
        by_id = post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers={"X-Remote-User": "E1"})
        assert by_id.status_code == 403  # the header holds e-mail addresses now, not ids
    with Store.open(db_url) as store:
        assert [a.employee_id for a in store.attempts_of("E1")] == ["E1"] and store.attempts_of("E2") == []


# -- slow clients -----------------------------------------------------------------------------


@pytest.mark.parametrize("http", ["httptools", "h11"])
def test_slow_clients_are_cut_off_and_others_are_still_served(real_site, tmp_path, http):
    config = tmp_path / "server.toml"
    config.write_text("wachttijd_kop_seconden = 1\nwachttijd_bericht_seconden = 1\n", encoding="utf-8")
    db_url = new_store_url(tmp_path)
    env = server_env() if http == "httptools" else without_httptools(tmp_path)
    with running_server(real_site, db_url, "--config", str(config), env=env) as server:
        assert f"HTTP: {http}" in "\n".join(server.output)
        host, port = server.url.removeprefix("http://").rstrip("/").split(":")
        with (
            socket.create_connection((host, int(port)), timeout=10) as idle,
            socket.create_connection((host, int(port)), timeout=10) as dribbling,
        ):
            dribbling.sendall(b"POST /api/pogingen HTTP/1.1\r\nHost: x\r\n")  # and the rest never comes
            assert idle.recv(1024) == b""  # closed by the server (not by our 10 s timeout)
            assert dribbling.recv(1024) == b""
        with socket.create_connection((host, int(port)), timeout=10) as slow_body:
            token = token_for("E1")
            slow_body.sendall(
                b"POST /api/pogingen HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + f"Authorization: Bearer {token}\r\nContent-Length: 100\r\n\r\n".encode()
                + b'{"quiz": '
            )
            answer = b""
            while b"}" not in answer and (chunk := slow_body.recv(4096)):
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 408")
            assert "kwam niet op tijd binnen" in answer.decode()
        assert post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}).status_code == 201
    assert attempt_count(db_url) == 1


# -- a locked database ------------------------------------------------------------------------


def test_a_locked_database_gives_the_waiting_submissions_a_503_at_once(real_site, tmp_path):
    import re
    import sqlite3
    from concurrent.futures import ThreadPoolExecutor

    config = tmp_path / "server.toml"
    config.write_text("wachttijd_database_seconden = 1\n", encoding="utf-8")
    db_url = new_store_url(tmp_path)
    with running_server(real_site, db_url, "--config", str(config)) as server:
        assert post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}).status_code == 201
        blocker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with ThreadPoolExecutor(20) as pool:
                responses = list(
                    pool.map(lambda _: post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}), range(60))
                )
        finally:
            blocker.rollback()
            blocker.close()
        assert [r.status_code for r in responses] == [503] * 60
        assert "Probeer het over een paar minuten opnieuw" in responses[0].json()["fout"]
        failures = [int(n) for n in re.findall(r"storing (\d+) attempts failed", "\n".join(server.output))]
        assert sum(failures) == 60  # every submission answered by a failed batch ...
        assert len(failures) <= 10  # ... in a few batches, each waiting the busy timeout once
        assert not any("one by one" in line for line in server.output)  # not retried one at a time
        assert post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}).status_code == 201  # and it recovers
    assert attempt_count(db_url) == 2
