"""`geletterdheid workshop` as a trainer runs it: a folder with the kit, private files, Dutch errors."""

from __future__ import annotations

import stat

import pytest

from geletterdheid.cli import main
from repo_paths import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), "workshop", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_writes_the_kit_privately_and_says_what_is_homework(capsys, tmp_path):
    out = tmp_path / "kit"
    code, stdout, err = run(
        capsys, "--rol", "alle-medewerkers", "--duur", "120", "--datum", "2026-12-14", "--out", str(out)
    )
    assert code == 0, err
    files = [path.name for path in out.iterdir()]
    assert sorted(files) == sorted(
        ["draaiboek.pdf", "dia's.pptx", "antwoordblad.pdf", "scoreblad.xlsx", "presentielijst.pdf"]
        + [f"toets-m0{n}.pdf" for n in range(1, 5)]
    )
    assert stdout.splitlines()[1:10] == [f"  {name}" for name in files_in_reading_order()]
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in out.iterdir())
    assert "Past niet in de tijd, en is huiswerk" in stdout


def files_in_reading_order() -> list[str]:
    toets = [f"toets-m0{n}.pdf" for n in range(1, 5)]
    return ["draaiboek.pdf", "dia's.pptx", *toets, "antwoordblad.pdf", "presentielijst.pdf", "scoreblad.xlsx"]


def test_participants_prefill_the_score_sheet(capsys, tmp_path):
    import openpyxl

    people = tmp_path / "deelnemers.csv"
    people.write_text("medewerker_id;naam;afdeling\nE001;Anna de Vries;Burgerzaken\n", encoding="utf-8")
    out = tmp_path / "kit"
    code, _, err = run(capsys, "--modules", "m01", "--duur", "60", "--deelnemers", str(people), "--out", str(out))
    assert code == 0, err
    book = openpyxl.load_workbook(out / "scoreblad.xlsx")
    assert book.sheetnames == ["Presentielijst", "Toets m01"]
    assert book["Toets m01"]["A2"].value == "E001" and book["Toets m01"].max_row == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("naam\nAnna\n", "de kolom medewerker_id ontbreekt"),
        ("medewerker_id;naam\nE001;Anna\n;Bert\n", "deelnemers.csv, rij 3: medewerker_id is leeg"),
        ("medewerker_id;naam\nE001;Anna\nE001;Bert\n", "deelnemers.csv, rij 3: E001 staat ook in rij 2"),
        ("medewerker_id;naam\n", "geen deelnemers"),
    ],
)
def test_a_bad_participants_file_names_the_row_and_writes_nothing(capsys, tmp_path, content, message):
    people = tmp_path / "deelnemers.csv"
    people.write_text(content, encoding="utf-8")
    out = tmp_path / "kit"
    code, _, err = run(capsys, "--modules", "m01", "--duur", "60", "--deelnemers", str(people), "--out", str(out))
    assert code == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_unknown_or_repeated_modules_are_refused(capsys, tmp_path):
    code, _, err = run(capsys, "--modules", "m01,m99", "--duur", "60", "--out", str(tmp_path / "k"))
    assert code == 1 and "onbekende module m99" in err
    code, _, err = run(capsys, "--modules", "m01,m01", "--duur", "60", "--out", str(tmp_path / "k"))
    assert code == 1 and "m01 staat twee keer" in err


def test_too_short_a_session_is_a_dutch_error(capsys, tmp_path):
    code, _, err = run(capsys, "--rol", "alle-medewerkers", "--duur", "30", "--out", str(tmp_path / "k"))
    assert code == 1 and "te kort" in err and not (tmp_path / "k").exists()
