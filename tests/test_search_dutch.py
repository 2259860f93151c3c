"""Dutch search: an inflected word ("verplichtingen") finds the module about deployer duties.

The fixture tree ``roots/test-zoeken`` uses the real site's conf.py. Its module m07 says
"verplicht" and "verplichting" but never "verplichtingen", so only stemming can find it.
The build runs on a copy: it writes the learning-path pages into its source tree.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import snowballstemmer

from browser_support import serve_directory
from geletterdheid.cli import main
from repo_paths import REPO, ROOTS

FIXTURE = ROOTS / "test-zoeken"
DEPLOYER_PAGE = "modules/m07-gebruiksverantwoordelijke"
DEPLOYER_TITLE = "Plichten van de gebruiksverantwoordelijke"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("zoeken")
    root = shutil.copytree(FIXTURE, work / "inhoud", ignore=shutil.ignore_patterns("leerpaden", "_build"))
    # The fixture's conf.py runs the site's conf.py, found relative to the repository; in the copy,
    # the site's conf.py itself takes its place (it runs with the fixture's location either way).
    shutil.copyfile(REPO / "conf.py", root / "conf.py")
    out = work / "uit"
    assert main(["--root", str(root), "build", "--only", "html", "--out", str(out)]) == 0
    assert not (FIXTURE / "docs" / "leerpaden").exists(), "the build wrote into the committed test root"
    return out / "html"


def _search_index(site: Path) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL).group(1))


def test_fixture_page_does_not_contain_the_searched_word_itself(search_site):
    html = (search_site / f"{DEPLOYER_PAGE}.html").read_text(encoding="utf-8").lower()
    assert "verplichtingen" not in html
    assert "verplichting" in html


def test_dutch_stemmer_reduces_inflections_to_one_stem():
    stemmer = snowballstemmer.stemmer("dutch")
    assert {stemmer.stemWord(word) for word in ["verplichtingen", "verplichting", "verplicht", "verplichte"]} == {
        "verplicht"
    }


def test_search_index_maps_the_stem_to_the_deployer_module(search_site):
    index = _search_index(search_site)
    docnames = index["docnames"]
    pages = index["terms"]["verplicht"]
    pages = [pages] if isinstance(pages, int) else pages
    assert [docnames[i] for i in pages] == [DEPLOYER_PAGE]


@pytest.mark.browser
def test_searching_verplichtingen_in_the_browser_finds_the_deployer_module(browser, search_site):
    page = browser.new_page()
    try:
        with serve_directory(search_site) as url:
            page.goto(url + "search.html?q=verplichtingen")
            summary = page.locator("#search-results p.search-summary")
            summary.wait_for()
            assert summary.inner_text() == "Klaar met zoeken: 1 pagina gevonden."
            results = page.locator("#search-results ul.search li a").all_inner_texts()
            assert results == [DEPLOYER_TITLE]

            page.goto(url + "search.html?q=fietsenstalling")
            summary.wait_for()
            assert summary.inner_text().startswith("Er is niets gevonden.")
    finally:
        page.close()
