"""Workshop score sheets (wide CSV/XLSX) and Microsoft Forms exports."""

import datetime as dt

import pytest

from .conftest import write_csv, write_xlsx

WIDE = ["medewerker_id", "naam", "tijdstip", "t01-q1", "t01-q2", "t01-q3", "t01-q4"]


def only_attempt(store, employee_id):
    [attempt] = store.attempts_of(employee_id)
    return attempt


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_wide_sheet_scores_one_attempt_per_row(cli, tmp_path, staffed_store, db_url, suffix):
    rows = [
        WIDE,
        ["E1", "Anna", "2025-02-03T14:00", "b", "onjuist", "a, c, d", ""],  # 75%
        ["E2", "Bram", "2025-02-03T14:00", "a", "juist", "a;b", "a|b"],
    ]  # 0+0+0+1 = 25%
    path = tmp_path / f"workshop.{suffix}"
    write_csv(path, rows, delimiter=";") if suffix == "csv" else write_xlsx(path, rows)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert f"workshop.{suffix} (breed): 2 pogingen gelezen, 2 nieuw opgeslagen" in result.out
    assert (only_attempt(staffed_store, "E1").score_percent, only_attempt(staffed_store, "E1").passed) == (75.0, True)
    assert only_attempt(staffed_store, "E2").score_percent == 25.0
    assert "0 nieuw opgeslagen, 2 al eerder opgeslagen" in cli("responses", "import", path, "--db", db_url).out


def test_wide_xlsx_with_real_date_cells_and_numeric_ids(cli, tmp_path, store, db_url):
    from geletterdheid.records import Employee

    store.upsert_employees([Employee("1001", "Anna", "IT", (), None)])
    path = write_xlsx(
        tmp_path / "blad.xlsx",
        [["medewerker_id", "tijdstip", "t02-q1", "t02-q2"], [1001, dt.datetime(2025, 7, 1, 9, 30), "a", "juist"]],
    )
    assert cli("responses", "import", path, "--db", db_url).code == 0
    attempt = only_attempt(store, "1001")
    assert (attempt.quiz_id, attempt.score_percent) == ("t02", 100.0)
    assert attempt.taken_at == dt.datetime(2025, 7, 1, 7, 30, tzinfo=dt.UTC)  # summer time, UTC+2


def test_wide_sheet_without_a_column_for_a_question_warns_and_counts_it_unanswered(
    cli, tmp_path, staffed_store, db_url
):
    path = write_csv(tmp_path / "kort.csv", [["medewerker_id", "tijdstip", "t01-q1"], ["E1", "2025-02-03T14:00", "b"]])
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0
    assert "Let op: kort.csv: geen kolom voor t01-q2, t01-q3, t01-q4" in result.err
    assert only_attempt(staffed_store, "E1").score_percent == 25.0


def test_wide_sheet_bad_rows_and_columns_are_named(cli, tmp_path, staffed_store, db_url):
    rows = [
        ["medewerker_id", "tijdstip", "t01-q1", "t01-q5"],
        ["E1", "2025-02-03T14:00", "b", ""],
        ["E99", "2025-02-03T14:00", "b", ""],
        ["E2", "vandaag", "q", ""],
        ["E1", "2025-02-03T14:00", "a", ""],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "blad.csv", rows), "--db", db_url)
    assert result.code == 1
    assert "blad.csv, rij 1: kolom D ('t01-q5'): onbekende vraag 't01-q5' in toets t01" in result.err
    assert "blad.csv, rij 3: onbekende medewerker 'E99'" in result.err
    assert "blad.csv, rij 4: ongeldig tijdstip 'vandaag'" in result.err
    assert "kolom C: onbekend antwoord 'q' bij vraag t01-q1" in result.err
    assert "blad.csv, rij 5: dezelfde poging (medewerker E1, zelfde tijdstip) staat al in rij 2" in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_wide_sheet_skip_invalid_ignores_unknown_columns_and_rows(cli, tmp_path, staffed_store, db_url):
    rows = [
        ["medewerker_id", "tijdstip", "t01-q1", "opmerkingen trainer"],
        ["E1", "2025-02-03T14:00", "b", "goed"],
        ["E99", "2025-02-03T14:00", "b", ""],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "blad.csv", rows), "--db", db_url, "--skip-invalid")
    assert result.code == 0
    assert "Niet gelezen kolommen: opmerkingen trainer." in result.out
    assert only_attempt(staffed_store, "E1").score_percent == 25.0


def test_one_sheet_is_one_quiz(cli, tmp_path, staffed_store, db_url):
    rows = [["medewerker_id", "tijdstip", "t01-q1", "t02-q1"], ["E1", "2025-02-03T14:00", "b", "a"]]
    result = cli("responses", "import", write_csv(tmp_path / "mix.csv", rows), "--db", db_url)
    assert result.code == 1 and "horen bij verschillende toetsen (t01, t02); gebruik één blad per toets" in result.err
    result = cli("responses", "import", tmp_path / "mix.csv", "--db", db_url, "--quiz", "t01")
    assert result.code == 1 and "kolom D ('t02-q1'): vraag 't02-q1' hoort bij toets t02, niet bij t01" in result.err


# -- Microsoft Forms -----------------------------------------------------------------------

Q1 = "Wat maakt een systeem tot een AI-systeem?"
Q2 = "Een zeker klinkend antwoord van AI klopt altijd."
Q3 = "Welke hulpmiddelen zijn waarschijnlijk AI-systemen?"
Q4 = "Welke uitkomsten kan een AI-systeem maken?"
RIGHT_Q1 = "Het leidt zelf af hoe het uit invoer een uitkomst maakt."
CHATBOT = "Een chatbot die vragen in eigen woorden beantwoordt."
SPREADSHEET = "Een spreadsheet; met vaste formules."  # an option whose text contains ';'
ENGLISH = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Total points",
    "Quiz feedback",
    Q1,
    f"Points - {Q1}",
    f"Feedback - {Q1}",
    Q2,
    Q3,
    Q4,
]


def forms_row(number, email, q1, q2, q3, q4, when=dt.datetime(2025, 3, 4, 11, 15)):
    return [number, when - dt.timedelta(minutes=9), when, email, "Naam", 3, "", q1, 1, "", q2, q3, q4]


def test_forms_export_is_matched_by_question_text_and_email(cli, tmp_path, staffed_store, db_url):
    rows = [
        ENGLISH,
        forms_row(1, "Anna@Gemeente.example", RIGHT_Q1, "Onjuist", f"{CHATBOT};Vertaalsoftware.;", "Voorspellingen;"),
        forms_row(2, "bram@gemeente.example", "Het is snel.", "Juist", f"{SPREADSHEET};", ""),
    ]
    path = write_xlsx(tmp_path / "forms.xlsx", rows)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert "forms.xlsx (ms-forms): 2 pogingen gelezen, 2 nieuw opgeslagen" in result.out
    anna = only_attempt(staffed_store, "E1")
    # 1 + 1 + 2/3 + 1/2 = 3.1667 of 4
    assert anna.score_percent == pytest.approx(100 * (1 + 1 + 2 / 3 + 0.5) / 4)
    assert staffed_store.answers_of(anna.id)["t01-q3"].chosen == "a|c"
    bram = only_attempt(staffed_store, "E2")
    assert staffed_store.answers_of(bram.id)["t01-q3"] == ("t01-q3", "b", 0.0)  # the whole cell is one option
    assert "0 nieuw opgeslagen, 2 al eerder opgeslagen" in cli("responses", "import", path, "--db", db_url).out


def test_forms_export_with_dutch_headers_and_an_employee_id_question(cli, tmp_path, staffed_store, db_url):
    header = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "medewerker_id", Q1]
    rows = [header, [1, "2025-03-04 11:00", "2025-03-04 11:05", "anonymous", "", "E3", RIGHT_Q1]]
    result = cli("responses", "import", write_xlsx(tmp_path / "nl.xlsx", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert only_attempt(staffed_store, "E3").score_percent == 25.0


def test_forms_export_reports_what_does_not_match(cli, tmp_path, staffed_store, db_url):
    rows = [
        ENGLISH + ["Hoe vond je de workshop?"],
        forms_row(1, "onbekend@example.org", RIGHT_Q1, "Onjuist", "", "") + ["Leuk"],
        forms_row(2, "anna@gemeente.example", "Misschien", "Onjuist", "", "") + [""],
    ]
    result = cli("responses", "import", write_xlsx(tmp_path / "forms.xlsx", rows), "--db", db_url)
    assert result.code == 1
    assert (
        "forms.xlsx, rij 1: kolom N ('Hoe vond je de workshop?') komt niet overeen met een vraag van toets t01"
        in result.err
    )
    assert "forms.xlsx, rij 2: geen medewerker met e-mailadres 'onbekend@example.org'" in result.err
    assert "forms.xlsx, rij 3: kolom H: antwoord 'Misschien' is geen optie van vraag t01-q1" in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_forms_question_shared_by_two_quizzes_needs_the_quiz_option(cli, tmp_path, staffed_store, db_url):
    text = "Je controleert de uitkomst van AI altijd zelf."  # in t02 and in t03
    rows = [
        ["ID", "Completion time", "Email", text],
        [1, dt.datetime(2025, 3, 4, 11), "anna@gemeente.example", "Juist"],
    ]
    path = write_xlsx(tmp_path / "gedeeld.xlsx", rows)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1 and "passen bij meerdere toetsen (t02, t03); kies er een met --quiz" in result.err
    assert cli("responses", "import", path, "--db", db_url, "--quiz", "t03").code == 0
    assert only_attempt(staffed_store, "E1").quiz_id == "t03"


def test_forms_export_without_any_known_question(cli, tmp_path, staffed_store, db_url):
    rows = [
        ["ID", "Completion time", "Email", "Iets anders"],
        [1, dt.datetime(2025, 3, 4, 11), "anna@gemeente.example", "x"],
    ]
    result = cli("responses", "import", write_xlsx(tmp_path / "leeg.xlsx", rows), "--db", db_url)
    assert result.code == 1 and "geen kolom komt precies overeen met de tekst van een vraag" in result.err


def test_a_broken_xlsx_is_refused_with_a_message(cli, tmp_path, db_url):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"this is no zip file")
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1 and "kapot.xlsx: geen geldig Excel-bestand (.xlsx)" in result.err
