"""The quiz in a real browser: keyboard only, instant feedback, total score, and without JavaScript."""

from __future__ import annotations

import math

import pytest
from playwright.sync_api import expect

from geletterdheid.content import catalog_or_exit
from repo_paths import REPO

pytestmark = pytest.mark.browser

_ACTIVE = """() => {
  const el = document.activeElement;
  const question = el.closest('.gl-vraag');
  const style = getComputedStyle(el);
  return {
    tag: el.tagName, type: el.type || null, value: el.value || null, checked: !!el.checked,
    text: (el.textContent || '').trim(), question: question ? question.dataset.vraag : null,
    inQuiz: !!el.closest('form.gl-quiz'),
    focusVisible: el.matches(':focus-visible'),
    indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
  };
}"""


def _dutch_percent(value: float) -> str:
    """How the page writes a score: rounded down to one decimal, decimal comma (66.67 -> '66,6%')."""
    return f"{math.floor(value * 10 + 1e-9) / 10:g}".replace(".", ",") + "%"


@pytest.fixture(scope="module")
def catalog():
    return catalog_or_exit(REPO)


def _module_url(site_url: str, catalog, module_id: str) -> str:
    return site_url + catalog.module_paths[module_id].relative_to(REPO).with_suffix(".html").as_posix()


class Keyboard:
    """Drives the page with key presses only and checks every focus stop in the quiz is visible."""

    def __init__(self, page):
        self.page = page
        self.invisible_focus: list[str] = []

    def active(self) -> dict:
        return self.page.evaluate(_ACTIVE)

    def press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        active = self.active()
        if active["inQuiz"] and not active["indicator"]:
            self.invisible_focus.append(f"{active['tag']} {active['value'] or active['text'][:40]}")
        return active

    def tab_until(self, wanted, limit: int = 400) -> dict:
        for _ in range(limit):
            active = self.press("Tab")
            if wanted(active):
                return active
        raise AssertionError("the keyboard never reached the expected element")


def test_quiz_can_be_completed_with_the_keyboard_only(browser, site_url, catalog):
    quiz = catalog.quizzes["m01"]
    page = browser.new_page()
    try:
        page.goto(_module_url(site_url, catalog, "m01"))
        keys = Keyboard(page)
        first = keys.press("Tab")
        assert first["tag"] == "A" and first["text"] == "Direct naar de inhoud"  # a skip link comes first
        for number, question in enumerate(quiz.questions, start=1):
            options = list(question.options)
            active = keys.tab_until(lambda a, q=question: a["question"] == q.id and a["tag"] == "INPUT")
            assert active["value"] == options[0]
            if question.type == "meervoudig":
                for index, key in enumerate(options):
                    assert active["type"] == "checkbox" and active["value"] == key
                    if key in question.correct:
                        active = keys.press("Space")
                        assert active["checked"]
                    if index < len(options) - 1:
                        active = keys.press("Tab")
            else:
                active = keys.press("Space")  # choose the first option, then arrow to the right one
                for _ in range(options.index(question.correct[0])):
                    active = keys.press("ArrowDown")
                assert active["type"] == "radio" and active["checked"] and active["value"] == question.correct[0]
            keys.tab_until(lambda a, n=number: a["tag"] == "BUTTON" and a["text"] == f"Controleer vraag {n}")
            keys.press("Enter")
            feedback = page.locator(f"#vraag-{question.id} .gl-feedback")
            assert feedback.inner_text().startswith("Goed!")
        keys.tab_until(lambda a: a["tag"] == "BUTTON" and a["text"] == "Bekijk je score")
        keys.press("Enter")
        result = page.locator(".gl-uitslag").inner_text()
        assert "Je score is 100%." in result
        assert "Je hebt de toets gehaald." in result
        assert keys.invisible_focus == []  # every focus stop in the quiz showed where the focus was
    finally:
        page.close()


def test_each_question_gives_instant_feedback_with_explanation_and_article(browser, site_url, catalog):
    quiz = catalog.quizzes["m01"]
    single = next(q for q in quiz.questions if q.type == "enkelvoudig")
    wrong = next(key for key in single.options if key not in single.correct)
    multiple = next(q for q in quiz.questions if q.type == "meervoudig" and len(q.correct) > 1)
    page = browser.new_page()
    try:
        page.goto(_module_url(site_url, catalog, "m01"))
        block = page.locator(f"#vraag-{single.id}")
        block.locator("button.gl-controleer").click()
        assert block.locator(".gl-feedback").inner_text().startswith("Kies eerst een antwoord")

        page.check(f"#{single.id}-{wrong}")
        block.locator("button.gl-controleer").click()
        feedback = block.locator(".gl-feedback")
        text = feedback.inner_text()
        assert text.startswith("Niet goed.")
        assert f"Juiste antwoord: {single.correct[0].upper()}. {single.options[single.correct[0]]}" in text
        assert single.explanation.split(".")[0] in text  # the uitleg of the quiz file
        link = feedback.locator("a.gl-artikel").first
        assert link.get_attribute("href").startswith("https://eur-lex.europa.eu/eli/reg/2024/1689/")
        assert feedback.get_attribute("role") == "status"  # read out by screen readers

        page.check(f"#{multiple.id}-{multiple.correct[0]}")  # one of several right answers
        page.locator(f"#vraag-{multiple.id} button.gl-controleer").click()
        assert page.locator(f"#vraag-{multiple.id} .gl-feedback").inner_text().startswith("Deels goed.")

        page.check(f"#{single.id}-{single.correct[0]}")  # changing the answer clears the old verdict
        assert feedback.inner_text() == ""
    finally:
        page.close()


def test_total_score_is_compared_with_the_pass_mark(browser, site_url, catalog):
    quiz = catalog.quizzes["m01"]
    page = browser.new_page()
    try:
        page.goto(_module_url(site_url, catalog, "m01"))
        answered = quiz.questions[:2]  # two right answers, the rest unanswered
        for question in answered:
            for key in question.correct:
                page.check(f"#{question.id}-{key}")
        page.get_by_role("button", name="Bekijk je score").click()
        result = page.locator(".gl-uitslag").inner_text()
        assert f"Je score is {_dutch_percent(100 * len(answered) / len(quiz.questions))}." in result
        assert f"je hebt minstens {quiz.pass_mark}% nodig" in result
        assert f"Vragen {len(answered) + 1}" in result and "niet beantwoord" in result

        page.get_by_role("button", name="Begin opnieuw").click()
        expect(page.locator(".gl-uitslag")).to_be_empty()
        expect(page.locator(".gl-feedback:not(:empty)")).to_have_count(0)
        expect(page.locator(".gl-quiz input:checked")).to_have_count(0)
    finally:
        page.close()


def test_without_javascript_questions_and_collapsible_answers_remain(browser, site_url, catalog):
    quiz = catalog.quizzes["m01"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(_module_url(site_url, catalog, "m01"))
        assert page.locator(".gl-vraag fieldset legend").count() == len(quiz.questions)
        assert page.locator("button.gl-controleer").count() == 0  # no buttons that would do nothing
        question = quiz.questions[0]
        answer = page.locator(f"#vraag-{question.id} details.gl-antwoord")
        assert not answer.locator(".gl-antwoord-inhoud").is_visible()
        answer.locator("summary").click()
        assert answer.locator(".gl-antwoord-inhoud").is_visible()
        assert question.explanation.split(".")[0] in answer.inner_text()
    finally:
        context.close()
