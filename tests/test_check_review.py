"""`geletterdheid check` on module texts (no false alarms in code) and the legal review dates (`review`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from geletterdheid.cli import main
from test_content_validation import BROKEN_IN_TEXT, _edit

VALID_TEXT = """
Zie [de vervolgmodule](m02-vervolg.md#vervolg), {doc}`m02-vervolg`, {doc}`de rol </docs/rollen/beleidsadviseur>`
en [EUR-Lex](https://eur-lex.europa.eu/) of [boven](#basis).

![Een schema met invoer en uitvoer](schema.png)

```{image} schema.png
:alt: Een schema
```

Code is geen tekst: `` {artikel}`999` `` en `[weg](m99.md)`.

```python
print("{wet}`ooit` ![](x.png)")
```

% {artikel}`998` in een commentaar
"""


def _append(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_valid_links_images_and_code_are_not_reported(content_tree: Path, capsys: pytest.CaptureFixture[str]):
    _append(content_tree, "modules/m01-basis.md", VALID_TEXT)
    assert main(["--root", str(content_tree), "check"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("In orde:")


LAW_CHANGE = """  wijziging:
    datum: 2026-11-30
    wat: Een wijziging van de verordening treedt in werking.
    artikelen: ["113"]
    wijzigt_tekst: true
  latere-datum-zonder-wijziging:
    datum: 2027-01-01
    wat: Iets anders gaat gelden.
    artikelen: ["113"]
"""


def _law_changed(root: Path) -> None:
    path = root / "docs" / "wetgeving.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("datums:\n", "datums:\n" + LAW_CHANGE), encoding="utf-8")
    module = root / "modules" / "m02-vervolg.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "laatst_gecontroleerd: 2026-11-28", "laatst_gecontroleerd: 2026-01-05"
        ),
        encoding="utf-8",
    )


def test_a_module_checked_before_the_law_changed_is_a_note_not_an_error(
    content_tree: Path, capsys: pytest.CaptureFixture[str]
):
    _law_changed(content_tree)
    assert main(["--root", str(content_tree), "check"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("In orde:")
    assert (
        "Let op: modules/m01-basis.md:14: laatst_gecontroleerd 2026-11-28: gecontroleerd vóór de wijziging van de "
        "wet op 30 november 2026 (wijziging in docs/wetgeving.yaml); controleer opnieuw" in err
    )
    assert "Let op: modules/m02-vervolg.md:13: laatst_gecontroleerd 2026-01-05" in err


def test_review_lists_the_modules_due_oldest_first(content_tree: Path, capsys: pytest.CaptureFixture[str]):
    _law_changed(content_tree)
    assert main(["--root", str(content_tree), "review"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["module", "titel", "laatst_gecontroleerd", "waarom"]
    assert lines[1].split()[:3] == ["m02", "Vervolg", "2026-01-05"]  # the oldest check first
    assert lines[2].split()[:3] == ["m01", "Basis", "2026-11-28"]
    assert "gecontroleerd vóór de wijziging van de wet op 30 november 2026" in lines[1]
    assert lines[-1] == "2 modules om opnieuw aan de wet te toetsen (oudste eerst)."


def test_review_without_a_change_of_the_law_after_the_checks(content_tree: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--root", str(content_tree), "review"]) == 0
    assert capsys.readouterr().out.startswith("Geen modules om te controleren")


@pytest.mark.content
def test_the_shipped_law_marks_the_omnibus_as_the_change_of_the_text():
    from geletterdheid.content import load_catalog
    from repo_paths import REPO

    catalog, _ = load_catalog(REPO)
    assert catalog is not None
    change = catalog.legal.last_text_change()
    assert change is not None and change[0] == "omnibus-in-werking"


# myst-parser's resolver of a missing .md link uses an API Sphinx 9 deprecates (its own warning, not ours).
@pytest.mark.filterwarnings("ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated")
@pytest.mark.parametrize("case", sorted(BROKEN_IN_TEXT), ids=sorted(BROKEN_IN_TEXT))
def test_what_check_finds_in_a_text_the_build_stops_on_too(content_tree: Path, tmp_path: Path, case: str, capsys):
    """check is no stricter than the build: every problem it finds in a text also fails the build, there."""
    from geletterdheid.site_build import build_site

    relative, old, new, _, _ = BROKEN_IN_TEXT[case]
    _edit(content_tree, relative, old, new)
    only = "pdf" if "image" in case else "html"  # alt text is for the accessible PDF handbooks
    assert build_site(content_tree, tmp_path / "uit", only=only) == 1
    page = (
        "modules/m02-vervolg.md"
        if relative == "quizzes/m02.yaml"
        else relative.replace("quizzes/m01.yaml", "modules/m01-basis.md")
    )
    assert page in capsys.readouterr().err  # the build names the page (a quiz is written on its module's page)


def test_the_unbroken_tree_builds(content_tree: Path, tmp_path: Path):
    from geletterdheid.site_build import build_site

    assert build_site(content_tree, tmp_path / "uit") == 0  # site and handbooks: the cases above fail for their edit


def test_problems_in_front_matter_and_in_the_text_are_reported_together(content_tree: Path, capsys):
    _edit(content_tree, "modules/m01-basis.md", "niveau: bewust", "niveau: gevorderd")
    _edit(content_tree, "quizzes/m02.yaml", "{artikel}`4` geldt", "{artikel}`4b` geldt")
    assert main(["--root", str(content_tree), "check"]) == 1
    err = capsys.readouterr().err
    assert "modules/m01-basis.md:8: 'niveau' moet een van deze waarden zijn: bewust, bekwaam, vloeiend of expert" in err
    assert "quizzes/m02.yaml:24: {artikel}: artikel 4b bestaat niet in de AI-verordening" in err
    assert err.rstrip().endswith("fouten in de inhoud.") and "Traceback" not in err
