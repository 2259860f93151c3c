"""The appendix "Bijlage: beslishulp": the printable flow of the decision tree, in the handbooks of
the roles whose learning path has the module on risk classification (m06), tagged and Dutch."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from handbook_fixture import PATHS, copy_tree

from geletterdheid.cli import main
from geletterdheid.content import load_catalog
from pdf_support import assert_tagged_dutch_pdf_ua, flat

DATA = Path(__file__).resolve().parents[1] / "classification" / "data"


def _text(pdf: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("bijlage")
    tree = copy_tree(work / "inhoud")
    for name in ("beslisboom.yaml", "plichten.yaml", "wetgeving.yaml"):
        shutil.copy(DATA / name, tree / "docs" / name)
    # jurist-privacy has m06 in its path, inkoper has not (tests/handboek_root_expected.py).
    assert "m06" in PATHS["jurist-privacy"] and "m06" not in PATHS["inkoper"]
    out = work / "out"
    assert (
        main(
            [
                "--root",
                str(tree),
                "build",
                "--only",
                "pdf",
                "--rol",
                "jurist-privacy",
                "--rol",
                "inkoper",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return tree, out / "pdf"


def test_a_handbook_with_m06_ends_with_the_flow_of_the_decision_tree(built):
    tree, pdfs = built
    catalog, _ = load_catalog(tree)
    assert catalog is not None and catalog.decision_tree is not None
    for edition in ("handboek", "trainer"):
        pdf = pdfs / f"{edition}-jurist-privacy.pdf"
        assert_tagged_dutch_pdf_ua(pdf)
        text = flat(_text(pdf))
        assert "Bijlage: beslishulp" in text
        appendix = text[text.index("Bijlage: beslishulp") :]
        for question in catalog.decision_tree.questions:
            assert flat(question.question.replace("'", "’")) in appendix, question.id
        assert "ga naar vraag 2" in appendix and "conclusie: Geen AI-systeem." in appendix
        assert "artikel 50(1) geldt; ga naar vraag 9." in appendix


def test_a_handbook_without_m06_has_no_appendix(built):
    _, pdfs = built
    assert "Bijlage: beslishulp" not in flat(_text(pdfs / "handboek-inkoper.pdf"))
