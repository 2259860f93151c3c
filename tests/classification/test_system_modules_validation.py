"""`geletterdheid check` on docs/systeemmodules.yaml: which modules a system's outcome adds to a path.

Every problem is reported at its file and line: an unknown module or risk class, a missing risk
class, and a key of ``transparantie`` that is not a paragraph of Art. 50 or that the tree never finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from classification_support import line_of
from geletterdheid.cli import main
from geletterdheid.content import load_catalog

TABLE = "docs/systeemmodules.yaml"
GOOD = """\
# modules per uitkomst
risicoklassen:
  geen-ai: []
  verboden: [m01]
  hoog-risico: [m02]
  minimaal: []
transparantie:
  "50(1)": [m01]
  "50(3)": [m01, m02]
aanbieder:
  hoog-risico: [m02]
"""


def _write(root: Path, text: str) -> str:
    (root / TABLE).write_text(text, encoding="utf-8")
    return text


def _problems(root: Path) -> list[tuple[str, int, str]]:
    catalog, problems = load_catalog(root)
    assert catalog is None, "the broken table loaded"
    return [(p.path.relative_to(root).as_posix(), p.line, p.message) for p in problems]


def _expect(root: Path, line: int, fragment: str) -> None:
    problems = _problems(root)
    assert any(path == TABLE and at == line and fragment in message for path, at, message in problems), problems


def test_a_good_table_loads_and_gives_the_modules_of_an_outcome(tree_root):
    _write(tree_root, GOOD)
    catalog, problems = load_catalog(tree_root)
    assert problems == [] and catalog is not None and catalog.system_modules is not None
    table = catalog.system_modules
    assert table.modules_for("hoog-risico", (), "gebruiksverantwoordelijke") == ["m02"]
    assert table.modules_for("minimaal", ("50(1)", "50(3)"), "aanbieder") == ["m01", "m02"]
    assert table.modules_for("minimaal", (), "aanbieder") == []  # aanbieder adds only at hoog-risico here


def test_unknown_module(tree_root):
    text = _write(tree_root, GOOD.replace("hoog-risico: [m02]\n  minimaal", "hoog-risico: [m02, m99]\n  minimaal"))
    _expect(tree_root, line_of(text, "m99"), "onbekende module 'm99' bij risicoklassen 'hoog-risico'")


def test_unknown_module_under_transparency(tree_root):
    text = _write(tree_root, GOOD.replace('"50(1)": [m01]', '"50(1)": [m08]'))
    _expect(tree_root, line_of(text, "m08"), "onbekende module 'm08' bij transparantie '50(1)'")


def test_unknown_risk_class(tree_root):
    text = _write(tree_root, GOOD.replace("  minimaal: []", "  minimaal: []\n  laag-risico: [m01]"))
    _expect(tree_root, line_of(text, "laag-risico"), "onbekende risicoklasse 'laag-risico'")


def test_unknown_risk_class_under_aanbieder(tree_root):
    text = _write(tree_root, GOOD.replace("aanbieder:\n  hoog-risico", "aanbieder:\n  hoog"))
    _expect(tree_root, line_of(text, "hoog:"), "onbekende risicoklasse 'hoog'")


def test_a_missing_risk_class_must_be_written_down(tree_root):
    text = _write(tree_root, GOOD.replace("  geen-ai: []\n", ""))
    # at the section: its first entry
    _expect(tree_root, line_of(text, "verboden:"), "risicoklasse geen-ai ontbreekt")


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        ("50(9)", "artikel 50 heeft geen lid 9"),
        ("26(1)", "'26(1)' is geen lid van artikel 50"),
        ("50", "'50' is geen lid van artikel 50"),
        ("50(5)", "de beslisboom vindt '50(5)' nooit"),
    ],
)
def test_a_transparency_key_must_be_a_paragraph_of_article_50_the_tree_finds(tree_root, key, fragment):
    text = _write(tree_root, GOOD.replace('"50(3)"', f'"{key}"'))
    _expect(tree_root, line_of(text, f'"{key}"'), fragment)


def test_check_reports_it_as_path_and_line(tree_root, capsys):
    text = _write(tree_root, GOOD.replace("verboden: [m01]", "verboden: [m77]"))
    code = main(["--root", str(tree_root), "check"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{TABLE}:{line_of(text, 'm77')}: onbekende module 'm77'" in err


@pytest.mark.content
def test_the_shipped_table_adds_the_deployer_and_oversight_modules_to_high_risk(repo_catalog):
    table = repo_catalog.system_modules
    assert table is not None
    assert table.modules_for("hoog-risico", (), "gebruiksverantwoordelijke") == ["m07", "m13"]
    assert table.modules_for("hoog-risico", (), "aanbieder") == ["m07", "m13", "m15"]
    assert table.modules_for("minimaal", ("50(1)", "50(2)"), "gebruiksverantwoordelijke") == ["m08"]
    assert table.modules_for("minimaal", ("50(3)",), "gebruiksverantwoordelijke") == ["m08", "m03"]
    assert table.modules_for("verboden", (), "gebruiksverantwoordelijke") == ["m03"]
    assert table.modules_for("geen-ai", (), None) == []
