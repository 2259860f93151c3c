"""`geletterdheid roster import`: the file shapes HR produces, upsert counts, every kind of bad row."""

import pytest

from geletterdheid.records.store import Store

from .conftest import write_csv, write_xlsx

HEADER = ["medewerker_id", "naam", "afdeling", "rollen", "email"]
ROWS = [
    ["E1", "Anna de Vries", "Burgerzaken", "beleidsadviseur", "anna@gemeente.example"],
    ["E2", "Daniëlle Çelik", "Inkoop", "inkoper|beleidsadviseur", ""],
    ["E3", "Bram Jansen", "Burgerzaken", "", "bram@gemeente.example"],
]


def stored(db_url):
    with Store.open(db_url) as store:
        return {e.id: e for e in store.employees()}


@pytest.mark.parametrize(
    "delimiter, encoding, newline",
    [
        (",", "utf-8", "\n"),
        (";", "utf-8-sig", "\r\n"),  # Excel "CSV UTF-8" with Dutch list separator
        (";", "cp1252", "\r\n"),  # Dutch Excel "CSV (gescheidingsteken)"
        ("\t", "utf-16", "\r\n"),  # Excel "Unicode-tekst"
    ],
)
def test_roster_csv_in_every_shape_excel_writes(cli, tmp_path, db_url, delimiter, encoding, newline):
    path = write_csv(tmp_path / "medewerkers.csv", [HEADER, *ROWS], delimiter, encoding, newline)
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert "3 toegevoegd, 0 gewijzigd, 0 ongewijzigd" in result.out
    employees = stored(db_url)
    assert employees["E2"].name == "Daniëlle Çelik"
    assert employees["E2"].roles == ("beleidsadviseur", "inkoper")
    assert employees["E3"].roles == () and employees["E2"].email is None


def test_windows_1252_bytes_are_read_as_dutch_names(cli, tmp_path, db_url):
    path = tmp_path / "excel.csv"
    path.write_bytes(b"medewerker_id;naam;afdeling;rollen\r\nE7;Dani\xeblle \xc7elik;Financi\xebn;\r\n")
    assert cli("roster", "import", path, "--db", db_url).code == 0
    assert stored(db_url)["E7"].name == "Daniëlle Çelik"
    assert stored(db_url)["E7"].department == "Financiën"


def test_roster_xlsx(cli, tmp_path, db_url):
    path = write_xlsx(tmp_path / "medewerkers.xlsx", [HEADER, [1001, "Anna", "IT", "inkoper", None]])
    assert cli("roster", "import", path, "--db", db_url).code == 0
    assert stored(db_url)["1001"].roles == ("inkoper",)  # a number typed by Excel is still the id "1001"


def test_reimport_counts_added_changed_and_unchanged(cli, tmp_path, db_url):
    write_csv(tmp_path / "v1.csv", [HEADER, *ROWS])
    cli("roster", "import", tmp_path / "v1.csv", "--db", db_url)
    changed = [ROWS[0], ["E2", "Daniëlle Çelik", "ICT", "inkoper", ""], ["E4", "Nieuw", "IT", "", ""]]
    result = cli("roster", "import", write_csv(tmp_path / "v2.csv", [HEADER, *changed]), "--db", db_url)
    assert "1 toegevoegd, 1 gewijzigd, 1 ongewijzigd" in result.out
    assert "1 medewerker staat in de database maar niet in dit bestand" in result.out
    assert stored(db_url)["E2"].department == "ICT"
    assert "E3" in stored(db_url)  # not in the file, but not removed either


def test_role_order_and_the_all_staff_role_do_not_count_as_a_change(cli, tmp_path, db_url):
    cli(
        "roster",
        "import",
        write_csv(tmp_path / "a.csv", [HEADER, ["E1", "A", "IT", "inkoper|beleidsadviseur", ""]]),
        "--db",
        db_url,
    )
    result = cli(
        "roster",
        "import",
        write_csv(tmp_path / "b.csv", [HEADER, ["E1", "A", "IT", "alle-medewerkers | beleidsadviseur|inkoper", ""]]),
        "--db",
        db_url,
    )
    assert "0 gewijzigd, 1 ongewijzigd" in result.out


BAD_ROWS = [
    (["", "Naamloos", "IT", "", ""], "medewerker_id is leeg"),
    (["E8", "", "IT", "", ""], "naam is leeg"),
    (["E8", "Iemand", "", "", ""], "afdeling is leeg"),
    (
        ["E8", "Iemand", "IT", "wethouder", ""],
        "onbekende rol 'wethouder'; geldige rollen: Alle medewerkers (alle-medewerkers), "
        "Beleidsadviseur (beleidsadviseur), Inkoper (inkoper)",
    ),
    (["E8", "Iemand", "IT", "", "geen-adres"], "ongeldig e-mailadres 'geen-adres'"),
    (["E1", "Dubbel", "IT", "", ""], "medewerker_id 'E1' staat ook in rij 2"),
    (["E8", "Iemand", "IT", "", "ANNA@gemeente.example"], "e-mailadres 'ANNA@gemeente.example' staat ook in rij 2"),
]


@pytest.mark.parametrize(
    "row, reason", BAD_ROWS, ids=[reason.split(" ")[0] + str(i) for i, (_, reason) in enumerate(BAD_ROWS)]
)
def test_a_bad_row_is_reported_with_file_row_and_reason_and_nothing_is_imported(cli, tmp_path, db_url, row, reason):
    path = write_csv(tmp_path / "lijst.csv", [HEADER, *ROWS, row])
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1
    assert f"lijst.csv, rij 5: {reason}" in result.err
    assert "Niets geïmporteerd" in result.err and "Traceback" not in result.output
    assert stored(db_url) == {}


def test_skip_invalid_imports_the_good_rows_and_still_lists_the_bad(cli, tmp_path, db_url):
    path = write_csv(tmp_path / "lijst.csv", [HEADER, *ROWS, ["E9", "Iemand", "IT", "wethouder", ""]])
    result = cli("roster", "import", path, "--db", db_url, "--skip-invalid")
    assert result.code == 0
    assert "lijst.csv, rij 5: onbekende rol 'wethouder'" in result.err
    assert "3 toegevoegd" in result.out and "1 ongeldige rij overgeslagen" in result.out
    assert sorted(stored(db_url)) == ["E1", "E2", "E3"]


def test_missing_column_names_what_is_expected(cli, tmp_path, db_url):
    path = write_csv(tmp_path / "lijst.csv", [["medewerker_id", "naam", "afdeling"], ["E1", "A", "IT"]])
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1
    assert "lijst.csv: de kolom rollen ontbreekt; verwacht medewerker_id, naam, afdeling en rollen" in result.err


def test_several_missing_columns_are_named_in_plain_dutch(cli, tmp_path, db_url):
    path = write_csv(tmp_path / "lijst.csv", [["naam", "afdeling"], ["A", "IT"]])
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1
    assert "lijst.csv: de kolommen medewerker_id en rollen ontbreken" in result.err
    assert "(gevonden: naam, afdeling)" in result.err


def test_bytes_that_are_no_text_at_all_are_refused_clearly(cli, tmp_path, db_url):
    path = tmp_path / "kapot.csv"
    path.write_bytes(b"medewerker_id,naam,afdeling,rollen\n\x81\x8d\x8f\x90\x9d,x,y,\n")
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1 and "kapot.csv: de tekens in het bestand zijn niet te lezen" in result.err


def test_blank_lines_excel_leaves_at_the_end_are_ignored(cli, tmp_path, db_url):
    path = write_csv(tmp_path / "lijst.csv", [HEADER, *ROWS, ["", "", "", "", ""], []], delimiter=";")
    assert cli("roster", "import", path, "--db", db_url).code == 0
