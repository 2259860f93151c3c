"""From personal link to HR record, in a real browser against the real server (the toets site)."""

from __future__ import annotations

import itertools
import re
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


def test_employee_opens_personal_link_takes_the_toets_and_result_is_saved(browser, toets_server):
    """Toets mode: start, answer, submit; only then the feedback, and the attempt is in the store."""
    quiz = CATALOG.quizzes["m01"]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(_link(toets_server.url, "E2"))
        assert "sleutel" not in page.url  # the key left the address bar, so it is not shared by copying
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Bram Jansen")  # signed in (a cookie)
        page.goto(toets_server.url + MODULE_PAGE)
        expect(page.locator(".gl-opslag-uitleg")).to_contain_text("Je resultaat wordt opgeslagen")
        assert page.locator(".gl-toets .gl-vraag").count() == 0  # no question before the attempt starts
        with Store.open(toets_server.db_url) as store:
            before = len(store.attempts_of("E2"))
        page.get_by_role("button", name="Start de toets").click()
        questions = page.locator(".gl-toets .gl-vraag")
        expect(questions).to_have_count(len(quiz.questions))
        assert page.locator(".gl-toets .gl-feedback:not(:empty)").count() == 0  # no feedback yet
        answers: dict[str, list[str]] = {}
        for index, question in enumerate(quiz.questions):
            wrong = [key for key in question.options if key not in question.correct][:1]
            keys = list(question.correct) if index % 3 else wrong
            answers[question.id] = keys
            for key in keys:
                page.locator(f"#toets-{question.id}-{key}").check()
        page.get_by_role("button", name="Lever de toets in").click()
        expected = score_quiz(quiz, answers)
        saved = page.locator(".gl-uitslag .gl-opslag-gelukt")
        expect(saved).to_have_text("Je resultaat is opgeslagen voor Bram Jansen.")
        assert page.locator(".gl-uitslag").get_attribute("role") == "status"  # announced to screen readers
        first, second = questions.nth(0), questions.nth(1)
        expect(first.locator(".gl-oordeel")).to_have_text("Niet goed.")
        expect(second.locator(".gl-oordeel")).to_have_text("Goed!")
        expect(first.locator(".gl-feedback")).to_contain_text("Juiste antwoord")
        expect(first.locator(".gl-feedback")).to_contain_text(quiz.questions[0].explanation[:40])
        expect(first.locator(".gl-feedback a.gl-artikel").first).to_have_attribute("href", re.compile("eur-lex"))
        with Store.open(toets_server.db_url) as store:
            attempts = store.attempts_of("E2")
        assert len(attempts) == before + 1
        assert attempts[-1].score_percent == pytest.approx(expected.score_percent)
        assert attempts[-1].source == "toets"
    finally:
        context.close()


def test_without_personal_link_the_toets_says_who_to_ask(browser, toets_server):
    page = browser.new_page()
    try:
        page.goto(toets_server.url + MODULE_PAGE)
        page.get_by_role("button", name="Start de toets").click()
        expect(page.locator(".gl-toets-melding")).to_contain_text("persoonlijke link")
        assert page.locator(".gl-toets .gl-vraag").count() == 0
    finally:
        page.close()


def test_without_javascript_the_toets_page_says_it_needs_javascript_or_paper(browser, toets_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(toets_server.url + MODULE_PAGE)
        expect(page.locator(".gl-toets-zonder-script")).to_have_text(
            "Voor deze toets is JavaScript nodig. Zet JavaScript aan in je browser, of vraag je trainer om een "
            "papieren toets."
        )
    finally:
        context.close()


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
