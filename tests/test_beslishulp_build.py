"""The beslishulp and its exercises in the built site: linked where the reference pages are and from
m06 and m09, and in a toets site the exercises stay (they are no toets questions) while the toets's
answers stay out."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

M06 = "modules/m06-risico-indeling-hoog-risico.html"
M09 = "modules/m09-governance-actieplan.html"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.content
def test_the_beslishulp_is_linked_from_the_reference_pages_and_from_m06_and_m09(real_site):
    naslag = _soup(real_site, "docs/naslag.html")
    assert naslag.find("a", href="beslishulp.html", string="Welke regels gelden voor dit systeem?") is not None
    for page in (M06, M09):
        soup = _soup(real_site, page)
        tries = [p for p in soup.find_all("p") if p.get_text().startswith("Probeer het zelf:")]
        assert len(tries) == 1, page
        assert tries[0].find("a")["href"] == "../docs/beslishulp.html"
    page = _soup(real_site, "docs/beslishulp.html")
    assert page.find("h1").get_text().startswith("Welke regels gelden voor dit systeem?")
    data = page.find("script", class_="gl-bb-data")
    assert data is not None and data.get("type") == "application/json"
    assert [s["src"] for s in page.find_all("script", src=True) if "beslisboom" in s["src"]]
    assert "http" not in " ".join(s["src"] for s in page.find_all("script", src=True))  # nothing from another host


@pytest.mark.content
def test_in_a_toets_site_the_exercises_stay_and_the_quiz_answers_stay_out(toets_site, real_site):
    for site in (real_site, toets_site):
        cases = _soup(site, M06).find_all(class_="gl-bb-casus")
        assert len(cases) == 4
        assert all(case.find("details") is not None for case in cases)
        assert "Risicoklasse:" in cases[0].find("details").get_text()
    toets = _soup(toets_site, M06)
    assert toets.find(attrs={"data-juist": True}) is None
    assert toets.find("form", class_="gl-toets") is not None
