"""gemeente.toml [opleiding]: deadline and validity, for everyone and per role, and mistakes at their line."""

from __future__ import annotations

import datetime as dt

import pytest
from project_support import problems_of

from geletterdheid.content import catalog_or_exit
from geletterdheid.project.config import ProjectConfigError, load_config
from geletterdheid.project.model import TrainingSettings, TrainingTerms
from geletterdheid.reports.training import training_settings
from repo_paths import REPO

HEAD = """
[gemeente]
naam = "Gemeente Testdorp"
[forum]
basis_url = "https://forum.testdorp.nl/c/"
"""


def test_deadline_validity_and_a_role_of_its_own_are_read(project):
    root = project(
        HEAD
        + """
[opleiding]
deadline = 2027-03-31
geldig_maanden = 24
[opleiding.rollen.inkoper]
deadline = 2026-12-31
geldig_maanden = 12
"""
    )
    training = load_config(root).training
    assert training.default == TrainingTerms(dt.date(2027, 3, 31), 24)
    assert dict(training.per_role) == {"inkoper": TrainingTerms(dt.date(2026, 12, 31), 12)}


def test_without_opleiding_there_is_no_deadline_and_passes_stay_valid(project):
    assert load_config(project(HEAD)).training == TrainingSettings()
    assert training_settings(None, catalog_or_exit(REPO)) == TrainingSettings()  # the repository itself


def test_each_wrong_value_is_reported_at_its_line(project):
    root = project(
        HEAD
        + """
[opleiding]
deadline = "2027-03-31"
geldig_maanden = 0
[opleiding.rollen.inkoper]
deadline = 2026-12-31T10:00:00
geldig = 12
[opleiding.rollen.Jurist]
deadline = 2026-12-31
"""
    )
    assert problems_of(root) == [
        "gemeente.toml:7: 'deadline' in [opleiding] moet een datum zijn zoals 2027-03-31 "
        "(zonder aanhalingstekens en zonder tijd), niet tekst",
        "gemeente.toml:8: 'geldig_maanden' in [opleiding] moet een heel aantal maanden zijn van 1 tot en met 240, "
        "zoals 24",
        "gemeente.toml:10: 'deadline' in [opleiding.rollen.inkoper] moet een datum zijn zoals 2027-03-31 "
        "(zonder aanhalingstekens en zonder tijd), niet een tijdstip",
        "gemeente.toml:11: onbekende sleutel 'geldig' in [opleiding.rollen.inkoper]; bedoel je 'geldig_maanden'?",
        "gemeente.toml:12: [opleiding.rollen]: 'Jurist' is geen geldige rol-id: gebruik kleine letters, cijfers "
        "en '-', zoals in de inhoud",
    ]


def test_a_role_the_content_does_not_have_is_named_with_its_line(project):
    root = project(HEAD + "\n[opleiding]\ndeadline = 2027-03-31\n[opleiding.rollen.wethouder]\ndeadline = 2026-12-31\n")
    with pytest.raises(ProjectConfigError) as caught:
        training_settings(root, catalog_or_exit(REPO))
    message = caught.value.user_message()
    assert "gemeente.toml:8: [opleiding.rollen.wethouder]: onbekende rol 'wethouder'; bekende rollen: " in message
    assert "inkoper" in message


def test_export_and_progress_in_a_gemeente_project_use_its_deadline(tmp_path, capsys):
    from geletterdheid.cli import main
    from geletterdheid.project.init import create_project

    root = tmp_path / "testdorp"
    create_project(root, "Gemeente Testdorp")
    toml = root / "gemeente.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[opleiding]\ndeadline = 2025-01-31\n", encoding="utf-8")
    roster = tmp_path / "medewerkers.csv"
    roster.write_text("medewerker_id,naam,afdeling,rollen\nE1,Anna de Vries,Burgerzaken,\n", encoding="utf-8")
    db = f"sqlite:///{(tmp_path / 'hr.db').as_posix()}"
    assert main(["--root", str(root), "roster", "import", str(roster), "--db", db]) == 0
    capsys.readouterr()
    assert main(["--root", str(root), "export", "--db", db, "--dialect", "rfc4180"]) == 0
    lines = capsys.readouterr().out.lstrip("\ufeff").splitlines()
    # ... geldig_tot, deadline, workshop (none) and reden
    assert lines[1:] and all(line.endswith(",te laat,,,0,,2025-01-31,,leerpad") for line in lines[1:])
    assert main(["--root", str(root), "progress", "--db", db]) == 0
    assert "te laat" in capsys.readouterr().out
