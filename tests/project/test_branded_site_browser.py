"""A gemeente's branded site in a real browser: axe-core finds nothing (WCAG 2.1 A/AA), light and dark.

The branding adds a logo, a primary colour (``kleur``) or NL Design System tokens, and a footer with
links; each can break contrast or structure, so they are checked on a built gemeente site over the
small test base.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from overlay_support import SETTINGS

from browser_support import WCAG_TAGS, serve_directory
from geletterdheid.cli import main
from geletterdheid.project.init import EXAMPLE_TOKENS, example_tokens

pytestmark = pytest.mark.browser

BRANDING = """
[contact]
ai_loket = { naam = "AI-loket", email = "ai@testdorp.nl" }

[voettekst]
privacy = "https://www.testdorp.nl/privacy"
toegankelijkheid = "https://www.testdorp.nl/toegankelijkheid"

[huisstijl]
"""
STYLES = {"kleur": 'kleur = "#00589c"\n', "tokens": f'tokens = "{EXAMPLE_TOKENS}"\n'}
LINK_COLOUR = {"kleur": "#00589c", "tokens": "#0b578a"}  # the tokens file's --basis-color-action-1-color-default
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40"/></svg>\n'


@pytest.fixture(params=sorted(STYLES))
def branded_site(request: pytest.FixtureRequest, overlay_project: Path) -> tuple[Path, str]:
    project = overlay_project
    settings = SETTINGS.replace('naam = "Gemeente Testdorp"', 'naam = "Gemeente Testdorp"\nlogo = "logo.svg"')
    (project / "gemeente.toml").write_text(settings + BRANDING + STYLES[request.param], encoding="utf-8")
    (project / "logo.svg").write_text(LOGO, encoding="utf-8")
    (project / EXAMPLE_TOKENS).parent.mkdir(exist_ok=True)
    (project / EXAMPLE_TOKENS).write_text(example_tokens(), encoding="utf-8")
    assert main(["--root", str(project), "build", "--only", "html"]) == 0
    return project / "_build" / "html", LINK_COLOUR[request.param]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_branded_pages_have_zero_wcag_violations_and_reflow(browser, branded_site, color_scheme):
    from axe_playwright_python.sync_playwright import Axe

    site, link_colour = branded_site
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    found = {}
    try:
        with serve_directory(site) as url:
            for path in ("index.html", "modules/m02-vervolg.html"):
                page.set_viewport_size({"width": 1280, "height": 900})
                page.goto(url + path, wait_until="load")
                assert page.get_by_role("img", name="Logo van Gemeente Testdorp").first.is_visible()
                assert page.get_by_role("link", name="Privacyverklaring").is_visible()
                link = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--pst-color-link')")
                if color_scheme == "light":  # the house style reaches the page (the dark theme keeps its own)
                    assert link.strip() == link_colour
                results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                if results.response["violations"]:
                    found[path] = [v["id"] for v in results.response["violations"]]
                page.set_viewport_size({"width": 320, "height": 700})  # WCAG 1.4.10: the header reflows
                header_width = page.evaluate("document.querySelector('.bd-header').scrollWidth")
                assert header_width <= 320, f"{path}: header {header_width}px wide at 320px"
    finally:
        context.close()
    assert found == {}
