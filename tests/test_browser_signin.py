"""Who is taking the toets, on a shared PC, in a real browser against the real server (a toets site).

These tests take module m02's toets, so the cool-down after test_browser_results' m01 does not apply."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from geletterdheid.content import catalog_or_exit
from geletterdheid.records.store import Store
from geletterdheid.server.identity import make_token
from repo_paths import REPO
from server_support import SECRET
from test_browser_accessibility import _axe_violations

pytestmark = pytest.mark.browser

CATALOG = catalog_or_exit(REPO)
QUIZ = CATALOG.quizzes["m02"]
MODULE_PAGE = CATALOG.module_paths["m02"].relative_to(REPO).with_suffix(".html").as_posix()


def _link(site_url: str, employee_id: str) -> str:
    return f"{site_url}index.html#sleutel={make_token(SECRET.encode(), employee_id, int(time.time()) + 3600)}"


def _attempts(db_url: str, employee_id: str) -> int:
    with Store.open(db_url) as store:
        return len(store.attempts_of(employee_id))


def cookie_value(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "geletterdheid_sleutel")


def _take_quiz(page) -> None:
    """Start the toets, answer its first question with its first option, hand it in."""
    page.get_by_role("button", name="Start de toets").click()
    first = page.locator(".gl-toets .gl-vraag input").first
    first.wait_for()
    first.check()
    page.get_by_role("button", name="Lever de toets in").click()


def test_shared_pc_after_afmelden_the_next_user_is_not_stored_under_the_first(browser, toets_server):
    context = browser.new_context()  # one browser profile, as on a PC in the library
    page = context.new_page()
    try:
        anna_before, bram_before = _attempts(toets_server.db_url, "E1"), _attempts(toets_server.db_url, "E2")
        page.goto(_link(toets_server.url, "E1"))
        expect(page.locator(".gl-aanmelding-pagina")).to_have_text(
            "Je maakt deze toets als Anna de Vries. Niet jij? Afmelden"
        )
        assert "sleutel" not in page.url
        stored = page.evaluate("JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage)")
        assert "geletterdheid-sleutel" not in stored and cookie_value(context) not in stored  # not kept by scripts
        (cookie,) = [c for c in context.cookies() if c["name"] == "geletterdheid_sleutel"]
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["value"].startswith("RTE")
        assert page.evaluate("document.cookie") == ""  # no script can read it

        page.goto(toets_server.url + MODULE_PAGE)
        note = page.locator("form.gl-toets .gl-aanmelding")
        expect(note).to_have_text("Je maakt deze toets als Anna de Vries. Niet jij? Afmelden")
        page.get_by_role("button", name="Afmelden").click()
        expect(note).to_contain_text("Je bent afgemeld.")
        expect(note).to_contain_text("Je bent niet aangemeld, dus je resultaat wordt niet opgeslagen.")
        assert note.evaluate("element => element === document.activeElement")  # told where the focus is
        assert [c for c in context.cookies() if c["name"] == "geletterdheid_sleutel"] == []

        # Bram sits down at the same PC: without his link nothing is stored, certainly not under Anna.
        page.reload()
        page.get_by_role("button", name="Start de toets").click()
        expect(page.locator(".gl-toets-melding")).to_contain_text("we weten niet wie je bent")
        # With his own link his result is his.
        page.goto(_link(toets_server.url, "E2"))
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Bram Jansen")
        page.goto(toets_server.url + MODULE_PAGE)
        expect(note).to_contain_text("Je maakt deze toets als Bram Jansen.")
        _take_quiz(page)
        expect(page.locator(".gl-opslag-gelukt")).to_have_text("Je resultaat is opgeslagen voor Bram Jansen.")
        assert _attempts(toets_server.db_url, "E1") == anna_before
        assert _attempts(toets_server.db_url, "E2") == bram_before + 1
    finally:
        context.close()


def test_a_key_left_in_local_storage_by_an_older_version_is_removed_and_not_used(browser, toets_server):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(toets_server.url + MODULE_PAGE)
        token = make_token(SECRET.encode(), "E1", int(time.time()) + 3600)
        page.evaluate("token => window.localStorage.setItem('geletterdheid-sleutel', token)", token)
        before = _attempts(toets_server.db_url, "E1")
        page.reload()
        expect(page.locator("form.gl-toets .gl-aanmelding")).to_contain_text("Je bent niet aangemeld")
        assert page.evaluate("window.localStorage.getItem('geletterdheid-sleutel')") is None
        page.get_by_role("button", name="Start de toets").click()
        expect(page.locator(".gl-toets-melding")).to_contain_text("we weten niet wie je bent")
        assert _attempts(toets_server.db_url, "E1") == before
    finally:
        context.close()


def test_a_bad_link_says_so_on_the_page(browser, toets_server):
    # From an address of its own: failed checks count towards a per-client limit (429 after 10).
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": "192.0.2.13"})
    page = context.new_page()
    try:
        page.goto(toets_server.url + "index.html#sleutel=RTE.9999999999.dmFsc2U")
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Je persoonlijke link is ongeldig.")
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Je bent niet aangemeld")
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_signed_in_pages_have_zero_wcag_violations_and_reflow_at_320_px(browser, toets_server, color_scheme):
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(_link(toets_server.url, "E1"))
        expect(page.locator(".gl-aanmelding-pagina")).to_contain_text("Anna de Vries")
        assert _axe_violations(page) == []
        page.goto(toets_server.url + MODULE_PAGE)
        expect(page.locator("form.gl-toets .gl-aanmelding")).to_contain_text("Anna de Vries")
        assert _axe_violations(page) == []
        # The note fits the 320 px column (the theme's own header is wider there; not this note's doing).
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('.gl-aanmelding, .gl-aanmelding *')]"
            ".map(e => e.getBoundingClientRect().right))"
        )
        assert widest <= 320
    finally:
        context.close()
