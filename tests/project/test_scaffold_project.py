"""`geletterdheid new module` in a gemeente project writes into the project's own modules/ and quizzes/."""

from __future__ import annotations

from pathlib import Path

from geletterdheid.cli import main


def test_a_new_module_goes_into_the_project_and_check_names_its_placeholders(overlay_project: Path, capsys):
    args = ["new", "module", "--id", "t02", "--titel", "AI bij de balie", "--rol", "alle-medewerkers"]
    assert main(["--root", str(overlay_project), *args, "--onderwerp", "basis"]) == 0
    assert (overlay_project / "modules" / "t02-ai-bij-de-balie.md").is_file()
    assert (overlay_project / "quizzes" / "t02.yaml").is_file()
    capsys.readouterr()
    assert main(["--root", str(overlay_project), "check"]) == 0
    err = capsys.readouterr().err
    assert "Let op: modules/t02-ai-bij-de-balie.md:4: nog in te vullen (INVULLEN)" in err  # the project's own file
    assert "bron" not in err


def test_an_id_of_the_base_content_is_refused_in_a_project(overlay_project: Path, capsys):
    args = ["new", "module", "--id", "m02", "--titel", "Eigen vervolg", "--rol", "alle-medewerkers"]
    assert main(["--root", str(overlay_project), *args, "--onderwerp", "basis"]) == 1
    assert "module-id 'm02' bestaat al" in capsys.readouterr().err
    assert not list((overlay_project / "modules").glob("m02-*"))
