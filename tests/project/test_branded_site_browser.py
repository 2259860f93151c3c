"""A gemeente's branded site in a real browser: axe-core finds nothing (WCAG 2.1 A/AA), light and dark.

The branding adds a logo, a primary colour and a footer with links; each can break contrast or
structure, so they are checked on a built gemeente site over the small test base.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from overlay_support import SETTINGS

from browser_support import WCAG_TAGS, serve_directory
from geletterdheid.cli import main

pytestmark = pytest.mark.browser

BRANDING = """
[contact]
ai_loket = { naam = "AI-loket", email = "ai@testdorp.nl" }

[voettekst]
privacy = "https://www.testdorp.nl/privacy"
toegankelijkheid = "https://www.testdorp.nl/toegankelijkheid"

[huisstijl]
kleur = "#00589c"
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>\n'


@pytest.fixture
def branded_site(overlay_project: Path) -> Path:
    project = overlay_project
    settings = SETTINGS.replace('naam = "Gemeente Testdorp"', 'naam = "Gemeente Testdorp"\nlogo = "logo.svg"')
    (project / "gemeente.toml").write_text(settings + BRANDING, encoding="utf-8")
    (project / "logo.svg").write_text(LOGO, encoding="utf-8")
    assert main(["--root", str(project), "build", "--only", "html"]) == 0
    return project / "_build" / "html"


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_branded_pages_have_zero_wcag_violations_and_reflow(browser, branded_site, color_scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    found = {}
    try:
        with serve_directory(branded_site) as url:
            for path in ("index.html", "modules/m02-vervolg.html"):
                page.set_viewport_size({"width": 1280, "height": 900})
                page.goto(url + path, wait_until="load")
                assert page.get_by_role("img", name="Logo van Gemeente Testdorp").first.is_visible()
                assert page.get_by_role("link", name="Privacyverklaring").is_visible()
                results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                if results.response["violations"]:
                    found[path] = [v["id"] for v in results.response["violations"]]
                page.set_viewport_size({"width": 320, "height": 700})  # WCAG 1.4.10: the header reflows
                header_width = page.evaluate("document.querySelector('.bd-header').scrollWidth")
                assert header_width <= 320, f"{path}: header {header_width}px wide at 320px"
    finally:
        context.close()
    assert found == {}
