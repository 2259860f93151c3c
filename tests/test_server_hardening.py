"""Hostile or unlucky requests against the real server: a clear Dutch 4xx, nothing stored, no 500."""

from __future__ import annotations

import json

import httpx
import pytest

from geletterdheid.cli import main
from repo_paths import REPO
from test_server_api import SOME_ANSWERS, attempt_count, auth, post


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
    from geletterdheid.records.store import Store

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
