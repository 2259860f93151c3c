"""Learning-path pages generated from the Catalog, built with Sphinx from the fixture tree."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from handbook_fixture import PATHS, TITLES, copy_tree
from sphinx.testing.util import SphinxTestApp

from geletterdheid.sphinxext.learning_path_pages import generated_pages, write_pages

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    srcdir = copy_tree(tmp_path_factory.mktemp("leerpaden") / "src")
    app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        assert app.statuscode == 0
        yield Path(app.outdir)
    finally:
        app.cleanup()


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("role", sorted(PATHS))
def test_role_page_lists_exactly_the_modules_of_the_path_in_order(site, role):
    soup = _soup(site, f"docs/leerpaden/{role}.html")
    items = soup.select("ol.gl-leerpad > li.gl-leerpad-module")
    links = [item.select_one(".gl-leerpad-titel a") for item in items]
    assert [Path(link["href"]).stem.split("-")[0] for link in links] == PATHS[role]
    assert [link.get_text(strip=True) for link in links] == [TITLES[m] for m in PATHS[role]]
    assert soup.find("h1").get_text(strip=True).startswith("Leerpad ")


def test_role_page_shows_duration_level_goals_and_total(site):
    soup = _soup(site, "docs/leerpaden/beleidsadviseur.html")
    assert soup.find("h1").get_text(strip=True).startswith("Leerpad Beleidsadviseur")
    last = soup.select("ol.gl-leerpad > li.gl-leerpad-module")[-1]
    text = last.get_text(" ", strip=True)
    assert "m05 · 45 minuten · niveau Vloeiend" in text
    assert re.search(r"lees eerst: Beleid maken ?, Inkoop van AI", text)
    assert [li.get_text(strip=True) for li in last.select("ul li")] == [
        "Leerdoel een van m05.",
        "Leerdoel twee van m05.",
    ]
    assert soup.select_one(".gl-leerpad-totaal").get_text(" ", strip=True) == "Totale studietijd: 2 uur en 15 minuten"
    assert soup.select_one(".gl-leerpad-wrapper a[href$='rollen/beleidsadviseur.html']") is not None


def test_overview_has_a_card_per_role_with_its_totals(site):
    soup = _soup(site, "docs/leerpaden/index.html")
    cards = soup.select(".gl-leerpad-kaart")
    assert len(cards) == len(PATHS)
    hrefs = [card.find("a")["href"] for card in cards]
    assert [Path(href).stem for href in hrefs] == sorted(PATHS)
    beleid = cards[sorted(PATHS).index("beleidsadviseur")].get_text(" ", strip=True)
    assert "Beleidsadviseur" in beleid and "5 modules · 2 uur en 15 minuten" in beleid


def test_role_pages_and_landing_page_link_to_the_learning_paths(site):
    for role in PATHS:
        soup = _soup(site, f"docs/rollen/{role}.html")
        link = soup.find("a", href=re.compile(rf"leerpaden/{role}\.html$"))
        assert link is not None and link.get_text(strip=True).startswith("Leerpad")
    assert _soup(site, "index.html").find("a", href=re.compile(r"docs/leerpaden/index\.html$")) is not None


def test_repository_landing_page_has_the_overview_in_a_toctree():
    text = (REPO / "index.md").read_text(encoding="utf-8")
    toctrees = re.findall(r"```\{toctree\}(.*?)```", text, flags=re.DOTALL)
    assert any(re.search(r"^docs/leerpaden/index$", block, flags=re.MULTILINE) for block in toctrees)


def test_pages_are_only_rewritten_when_their_text_changes(tmp_path, handbook_catalog):
    pages = generated_pages(handbook_catalog)
    assert sorted(pages) == sorted([f"{role}.md" for role in PATHS] + ["index.md"])
    assert "```{leerpad} inkoper" in pages["inkoper.md"]
    assert write_pages(tmp_path, pages) != []
    for path in tmp_path.iterdir():
        os.utime(path, ns=(1, 1))
    assert write_pages(tmp_path, pages) == []
    assert all(path.stat().st_mtime_ns == 1 for path in tmp_path.iterdir())
    (tmp_path / "oud.md").write_text("weg ermee", encoding="utf-8")
    changed = write_pages(tmp_path, {**pages, "inkoper.md": pages["inkoper.md"] + "\n"})
    assert sorted(path.name for path in changed) == ["inkoper.md", "oud.md"]
    assert not (tmp_path / "oud.md").exists()
    times = {path.name: path.stat().st_mtime_ns for path in tmp_path.iterdir()}
    assert times.pop("inkoper.md") != 1  # rewritten
    assert times and set(times.values()) == {1}  # the others left alone
