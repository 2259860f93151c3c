"""The site speaks Dutch everywhere, also in the theme's navigation, buttons and screen-reader labels."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from browser_support import site_pages
from geletterdheid.sphinxext.translations import LOCALE_DIR, compile_catalogs

#: English texts pydata-sphinx-theme and Sphinx show when no Dutch translation is found.
ENGLISH = [
    "On this page",
    "Section Navigation",
    "Collapse Sidebar",
    "Expand Sidebar",
    "Skip to main content",
    "Back to top",
    "previous page",
    "next page",
    "System Settings",
    "Color mode",
    "Light",
    "Dark",
    "More",
    "Link to this heading",
    "Please activate JavaScript",
    "Site navigation",
    "Breadcrumb",
    "Version warning",
    "Search Results",
    "Search finished",
]
_LABELS = ["aria-label", "title", "placeholder", "alt"]


def _english_in(texts: list[str]) -> set[str]:
    """Phrases found; a one-word phrase only as a whole text ("More", not "Morele")."""
    texts = [text.strip() for text in texts]
    return {phrase for phrase in ENGLISH for text in texts if text == phrase or (" " in phrase and phrase in text)}


def test_theme_texts_and_labels_are_dutch_on_every_page(real_site):
    found = {}
    for path in site_pages(real_site):
        soup = BeautifulSoup((real_site / path).read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style"]):
            tag.decompose()
        texts = soup.get_text("\n").split("\n")
        texts += [element[name] for name in _LABELS for element in soup.find_all(attrs={name: True})]
        if english := _english_in(texts):
            found[path] = sorted(english)
    assert found == {}
    index = (real_site / "modules" / "m01-wat-is-ai.html").read_text(encoding="utf-8")
    assert "Op deze pagina" in index and "Direct naar de inhoud" in index


@pytest.mark.browser
def test_texts_written_by_scripts_are_dutch(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "search.html?q=toezicht")
        page.locator("#search-results p.search-summary").wait_for()
        assert page.locator("#search-results h2").inner_text() == "Zoekresultaten"
        assert (
            page.locator("#search-results p.search-summary")
            .inner_text()
            .startswith(("Klaar met zoeken", "Er is niets gevonden"))
        )
        page.goto(site_url + "modules/m01-wat-is-ai.html")
        visible = page.locator("body").inner_text().split("\n")
        assert _english_in(visible) == set()
    finally:
        page.close()


def test_dutch_catalogue_compiles(tmp_path):
    written = compile_catalogs(LOCALE_DIR, tmp_path)
    assert [path.relative_to(tmp_path).as_posix() for path in written] == ["nl/LC_MESSAGES/sphinx.mo"]
