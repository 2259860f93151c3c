"""`geletterdheid new module`: a skeleton that passes check as written, whose placeholders check names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geletterdheid.cli import main
from geletterdheid.scaffold.module import slug

NEW = ["new", "module", "--id", "m17", "--titel", "Chatbots in de dienstverlening", "--rol", "beleidsadviseur"]
NEW += ["--onderwerp", "regels"]


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_a_new_module_passes_check_and_its_placeholders_are_named(content_tree: Path, capsys):
    assert main(["--root", str(content_tree), *NEW]) == 0
    assert "modules/m17-chatbots-in-de-dienstverlening.md en quizzes/m17.yaml" in capsys.readouterr().out
    module = (content_tree / "modules" / "m17-chatbots-in-de-dienstverlening.md").read_text(encoding="utf-8")
    assert module.startswith("---\nid: m17 ") and "\n# Chatbots in de dienstverlening\n" in module
    assert "niveau: bekwaam" in module  # the level of the (first) role

    assert main(["--root", str(content_tree), "check"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("In orde: 3 modules, 3 toetsen met 7 vragen")
    notes = re.findall(r"^Let op: (\S+?):(\d+): nog in te vullen \(INVULLEN\)", err, re.MULTILINE)
    assert ("modules/m17-chatbots-in-de-dienstverlening.md", "4") in notes  # samenvatting
    assert any(path == "quizzes/m17.yaml" for path, _ in notes)
    lines = module.splitlines()
    module_notes = [int(line) for path, line in notes if path.startswith("modules/")]
    assert not any(lines[line - 1].startswith("%") for line in module_notes)  # comments never go live
    assert any(line.startswith("% ") and "INVULLEN" in line for line in lines)  # ...and are not named


def test_once_filled_in_nothing_is_named(content_tree: Path, capsys):
    assert main(["--root", str(content_tree), *NEW]) == 0
    for path in [*(content_tree / "modules").glob("m17-*.md"), content_tree / "quizzes" / "m17.yaml"]:
        path.write_text(path.read_text(encoding="utf-8").replace("INVULLEN: ", ""), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(content_tree), "check"]) == 0
    assert "INVULLEN" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"--id": "m01"}, "module-id 'm01' bestaat al (m01-basis.md); kies een andere id"),
        ({"--id": "M17!"}, "ongeldige id 'M17!': gebruik kleine letters, cijfers en '-'"),
        ({"--rol": "wethouder"}, "onbekende rol 'wethouder'; bekend zijn: alle-medewerkers, beleidsadviseur"),
        ({"--onderwerp": "sport"}, "onbekend onderwerp 'sport'; bekend zijn: basis, regels"),
        ({"--titel": "Over **vet**"}, "--titel is gewone tekst op één regel, geen Markdown: haal vet"),
    ],
    ids=["existing-id", "bad-id", "unknown-role", "unknown-topic", "markdown-title"],
)
def test_what_cannot_be_made_is_refused_in_dutch_and_nothing_is_written(content_tree: Path, capsys, change, message):
    before = _files(content_tree)
    args = list(NEW)
    for option, value in change.items():
        args[args.index(option) + 1] = value
    assert main(["--root", str(content_tree), *args]) == 1
    err = capsys.readouterr().err
    assert f"Fout: {message}" in err and "Fout: Fout:" not in err
    assert err.rstrip().endswith("Niets geschreven.") and "Traceback" not in err
    assert _files(content_tree) == before


def test_an_existing_file_is_never_overwritten(content_tree: Path, tmp_path: Path):
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.scaffold.module import NewModule, ScaffoldError, write_module

    target = tmp_path / "doel"  # a folder the Catalog does not see, as a gemeente project's own folders
    (target / "quizzes").mkdir(parents=True)
    quiz = target / "quizzes" / "m17.yaml"
    quiz.write_text("# van iemand anders\n", encoding="utf-8")
    new = NewModule("m17", "Chatbots", ("beleidsadviseur",), "regels")
    with pytest.raises(ScaffoldError) as refused:
        write_module(new, catalog_or_exit(content_tree), target)
    assert "quizzes/m17.yaml bestaat al; 'geletterdheid new' schrijft nooit over een bestand heen" in str(refused.value)
    assert quiz.read_text(encoding="utf-8") == "# van iemand anders\n"
    assert not (target / "modules").exists()


def test_slug_is_ascii_and_short():
    assert slug("Één AI-verordening: wat nu?") == "een-ai-verordening-wat-nu"
    assert len(slug("Een heel lange titel " * 10)) <= 40
