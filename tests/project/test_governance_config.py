"""gemeente.toml [governance]: the owner, budget and evaluation date the board's dossier shows."""

from __future__ import annotations

import datetime as dt

from project_support import problems_of

from geletterdheid.project.config import load_config
from geletterdheid.project.model import Governance

HEAD = """
[gemeente]
naam = "Gemeente Testdorp"
[forum]
basis_url = "https://forum.testdorp.nl/c/"
"""


def test_owner_budget_and_evaluation_date_are_read(project):
    root = project(
        HEAD
        + """
[governance]
eigenaar = "Gemeentesecretaris"
budget = "€ 40.000 per jaar"
evaluatie_datum = 2027-06-30
"""
    )
    assert load_config(root).governance == Governance("Gemeentesecretaris", "€ 40.000 per jaar", dt.date(2027, 6, 30))


def test_without_governance_nothing_is_set(project):
    assert load_config(project(HEAD)).governance == Governance()


def test_each_wrong_value_is_reported_at_its_line(project):
    root = project(
        HEAD
        + """
[governance]
eigenaar = ""
budget = 40000
evaluatie_datum = "2027-06-30"
eigenaars = "college"
"""
    )
    assert problems_of(root) == [
        "gemeente.toml:7: 'eigenaar' in [governance] mag niet leeg zijn",
        "gemeente.toml:8: 'budget' in [governance] moet tekst zijn (tussen aanhalingstekens), niet een getal",
        "gemeente.toml:9: 'evaluatie_datum' in [governance] moet een datum zijn zoals 2027-03-31 "
        "(zonder aanhalingstekens en zonder tijd), niet tekst",
        "gemeente.toml:10: onbekende sleutel 'eigenaars' in [governance]; bedoel je 'eigenaar'?",
    ]


def test_the_dossier_of_a_gemeente_project_shows_its_owner_budget_and_name(tmp_path, capsys):
    import json

    from geletterdheid.cli import main
    from geletterdheid.project.init import create_project

    root = tmp_path / "testdorp"
    create_project(root, "Gemeente Testdorp")
    toml = root / "gemeente.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8")
        + '\n[governance]\neigenaar = "Gemeentesecretaris"\nbudget = "€ 40.000 per jaar"\n'
        + "evaluatie_datum = 2026-06-30\n",
        encoding="utf-8",
    )
    roster = tmp_path / "medewerkers.csv"
    roster.write_text("medewerker_id,naam,afdeling,rollen\nE1,Anna de Vries,Burgerzaken,\n", encoding="utf-8")
    db = f"sqlite:///{(tmp_path / 'hr.db').as_posix()}"
    assert main(["--root", str(root), "roster", "import", str(roster), "--db", db]) == 0
    out = tmp_path / "dossier"
    assert main(["--root", str(root), "rapport", "--db", db, "--out", str(out)]) == 0, capsys.readouterr().err
    data = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert data["gemeente"] == "Gemeente Testdorp"
    assert data["evalueren"]["governance"] == {
        "eigenaar": "Gemeentesecretaris",
        "budget": "€ 40.000 per jaar",
        "evaluatie_datum": "2026-06-30",
    }
    # the evaluation date has passed (the dossier is made today): that is an open action
    assert any("evaluatie van 30 juni 2026 is voorbij" in action for action in data["evalueren"]["open_acties"])
    assert data["identificeren"] == {
        "systemen": [],
        "toelichting": "Er is geen AI-register (ai-systemen.yaml) gevonden.",
    }
    assert "Gemeentesecretaris" in (out / "rapport.html").read_text(encoding="utf-8")
