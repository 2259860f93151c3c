"""A diagram in a handbook (issue 16, item 7): a tagged Figure with the diagram's alt text, and its text
equivalent printed below it, on the fixture tree with one role (cheap)."""

from __future__ import annotations

from pathlib import Path

import pytest
from handbook_fixture import copy_tree
from pypdf import PdfReader

from geletterdheid.cli import main
from geletterdheid.content.diagrams import DIAGRAMS
from pdf_support import flat, struct_elements


@pytest.fixture(scope="module")
def handbook(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("diagram-handboek")
    tree = copy_tree(work / "inhoud")
    page = tree / "modules" / "m01-basis.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n```{diagram} risicopiramide\n```\n\n```{diagram} tijdlijn\n```\n",
        encoding="utf-8",
    )
    out = work / "out"
    assert main(["--root", str(tree), "build", "--only", "pdf", "--rol", "beleidsadviseur", "--out", str(out)]) == 0
    return out / "pdf" / "handboek-beleidsadviseur.pdf"


def test_the_diagram_is_a_figure_with_its_alt_text(handbook):
    alts = [str(e.get("/Alt")) for e in struct_elements(PdfReader(handbook)) if e["/S"] == "/Figure"]
    pyramid = DIAGRAMS["risicopiramide"]
    assert f"{pyramid.title}. {pyramid.description}" in alts
    assert any(alt.startswith("Tijdlijn van de AI-verordening. Een tijdlijn") for alt in alts)


def test_the_text_equivalent_is_printed_below_it(handbook):
    text = flat("\n".join(page.extract_text() or "" for page in PdfReader(handbook).pages))
    assert "Tekst bij de afbeelding" in text
    assert "Verboden. Mag niet: het risico is te groot. (artikel 5)" in text
    assert "Hoog risico. Mag alleen onder strenge regels. (artikel 6, bijlage III)" in text
