"""The beslishulp page ("Welke regels gelden voor dit systeem?") in a real browser.

The page walks the decision tree in JavaScript over JSON made from the Catalog. These tests hold
it to the Python walk (``geletterdheid.classification``): every test case of tests/classification,
the example inventory and a sample of random kenmerken go through both and must give the same
outcome, route and duties. Then: a keyboard-only walk, two municipal systems clicked through,
axe (WCAG 2.2 AA tags too) on the start and on a conclusion, reflow at 320 px and the printable
flow without JavaScript.
"""

from __future__ import annotations

import ast
import random
from pathlib import Path
from typing import Any

import pytest

from browser_support import WCAG_TAGS, serve_directory
from geletterdheid.classification import Outcome, classify
from geletterdheid.content import Catalog, catalog_or_exit
from geletterdheid.content.inventory import ANNEX_III_POINTS, EXCEPTION_PROVISIONS, PRACTICE_PROVISIONS, Features
from repo_paths import REPO

pytestmark = pytest.mark.browser

PAGE = "docs/beslishulp.html"
CLASSIFICATION_TESTS = Path(__file__).parent / "classification"
AXE_TAGS = [*WCAG_TAGS, "wcag22aa"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return catalog_or_exit(REPO)


@pytest.fixture(scope="module")
def site(real_site):
    with serve_directory(real_site) as url:
        yield url


def _plain() -> dict[str, Any]:
    import sys

    sys.path.insert(0, str(CLASSIFICATION_TESTS))
    try:
        from classification_support import PLAIN
    finally:
        sys.path.remove(str(CLASSIFICATION_TESTS))
    return dict(PLAIN)


def classification_test_cases() -> list[dict[str, Any]]:
    """The kenmerken of every ``run(catalog, ...)`` and ``features(...)`` call in tests/classification,
    read from the source, so a new test case there is compared here without copying it."""
    plain = _plain()
    cases = []
    for source in sorted(CLASSIFICATION_TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.For) and isinstance(node.iter, ast.Tuple):  # for changes in ({...}, ...)
                for item in node.iter.elts:
                    try:
                        changes = ast.literal_eval(item)
                    except ValueError:
                        continue
                    if isinstance(changes, dict) and changes and set(changes) <= set(plain):
                        cases.append({**plain, **changes})
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("run", "features"):
                continue
            if any(kw.arg is None for kw in node.keywords):
                continue  # run(catalog, **changes): the loop above has them
            try:
                changes = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg is not None}
            except ValueError:
                continue  # not literal kenmerken
            if set(changes) <= set(plain):
                cases.append({**plain, **changes})
    return cases


def random_cases(count: int, seed: int = 15) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        case: dict[str, Any] = {key: rng.random() < 0.5 for key in _plain() if isinstance(_plain()[key], bool)}
        case["verboden"] = rng.sample(sorted(PRACTICE_PROVISIONS), rng.choice([0, 0, 0, 1, 2]))
        case["bijlage_iii"] = rng.choice([None, *ANNEX_III_POINTS])
        case["uitzondering_6_3"] = rng.choice([None, None, *EXCEPTION_PROVISIONS])
        case["is_ai_systeem"] = rng.random() < 0.85
        cases.append(case)
    return cases


def python_outcome(catalog: Catalog, kenmerken: dict[str, Any]) -> dict[str, Any]:
    assert catalog.decision_tree is not None and catalog.duties is not None
    outcome: Outcome = classify(
        Features.model_validate(kenmerken), catalog.decision_tree, catalog.duties, catalog.legal
    )
    return {
        "risicoklasse": outcome.risk_class,
        "conclusie": outcome.conclusion,
        "rol": outcome.role,
        "transparantie": list(outcome.transparency),
        "plichten": [duty.duty_id for duty in outcome.duties],
        "route": [[step.node, step.kind, step.answer, list(step.found)] for step in outcome.path],
    }


JS_WALK = """(cases) => {
  const data = JSON.parse(document.querySelector('script.gl-bb-data').textContent);
  return cases.map((kenmerken) => {
    const out = window.geletterdheidBeslisboom.walk(data, kenmerken);
    return {risicoklasse: out.risicoklasse, conclusie: out.conclusie, rol: out.rol,
            transparantie: out.transparantie, plichten: out.plichten,
            route: out.route.map((s) => [s.node, s.soort, s.antwoord, s.gevonden])};
  });
}"""


def test_the_page_walk_gives_the_python_outcome_for_every_case(browser, site, catalog):
    tested = classification_test_cases()
    assert len(tested) >= 17, "the AST reader lost the test cases of tests/classification"
    assert catalog.inventory is not None
    examples = [system.features.model_dump(by_alias=True) for system in catalog.inventory.systems]
    cases = tested + examples + random_cases(300)
    page = browser.new_page()
    try:
        page.goto(site + PAGE)
        got = page.evaluate(JS_WALK, cases)
    finally:
        page.close()
    expected = [python_outcome(catalog, case) for case in cases]
    different = [(case, js, py) for case, js, py in zip(cases, got, expected, strict=True) if js != py]
    assert different == [], different[:3]
    # The sample reaches every conclusion, so no branch of the JavaScript goes untested.
    assert {outcome["conclusie"] for outcome in expected} == {c.id for c in catalog.decision_tree.conclusions}


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
    ]


def _focused(page) -> dict[str, str]:
    return page.evaluate(
        "() => ({tag: document.activeElement.tagName, text: document.activeElement.textContent.trim(),"
        " inApp: !!document.activeElement.closest('.gl-bb-app')})"
    )


def _tab_to(page, starts_with: str, key: str = "Space") -> None:
    """Press Tab until a control of the beslishulp whose text starts with ``starts_with`` has focus, then ``key``."""
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["inApp"] and focused["text"].startswith(starts_with):
            page.keyboard.press(key)
            return
    raise AssertionError(f"no control '{starts_with}' reached with Tab")


def _heading_has_focus(page, starts_with: str) -> None:
    focused = _focused(page)
    assert focused["tag"] == "H2" and focused["text"].startswith(starts_with), focused


def test_keyboard_only_walk_to_a_conclusion_moves_focus_to_each_question(browser, site, catalog):
    page = browser.new_page()
    try:
        page.goto(site + PAGE)
        _tab_to(page, "Ja, het leidt zelf af")
        _heading_has_focus(page, "Vraag 2.")
        _tab_to(page, "Nee, de gemeente gebruikt", "Enter")
        _heading_has_focus(page, "Vraag 3.")
        _tab_to(page, "Nee")
        _tab_to(page, "Nee")
        _tab_to(page, "Nee")  # not in bijlage III: a conclusion, then the questions of Art. 50
        _heading_has_focus(page, "Vraag 8.")
        assert "De risicoklasse is bekend: Geen hoog risico" in page.locator(".gl-bb-app").inner_text()
        _tab_to(page, "Vorige vraag", "Enter")  # back, and forward again
        _heading_has_focus(page, "Vraag 5.")
        _tab_to(page, "Nee")
        for _ in range(5):
            _tab_to(page, "Nee")
        _heading_has_focus(page, "Uitkomst: Geen hoog risico")
        assert page.locator(".gl-bb-status").inner_text() == "Uitkomst: Geen hoog risico"
    finally:
        page.close()


def _click_through(page, answers: list[str]) -> None:
    for name in answers:
        page.locator(".gl-bb-app button", has_text=name).first.click()


def _shown_duties(page) -> list[str]:
    return page.locator(".gl-bb-plichten li").evaluate_all("items => items.map(i => i.dataset.plicht)")


def test_bijstand_fraud_scoring_with_profiling_is_high_risk_on_the_page(browser, site, catalog):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site + PAGE)
        _click_through(page, ["Ja, het leidt", "Nee, de gemeente", "Nee", "Nee", "Ja"])
        _click_through(page, ["bijlage III, punt 5(a)"])
        _click_through(page, ["Ja"] + ["Nee"] * 5)
        facts = page.locator(".gl-bb-feiten").inner_text()
        assert "hoog risico" in facts and "gebruiksverantwoordelijke" in facts
        expected = python_outcome(catalog, {**_plain(), "bijlage_iii": "5(a)", "profilering": True})
        assert _shown_duties(page) == expected["plichten"]
        duties = page.locator(".gl-bb-plichten").inner_text()
        assert "artikel 27 (vanaf 2 december 2027)" in duties
        assert "artikel 49(3) (startdatum staat nog niet vast)" in duties
        assert "bijlage III, punt 5(a)" in page.locator(".gl-bb-route").inner_text()
        snippet = page.locator("pre.gl-bb-kenmerken").inner_text()
        assert 'bijlage_iii: "5(a)"' in snippet and "profilering: true" in snippet
        page.get_by_role("button", name="Kopieer de kenmerken").click()
        page.wait_for_function("() => document.querySelector('.gl-bb-gekopieerd').textContent !== ''")
        assert page.locator(".gl-bb-gekopieerd").inner_text() == "Gekopieerd."
        assert page.evaluate("navigator.clipboard.readText()") == snippet
        assert _axe(page) == []
    finally:
        context.close()


def test_website_chatbot_is_not_high_risk_with_art_50_1(browser, site, catalog):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(site + PAGE)
        _click_through(page, ["Ja, het leidt", "Nee, de gemeente", "Nee", "Nee", "Nee", "Ja"] + ["Nee"] * 4)
        facts = page.locator(".gl-bb-feiten").inner_text()
        assert "geen hoog risico" in facts and "artikel 50(1)" in facts
        assert _shown_duties(page) == ["ai-geletterdheid", "ai-interactie-controleren"]
        snippet = page.locator("pre.gl-bb-kenmerken").inner_text()
        assert "interactie_met_personen: true" in snippet and "profilering: false  # niet gevraagd" in snippet
        # The snippet is valid kenmerken that give the same outcome.
        import yaml

        kenmerken = yaml.safe_load(snippet)["kenmerken"]
        assert python_outcome(catalog, kenmerken)["plichten"] == ["ai-geletterdheid", "ai-interactie-controleren"]
        assert _axe(page) == []  # a conclusion, in the dark colour scheme
    finally:
        context.close()


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_start_and_a_choice_have_zero_wcag_violations(browser, site, color_scheme):
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    try:
        page.goto(site + PAGE)
        assert _axe(page) == []
        _click_through(page, ["Ja, het leidt", "Nee, de gemeente", "Ja"])  # the list of banned practices
        assert page.locator(".gl-bb-keuze input[type=checkbox]").count() == 10
        assert _axe(page) == []
    finally:
        context.close()


def test_reflow_at_320_px_without_horizontal_scroll(browser, site):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.goto(site + PAGE)
        wider = (
            "() => [...document.querySelectorAll('.gl-beslisboom, .gl-beslisboom *')]"
            ".filter(e => e.getClientRects().length && e.getBoundingClientRect().right > 320.5)"
            ".map(e => e.tagName + '.' + e.className)"
        )
        assert page.evaluate(wider) == []
        _click_through(page, ["Ja, het leidt", "Nee, de gemeente", "Nee", "Nee", "Ja"])
        assert page.evaluate(wider) == []  # the 25 points of bijlage III
        _click_through(page, ["bijlage III, punt 4(a)", "Nee", "Nee"] + ["Nee"] * 5)
        assert page.locator(".gl-bb-uitkomst").is_visible()
        assert page.evaluate(wider) == []
        assert page.evaluate("() => document.querySelector('main').scrollWidth <= 320")
    finally:
        page.close()


def test_without_javascript_the_printable_flow_shows_every_question(browser, site, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + PAGE)
        flow = page.locator(".gl-bb-stroom")
        assert flow.is_visible() and not page.locator(".gl-bb-app").is_visible()
        text = flow.inner_text().replace("\u2019", "'")  # the site's typography: zo’n
        assert catalog.decision_tree is not None
        for question in catalog.decision_tree.questions:
            assert question.question in text
        assert "Ja (Ja, het leidt zelf af hoe het een uitkomst maakt): ga naar vraag 2" in text
        assert "Nee (Nee, het voert alleen regels uit die mensen hebben opgesteld): conclusie: Geen AI-systeem." in text
        assert "Ja: artikel 50(1) geldt; ga naar vraag 9." in text
    finally:
        context.close()
    page = browser.new_page()
    try:
        page.goto(site + PAGE)
        assert not page.locator(".gl-bb-stroom").is_visible()  # the script runs: one question at a time
        # axe needs JavaScript: check the flow's markup by showing it again.
        page.evaluate("() => { document.querySelector('.gl-bb-stroom').hidden = false; }")
        assert _axe(page) == []
    finally:
        page.close()


def test_emotion_recognition_of_call_centre_staff_is_banned_on_the_page(browser, site, catalog):
    page = browser.new_page()
    try:
        page.goto(site + PAGE)
        _click_through(page, ["Ja, het leidt", "Nee, de gemeente", "Ja"])
        _click_through(page, ["Verder"])  # nothing chosen yet: the page says what to do
        assert page.locator(".gl-bb-melding").inner_text().startswith("Kies er minstens één")
        page.get_by_label("Emoties herkennen op het werk of in het onderwijs (5(1)(f))").check()
        _click_through(page, ["Verder"])
        _heading_has_focus(page, "Uitkomst: Verboden AI-praktijk")
        facts = page.locator(".gl-bb-feiten").inner_text()
        assert "niet van toepassing: het systeem is verboden" in facts
        expected = python_outcome(catalog, {**_plain(), "verboden": ["emotieherkenning-werk-onderwijs"]})
        assert _shown_duties(page) == expected["plichten"] == ["ai-geletterdheid", "verboden-stoppen"]
        assert "(5(1)(f))" in page.locator(".gl-bb-route").inner_text()
        assert "verboden: [emotieherkenning-werk-onderwijs]" in page.locator("pre.gl-bb-kenmerken").inner_text()
    finally:
        page.close()
