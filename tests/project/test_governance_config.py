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
