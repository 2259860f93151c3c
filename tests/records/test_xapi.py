"""`geletterdheid export --xapi`: stored attempts as xAPI statements, and the LRS forwarder (a stub LRS)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from geletterdheid.records import NewAttempt
from geletterdheid.reports.lrs import CREDENTIALS_ENV, LrsError, send_statements

from .conftest import at

BASE = "https://leren.testdorp.example"
ADL = "http://adlnet.gov/expapi/verbs/"
IRI = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")


@pytest.fixture
def history(staffed_store, catalog):
    """E1 passed t01 (75%) after failing it (25%); E3 passed t02 (100%) on module version 3."""
    t01, t02 = catalog.quizzes["t01"], catalog.quizzes["t02"]
    passing = {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"]}
    staffed_store.record_attempts(
        [
            NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", {"t01-q1": ["b"]}),
            NewAttempt.scored("E1", t01, at("2025-07-31T23:30"), "test", passing),
        ],
        versions={"t01": 1},
    )
    staffed_store.record_attempts(
        [NewAttempt.scored("E3", t02, at("2025-02-01T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["juist"]})],
        versions={"t02": 3},
    )
    return staffed_store


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_statement(statement: dict) -> None:
    """The parts of xAPI 1.0.3 a statement of ours must have, with the types the spec asks for."""
    assert uuid.UUID(statement["id"]).version == 5
    actor = statement["actor"]
    assert actor["objectType"] == "Agent"
    assert set(actor) == {"objectType", "account"}  # one identifier, and no e-mail
    assert IRI.match(actor["account"]["homePage"]) and actor["account"]["name"]
    assert statement["verb"]["id"] in {ADL + "passed", ADL + "failed", ADL + "completed"}
    assert statement["verb"]["display"]["nl-NL"]
    activity = statement["object"]
    assert activity["objectType"] == "Activity" and IRI.match(activity["id"])
    assert IRI.match(activity["definition"]["type"])
    score = statement["result"]["score"]
    assert 0 <= score["scaled"] <= 1 and score["min"] <= score["raw"] <= score["max"]
    assert score["scaled"] == pytest.approx(score["raw"] / 100)
    assert isinstance(statement["result"]["success"], bool) and statement["result"]["completion"] is True
    assert dt.datetime.fromisoformat(statement["timestamp"]).utcoffset() is not None
    assert all(IRI.match(key) for key in statement["context"].get("extensions", {}))
    assert "@" not in json.dumps(statement)


def test_each_attempt_is_a_passed_or_failed_and_a_completed_statement(cli, history, db_url):
    result = cli("export", "--xapi", "--basis-url", BASE + "/", "--db", db_url)
    assert result.code == 0, result.output
    statements = lines(result.out)
    for statement in statements:
        check_statement(statement)
    verbs = [(s["actor"]["account"]["name"], s["verb"]["id"].removeprefix(ADL)) for s in statements]
    assert verbs == [("E1", "failed"), ("E1", "completed"), ("E1", "passed"), ("E1", "completed")] + [
        ("E3", "passed"),
        ("E3", "completed"),
    ]
    passed = statements[2]
    assert passed["object"]["id"] == f"{BASE}/modules/t01.html"
    assert passed["actor"]["account"]["homePage"] == BASE  # no gemeente.toml here: the base URL
    assert passed["result"]["score"] == {"scaled": 0.75, "raw": 75.0, "min": 0, "max": 100}
    assert passed["result"]["success"] is True and statements[0]["result"]["success"] is False
    assert passed["timestamp"] == "2025-07-31T23:30:00+02:00"  # summer time in the Netherlands
    assert statements[0]["timestamp"] == "2025-01-10T09:00:00+01:00"
    assert statements[4]["context"]["extensions"] == {f"{BASE}/xapi/moduleversie": 3}
    assert len({s["id"] for s in statements}) == 6


def test_sending_again_gives_the_same_statement_ids(cli, history, db_url, tmp_path):
    first, second = tmp_path / "een.jsonl", tmp_path / "twee.jsonl"
    for out in (first, second):
        result = cli("export", "--xapi", "--basis-url", BASE, "--db", db_url, "--out", out)
        assert result.code == 0 and "6 statements" in result.out
    assert first.read_bytes() == second.read_bytes()
    other = cli("export", "--xapi", "--basis-url", "https://leren.anderdorp.example", "--db", db_url)
    assert not {s["id"] for s in lines(first.read_text())} & {s["id"] for s in lines(other.out)}


def test_the_email_address_only_when_asked_for(cli, history, db_url):
    result = cli("export", "--xapi", "--xapi-mbox", "--basis-url", BASE, "--db", db_url)
    actors = {json.dumps(s["actor"]) for s in lines(result.out)}
    assert actors == {
        json.dumps({"objectType": "Agent", "mbox": "mailto:anna@gemeente.example"}),
        json.dumps({"objectType": "Agent", "mbox": "mailto:d.celik@gemeente.example"}),
    }


def counting(statements: list[dict]) -> list[dict]:
    return [s for s in statements if s["verb"]["id"] != ADL + "voided"]


def test_a_voided_attempt_is_not_sent_and_its_statements_are_voided(cli, history, db_url, tmp_path):
    before = lines(cli("export", "--xapi", "--basis-url", BASE, "--db", db_url).out)
    first = history.attempts_of("E1")[0]
    history.void_attempt(first.id, "verkeerde medewerker", done_by="HR")
    out = tmp_path / "xapi.jsonl"
    result = cli("export", "--xapi", "--basis-url", BASE, "--db", db_url, "--out", out)
    assert result.code == 0 and "6 statements, waarvan 2 intrekkingen" in result.out
    after = lines(out.read_text(encoding="utf-8"))
    assert [s["result"]["score"]["raw"] for s in counting(after)] == [75.0, 75.0, 100.0, 100.0]
    voiding = [s for s in after if s not in counting(after)]
    # exactly the two statements the earlier export made of that attempt (its 25 %: failed and completed)
    assert {s["object"]["id"] for s in voiding} == {s["id"] for s in before[:2]}
    assert before[0]["result"]["score"]["raw"] == 25.0
    for statement in voiding:
        assert statement["object"]["objectType"] == "StatementRef" and "result" not in statement
        assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": BASE, "name": "hr"}}
        assert uuid.UUID(statement["id"]).version == 5 and statement["timestamp"].startswith("20")


def test_without_an_address_the_export_is_refused_in_dutch(cli, history, db_url):
    result = cli("export", "--xapi", "--db", db_url)
    assert result.code == 1 and result.out == ""
    assert "geef --basis-url met het adres van de trainingssite" in result.err
    plain = cli("export", "--xapi", "--basis-url", "http://leren.testdorp.example", "--db", db_url)
    assert plain.code == 1 and "moet een adres zijn dat begint met https://" in plain.err
    lone = cli("export", "--lrs", "https://lrs.example", "--db", db_url)
    assert lone.code == 1 and "geef ook --xapi" in lone.err


class StubLrs(BaseHTTPRequestHandler):
    """An LRS that keeps statements by id: a POST with a known id is 409 for the whole batch, as the spec allows."""

    def log_message(self, *args) -> None:  # quiet
        pass

    def _body(self):
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

    def _answer(self, status: int, body: object = None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _allowed(self) -> bool:
        server = self.server
        server.headers.append({key.lower(): value for key, value in self.headers.items()})
        if self.headers.get("Authorization") != server.expected_auth:
            self._answer(401, {"error": "unauthorized"})
            return False
        if self.headers.get("X-Experience-API-Version") != "1.0.3":
            self._answer(400, {"error": "version"})
            return False
        return True

    def do_POST(self) -> None:
        if self.path.startswith("/elders"):
            self.send_response(307)
            self.send_header("Location", "/xapi/statements")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if not self._allowed():
            return
        assert self.path == "/xapi/statements"
        batch = self._body()
        self.server.batches.append(batch)
        if any(s["id"] in self.server.stored for s in batch):
            self._answer(409, {"error": "conflict"})
            return
        self.server.stored.update({s["id"]: s for s in batch})
        self._answer(200, [s["id"] for s in batch])

    def do_PUT(self) -> None:
        if not self._allowed():
            return
        statement = self._body()
        assert self.path == f"/xapi/statements?statementId={statement['id']}"
        if statement["id"] in self.server.stored:
            self._answer(409, {"error": "exists"})
            return
        self.server.stored[statement["id"]] = statement
        self._answer(204)


@pytest.fixture
def lrs():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StubLrs)
    server.batches, server.stored, server.headers = [], {}, []
    server.expected_auth = "Basic " + base64.b64encode(b"sleutel:geheim").decode()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


def lrs_url(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}/xapi"


def test_the_lrs_receives_every_statement_and_a_resend_changes_nothing(cli, history, db_url, lrs, monkeypatch):
    monkeypatch.setenv(CREDENTIALS_ENV, "sleutel:geheim")
    file = cli("export", "--xapi", "--basis-url", BASE, "--db", db_url).out
    result = cli("export", "--xapi", "--basis-url", BASE, "--lrs", lrs_url(lrs), "--db", db_url)
    assert result.code == 0, result.output
    assert "Naar het LRS verstuurd: 6 statements." in result.out
    assert result.out.count("{") == 0  # with --lrs and without --out nothing else goes to the screen
    assert list(lrs.stored.values()) == lines(file)
    assert all(h["x-experience-api-version"] == "1.0.3" for h in lrs.headers)
    again = cli("export", "--xapi", "--basis-url", BASE, "--lrs", lrs_url(lrs), "--db", db_url)
    assert again.code == 0 and "0 statements; 6 stonden er al." in again.out
    assert len(lrs.stored) == 6


def test_batches_and_a_partly_known_batch(lrs):
    auth = lrs.expected_auth
    statements = [{"id": str(uuid.uuid4()), "n": n} for n in range(5)]
    assert send_statements(lrs_url(lrs), statements[:3], auth, batch_size=2).sent == 3
    assert [len(batch) for batch in lrs.batches] == [2, 1]
    counts = send_statements(lrs_url(lrs), statements, auth, batch_size=10)
    assert (counts.sent, counts.already_there) == (2, 3)
    assert len(lrs.stored) == 5


def test_http_failures_are_dutch_errors(cli, history, db_url, lrs, monkeypatch):
    monkeypatch.setenv(CREDENTIALS_ENV, "sleutel:fout")
    result = cli("export", "--xapi", "--basis-url", BASE, "--lrs", lrs_url(lrs), "--db", db_url)
    assert result.code == 1
    assert "het LRS kent de inloggegevens niet" in result.err and "HTTP 401" in result.err
    assert "er is niets verstuurd" in result.err and not lrs.stored
    with pytest.raises(LrsError, match="op dit adres is geen LRS|niet bereikbaar"):
        send_statements("http://127.0.0.1:9/xapi", [{"id": "x"}], lrs.expected_auth)


def test_a_redirect_is_refused_so_the_credentials_stay_here(lrs):
    with pytest.raises(LrsError, match="stuurt door naar een ander adres.*HTTP 307"):
        send_statements(lrs_url(lrs).replace("/xapi", "/elders"), [{"id": "x"}], lrs.expected_auth)
    assert not lrs.headers


def test_credentials_come_only_from_the_environment(cli, history, db_url, lrs, monkeypatch):
    monkeypatch.delenv(CREDENTIALS_ENV, raising=False)
    result = cli("export", "--xapi", "--basis-url", BASE, "--lrs", lrs_url(lrs), "--db", db_url)
    assert result.code == 1 and f"omgevingsvariabele {CREDENTIALS_ENV}" in result.err
    assert not lrs.headers  # nothing was sent


def test_a_corrected_attempt_gets_new_statement_ids_and_the_old_ones_are_voided(cli, history, db_url, catalog):
    before = lines(cli("export", "--xapi", "--basis-url", BASE, "--db", db_url).out)
    t01 = catalog.quizzes["t01"]
    corrected = NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", {"t01-q1": ["b"], "t01-q2": ["onjuist"]})
    counts = history.import_attempts([corrected], replace=True, done_by="HR", reason="papieren toets", versions={})
    assert counts.changed == 1
    after = lines(cli("export", "--xapi", "--basis-url", BASE, "--db", db_url).out)
    now = counting(after)
    assert [s["result"]["score"]["raw"] for s in now[:2]] == [50.0, 50.0]
    assert not {s["id"] for s in now[:2]} & {s["id"] for s in before}
    assert [s["id"] for s in now[2:]] == [s["id"] for s in before[2:]]
    voided = {s["object"]["id"] for s in after if s not in now}
    assert voided == {s["id"] for s in before[:2]}  # the 25 % the LRS may have: failed and completed


def test_after_every_correction_the_lrs_counts_what_the_records_count(cli, history, db_url, catalog, lrs, monkeypatch):
    """Send after each of HR's changes; what the LRS has that is not voided equals the export of the records."""
    monkeypatch.setenv(CREDENTIALS_ENV, "sleutel:geheim")
    t01 = catalog.quizzes["t01"]
    second = history.attempts_of("E1")[1]

    def send() -> list[dict]:
        result = cli("export", "--xapi", "--basis-url", BASE, "--lrs", lrs_url(lrs), "--db", db_url)
        assert result.code == 0, result.output
        return lines(cli("export", "--xapi", "--basis-url", BASE, "--db", db_url).out)

    def still_counting() -> set[str]:
        voided = {s["object"]["id"] for s in lrs.stored.values() if s["verb"]["id"] == ADL + "voided"}
        return {i for i, s in lrs.stored.items() if s["verb"]["id"] != ADL + "voided" and i not in voided}

    sent = send()
    steps = [
        lambda: history.import_attempts(  # the first attempt corrected from a paper sheet: passed now
            [NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", {"t01-q1": ["b"], "t01-q2": ["onjuist"]})],
            replace=True,
            done_by="HR",
            reason="papieren toets",
            versions={},
        ),
        lambda: history.import_attempts(  # corrected once more
            [NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", {"t01-q1": ["a"]})],
            replace=True,
            done_by="HR",
            reason="tweede correctie",
            versions={},
        ),
        lambda: history.void_attempt(second.id, "verkeerde medewerker", done_by="HR"),
        lambda: history.import_attempts(  # a voided attempt corrected: it stays void, nothing new counts
            [NewAttempt.scored("E1", t01, at("2025-07-31T23:30"), "test", {"t01-q1": ["b"]})],
            replace=True,
            done_by="HR",
            reason="na ongeldig",
            versions={},
        ),
    ]
    made = {s["id"] for s in sent}
    for step in steps:
        step()
        sent = send()
        assert still_counting() == {s["id"] for s in counting(sent)}
        # every voiding statement names a statement an export made before
        assert {s["object"]["id"] for s in sent if s not in counting(sent)} <= made
        made |= {s["id"] for s in sent}
    assert [s["result"]["score"]["raw"] for s in counting(sent)] == [0.0, 0.0, 100.0, 100.0]


def test_in_a_gemeente_project_the_website_names_the_actors(tmp_path, capsysbinary):
    """The website of gemeente.toml is the actors' home page, and the modules' address without --basis-url."""
    from geletterdheid.base_content import base_root
    from geletterdheid.cli import main
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.project.init import create_project
    from geletterdheid.records import Employee
    from geletterdheid.records.store import Store

    project = tmp_path / "testdorp"
    create_project(project, "Gemeente Testdorp")
    settings = project / "gemeente.toml"
    text = settings.read_text(encoding="utf-8")
    assert '# website = "https://www.gemeente.nl"' in text
    settings.write_text(
        text.replace('# website = "https://www.gemeente.nl"', 'website = "https://www.testdorp.example"')
    )
    url = f"sqlite:///{(tmp_path / 'r.db').as_posix()}"
    m01 = catalog_or_exit(base_root()).quizzes["m01"]
    with Store.open(url) as store:
        store.upsert_employees([Employee("E1", "Anna", "Burgerzaken", (), "anna@gemeente.example")])
        store.record_attempts([NewAttempt.scored("E1", m01, at("2025-03-01T10:00"), "test", {})], versions={"m01": 2})
    capsysbinary.readouterr()
    for extra, site in (([], "https://www.testdorp.example"), (["--basis-url", BASE], BASE)):
        assert main(["--root", str(project), "export", "--xapi", "--db", url, *extra]) == 0
        statements = lines(capsysbinary.readouterr().out.decode("utf-8"))
        assert [s["verb"]["id"] for s in statements] == [ADL + "failed", ADL + "completed"]
        for statement in statements:
            check_statement(statement)
            assert statement["actor"]["account"] == {"homePage": "https://www.testdorp.example", "name": "E1"}
            assert statement["object"]["id"] == f"{site}/modules/m01-wat-is-ai.html"
            assert statement["context"]["extensions"] == {f"{site}/xapi/moduleversie": 2}
