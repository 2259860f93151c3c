"""The kit's score sheet and attendance list flow back as they are: a trainer fills in scoreblad.xlsx
with openpyxl (letters as printed, upper case), `responses import` stores what quiz.scoring gives, and
`attendance import` of the same workbook shows the workshop in the HR export."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from geletterdheid.cli import main
from geletterdheid.quiz.scoring import score_quiz
from repo_paths import REPO

PEOPLE = [("W001", "Anna de Vries", "Burgerzaken"), ("W002", "Bram Jansen", "Financiën"), ("W003", "Chris Bos", "Wmo")]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def kit(tmp_path, capsys):
    people = tmp_path / "deelnemers.csv"
    people.write_text(
        "medewerker_id;naam;afdeling\n" + "".join(f"{i};{n};{a}\n" for i, n, a in PEOPLE), encoding="utf-8"
    )
    roster = tmp_path / "personeel.csv"
    roster.write_text(
        "medewerker_id;naam;afdeling;rollen\n" + "".join(f"{i};{n};{a};\n" for i, n, a in PEOPLE), encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'hr.db'}"
    code, _, err = run(capsys, "roster", "import", str(roster), "--db", db)
    assert code == 0, err
    out = tmp_path / "kit"
    code, _, err = run(
        capsys,
        "workshop",
        "--rol",
        "alle-medewerkers",
        "--duur",
        "240",
        "--datum",
        "2026-11-23",
        "--deelnemers",
        str(people),
        "--out",
        str(out),
    )
    assert code == 0, err
    return out / "scoreblad.xlsx", db


def _answer_as_printed(question, keys):
    if question.type == "juist-onwaar":
        return {"juist": "JUIST", "onjuist": "Onjuist"}[keys[0]]
    return ",".join(key.upper() for key in keys)


def test_a_filled_in_score_sheet_imports_with_the_scores_quiz_scoring_gives(kit, capsys):
    from geletterdheid.content import catalog_or_exit

    path, db = kit
    catalog = catalog_or_exit(REPO)
    book = openpyxl.load_workbook(path)
    expected: dict[tuple[str, str], float] = {}
    for module_id in ("m01", "m02"):
        quiz = catalog.quizzes[module_id]
        sheet = book[f"Toets {module_id}"]
        for row, (employee_id, _, _) in enumerate(PEOPLE[:2], start=2):
            assert sheet.cell(row, 1).value == employee_id
            given: dict[str, list[str]] = {}
            for offset, question in enumerate(quiz.questions):
                # W001 answers everything right; W002 takes the first option of every question.
                keys = list(question.correct) if employee_id == "W001" else [next(iter(question.options))]
                given[question.id] = keys
                sheet.cell(row, 4 + offset).value = _answer_as_printed(question, keys)
            expected[employee_id, module_id] = score_quiz(quiz, given).score_percent
    book.save(path)

    code, out, err = run(capsys, "responses", "import", str(path), "--db", db)
    assert code == 0, err
    assert "4 nieuw opgeslagen" in out
    code, out, _ = run(capsys, "export", "--db", db)
    rows = {
        (r["medewerker_id"], r["module_id"]): r
        for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")
    }
    for (employee_id, module_id), percent in expected.items():
        shown = rows[employee_id, module_id]["beste_score"].replace(",", ".")
        assert float(shown) == pytest.approx(percent, abs=0.05), (employee_id, module_id)
    assert rows["W001", "m01"]["status"] == "geslaagd"
    # W003 had a row on every sheet but no answers: not taken, not a 0 %.
    assert rows["W003", "m01"]["status"] == "niet gestart"


def test_the_attendance_list_of_the_same_workbook_shows_the_workshop_in_the_export(kit, capsys):
    path, db = kit
    book = openpyxl.load_workbook(path)
    sheet = book["Presentielijst"]
    sheet["D2"], sheet["D3"], sheet["D4"] = "ja", "JA", "nee"
    book.save(path)
    code, out, err = run(
        capsys,
        "attendance",
        "import",
        str(path),
        "--db",
        db,
        "--workshop",
        "AI-basis december",
        "--datum",
        "2026-11-23",
        "--modules",
        "m01,m02,m03,m04",
        "--duur",
        "240",
        "--trainer",
        "Petra Smit",
    )
    assert code == 0, err
    assert "2 deelnemers nieuw vastgelegd" in out and "1 afwezig" in out
    code, out, _ = run(capsys, "export", "--db", db)
    rows = {
        (r["medewerker_id"], r["module_id"]): r
        for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")
    }
    assert rows["W001", "m03"]["workshop"] == "workshop gevolgd op 23 november 2026"
    assert rows["W002", "m01"]["workshop"] == "workshop gevolgd op 23 november 2026"
    assert rows["W003", "m01"]["workshop"] == ""
