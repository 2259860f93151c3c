"""Accessibility in a real browser: axe-core over every page of the real site, WCAG 2.1 A and AA.

Checked in the light and the dark colour scheme (the theme follows the computer's setting), and
in the states a visitor creates: a quiz with feedback and a score, and a page of search results.
"""

from __future__ import annotations

import pytest

from browser_support import WCAG_TAGS, site_pages

pytestmark = pytest.mark.browser


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_every_page_has_zero_wcag_violations(browser, real_site, site_url, color_scheme):
    pages = site_pages(real_site)
    assert {"index.html", "search.html", "genindex.html"} <= set(pages)
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    found = {}
    try:
        for path in pages:
            page.goto(site_url + path, wait_until="load")
            violations = _axe_violations(page)
            if violations:
                found[path] = violations
    finally:
        context.close()
    assert found == {}, "\n".join(f"{path}:\n  " + "\n  ".join(v) for path, v in found.items())


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_quiz_with_feedback_and_score_has_zero_wcag_violations(browser, site_url, color_scheme):
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    try:
        page.goto(site_url + "modules/m01-wat-is-ai.html")
        questions = page.locator(".gl-vraag")
        for index in range(questions.count()):
            question = questions.nth(index)
            question.locator("input").first.check()  # some right, some wrong: every kind of feedback
            question.locator("button.gl-controleer").click()
        page.get_by_role("button", name="Bekijk je score").click()
        assert page.locator(".gl-uitslag").inner_text().startswith("Je score is")
        assert _axe_violations(page) == []
    finally:
        context.close()


def test_search_results_have_zero_wcag_violations(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "search.html?q=toezicht")
        page.locator("#search-results p.search-summary").wait_for()
        assert _axe_violations(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_toets_before_and_after_submission_has_zero_wcag_violations(browser, toets_server, color_scheme):
    import time

    from geletterdheid.server.identity import make_token
    from server_support import SECRET

    key = make_token(SECRET.encode(), "E1", int(time.time()) + 3600)
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    try:
        page.goto(toets_server.url + f"index.html#sleutel={key}")
        page.goto(toets_server.url + "modules/m01-wat-is-ai.html")
        assert _axe_violations(page) == []
        page.get_by_role("button", name="Start de toets").click()
        questions = page.locator(".gl-toets .gl-vraag")
        questions.first.wait_for()
        assert _axe_violations(page) == []
        for index in range(questions.count()):
            questions.nth(index).locator("input").first.check()  # some right, some wrong: every kind of feedback
        page.get_by_role("button", name="Lever de toets in").click()
        page.locator(".gl-uitslag .gl-score-regel").wait_for()
        assert _axe_violations(page) == []
        # Reflow (WCAG 1.4.10): nothing of the toets sticks out sideways at 320 px. (The theme's
        # navigation bar does, on every page, toets or not: a theme matter, not this component's.)
        page.set_viewport_size({"width": 320, "height": 640})
        wider = page.evaluate(
            "() => [...document.querySelectorAll('form.gl-toets, form.gl-toets *')]"
            ".filter(e => e.getBoundingClientRect().right > 320.5).map(e => e.tagName + '.' + e.className)"
        )
        assert wider == []
    finally:
        context.close()
