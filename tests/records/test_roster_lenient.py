"""The roster as HR systems write it: role titles, column aliases, e-mail; and leavers (uit_dienst, --volledig)."""

import csv
import datetime as dt
import io

import pytest

from geletterdheid.records.store import Store

from .conftest import write_csv, write_xlsx

HEADER = ["medewerker_id", "naam", "afdeling", "rollen"]


def stored(db_url, include_left=True):
    with Store.open(db_url) as store:
        return {e.id: e for e in store.employees(include_left=include_left)}


@pytest.mark.parametrize(
    "typed, roles",
    [
        ("Inkoper", ("inkoper",)),
        ("  INKOPER ", ("inkoper",)),
        ("Beleidsadviseur | inkoper", ("beleidsadviseur", "inkoper")),
        ("beleidsadviseur; Inkoper", ("beleidsadviseur", "inkoper")),
        ("Alle medewerkers", ()),
        ("alle   MEDEWERKERS", ()),
        ("alle_medewerkers", ()),
    ],
)
def test_roles_by_id_or_title_in_any_case_and_spacing(cli, tmp_path, db_url, typed, roles):
    path = write_csv(tmp_path / "lijst.csv", [HEADER, ["E1", "Anna", "IT", typed]])
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert stored(db_url)["E1"].roles == roles


def test_the_shipped_titles_as_the_site_shows_them():
    from geletterdheid.content import catalog_or_exit
    from geletterdheid.records.roles import RoleMatcher
    from repo_paths import REPO

    matcher = RoleMatcher(catalog_or_exit(REPO).roles)
    assert matcher.match("Uitvoerend professional|Jurist of privacyspecialist") == (
        ["uitvoerend-professional", "jurist-privacy"],
        [],
    )


def test_a_near_miss_gets_a_suggestion(cli, tmp_path, db_url):
    path = write_csv(tmp_path / "lijst.csv", [HEADER, ["E1", "Anna", "IT", "Beleidsadvisuer"]])
    result = cli("roster", "import", path, "--db", db_url)
    assert result.code == 1
    assert "lijst.csv, rij 2: onbekende rol 'Beleidsadvisuer'; bedoelde je 'Beleidsadviseur'?" in result.err
    assert stored(db_url) == {}


def test_header_aliases_are_read_and_reported(cli, tmp_path, db_url):
    rows = [
        ["Personeelsnummer", "Naam", "Team", "Rollen", "E-mail"],
        ["0042", "Anna de Vries", "Burgerzaken", "Inkoper", "Anna@Gemeente.example"],
    ]
    result = cli("roster", "import", write_csv(tmp_path / "afas.csv", rows, delimiter=";"), "--db", db_url)
    assert result.code == 0, result.output
    assert (
        "Kolommen herkend: 'Personeelsnummer' als medewerker_id, 'Team' als afdeling, 'E-mail' als email." in result.out
    )
    anna = stored(db_url)["0042"]
    assert (anna.department, anna.email, anna.roles) == ("Burgerzaken", "Anna@Gemeente.example", ("inkoper",))


@pytest.mark.parametrize("column", ["email", "mail", "E-mailadres"])
def test_every_email_alias_is_stored(cli, tmp_path, db_url, column):
    rows = [[*HEADER, column], ["E1", "Anna", "IT", "", "anna@gemeente.example"]]
    assert cli("roster", "import", write_csv(tmp_path / "l.csv", rows), "--db", db_url).code == 0
    assert stored(db_url)["E1"].email == "anna@gemeente.example"


def test_two_columns_for_one_field_are_refused(cli, tmp_path, db_url):
    rows = [[*HEADER, "email", "Mail"], ["E1", "Anna", "IT", "", "a@b.nl", "c@d.nl"]]
    result = cli("roster", "import", write_csv(tmp_path / "l.csv", rows), "--db", db_url)
    assert result.code == 1 and "l.csv: de kolommen 'email' en 'Mail' zijn allebei email" in result.err


def test_the_email_from_the_roster_matches_forms_answers(cli, tmp_path, db_url):
    from .test_responses_sheets import ENGLISH, RIGHT_Q1, forms_row

    rows = [
        ["Personeelsnummer", "Naam", "Afdeling", "Rollen", "E-mail"],
        ["P7", "Kees", "IT", "", "kees@gemeente.example"],
    ]
    assert cli("roster", "import", write_csv(tmp_path / "l.csv", rows), "--db", db_url).code == 0
    forms = write_xlsx(tmp_path / "forms.xlsx", [ENGLISH, forms_row(1, "KEES@gemeente.example", RIGHT_Q1, "", "", "")])
    result = cli("responses", "import", forms, "--db", db_url)
    assert result.code == 0, result.output
    with Store.open(db_url) as store:
        assert [a.quiz_id for a in store.attempts_of("P7")] == ["t01"]


# -- leavers ------------------------------------------------------------------------------------

LEAVERS = [
    [*HEADER, "uit_dienst"],
    ["E1", "Anna de Vries", "Burgerzaken", "beleidsadviseur", ""],
    ["E2", "Bram Jansen", "Burgerzaken", "", "2025-06-30"],
    ["E3", "Daniëlle Çelik", "Inkoop", "inkoper", "31-12-2099"],  # leaves in the future: still here
]


def export_ids(cli, db_url, *options):
    result = cli("export", "--db", db_url, *options)
    assert result.code == 0, result.output
    return [row for row in csv.DictReader(io.StringIO(result.out), delimiter=";")]


def test_uit_dienst_is_stored_and_leavers_leave_the_export_and_progress(cli, tmp_path, db_url):
    assert cli("roster", "import", write_csv(tmp_path / "l.csv", LEAVERS), "--db", db_url).code == 0
    assert stored(db_url)["E2"].left_on == dt.date(2025, 6, 30)
    assert stored(db_url)["E3"].left_on == dt.date(2099, 12, 31)
    assert sorted({row["medewerker_id"] for row in export_ids(cli, db_url)}) == ["E1", "E3"]
    everyone = export_ids(cli, db_url, "--ook-uit-dienst")
    assert {row["medewerker_id"]: row["uit_dienst"] for row in everyone} == {
        "E1": "",
        "E2": "2025-06-30",
        "E3": "2099-12-31",
    }
    wide = cli("export", "--db", db_url, "--layout", "wide", "--ook-uit-dienst").out.splitlines()
    assert wide[0].lstrip("\ufeff").startswith("medewerker_id;naam;afdeling;rollen;uit_dienst;t01")
    progress = cli("progress", "--db", db_url).out
    assert "Burgerzaken" in progress and progress.split("Burgerzaken")[1].split()[0] == "1"  # only Anna
    with_leavers = cli("progress", "--db", db_url, "--ook-uit-dienst").out
    assert with_leavers.split("Burgerzaken")[1].split()[0] == "2"


def test_a_bad_leaving_date_names_the_row(cli, tmp_path, db_url):
    rows = [[*HEADER, "Uit dienst"], ["E1", "Anna", "IT", "", "30-02-2026"]]
    result = cli("roster", "import", write_csv(tmp_path / "l.csv", rows), "--db", db_url)
    assert result.code == 1 and "l.csv, rij 2: uit_dienst: ongeldige datum '30-02-2026'" in result.err
    assert stored(db_url) == {}


def test_a_leaving_date_from_an_xlsx_date_cell(cli, tmp_path, db_url):
    rows = [[*HEADER, "uit_dienst"], ["E1", "Anna", "IT", "", dt.datetime(2025, 3, 31)]]
    assert cli("roster", "import", write_xlsx(tmp_path / "l.xlsx", rows), "--db", db_url).code == 0
    assert stored(db_url)["E1"].left_on == dt.date(2025, 3, 31)


def test_volledig_marks_who_is_missing_as_left_today_and_keeps_their_records(cli, tmp_path, db_url, catalog):
    from geletterdheid.records import NewAttempt

    from .conftest import at

    first = write_csv(tmp_path / "alle.csv", [HEADER, *[row[:4] for row in LEAVERS[1:]]])
    cli("roster", "import", first, "--db", db_url)
    with Store.open(db_url) as store:
        store.record_attempt(NewAttempt.scored("E2", catalog.quizzes["t01"], at("2025-02-03T14:00"), "t", {}))
    partial = write_csv(tmp_path / "burgerzaken.csv", [HEADER, LEAVERS[1][:4]])
    without = cli("roster", "import", partial, "--db", db_url)
    assert "2 medewerkers staan in de database maar niet in dit bestand; zij blijven bewaard" in without.out
    assert "--volledig" in without.out
    assert all(e.left_on is None for e in stored(db_url).values())  # without --volledig nobody leaves

    result = cli("roster", "import", partial, "--db", db_url, "--volledig")
    assert result.code == 0, result.output
    today = dt.date.today()
    assert f"Volledige lijst: 2 medewerkers uit dienst per {today:%d-%m-%Y} (niet in de lijst): E2, E3." in result.out
    assert stored(db_url)["E2"].left_on == today
    assert sorted(stored(db_url, include_left=False)) == ["E1"]
    with Store.open(db_url) as store:
        assert len(store.attempts_of("E2")) == 1  # records kept
    again = cli("roster", "import", partial, "--db", db_url, "--volledig")
    assert "0 medewerkers uit dienst" in again.out  # who left already is not counted again
    back = cli("roster", "import", first, "--db", db_url)  # E2 and E3 on the list again: back in service
    assert "2 gewijzigd" in back.out and sorted(stored(db_url, include_left=False)) == ["E1", "E2", "E3"]


def test_volledig_never_retires_someone_over_a_bad_row(cli, tmp_path, db_url):
    cli(
        "roster",
        "import",
        write_csv(tmp_path / "a.csv", [HEADER, ["E1", "A", "IT", ""], ["E2", "B", "IT", ""]]),
        "--db",
        db_url,
    )
    bad = write_csv(tmp_path / "b.csv", [HEADER, ["E1", "A", "IT", ""], ["E2", "B", "IT", "wethouder"]])
    result = cli("roster", "import", bad, "--db", db_url, "--volledig", "--skip-invalid")
    assert result.code == 0 and "0 medewerkers uit dienst" in result.out
    assert stored(db_url)["E2"].left_on is None
