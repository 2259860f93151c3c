"""From personal link to HR record, in a real browser against the real server."""

from __future__ import annotations

import itertools
import time

import pytest
from playwright.sync_api import expect

from geletterdheid.content import catalog_or_exit
from geletterdheid.content.model import Question
from geletterdheid.quiz.scoring import score_question, score_quiz
from geletterdheid.records.store import Store
from geletterdheid.server.identity import make_token
from repo_paths import REPO
from server_support import SECRET

pytestmark = pytest.mark.browser

CATALOG = catalog_or_exit(REPO)
MODULE_PAGE = "modules/m01-wat-is-ai.html"


def _link(site_url: str, employee_id: str) -> str:
    return f"{site_url}index.html#sleutel={make_token(SECRET.encode(), employee_id, int(time.time()) + 3600)}"


def test_employee_opens_personal_link_takes_quiz_and_result_is_saved(browser, live_server):
    quiz = CATALOG.quizzes["m01"]
    answers = {q.id: list(q.correct) if n % 3 else [next(iter(q.options))] for n, q in enumerate(quiz.questions)}
    expected = score_quiz(quiz, answers)
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(_link(live_server.url, "E2"))
        assert "sleutel" not in page.url  # the key left the address bar, so it is not shared by copying
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Bram Jansen")  # signed in (a cookie)
        page.goto(live_server.url + MODULE_PAGE)
        expect(page.locator(".gl-opslag-uitleg")).to_contain_text("wordt je resultaat opgeslagen")
        with Store.open(live_server.db_url) as store:
            before = len(store.attempts_of("E2"))
        for question_id, keys in answers.items():
            for key in keys:
                page.check(f"#{question_id}-{key}")
        page.get_by_role("button", name="Bekijk je score").click()
        saved = page.locator(".gl-opslag-gelukt")
        expect(saved).to_have_text("Je resultaat is opgeslagen voor Bram Jansen.")
        assert page.locator(".gl-uitslag").get_attribute("role") == "status"  # announced to screen readers
        with Store.open(live_server.db_url) as store:
            attempts = store.attempts_of("E2")
        assert len(attempts) == before + 1
        assert attempts[-1].score_percent == pytest.approx(expected.score_percent)
        assert attempts[-1].source == "web"
    finally:
        context.close()


def test_without_personal_link_the_employee_is_told_the_result_was_not_saved(browser, live_server):
    page = browser.new_page()
    try:
        page.goto(live_server.url + MODULE_PAGE)
        page.get_by_role("button", name="Bekijk je score").click()
        expect(page.locator(".gl-opslag-mislukt")).to_contain_text("Je resultaat is niet opgeslagen.")
        expect(page.locator(".gl-opslag-mislukt")).to_contain_text("persoonlijke link")
        assert page.locator(".gl-uitslag .gl-score-regel").inner_text().startswith("Je score is")  # still a self-test
    finally:
        page.close()


def _all_answers(question: Question) -> list[list[str]]:
    keys = list(question.options)
    if question.type != "meervoudig":
        return [[]] + [[key] for key in keys]
    return [list(chosen) for size in range(len(keys) + 1) for chosen in itertools.combinations(keys, size)]


def test_browser_feedback_scores_exactly_like_the_server(browser, live_server):
    """quiz.js gives instant feedback; the server's scoring.py decides. They must agree on every answer."""
    page = browser.new_page()
    try:
        page.goto(live_server.url + MODULE_PAGE)
        cases = [
            (question, chosen)
            for quiz in CATALOG.quizzes.values()
            for question in quiz.questions
            for chosen in _all_answers(question)
        ]
        browser_scores = page.evaluate(
            "cases => cases.map(c => window.geletterdheidQuiz.scoreQuestion(c.type, c.correct, c.chosen))",
            [{"type": q.type, "correct": q.correct, "chosen": chosen} for q, chosen in cases],
        )
        server_scores = [score_question(question, chosen) for question, chosen in cases]
        assert browser_scores == pytest.approx(server_scores)
        assert len(cases) > 50
    finally:
        page.close()
