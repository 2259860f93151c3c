"""The JSON API of ``geletterdheid serve``, against the real server process on a loopback port."""

from __future__ import annotations

import csv
import io
import json
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.quiz.scoring import score_quiz
from geletterdheid.records.store import Store
from geletterdheid.server.identity import make_token
from repo_paths import REPO
from server_support import HR_TOKEN, SECRET, postgres_schema_url, running_server

CATALOG = catalog_or_exit(REPO)
QUIZ = CATALOG.quizzes["m01"]
SOME_ANSWERS = {
    QUIZ.questions[0].id: list(QUIZ.questions[0].correct),
    QUIZ.questions[1].id: [next(k for k in QUIZ.questions[1].options if k not in QUIZ.questions[1].correct)],
}


def token_for(employee_id: str, valid_seconds: int = 3600, secret: str = SECRET) -> str:
    return make_token(secret.encode(), employee_id, int(time.time()) + valid_seconds)


def auth(employee_id: str = "E1", **kwargs) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for(employee_id, **kwargs)}"}


def post(server, body, headers=None, raw: bytes | None = None, content_type="application/json") -> httpx.Response:
    headers = {"Content-Type": content_type, **(headers if headers is not None else auth())}
    content = raw if raw is not None else json.dumps(body).encode()
    return httpx.post(server.url + "api/pogingen", content=content, headers=headers, timeout=30)


def attempt_count(db_url: str) -> int:
    with Store.open(db_url) as store:
        return store.counts()["attempts"]


@pytest.fixture
def unchanged(live_server):
    """Asserts after the test that nothing was stored."""
    before = attempt_count(live_server.db_url)
    yield
    assert attempt_count(live_server.db_url) == before


def test_submission_is_scored_by_the_server_and_stored(live_server):
    before = attempt_count(live_server.db_url)
    response = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS})
    assert response.status_code == 201
    body = response.json()
    expected = score_quiz(QUIZ, SOME_ANSWERS)  # the same scoring code as the imports
    assert body["score"] == pytest.approx(expected.score_percent)
    assert body["geslaagd"] is expected.passed and body["drempel"] == QUIZ.pass_mark
    assert body["bericht"] == "Je resultaat is opgeslagen voor Anna de Vries."
    feedback = {item["vraag"]: item for item in body["feedback"]}
    assert list(feedback) == [q.id for q in QUIZ.questions]
    first = QUIZ.questions[0]
    assert feedback[first.id] == {"vraag": first.id, "score": 1.0, "juist": first.correct, "uitleg": first.explanation}
    assert attempt_count(live_server.db_url) == before + 1
    with Store.open(live_server.db_url) as store:
        stored = store.attempts_of("E1")[-1]
        assert (stored.quiz_id, stored.source, stored.score_percent) == ("m01", "web", expected.score_percent)
        answer = store.answers_of(stored.id)[first.id]
        assert (answer.chosen, answer.score) == ("|".join(sorted(first.correct)), 1.0)


def test_a_score_sent_by_the_browser_is_refused(live_server, unchanged):
    response = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS, "score": 100})
    assert response.status_code == 422
    assert "de server berekent de score zelf" in response.json()["fout"]


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "Open de toets via je persoonlijke link"),
        ({"Authorization": "Bearer RTE.9999999999.dmFsc2U"}, "Je persoonlijke link is ongeldig"),
        ({"Authorization": f"Bearer {token_for('E1', secret='een-ander-geheim-van-iemand')}"}, "ongeldig"),
        ({"Authorization": f"Bearer {token_for('E1', valid_seconds=-60)}"}, "Je persoonlijke link is verlopen"),
        ({"Authorization": "Bearer kapot"}, "ongeldig"),
        ({"X-Remote-User": "E1"}, "Open de toets via je persoonlijke link"),  # SSO header ignored: not enabled
    ],
    ids=["missing", "forged", "other-secret", "expired", "damaged", "sso-not-enabled"],
)
def test_without_a_valid_personal_link_nothing_is_stored(live_server, unchanged, headers, message):
    # From an address of its own: failed checks count towards a per-client limit (429 after 10).
    headers = {**headers, "X-Forwarded-For": "192.0.2.10"}
    response = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert message in response.json()["fout"]


def test_a_tampered_token_cannot_change_the_employee(live_server, unchanged):
    token = token_for("E1")
    _, expires, signature = token.split(".")
    forged = f"{make_token(b'x' * 16, 'E2', 0).split('.')[0]}.{expires}.{signature}"  # E2's id, E1's signature
    headers = {"Authorization": f"Bearer {forged}", "X-Forwarded-For": "192.0.2.11"}
    response = post(live_server, {"quiz": "m01", "antwoorden": {}}, headers=headers)
    assert response.status_code == 401


def test_an_unknown_employee_is_refused(live_server, unchanged):
    response = post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers=auth("E999"))
    assert response.status_code == 403
    assert "niet in de personeelslijst" in response.json()["fout"]


@pytest.mark.parametrize(
    ("raw", "status", "message"),
    [
        (b"{kapot", 400, "geen geldige JSON"),
        (b"\xff\xfe", 400, "geen geldige JSON"),
        (b"[1, 2]", 400, "JSON-object"),
        (b'{"antwoorden": {}}', 422, "'quiz' ontbreekt"),
        (b'{"quiz": "m99", "antwoorden": {}}', 422, "Onbekende toets 'm99'"),
        (b'{"quiz": "m01", "antwoorden": {"m01-q99": ["a"]}}', 422, "Vraag 'm01-q99' hoort niet bij de toets"),
        (b'{"quiz": "m01", "antwoorden": {"m01-q01": ["z"]}}', 422, "Onbekend antwoord 'z' bij vraag m01-q01"),
        (b'{"quiz": "m01", "antwoorden": {"m01-q01": "b"}}', 422, "lijst van teksten"),
        (b'{"quiz": "m01", "antwoorden": []}', 422, "'antwoorden' ontbreekt of is geen object"),
    ],
    ids=[
        "malformed",
        "not-utf8",
        "not-object",
        "no-quiz",
        "unknown-quiz",
        "unknown-question",
        "unknown-key",
        "keys-not-list",
        "answers-not-object",
    ],
)
def test_bad_bodies_get_a_dutch_message_and_nothing_is_stored(live_server, unchanged, raw, status, message):
    response = post(live_server, None, raw=raw)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert message in response.json()["fout"]
    assert "Traceback" not in response.text


def test_bodies_over_64_kb_are_refused(live_server, unchanged):
    padding = {f"m01-q{i:05d}": ["a"] for i in range(6000)}  # about 100 KB of JSON
    raw = json.dumps({"quiz": "m01", "antwoorden": padding}).encode()
    assert len(raw) > 64 * 1024
    response = post(live_server, None, raw=raw)
    assert response.status_code == 413
    assert "te groot" in response.json()["fout"]

    def chunks():  # no Content-Length: the limit holds while reading too
        yield raw[:40_000]
        yield raw[40_000:]

    streamed = httpx.post(
        live_server.url + "api/pogingen",
        content=chunks(),
        timeout=30,
        headers={"Content-Type": "application/json", **auth()},
    )
    assert streamed.status_code == 413


def test_only_json_is_accepted(live_server, unchanged):
    response = post(live_server, {"quiz": "m01", "antwoorden": {}}, content_type="text/plain")
    assert response.status_code == 415  # a plain form from another site cannot submit in someone's name
    assert "JSON" in response.json()["fout"]


def test_api_errors_for_wrong_method_and_unknown_address_are_dutch_json(live_server):
    wrong_method = httpx.get(live_server.url + "api/pogingen")
    assert wrong_method.status_code == 405
    assert wrong_method.json() == {"fout": "Deze methode is hier niet toegestaan."}
    unknown = httpx.get(live_server.url + "api/bestaat-niet")
    assert unknown.status_code == 404 and "bestaat niet" in unknown.json()["fout"]


def test_many_simultaneous_submissions_are_all_stored(live_server):
    before = attempt_count(live_server.db_url)
    body = json.dumps({"quiz": "m01", "antwoorden": SOME_ANSWERS}).encode()
    headers = {"Content-Type": "application/json", **auth("E2")}
    with httpx.Client(base_url=live_server.url, timeout=30) as client, ThreadPoolExecutor(16) as pool:
        statuses = list(
            pool.map(lambda _: client.post("api/pogingen", content=body, headers=headers).status_code, range(80))
        )
    assert statuses == [201] * 80
    assert attempt_count(live_server.db_url) == before + 80


# -- the HR export ----------------------------------------------------------------------------


def test_export_needs_the_hr_token(live_server):
    url = live_server.url + "api/export.csv"
    elsewhere = {"X-Forwarded-For": "192.0.2.12"}  # failed checks count per client (429 after 10)
    assert httpx.get(url).status_code == 401
    wrong = {"Authorization": "Bearer niet-het-goede-token", **elsewhere}
    assert httpx.get(url, headers=wrong).status_code == 403
    assert httpx.get(url, headers={**auth("E1"), **elsewhere}).status_code == 403  # a link is not the HR token


def test_export_gives_hr_the_records_export(live_server):
    post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS})
    response = httpx.get(live_server.url + "api/export.csv", headers={"Authorization": f"Bearer {HR_TOKEN}"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["cache-control"] == "no-store"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")  # excel-nl: UTF-8 with BOM
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    anna = next(row for row in rows if row["medewerker_id"] == "E1" and row["module_id"] == "m01")
    assert anna["naam"] == "Anna de Vries" and anna["verplicht"] == "ja" and int(anna["pogingen"]) >= 1

    plain = httpx.get(
        live_server.url + "api/export.csv?dialect=rfc4180&layout=wide", headers={"Authorization": f"Bearer {HR_TOKEN}"}
    )
    assert plain.status_code == 200 and plain.text.startswith("medewerker_id,naam,afdeling,rollen,")
    bad = httpx.get(live_server.url + "api/export.csv?dialect=xls", headers={"Authorization": f"Bearer {HR_TOKEN}"})
    assert bad.status_code == 400 and "Onbekend dialect" in bad.json()["fout"]


def test_export_over_http_leaves_out_voided_attempts_and_leavers(live_server):
    import datetime as dt

    from geletterdheid.records import Employee

    yesterday = dt.date.today() - dt.timedelta(days=1)
    with Store.open(live_server.db_url) as store:  # two people of their own: the server is shared by the tests
        store.upsert_employees(
            [
                Employee("V1", "Vera Void", "Vergunningen", (), None),
                Employee("V2", "Victor Vertrokken", "Vergunningen", (), None, yesterday),
            ]
        )
    assert post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers=auth("V1")).status_code == 201
    with Store.open(live_server.db_url) as store:
        [attempt] = store.attempts_of("V1")
        store.void_attempt(attempt.id, "test op de verkeerde naam", "HR")
    response = httpx.get(live_server.url + "api/export.csv", headers={"Authorization": f"Bearer {HR_TOKEN}"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    vera = next(row for row in rows if row["medewerker_id"] == "V1" and row["module_id"] == "m01")
    assert (vera["status"], vera["pogingen"]) == ("niet gestart", "0")
    assert not any(row["medewerker_id"] == "V2" for row in rows)


def test_export_xlsx_gives_hr_a_workbook_with_typed_cells(live_server, tmp_path):
    import openpyxl

    from geletterdheid.reports.hr_export import LONG_HEADER

    post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS})
    url = live_server.url + "api/export.xlsx"
    assert httpx.get(url).status_code == 401  # the same token as the CSV
    response = httpx.get(url, headers={"Authorization": f"Bearer {HR_TOKEN}"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["content-disposition"].endswith('.xlsx"')
    (tmp_path / "hr.xlsx").write_bytes(response.content)
    sheet = openpyxl.load_workbook(tmp_path / "hr.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == LONG_HEADER
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:O{len(rows)}"  # through reden
    anna = dict(zip(LONG_HEADER, next(row for row in rows if row[0] == "E1" and row[4] == "m01"), strict=True))
    # numbers, not text (a whole score such as 10.0 reads back as 10)
    assert isinstance(anna["beste_score"], int | float) and isinstance(anna["pogingen"], int) and anna["pogingen"] >= 1


def test_a_web_attempt_records_the_module_version_it_was_made_on(live_server):
    import sqlalchemy

    post(live_server, {"quiz": "m01", "antwoorden": SOME_ANSWERS})
    engine = sqlalchemy.create_engine(live_server.db_url)
    try:
        with engine.connect() as connection:
            versions = set(
                connection.exec_driver_sql(
                    "SELECT module_version FROM attempts WHERE employee_id = 'E1' AND quiz_id = 'm01'"
                ).scalars()
            )
    finally:
        engine.dispose()
    assert versions == {CATALOG.modules["m01"].version}


# -- the site itself --------------------------------------------------------------------------


def test_site_is_served_with_headers_that_keep_it_on_this_host(live_server):
    response = httpx.get(live_server.url)
    assert response.status_code == 200 and '<html lang="nl"' in response.text
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "connect-src 'self'" in policy
    assert response.headers["referrer-policy"] == "no-referrer"
    missing = httpx.get(live_server.url + "bestaat/niet.html")
    assert missing.status_code == 404 and "Pagina niet gevonden" in missing.text


def test_sqlite_store_runs_in_wal_mode(live_server):
    import sqlite3

    path = live_server.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- single sign-on and PostgreSQL: servers of their own ----------------------------------------


def test_sso_header_identifies_employees_only_when_enabled(real_site, tmp_path):
    from server_support import new_store_url

    db_url = new_store_url(tmp_path)
    with running_server(real_site, db_url, "--sso", "--sso-header", "X-Medewerker") as server:
        assert "aan, header X-Medewerker" in "\n".join(server.output)
        ok = post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}, headers={"X-Medewerker": "E2"})
        assert ok.status_code == 201 and ok.json()["medewerker"] == "Bram Jansen"
        stranger = post(server, {"quiz": "m01", "antwoorden": {}}, headers={"X-Medewerker": "E404"})
        assert stranger.status_code == 403
        other_header = post(server, {"quiz": "m01", "antwoorden": {}}, headers={"X-Remote-User": "E2"})
        assert other_header.status_code == 401
    assert attempt_count(db_url) == 1


def test_postgresql_store_by_url(real_site):
    with postgres_schema_url() as db_url:
        with running_server(real_site, db_url) as server:
            responses = [post(server, {"quiz": "m01", "antwoorden": SOME_ANSWERS}) for _ in range(3)]
            assert [r.status_code for r in responses] == [201] * 3
            assert post(server, {"quiz": "m01", "antwoorden": {"m01-q01": ["z"]}}).status_code == 422
        assert attempt_count(db_url) == 3


def test_answers_come_without_waiting_for_delayed_acknowledgements(live_server):
    """The listening socket is TCP with Nagle switched off: a submission round trip takes about a
    millisecond here, not the ~40 ms a delayed ACK adds (which capped the server at ~25/s per connection)."""
    body = json.dumps({"quiz": "m01", "antwoorden": SOME_ANSWERS}).encode()
    headers = {"Content-Type": "application/json", **auth("E2")}
    timings = []
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        for _ in range(21):
            start = time.perf_counter()
            assert client.post("api/pogingen", content=body, headers=headers).status_code == 201
            timings.append(time.perf_counter() - start)
    assert sorted(timings)[10] < 0.020
