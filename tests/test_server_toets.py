"""The toets API of ``geletterdheid serve`` (a site built in toets mode), against the real server process.

Start an attempt, submit it, submit it again; the limits per day, the cool-down, expiry; the
trainer handbooks at /trainer/. Each test takes its own quiz, so the cool-down of one test does
not stand in the way of the next.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.quiz.scoring import score_quiz
from geletterdheid.records.store import Store
from geletterdheid.server.identity import make_token
from geletterdheid.server.toets import Ticket, attempt_id
from geletterdheid.site_mode import mode_file_text
from repo_paths import REPO
from server_support import HR_TOKEN, SECRET, postgres_schema_url, running_server, server_env

CATALOG = catalog_or_exit(REPO)
TRAINER_TOKEN = "test-trainer-token-0123456789"
TRAINER_PDF = b"%PDF-1.7 trainer met antwoorden"


def auth(employee_id: str = "E1") -> dict[str, str]:
    token = make_token(SECRET.encode(), employee_id, int(time.time()) + 3600)
    return {"Authorization": f"Bearer {token}"}


def toets_stub_site(folder: Path) -> Path:
    """What the server needs of a toets site: its pages and the file that says it is a toets site.

    An old practice build left a trainer handbook in the site; the build's pdf folder has one too.
    """
    site = folder / "html"
    (site / "handboeken").mkdir(parents=True)
    (site / "index.html").write_text("<!DOCTYPE html><html lang='nl'><title>toets</title></html>", encoding="utf-8")
    (site / "geletterdheid-modus.json").write_text(mode_file_text("/api/pogingen"), encoding="utf-8")
    (site / "handboeken" / "trainer-inkoper.pdf").write_bytes(TRAINER_PDF)
    (folder / "pdf").mkdir()
    (folder / "pdf" / "trainer-inkoper.pdf").write_bytes(TRAINER_PDF)
    return site


def _new_store(folder: Path) -> str:
    from server_support import new_store_url

    return new_store_url(folder)


@pytest.fixture(scope="module")
def toets_api(tmp_path_factory):
    """The server with the default rules: 3 attempts per quiz per day, 10 minutes cool-down."""
    folder = tmp_path_factory.mktemp("toets-api")
    site = toets_stub_site(folder)
    env = server_env(GELETTERDHEID_TRAINER_TOKEN=TRAINER_TOKEN)
    with running_server(site, _new_store(folder), env=env) as server:
        yield server


def start(server, quiz_id: str, employee_id: str = "E1") -> httpx.Response:
    return httpx.post(server.url + "api/pogingen/start", json={"quiz": quiz_id}, headers=auth(employee_id), timeout=30)


def submit(server, attempt: str, answers: dict, employee_id: str = "E1") -> httpx.Response:
    return httpx.post(
        server.url + f"api/pogingen/{attempt}", json={"antwoorden": answers}, headers=auth(employee_id), timeout=30
    )


def counts(server) -> tuple[int, int]:
    """(attempts, submitted toets attempts) in the store."""
    with Store.open(server.db_url) as store, store.engine.connect() as connection:
        sessions = connection.exec_driver_sql("SELECT count(*) FROM attempt_sessions").scalar_one()
        return store.counts()["attempts"], sessions


def test_start_hands_out_questions_without_answers_or_uitleg(toets_api):
    quiz = CATALOG.quizzes["m01"]
    response = start(toets_api, "m01")
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"poging", "quiz", "drempel", "verloopt", "vragen"}
    assert [q["id"] for q in body["vragen"]] == [q.id for q in quiz.questions]
    text = response.text
    for question in quiz.questions:
        assert question.explanation[:40] not in text  # no uitleg
    for shown, question in zip(body["vragen"], quiz.questions, strict=True):
        assert set(shown) == {"id", "type", "hint", "casus", "vraag", "opties"}  # no 'juist'
        assert sorted(option["sleutel"] for option in shown["opties"]) == sorted(question.options)
        # labelled by the position shown, so the letters do not undo the shuffle
        if question.type != "juist-onwaar":
            assert [option["tekst"][:2] for option in shown["opties"]] == [
                f"{letter}." for letter in "ABCDEFGH"[: len(question.options)]
            ]


def test_options_are_shuffled_per_attempt(toets_api):
    """Over a few attempts the options of a question come in more than one order."""
    orders = set()
    for _ in range(6):  # start without submitting: only submissions count for the limits
        body = start(toets_api, "m02").json()
        orders.add(tuple(option["sleutel"] for option in body["vragen"][0]["opties"]))
    assert len(orders) > 1


def test_submission_gets_feedback_once_and_a_second_submission_the_same_answer(toets_api):
    quiz = CATALOG.quizzes["m03"]
    before = counts(toets_api)
    attempt = start(toets_api, "m03").json()["poging"]
    answers = {quiz.questions[0].id: list(quiz.questions[0].correct)}
    first = submit(toets_api, attempt, answers)
    assert first.status_code == 201
    body = first.json()
    expected = score_quiz(quiz, answers)  # scored on the server, with the same code as the imports
    assert body["score"] == pytest.approx(expected.score_percent) and body["geslaagd"] is expected.passed
    assert body["bericht"] == "Je resultaat is opgeslagen voor Anna de Vries."
    feedback = {item["vraag"]: item for item in body["feedback"]}
    one = quiz.questions[0]
    assert feedback[one.id]["uitkomst"] == "goed" and feedback[one.id]["juist"] == one.correct
    assert feedback[one.id]["uitleg"] and feedback[one.id]["bronnen"][0]["url"].startswith("https://eur-lex")
    assert counts(toets_api) == (before[0] + 1, before[1] + 1)
    # the same attempt again, even with other answers (a retry, a double click): same answer, no row
    again = submit(toets_api, attempt, {quiz.questions[0].id: []})
    assert again.status_code == 200
    assert again.json() == body
    assert counts(toets_api) == (before[0] + 1, before[1] + 1)
    with Store.open(toets_api.db_url) as store:
        stored = store.attempts_of("E1")[-1]
    assert (stored.quiz_id, stored.source, stored.score_percent) == ("m03", "toets", expected.score_percent)


def test_retries_at_the_same_moment_are_counted_once(toets_api):
    attempt = start(toets_api, "m04", "E2").json()["poging"]
    before = counts(toets_api)
    with ThreadPoolExecutor(12) as pool:
        responses = list(pool.map(lambda _: submit(toets_api, attempt, {}, "E2"), range(12)))
    assert sorted(response.status_code for response in responses) == [200] * 11 + [201]
    assert len({response.text for response in responses}) == 1
    assert counts(toets_api) == (before[0] + 1, before[1] + 1)


def test_after_a_submission_the_cool_down_holds_and_older_attempts_are_void(toets_api):
    old = start(toets_api, "m05").json()["poging"]
    current = start(toets_api, "m05").json()["poging"]
    assert submit(toets_api, current, {}).status_code == 201
    again = start(toets_api, "m05")
    assert again.status_code == 429
    assert "over 10 minuten kun je opnieuw beginnen" in again.json()["fout"]
    assert 590 <= int(again.headers["retry-after"]) <= 601
    before = counts(toets_api)
    late = submit(toets_api, old, {})  # started before: the feedback just given would answer it
    assert late.status_code == 409
    assert "telt niet meer" in late.json()["fout"]
    assert counts(toets_api) == before


def test_an_attempt_of_someone_else_or_forged_or_expired_is_refused(toets_api):
    before = counts(toets_api)
    attempt = start(toets_api, "m06", "E2").json()["poging"]
    other = submit(toets_api, attempt, {}, "E1")
    assert other.status_code == 403 and "van iemand anders" in other.json()["fout"]
    body, _, signature = attempt.partition(".")
    forged = submit(toets_api, f"{body}.{signature[::-1]}", {}, "E2")
    assert forged.status_code == 404 and "bestaat niet" in forged.json()["fout"]
    started = dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)
    expired_ticket = Ticket("verlopen-poging-1", "E2", "m06", started, started + dt.timedelta(hours=2))
    expired = submit(toets_api, attempt_id(SECRET.encode(), expired_ticket), {}, "E2")
    assert expired.status_code == 410 and "verlopen" in expired.json()["fout"]
    assert counts(toets_api) == before


@pytest.mark.parametrize(
    ("raw", "status", "message"),
    [
        (b"{", 400, "geen geldige JSON"),
        (b'{"antwoorden": {"m07-q01": "b"}}', 422, "moeten een lijst van teksten zijn"),
        (b'{"antwoorden": {}, "score": 100}', 422, "de server berekent de score zelf"),
        (b'{"antwoorden": {"m01-q01": ["b"]}}', 422, "hoort niet bij de toets"),
        (b'{"antwoorden": {"m07-q01": ["z"]}}', 422, "Onbekend antwoord 'z'"),
    ],
)
def test_bad_submissions_get_a_dutch_message_and_nothing_is_stored(toets_api, raw, status, message):
    attempt = start(toets_api, "m07", "E2").json()["poging"]
    before = counts(toets_api)
    response = httpx.post(
        toets_api.url + f"api/pogingen/{attempt}",
        content=raw,
        headers={"Content-Type": "application/json", **auth("E2")},
        timeout=30,
    )
    assert response.status_code == status
    assert message in response.json()["fout"]
    assert counts(toets_api) == before


@pytest.mark.parametrize("path", ["api/pogingen/start", "api/pogingen/PLACEHOLDER"])
def test_an_oversized_body_is_a_413_with_a_dutch_message_not_a_server_fault(toets_api, path):
    if "PLACEHOLDER" in path:
        path = path.replace("PLACEHOLDER", start(toets_api, "m07", "E2").json()["poging"])
    before = counts(toets_api)
    big = b'{"quiz": "' + b"m" * (2 * 1024 * 1024) + b'"}'
    response = httpx.post(
        toets_api.url + path, content=big, headers={"Content-Type": "application/json", **auth("E2")}, timeout=30
    )
    assert response.status_code == 413
    assert "te groot" in response.json()["fout"]
    assert counts(toets_api) == before


def test_start_needs_a_known_employee_and_quiz(toets_api):
    nobody = httpx.post(toets_api.url + "api/pogingen/start", json={"quiz": "m01"}, timeout=30)
    assert nobody.status_code == 401 and "persoonlijke link" in nobody.json()["fout"]
    unknown = start(toets_api, "m99")
    assert unknown.status_code == 422 and unknown.json()["fout"] == "Onbekende toets 'm99'."
    stranger = start(toets_api, "m01", "E404")
    assert stranger.status_code == 403 and "personeelslijst" in stranger.json()["fout"]


def test_a_toets_site_refuses_loose_answers(toets_api):
    """The practice API would score loose answers and show every right answer: closed on a toets site."""
    before = counts(toets_api)
    response = httpx.post(
        toets_api.url + "api/pogingen", json={"quiz": "m01", "antwoorden": {}}, headers=auth(), timeout=30
    )
    assert response.status_code == 409
    assert "toetssite" in response.json()["fout"]
    assert counts(toets_api) == before


def test_the_server_says_it_serves_a_toets_site_with_its_rules(toets_api):
    assert any(
        line.startswith("Toetssite: pogingen 3 per toets per dag, 10 minuten wachten") for line in toets_api.output
    )


def test_the_daily_limit(tmp_path):
    site = toets_stub_site(tmp_path)
    with running_server(site, _new_store(tmp_path), "--toets-per-dag", "2", "--toets-wachttijd", "0") as server:
        for _ in range(2):
            assert submit(server, start(server, "m01").json()["poging"], {}).status_code == 201
        third = start(server, "m01")
        assert third.status_code == 429
        assert third.json()["fout"].startswith("Je hebt deze toets vandaag al 2 keer gemaakt")
        assert start(server, "m02").status_code == 201  # per quiz


def test_trainer_handbooks_only_with_a_trainer_or_hr_token(toets_api):
    url = toets_api.url + "trainer/trainer-inkoper.pdf"
    anonymous = httpx.get(url, timeout=30)
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Basic")  # the browser asks for the token
    assert "Alleen voor trainers" in anonymous.text
    assert httpx.get(url, auth=("trainer", "fout-token-0123456789"), timeout=30).status_code == 401
    for token in (TRAINER_TOKEN, HR_TOKEN):
        response = httpx.get(url, auth=("trainer", token), timeout=30)
        assert response.status_code == 200 and response.content == TRAINER_PDF
    bearer = httpx.get(url, headers={"Authorization": f"Bearer {TRAINER_TOKEN}"}, timeout=30)
    assert bearer.status_code == 200
    listing = httpx.get(toets_api.url + "trainer/", auth=("t", TRAINER_TOKEN), timeout=30)
    assert 'href="trainer-inkoper.pdf"' in listing.text
    # not through the site, not outside the folder
    for spelling in (
        "handboeken/trainer-inkoper.pdf",
        "handboeken//trainer-inkoper.pdf",
        "handboeken/./Trainer-inkoper.pdf",
    ):
        assert httpx.get(toets_api.url + spelling, timeout=30).status_code == 404, spelling
    outside = httpx.get(toets_api.url + "trainer/..%2Fhtml%2Findex.html", auth=("t", TRAINER_TOKEN), timeout=30)
    assert outside.status_code == 404


def test_submitted_once_on_postgresql(tmp_path):
    site = toets_stub_site(tmp_path)
    with postgres_schema_url() as db_url, running_server(site, db_url) as server:
        attempt = start(server, "m01").json()["poging"]
        with ThreadPoolExecutor(8) as pool:
            responses = list(pool.map(lambda _: submit(server, attempt, {}), range(8)))
        assert sorted(response.status_code for response in responses) == [200] * 7 + [201]
        assert counts(server) == (1, 1)
        assert json.loads(responses[0].text)["medewerker"] == "Anna de Vries"


def test_forgetting_an_employee_erases_their_toets_results_too(tmp_path):
    """The stored result holds the name and the answers: erased with the employee (AVG art. 17)."""
    site = toets_stub_site(tmp_path)
    with running_server(site, _new_store(tmp_path)) as server:
        assert submit(server, start(server, "m01", "E2").json()["poging"], {}, "E2").status_code == 201
        assert counts(server) == (1, 1)
        with Store.open(server.db_url) as store:
            assert store.forget("E2") is not None
        assert counts(server) == (0, 0)


def test_two_server_processes_on_postgresql_count_a_retried_attempt_once(tmp_path):
    """A retry may reach another server process (several behind one proxy): still one attempt."""
    site = toets_stub_site(tmp_path)
    with postgres_schema_url() as db_url, running_server(site, db_url) as first, running_server(site, db_url) as second:
        for round_ in range(5):
            attempt = start(first, f"m0{round_ + 1}").json()["poging"]
            with ThreadPoolExecutor(8) as pool:
                servers = [first, second] * 4
                responses = list(pool.map(submit, servers, [attempt] * 8, [{}] * 8))
            assert sorted(response.status_code for response in responses) == [200] * 7 + [201]
            assert len({response.text for response in responses}) == 1
        assert counts(first) == (5, 5)
