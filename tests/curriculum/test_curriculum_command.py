"""`geletterdheid curriculum ROL [ROL ...] --format text|md|json|csv` on the fixture tree."""

from __future__ import annotations

import csv
import io
import json

import pytest

from geletterdheid.cli import main
from handboek_root_expected import FIXTURE_ROOT, PATHS, TITLES


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(FIXTURE_ROOT), "curriculum", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_lists_modules_in_order_with_details_and_total(capsys):
    code, out, err = run(capsys, "beleidsadviseur")
    assert code == 0 and err == ""
    assert out.startswith("Leerpad voor Beleidsadviseur\n5 modules, samen 2 uur en 15 minuten studietijd.")
    positions = [out.index(f"{m}  {TITLES[m]}") for m in PATHS["beleidsadviseur"]]
    assert positions == sorted(positions)
    assert "45 minuten · niveau Vloeiend" in out
    assert "- Leerdoel twee van m05." in out
    assert out.rstrip().endswith("Totale studietijd: 2 uur en 15 minuten")


def test_json_is_the_union_of_roles(capsys):
    code, out, _ = run(capsys, "inkoper", "jurist-privacy", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [m["id"] for m in data["modules"]] == ["m01", "m03", "m04", "m06"]
    assert [m["volgorde"] for m in data["modules"]] == [1, 2, 3, 4]
    assert data["rollen"] == [
        {"id": "inkoper", "titel": "Inkoper"},
        {"id": "jurist-privacy", "titel": "Jurist of privacyspecialist"},
    ]
    assert data["studietijd_minuten"] == 15 + 20 + 25 + 10
    assert data["modules"][0]["leerdoelen"] == ["Leerdoel een van m01.", "Leerdoel twee van m01."]


def test_csv_has_dutch_header_and_a_row_per_module(capsys):
    code, out, _ = run(capsys, "inkoper", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0
    assert rows[0] == ["volgorde", "module", "titel", "duur_minuten", "niveau", "leerdoelen"]
    assert [row[1] for row in rows[1:]] == PATHS["inkoper"]
    assert rows[2] == ["2", "m03", "Inkoop van AI", "20", "bekwaam", "Leerdoel een van m03. | Leerdoel twee van m03."]


def test_markdown(capsys):
    code, out, _ = run(capsys, "jurist-privacy", "--format", "md")
    assert code == 0
    assert out.startswith("# Leerpad Jurist of privacyspecialist\n")
    assert "1. **Basis van AI** (m01): 15 minuten, niveau Bewust" in out
    assert "2. **Privacy en AI** (m06)" in out
    assert "**Totale studietijd:** 25 minuten" in out


@pytest.mark.parametrize("fmt", ["text", "md", "json", "csv"])
def test_unknown_role_gives_dutch_message_listing_valid_roles_and_exit_1(capsys, fmt):
    code, out, err = run(capsys, "wethouder", "--format", fmt)
    assert code == 1 and out == ""
    assert err.strip() == (
        "Fout: onbekende rol 'wethouder'. Geldige rollen zijn: alle-medewerkers, "
        "beleidsadviseur, inkoper, jurist-privacy."
    )
