"""The ``{diagram}`` directive (issue 16, item 7): six named diagrams as inline SVG with title, desc
and a text equivalent; the timeline from docs/wetgeving.yaml; an unknown name stops the build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from geletterdheid.content.articles import parse_provision
from geletterdheid.content.diagrams import DIAGRAMS, NAMES
from geletterdheid.content.model import dutch_date
from geletterdheid.sphinxext.diagrams import svg
from repo_paths import ROOTS

REPO = Path(__file__).resolve().parents[1]


def _page_with_diagrams(src: Path, names) -> None:
    page = src / "modules" / "m02-vervolg.md"
    blocks = "".join(f"\n```{{diagram}} {name}\n```\n" for name in names)
    page.write_text(page.read_text(encoding="utf-8") + blocks, encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("diagrammen") / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    _page_with_diagrams(srcdir, NAMES)
    app = SphinxTestApp("html", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        yield BeautifulSoup((Path(app.outdir) / "modules" / "m02-vervolg.html").read_text("utf-8"), "html.parser")
    finally:
        app.cleanup()


def test_there_are_six_diagrams_and_each_is_an_image_with_title_desc_and_text_equivalent(built):
    assert len(NAMES) >= 6
    figures = built.find_all("figure", class_="gl-diagram")
    assert len(figures) == len(NAMES)
    for figure in figures:
        drawing = figure.find("svg")
        assert drawing["role"] == "img"
        title_id, desc_id = drawing["aria-labelledby"].split()
        assert drawing.find("title", id=title_id).get_text().strip()
        assert len(drawing.find("desc", id=desc_id).get_text()) > 60
        assert drawing.find("text") is not None  # text stays text, not paths
        details = figure.find_next_sibling("details", class_="gl-diagram-tekst")
        assert details.summary.get_text() == "Tekst bij de afbeelding"
        assert len(details.find_all("li")) >= (1 if "tijdlijn" in figure["id"] else 3)  # the root has one date


def test_text_equivalent_cites_the_provisions(built):
    texts = {
        figure["id"].split("-")[2]: figure.find_next_sibling("details").get_text(" ", strip=True)
        for figure in built.find_all("figure", class_="gl-diagram")
    }
    pyramid = built.find("figure", id=re.compile("risicopiramide")).find_next_sibling("details")
    links = [a.get_text() for a in pyramid.find_all("a", class_="gl-artikel")]
    assert links == ["artikel 5", "artikel 6", "bijlage III", "artikel 50", "artikel 4"]
    assert "artikel 25, lid 1" in texts["rollen"] or "artikel 25(1)" in texts["rollen"]
    assert "artikel 35 AVG" in texts["fria"]
    assert "Autoriteit Persoonsgegevens" in texts["ap"]


def test_every_cited_provision_exists():
    for diagram in DIAGRAMS.values():
        for part in (*diagram.parts, *diagram.footer):
            for reference in part.provisions:
                parse_provision(reference)  # raises for a provision that does not exist


def test_the_timeline_shows_the_dates_of_wetgeving_yaml(built):
    data = yaml.safe_load((ROOTS / "test-minimal" / "docs" / "wetgeving.yaml").read_text(encoding="utf-8"))
    expected = sorted(entry["datum"] for entry in data["datums"].values())
    figure = built.find("figure", id=re.compile("tijdlijn"))
    bold = [t.get_text() for t in figure.find_all("text") if t.get("font-weight") == "bold"]
    assert bold == [dutch_date(date) for date in expected]


def test_the_svg_stays_readable_at_320_px():
    """Scaled into a 260 px column, the smallest text is at least 12 px."""
    for diagram in DIAGRAMS.values():
        drawing = BeautifulSoup(svg(diagram), "html.parser").find("svg")
        width = float(drawing["viewbox"].split()[2])
        sizes = [float(t["font-size"]) for t in drawing.find_all("text")]
        assert min(sizes) * 260 / width >= 12, diagram.name


def test_an_unknown_diagram_is_an_error_at_its_line(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    _page_with_diagrams(srcdir, ["piramide-bestaat-niet"])
    app = SphinxTestApp("html", srcdir=srcdir, warningiserror=False)
    try:
        app.build()
        output = app.warning.getvalue()
    finally:
        app.cleanup()
    assert re.search(r"m02-vervolg\.md:\d+: WARNING: diagram 'piramide-bestaat-niet' bestaat niet", output)
    assert "[geletterdheid.diagram]" in output


def test_the_real_content_places_the_six_diagrams():
    used = set()
    for page in [*REPO.glob("modules/*.md"), *REPO.glob("docs/*.md")]:
        used |= set(re.findall(r"^```\{diagram\} (\S+)", page.read_text(encoding="utf-8"), re.M))
    assert used == set(NAMES)


@pytest.mark.content
def test_the_real_timeline_has_every_date_of_wetgeving_yaml():
    from geletterdheid.content.diagrams import timeline_diagram
    from geletterdheid.content.load import load_catalog

    catalog, problems = load_catalog(REPO)
    assert catalog is not None, problems
    data = yaml.safe_load((REPO / "docs" / "wetgeving.yaml").read_text(encoding="utf-8"))
    expected = [dutch_date(date) for date in sorted(entry["datum"] for entry in data["datums"].values())]
    assert [part.label for part in timeline_diagram(catalog.legal).parts] == expected


def test_the_text_builder_writes_the_description_and_the_text_equivalent(tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-minimal", srcdir)
    _page_with_diagrams(srcdir, ["risicopiramide"])
    app = SphinxTestApp("text", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        text = " ".join((Path(app.outdir) / "modules" / "m02-vervolg.txt").read_text(encoding="utf-8").split())
    finally:
        app.cleanup()
    assert "De vier risiconiveaus van de AI-verordening. Een piramide met vier lagen." in text
    assert "**Verboden.** Mag niet: het risico is te groot. (artikel 5)" in text
    assert "<svg" not in text
