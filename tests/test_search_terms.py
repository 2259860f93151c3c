"""Zoekwoorden (issue 16, item 8): the site's search finds a module by the words people use.

A module's ``zoekwoorden`` (front matter) go into the page's doctree inside the module card, where
Sphinx's search indexes them, but no builder writes them. The test builds the real site's content
on a copy (the build writes the learning-path pages into its source tree) and looks the words up
the way the search page does: stemmed with the Dutch stemmer.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import snowballstemmer

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from repo_paths import REPO

pytestmark = pytest.mark.content

GENERATIVE_AI = "modules/m04-generatieve-ai"
LOGGING = "modules/m14-monitoren-logging-incidenten"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("zoekwoorden")
    root = work / "inhoud"
    root.mkdir()
    for name in ["conf.py", "index.md"]:
        shutil.copyfile(REPO / name, root / name)
    for name in ["modules", "quizzes", "docs"]:
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("leerpaden", "_build"))
    out = work / "uit"
    assert main(["--root", str(root), "build", "--only", "html", "--out", str(out)]) == 0
    return out / "html"


@pytest.fixture(scope="module")
def search_index(site) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL).group(1))


def _pages(index: dict, word: str) -> set[str]:
    stem = snowballstemmer.stemmer("dutch").stemWord(word.lower()).lower()
    found: set[str] = set()
    for table in ("terms", "titleterms"):
        pages = index[table].get(stem, [])
        found.update(index["docnames"][i] for i in ([pages] if isinstance(pages, int) else pages))
    return found


def test_every_module_has_three_to_eight_search_terms():
    catalog = catalog_or_exit(REPO)
    counts = {m: len(module.search_terms) for m, module in catalog.modules.items()}
    assert all(3 <= n <= 8 for n in counts.values()), counts


def test_the_body_of_m04_does_not_say_chatgpt():
    # the word is found through the zoekwoorden, not through the text
    body = (REPO / f"{GENERATIVE_AI}.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "chatgpt" not in body.lower()


def test_searching_chatgpt_finds_the_module_on_generative_ai(search_index):
    assert GENERATIVE_AI in _pages(search_index, "ChatGPT")


def test_searching_a_term_of_another_module_finds_it(search_index):
    body = (REPO / f"{LOGGING}.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert "logboek" not in body.lower()
    assert _pages(search_index, "logboek") == {LOGGING}


def test_the_search_terms_are_not_written_on_the_page(site):
    html = (site / f"{GENERATIVE_AI}.html").read_text(encoding="utf-8")
    assert "ChatGPT" not in html
    assert "gl-module-kaart" in html
