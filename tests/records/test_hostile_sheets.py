"""Hostile and odd spreadsheets: a clear Dutch message with the file and row, exit 1, nothing stored,
and never more than 200 MB of memory, however large the file pretends or unpacks to be."""

from __future__ import annotations

import codecs

import pytest

from . import hostile_files
from .conftest import CONTENT, ROSTER, write_csv
from .peak_memory import run_measured

MEMORY_BOUND_MIB = 200


@pytest.mark.parametrize(
    "make, code, message",
    [
        (hostile_files.declared_huge, 0, "grid.xlsx (breed): 1 poging gelezen, 1 nieuw opgeslagen"),
        (hostile_files.zip_bomb, 1, "bom.xlsx: uitgepakt is het bestand 300 MB; de grens is 256 MB"),
        (hostile_files.lying_zip_bomb, 1, "leugen.xlsx: geen geldig Excel-bestand (.xlsx)"),
        (hostile_files.broken_sheet_xml, 1, "kapot.xlsx, rij 2: het werkblad is beschadigd en kan niet gelezen worden"),
        (hostile_files.broken_workbook_xml, 1, "werkmap.xlsx: geen geldig Excel-bestand (.xlsx)"),
        (hostile_files.wide_cell, 1, "breed.xlsx, rij 2: cellen tot en met kolom XFD; er mogen hoogstens 1024"),
        (hostile_files.far_row, 1, "ver.xlsx: meer dan 1048576 rijen; splits het bestand"),
        (
            hostile_files.many_invalid_rows,
            1,
            "veel.xlsx: meer dan 1000 ongeldige rijen (de laatste: rij 1003: onbekende medewerker '1'; "
            "ongeldig tijdstip ''",
        ),
        (hostile_files.many_empty_rows, 0, "leeg.xlsx (breed): 1 poging gelezen, 1 nieuw opgeslagen"),
    ],
    ids=[
        "A1:XFD1048576",
        "zip-bom",
        "liegende-zip-bom",
        "kapotte-xml",
        "kapotte-werkmap",
        "cel-in-XFD",
        "rij-2000000",
        "300000-foute-rijen",
        "300000-lege-rijen",
    ],
)
def test_hostile_xlsx_is_read_within_200_mb(tmp_path, staffed_store, db_url, make, code, message):
    path = make(tmp_path)
    measured = run_measured("--root", CONTENT, "responses", "import", path, "--db", db_url)
    assert measured.code == code, measured.err
    assert message in measured.out + measured.err
    assert "Interne fout" not in measured.err
    assert measured.peak_mib < MEMORY_BOUND_MIB, f"{measured.peak_mib:.0f} MiB"
    stored = staffed_store.counts()["attempts"]
    assert stored == (1 if code == 0 else 0)


@pytest.mark.parametrize(
    "encoding, message",
    [
        (
            "utf-16-le",
            "het bestand lijkt opgeslagen als UTF-16 zonder BOM (bytevolgordeteken); sla het op als CSV UTF-8",
        ),
        (
            "utf-16-be",
            "het bestand lijkt opgeslagen als UTF-16 zonder BOM (bytevolgordeteken); sla het op als CSV UTF-8",
        ),
        ("utf-32", "het bestand is opgeslagen als UTF-32; sla het op als CSV UTF-8"),  # with BOM
        ("utf-32-le", "het bestand is opgeslagen als UTF-32; sla het op als CSV UTF-8"),
    ],
)
def test_csv_in_utf16_without_bom_or_utf32_gets_a_clean_message(
    cli, tmp_path, staffed_store, db_url, encoding, message
):
    rows = [[*hostile_files.WIDE_ROWS[0]], ["E1", "2025-01-10T09:00", "b", "onjuist", "a|c|d", ""]]
    path = write_csv(tmp_path / "unicode.csv", rows, delimiter=";", encoding=encoding)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1
    assert result.err.strip() == f"Fout: unicode.csv: {message}"
    assert "\x00" not in result.output
    assert staffed_store.counts()["attempts"] == 0


def test_csv_in_utf16_with_bom_is_still_read(cli, tmp_path, staffed_store, db_url):
    rows = [[*hostile_files.WIDE_ROWS[0]], ["E1", "2025-01-10T09:00", "b", "onjuist", "a|c|d", ""]]
    path = tmp_path / "excel-unicode.csv"
    write_csv(path, rows, delimiter="\t", encoding="utf-16-le")
    path.write_bytes(codecs.BOM_UTF16_LE + path.read_bytes())
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert staffed_store.attempts_of("E1")[0].score_percent == 75.0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_a_nul_byte_in_a_name_is_refused_with_its_row(cli, tmp_path, store, db_url, encoding):
    rows = [
        ["medewerker_id", "naam", "afdeling", "rollen"],
        ["E1", "Anna de Vries", "Burgerzaken", ""],
        ["E2", "Bram\x00Jansen", "Burgerzaken", ""],
    ]
    path = write_csv(tmp_path / "personeel.csv", rows, encoding=encoding)
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1
    assert result.err.strip() == (
        "Fout: personeel.csv, rij 3: kolom B bevat een onzichtbaar NUL-teken; het bestand is beschadigd of geen "
        "tekstbestand. Verwijder het teken of sla het bestand opnieuw op als CSV UTF-8"
    )
    assert "\x00" not in result.output
    assert store.counts() == {"employees": 0, "attempts": 0}


def test_a_nul_byte_in_a_long_csv_answer_is_refused_with_its_row(cli, tmp_path, staffed_store, db_url):
    rows = [
        ["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"],
        ["E1", "t02", "t02-q1", "a", "2025-01-10T09:00"],
        ["E1", "t02", "t02-q2", "juist\x00", "2025-01-10T09:00"],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "lang.csv", rows), "--db", db_url)
    assert result.code == 1
    assert "lang.csv, rij 3: kolom D bevat een onzichtbaar NUL-teken" in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_a_csv_with_too_many_columns_is_refused(cli, tmp_path, store, db_url):
    rows = [["medewerker_id", "naam", "afdeling", "rollen", *[f"x{i}" for i in range(2000)]]]
    result = cli("roster", "import", write_csv(tmp_path / "breed.csv", rows), "--db", db_url)
    assert result.code == 1
    assert "breed.csv, rij 1: 2004 kolommen; er mogen hoogstens 1024 zijn" in result.err


def test_roster_of_the_fixture_still_imports_from_xlsx(cli, tmp_path, store, db_url):
    """The row-by-row reader gives the same employees as before (header, dates, numbers)."""
    from .conftest import write_xlsx

    rows = [["medewerker_id", "naam", "afdeling", "rollen", "email"]] + [
        [e.id, e.name, e.department, "|".join(e.roles), e.email] for e in ROSTER
    ]
    result = cli("roster", "import", write_xlsx(tmp_path / "personeel.xlsx", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert store.employees() == ROSTER


def test_a_csv_line_of_a_million_delimiters_is_refused_within_200_mb(tmp_path, store, db_url):
    path = tmp_path / "puntkomma.csv"
    path.write_bytes(b"medewerker_id;naam;afdeling;rollen\r\nE1;Anna;IT;\r\n" + b";" * (20 * 1024 * 1024) + b"\r\n")
    measured = run_measured("--root", CONTENT, "roster", "import", path, "--db", db_url)
    assert measured.code == 1
    assert measured.err.strip() == (
        "Fout: puntkomma.csv, regel 3: de regel is langer dan 1 MB; is dit wel een CSV-bestand met een rij per regel?"
    )
    assert measured.peak_mib < MEMORY_BOUND_MIB, f"{measured.peak_mib:.0f} MiB"
    assert store.counts()["employees"] == 0


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", None),
        (b"a\nbb\nccc\n", None),
        (b"a\nbbbbb\nc\n", 2),
        (b"aaaaa", 1),
        (b"a\nb\nc\nd\ne\nffff\ng\nhhhhh\n", 8),
    ],
)
def test_first_long_line_finds_the_first_line_over_the_limit(data, expected):
    from geletterdheid.records.sheets import first_long_line

    assert first_long_line(data, limit=4) == expected


def test_an_import_stops_after_1000_invalid_rows_with_one_message(cli, tmp_path, store, db_url):
    rows = [["medewerker_id", "naam", "afdeling", "rollen"]] + [[f"E{i}", "", "IT", ""] for i in range(5000)]
    result = cli("roster", "import", write_csv(tmp_path / "personeel.csv", rows), "--db", db_url, "--skip-invalid")
    assert result.code == 1
    assert result.err.strip() == (
        "Fout: personeel.csv: meer dan 1000 ongeldige rijen (de laatste: rij 1002: naam is leeg); de import is "
        "gestopt en er is niets opgeslagen. Klopt de indeling van het bestand, en is het de goede toets?"
    )
    assert store.counts()["employees"] == 0
