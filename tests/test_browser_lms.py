"""The LMS packages in a real browser: the SCORM 1.2 SCO against a stub LMS API, the cmi5 AU against a
stub LRS on localhost, and the packaged JavaScript's scoring against quiz/scoring.py."""

from __future__ import annotations

import contextlib
import dataclasses
import http.server
import json
import random
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from browser_support import serve_directory, serve_handler
from geletterdheid.content import catalog_or_exit
from geletterdheid.content.model import Question
from geletterdheid.exports.cmi5 import au_id, write_cmi5
from geletterdheid.exports.scorm12 import write_scorm12
from geletterdheid.quiz.scoring import score_quiz
from repo_paths import REPO

pytestmark = pytest.mark.browser

#: The frame around the SCO: an LMS's API object in the parent window that records every call.
WRAPPER = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>LMS</title><script>
window.calls = [];
window.store = {"cmi.core.lesson_status": "not attempted", "cmi.suspend_data": SUSPEND};
function record(name, args, result) { window.calls.push([name].concat(args)); return result; }
window.API = {
  LMSInitialize: function (a) { return record("LMSInitialize", [a], "true"); },
  LMSFinish: function (a) { return record("LMSFinish", [a], "true"); },
  LMSGetValue: function (k) { return record("LMSGetValue", [k], window.store[k] || ""); },
  LMSSetValue: function (k, v) { window.store[k] = v; return record("LMSSetValue", [k, v], "true"); },
  LMSCommit: function (a) { return record("LMSCommit", [a], "true"); },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head><body><iframe id="sco" title="Module" src="PACKAGE/index.html" width="900" height="700"></iframe>
</body></html>"""


@pytest.fixture(scope="module")
def catalog():
    return catalog_or_exit(REPO)


@pytest.fixture(scope="module")
def scorm_root(catalog, tmp_path_factory) -> Path:
    """Every module's SCORM package, unzipped into its own folder."""
    root = tmp_path_factory.mktemp("scorm")
    for package in write_scorm12(catalog, list(catalog.quizzes), root / "zips", "alle-modules"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(root / package.stem)
    return root


def _wrong_keys(question: Question) -> list[str]:
    """One wrong option; where every option is right (a meervoudig question), one right one: partial credit."""
    wrong = [key for key in question.options if key not in question.correct]
    return wrong[:1] or question.correct[:1]


def _answer(frame, question: Question, keys: list[str]) -> None:
    for key in keys:
        frame.locator(f'.gl-vraag[data-vraag="{question.id}"] input[value="{key}"]').check()


def _run_sco(browser, root: Path, module_id: str, answers: dict[str, list[str]], suspend: str = "") -> list[list[str]]:
    (root / f"wrapper-{module_id}.html").write_text(
        WRAPPER.replace("PACKAGE", f"{module_id}-scorm12").replace("SUSPEND", json.dumps(suspend)), encoding="utf-8"
    )
    page = browser.new_page()
    try:
        with serve_directory(root) as base:
            page.goto(f"{base}wrapper-{module_id}.html")
            frame = page.frame_locator("#sco")
            frame.locator("form.gl-toets button[type=submit]").wait_for()
            for question_id, keys in answers.items():
                for key in keys:
                    frame.locator(f'.gl-vraag[data-vraag="{question_id}"] input[value="{key}"]').check()
            frame.locator("form.gl-toets button[type=submit]").click()
            frame.locator("#gl-uitslag p").first.wait_for()
            page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the learner leaves: pagehide
            page.wait_for_function("window.calls.some(function (c) { return c[0] === 'LMSFinish'; })")
            page.wait_for_timeout(200)  # a second LMSFinish (beforeunload after pagehide) would be here by now
            calls: list[list[str]] = page.evaluate("window.calls")
    finally:
        page.close()
    return calls


def _last_set(calls: list[list[str]], key: str) -> str:
    values = [call[2] for call in calls if call[0] == "LMSSetValue" and call[1] == key]
    assert values, f"{key} was never set"
    return values[-1]


def _check_session(calls: list[list[str]]) -> None:
    names = [call[0] for call in calls]
    assert names[0] == "LMSInitialize" and calls[0][1] == ""
    assert names.count("LMSInitialize") == 1
    assert names.count("LMSFinish") == 1, names
    assert names[-1] == "LMSFinish"
    assert "LMSCommit" in names
    assert _last_set(calls, "cmi.core.score.min") == "0"
    assert _last_set(calls, "cmi.core.score.max") == "100"
    session_time = _last_set(calls, "cmi.core.session_time")
    assert len(session_time) == 13 and session_time[4] == ":" and session_time[7] == ":", session_time
    assert len(_last_set(calls, "cmi.suspend_data")) < 4096
    keys = {call[1] for call in calls if call[0] in ("LMSSetValue", "LMSGetValue")}
    assert all(key.startswith(("cmi.core.", "cmi.suspend_data")) for key in keys), keys


def test_every_package_passes_when_all_answers_are_right(browser, catalog, scorm_root):
    for module_id, quiz in catalog.quizzes.items():
        answers = {q.id: list(q.correct) for q in quiz.questions}
        calls = _run_sco(browser, scorm_root, module_id, answers)
        _check_session(calls)
        assert _last_set(calls, "cmi.core.lesson_status") == "passed", module_id
        assert float(_last_set(calls, "cmi.core.score.raw")) == 100, module_id
        assert _last_set(calls, "cmi.core.exit") == "", module_id


def test_every_package_fails_with_the_python_score_when_half_is_wrong(browser, catalog, scorm_root):
    for module_id, quiz in catalog.quizzes.items():
        half = len(quiz.questions) // 2 + 1  # more than half wrong: below any pass mark of 50% or more
        answers = {q.id: (_wrong_keys(q) if i < half else list(q.correct)) for i, q in enumerate(quiz.questions)}
        expected = score_quiz(quiz, answers)
        calls = _run_sco(browser, scorm_root, module_id, answers)
        _check_session(calls)
        status = _last_set(calls, "cmi.core.lesson_status")
        assert status == ("passed" if expected.passed else "failed"), module_id
        assert status == "failed", f"{module_id}: {expected.score_percent}% should fail at {quiz.pass_mark}%"
        assert float(_last_set(calls, "cmi.core.score.raw")) == pytest.approx(expected.score_percent, abs=0.005)


def test_unanswered_questions_keep_the_status_incomplete(browser, catalog, scorm_root):
    quiz = catalog.quizzes["m01"]
    first = quiz.questions[0]
    calls = _run_sco(browser, scorm_root, "m01", {first.id: list(first.correct)})
    assert _last_set(calls, "cmi.core.lesson_status") == "incomplete"
    assert _last_set(calls, "cmi.core.exit") == "suspend"  # the LMS keeps the answers for next time
    assert _last_set(calls, "cmi.suspend_data") == f"{first.id}:{','.join(first.correct)}"


def test_a_returning_learner_finds_the_chosen_answers_back(browser, catalog, scorm_root):
    quiz = catalog.quizzes["m01"]
    saved = ";".join(f"{q.id}:{','.join(q.correct)}" for q in quiz.questions)
    calls = _run_sco(browser, scorm_root, "m01", {}, suspend=saved)  # only clicks 'Controleer'
    assert _last_set(calls, "cmi.core.lesson_status") == "passed"


def test_without_an_lms_it_is_a_practice_quiz(browser, catalog, scorm_root):
    quiz = catalog.quizzes["m01"]
    page = browser.new_page()
    try:
        with serve_directory(scorm_root) as base:
            page.goto(f"{base}m01-scorm12/index.html")
            assert "geen leeromgeving" in page.locator("#gl-modus").inner_text()
            for question in quiz.questions:
                _answer(page, question, list(question.correct))
            page.locator("form.gl-toets button[type=submit]").click()
            assert "gehaald" in page.locator("#gl-uitslag").inner_text()
            assert page.locator(".gl-oordeel").first.inner_text() == "Goed!"
            assert page.locator(".gl-uitleg").first.is_visible()
    finally:
        page.close()


def test_the_javascript_scores_as_quiz_scoring_does(browser, catalog, scorm_root):
    """Random answers (right, wrong, several, none) on every question of every quiz: same score, same verdict."""
    chance = random.Random(17)
    cases = []
    for quiz in catalog.quizzes.values():
        for _ in range(40):
            answers = {}
            for question in quiz.questions:
                keys = list(question.options)
                answers[question.id] = sorted(chance.sample(keys, chance.randint(0, len(keys))))
            result = score_quiz(quiz, answers)
            cases.append(
                {
                    "questions": [
                        {"type": q.type, "correct": q.correct, "chosen": answers[q.id]} for q in quiz.questions
                    ],
                    "passMark": quiz.pass_mark,
                    "percent": result.score_percent,
                    "passed": result.passed,
                    "perQuestion": list(result.per_question.values()),
                }
            )
    page = browser.new_page()
    try:
        with serve_directory(scorm_root) as base:
            page.goto(f"{base}m01-scorm12/index.html")
            mismatches = page.evaluate(
                """(cases) => {
                  const lms = window.geletterdheidLms;
                  const bad = [];
                  cases.forEach((c, i) => {
                    const scores = c.questions.map(q => lms.scoreQuestion(q.type, q.correct, q.chosen));
                    const percent = lms.quizPercent(scores, scores.length);
                    const same = scores.every((s, j) => Math.abs(s - c.perQuestion[j]) < 1e-12);
                    if (!same || percent !== c.percent || lms.isPassed(percent, c.passMark) !== c.passed) {
                      bad.push({case: i, js: percent, python: c.percent});
                    }
                  });
                  return bad;
                }""",
                cases,
            )
    finally:
        page.close()
    assert len(cases) == 40 * len(catalog.quizzes)
    assert mismatches == []


def test_the_launch_page_has_no_wcag_violations(browser, catalog, scorm_root):
    """axe-core over the page with its feedback open, as a learner sees it after checking."""
    from axe_playwright_python.sync_playwright import Axe

    from browser_support import WCAG_TAGS

    quiz = catalog.quizzes["m02"]
    page = browser.new_page()
    try:
        with serve_directory(scorm_root) as base:
            page.goto(f"{base}m02-scorm12/index.html")
            for question in quiz.questions[1:]:
                _answer(page, question, _wrong_keys(question))
            page.keyboard.press("Tab")
            page.locator("form.gl-toets button[type=submit]").focus()
            page.keyboard.press("Enter")  # the keyboard alone submits the quiz
            assert "nog niet alle vragen" in page.locator("#gl-uitslag").inner_text()
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    finally:
        page.close()
    assert [v["id"] for v in results.response["violations"]] == []


def _drawn_package(catalog, tmp_path: Path, draw: int):
    """m01's SCORM package with its quiz set to draw ``draw`` questions per attempt (trekken)."""
    quiz = catalog.quizzes["m01"].model_copy(update={"draw": draw})
    drawing = dataclasses.replace(catalog, quizzes={**catalog.quizzes, "m01": quiz})
    for package in write_scorm12(drawing, ["m01"], tmp_path / "zips", "m01"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(tmp_path / package.stem)
    return quiz


def _drawn_attempt(browser, root: Path, quiz, answer, suspend: str = "") -> tuple[list[str], list[str], list]:
    """One visit: (the question ids shown, their numbers, the API calls); ``answer`` picks keys per question."""
    (root / "wrapper-m01.html").write_text(
        WRAPPER.replace("PACKAGE", "m01-scorm12").replace("SUSPEND", json.dumps(suspend)), encoding="utf-8"
    )
    by_id = {q.id: q for q in quiz.questions}
    page = browser.new_page()
    try:
        with serve_directory(root) as base:
            page.goto(f"{base}wrapper-m01.html")
            frame = page.frame_locator("#sco")
            frame.locator("form.gl-toets button[type=submit]").wait_for()
            shown = frame.locator(".gl-vraag:not([hidden])")
            ids = [shown.nth(i).get_attribute("data-vraag") or "" for i in range(shown.count())]
            numbers = [shown.nth(i).locator(".gl-nummer").inner_text() for i in range(shown.count())]
            for question_id in ids:
                for key in answer(by_id[question_id]):
                    frame.locator(f'.gl-vraag[data-vraag="{question_id}"] input[value="{key}"]').check()
            frame.locator("form.gl-toets button[type=submit]").click()
            frame.locator("#gl-uitslag p").first.wait_for()
            page.evaluate("document.getElementById('sco').src = 'about:blank'")
            page.wait_for_function("window.calls.some(function (c) { return c[0] === 'LMSFinish'; })")
            calls = page.evaluate("window.calls")
    finally:
        page.close()
    return ids, numbers, calls


def test_a_drawn_quiz_shows_that_many_questions_keeps_the_draw_and_scores_only_those(browser, catalog, tmp_path):
    quiz = _drawn_package(catalog, tmp_path, draw=4)
    assert len(quiz.questions) > 4
    page_text = (tmp_path / "m01-scorm12" / "index.html").read_text(encoding="utf-8")
    assert f"Je krijgt 4 van de {len(quiz.questions)} vragen" in page_text

    ids, numbers, calls = _drawn_attempt(browser, tmp_path, quiz, lambda q: list(q.correct))
    assert len(ids) == len(set(ids)) == 4 and numbers == ["Vraag 1.", "Vraag 2.", "Vraag 3.", "Vraag 4."]
    _check_session(calls)
    assert _last_set(calls, "cmi.core.lesson_status") == "passed"
    assert float(_last_set(calls, "cmi.core.score.raw")) == 100  # over the four shown, not all questions
    saved = _last_set(calls, "cmi.suspend_data")
    assert saved.startswith(f"trek={','.join(ids)}|")

    # Back in the same attempt: the same questions; one of them wrong scores as quiz.scoring does on the four.
    def one_wrong(question):
        return _wrong_keys(question) if question.id == ids[0] else list(question.correct)

    again, _, calls = _drawn_attempt(browser, tmp_path, quiz, one_wrong, suspend=saved.split("|")[0] + "|")
    assert again == ids
    drawn = quiz.model_copy(update={"questions": [q for q in quiz.questions if q.id in ids], "draw": None})
    expected = score_quiz(drawn, {q.id: one_wrong(q) for q in drawn.questions})
    assert float(_last_set(calls, "cmi.core.score.raw")) == pytest.approx(expected.score_percent, abs=0.005)

    # A new attempt (nothing saved) draws again: over a few attempts not always the same four.
    draws = {tuple(_drawn_attempt(browser, tmp_path, quiz, lambda q: [])[0]) for _ in range(4)}
    assert len(draws) > 1 and all(len(d) == 4 for d in draws)


# ---------- cmi5 ----------

TOKEN = "Z2VsZXR0ZXJkaGVpZDp0ZXN0"


class _Lrs:
    def __init__(self) -> None:
        self.statements: list[dict] = []
        self.authorizations: list[str | None] = []
        self.fetches = 0


def _lrs_handler(lrs: _Lrs, directory: Path, mastery: float, mode: str):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        def log_message(self, format, *args):
            pass

        def _json(self, status: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            path = urlparse(self.path).path
            if path == "/fetch":
                lrs.fetches += 1
                self._json(200, {"auth-token": TOKEN})
            elif path == "/lrs/statements":
                lrs.authorizations.append(self.headers.get("Authorization"))
                lrs.statements.append(json.loads(body))
                self._json(200, [lrs.statements[-1]["id"]])
            else:
                self._json(404, {})

        def do_GET(self):
            parsed = urlparse(self.path)
            if parsed.path == "/lrs/activities/state":
                query = parse_qs(parsed.query)
                assert query["stateId"] == ["LMS.LaunchData"]
                self._json(
                    200,
                    {
                        "contextTemplate": {
                            "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "sessie-1"}
                        },
                        "launchMode": mode,
                        "moveOn": "CompletedAndPassed",
                        "masteryScore": mastery,
                    },
                )
                return
            super().do_GET()

    return Handler


@contextlib.contextmanager
def _serve_lrs(lrs: _Lrs, directory: Path, mastery: float, mode: str) -> Iterator[str]:
    with serve_handler(_lrs_handler(lrs, directory, mastery, mode)) as base:
        yield base


@pytest.mark.parametrize(
    ("right", "mode"),
    [(True, "Normal"), (False, "Normal"), (True, "Browse")],
    ids=["alles-goed", "helft-fout", "bladeren"],
)
def test_the_cmi5_au_sends_the_cmi5_statements(browser, catalog, tmp_path, right, mode):
    module_id = "m02"
    quiz = catalog.quizzes[module_id]
    (package,) = write_cmi5(catalog, [module_id], tmp_path, module_id)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path / "pakket")
    half = len(quiz.questions) // 2 + 1
    answers = {q.id: (list(q.correct) if right or i >= half else _wrong_keys(q)) for i, q in enumerate(quiz.questions)}
    expected = score_quiz(quiz, answers)
    actor = {"objectType": "Agent", "account": {"homePage": "http://127.0.0.1", "name": "medewerker-7"}}
    registration = "6a5e6c2e-3f1b-4a55-9e3e-1d2c3b4a5f60"
    activity = au_id(catalog, module_id)
    lrs = _Lrs()
    page = browser.new_page()
    try:
        with _serve_lrs(lrs, tmp_path / "pakket", quiz.pass_mark / 100, mode) as base:
            query = urlencode(
                {
                    "endpoint": f"{base}lrs/",
                    "fetch": f"{base}fetch",
                    "actor": json.dumps(actor),
                    "registration": registration,
                    "activityId": activity,
                }
            )
            page.goto(f"{base}{module_id}/index.html?{query}")
            for question_id, keys in answers.items():
                for key in keys:
                    page.locator(f'.gl-vraag[data-vraag="{question_id}"] input[value="{key}"]').check()
            deadline = time.monotonic() + 10
            while not lrs.statements and time.monotonic() < deadline:  # initialized: the launch data is read
                page.wait_for_timeout(50)
            page.locator("form.gl-toets button[type=submit]").click()
            if mode == "Normal":
                page.get_by_text("Je resultaat is opgeslagen in je leeromgeving.").wait_for()
            page.goto("about:blank")  # the learner leaves: terminated
            deadline = time.monotonic() + 10
            while lrs.statements[-1]["verb"]["id"].endswith("terminated") is False and time.monotonic() < deadline:
                time.sleep(0.05)
    finally:
        page.close()
    verbs = [s["verb"]["id"].rsplit("/", 1)[1] for s in lrs.statements]
    if mode != "Normal":  # Browse: no completed, passed or failed
        assert verbs == ["initialized", "terminated"]
        return
    assert verbs == ["initialized", "completed", "passed" if right else "failed", "terminated"]
    assert lrs.fetches == 1
    assert set(lrs.authorizations) == {f"Basic {TOKEN}"}
    for statement in lrs.statements:
        assert statement["actor"] == actor
        assert statement["object"]["id"] == activity
        assert statement["context"]["registration"] == registration
        assert statement["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] == (
            "sessie-1"
        )
        categories = [c["id"] for c in statement["context"]["contextActivities"]["category"]]
        assert "https://w3id.org/xapi/cmi5/context/categories/cmi5" in categories
    judged = lrs.statements[2]
    assert judged["result"]["score"]["scaled"] == pytest.approx(expected.score_percent / 100, abs=1e-4)
    assert judged["result"]["success"] is right is expected.passed
    assert judged["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == (
        quiz.pass_mark / 100
    )
    assert "https://w3id.org/xapi/cmi5/context/categories/moveon" in [
        c["id"] for c in judged["context"]["contextActivities"]["category"]
    ]
    assert lrs.statements[1]["result"]["completion"] is True
