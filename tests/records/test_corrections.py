"""Correcting the records: a corrected sheet is refused or replaces (--vervang), attempts are voided with an
audit trail, and absent people or missing answers are not silently scored."""

import csv
import io

import pytest

from .conftest import write_csv, write_xlsx

WIDE = ["medewerker_id", "tijdstip", "t01-q1", "t01-q2", "t01-q3", "t01-q4"]
LONG = ["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]
WHEN = "2025-02-03T14:00"


def sheet(tmp_path, name, rows):
    return write_csv(tmp_path / name, [WIDE, *rows], delimiter=";")


def scores(store, employee_id):
    return [attempt.score_percent for attempt in store.attempts_of(employee_id)]


def export_rows(cli, db_url, *options):
    result = cli("export", "--db", db_url, *options)
    assert result.code == 0, result.output
    return {(r["medewerker_id"], r["module_id"]): r for r in csv.DictReader(io.StringIO(result.out), delimiter=";")}


# -- a corrected sheet ------------------------------------------------------------------------


def test_a_corrected_sheet_is_refused_by_default_naming_each_changed_row_and_storing_nothing(
    cli, tmp_path, staffed_store, db_url
):
    first = sheet(tmp_path, "workshop.csv", [["E1", WHEN, "b", "onjuist", "a|c|d", ""], ["E2", WHEN, "a", "", "", ""]])
    assert cli("responses", "import", first, "--db", db_url).code == 0
    # the trainer fixes Bram's first answer and adds Daniëlle
    fixed = sheet(
        tmp_path,
        "workshop-v2.csv",
        [["E1", WHEN, "b", "onjuist", "a|c|d", ""], ["E2", WHEN, "b", "", "", ""], ["E3", WHEN, "b", "", "", ""]],
    )
    result = cli("responses", "import", fixed, "--db", db_url)
    assert result.code == 1
    assert (
        "workshop-v2.csv, rij 3: de poging van E2 voor toets t01 op 03-02-2025 14:00 is al opgeslagen met "
        "andere antwoorden (score 0%, nu 25%)" in result.err
    )
    assert "rij 2" not in result.err  # Anna's row is the same as stored
    assert "Niets geïmporteerd: 1 poging is al opgeslagen met andere antwoorden" in result.err
    assert "--vervang" in result.err and "Traceback" not in result.output
    assert scores(staffed_store, "E2") == [0.0]
    assert scores(staffed_store, "E3") == []  # not even the new row went in


def test_vervang_replaces_the_changed_attempts_reports_them_as_gewijzigd_and_keeps_the_old_version(
    cli, tmp_path, staffed_store, db_url
):
    cli("responses", "import", sheet(tmp_path, "a.csv", [["E2", WHEN, "a", "", "", ""]]), "--db", db_url)
    fixed = sheet(tmp_path, "b.csv", [["E2", WHEN, "b", "", "", ""], ["E3", WHEN, "b", "onjuist", "", ""]])
    result = cli("responses", "import", fixed, "--db", db_url, "--vervang", "--door", "Petra (HR)")
    assert result.code == 0, result.output
    assert "b.csv (breed): 2 pogingen gelezen, 1 nieuw opgeslagen, 1 gewijzigd, 0 al eerder opgeslagen." in result.out
    [attempt] = staffed_store.attempts_of("E2")
    assert attempt.score_percent == 25.0 and staffed_store.answers_of(attempt.id)["t01-q1"].chosen == "b"
    listing = cli("attempts", "list", "E2", "--alles", "--db", db_url)
    assert f"- poging {attempt.id} vervangen op " in listing.out
    assert "door Petra (HR): opnieuw geïmporteerd uit b.csv (--vervang) (daarvoor: 0%, niet geslaagd" in listing.out


def test_a_long_csv_correction_names_the_first_row_of_the_changed_attempt(cli, tmp_path, staffed_store, db_url):
    rows = [["E1", "t01", f"t01-q{n}", "b" if n == 1 else "", WHEN] for n in range(1, 5)]
    cli("responses", "import", write_csv(tmp_path / "v1.csv", [LONG, *rows]), "--db", db_url)
    changed = [["E3", "t01", "t01-q1", "b", WHEN], *rows[:3], ["E1", "t01", "t01-q4", "a|b", WHEN]]
    result = cli("responses", "import", write_csv(tmp_path / "v2.csv", [LONG, *changed]), "--db", db_url)
    assert result.code == 1
    assert "v2.csv, rij 3: de poging van E1 voor toets t01 op 03-02-2025 14:00" in result.err
    assert scores(staffed_store, "E1") == [25.0] and scores(staffed_store, "E3") == []


def test_the_same_sheet_again_is_still_just_already_stored(cli, tmp_path, staffed_store, db_url):
    path = sheet(tmp_path, "a.csv", [["E1", WHEN, "b", "", "", ""]])
    cli("responses", "import", path, "--db", db_url)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0 and "0 nieuw opgeslagen, 1 al eerder opgeslagen." in result.out


# -- voiding ----------------------------------------------------------------------------------


@pytest.fixture
def passed_by_mistake(cli, tmp_path, staffed_store, db_url):
    """Anna passed t01 at a workshop where she, it turns out, copied a colleague's answers."""
    path = sheet(tmp_path, "a.csv", [["E1", WHEN, "b", "onjuist", "a|c|d", "a|b"]])
    assert cli("responses", "import", path, "--db", db_url).code == 0
    [attempt] = staffed_store.attempts_of("E1")
    return attempt


def test_attempts_list_shows_each_attempt_with_its_id(cli, passed_by_mistake, db_url):
    result = cli("attempts", "list", "E1", "--db", db_url)
    assert result.code == 0
    assert "Pogingen van E1 (Anna de Vries, Burgerzaken):" in result.out
    line = next(line for line in result.out.splitlines() if line.startswith(str(passed_by_mistake.id)))
    assert line.split() == [str(passed_by_mistake.id), "t01", "03-02-2025", "14:00", "100%", "ja", "breed:a.csv"]


def test_a_voided_attempt_stops_counting_in_export_progress_and_stats_but_stays_in_the_trail(
    cli, passed_by_mistake, staffed_store, db_url
):
    assert export_rows(cli, db_url)["E1", "t01"]["status"] == "geslaagd"
    result = cli("attempts", "void", str(passed_by_mistake.id), "--reden", "antwoorden overgenomen", "--door", "Petra")
    assert result.code == 1  # no --db: the test's default database has no such attempt
    result = cli(
        "attempts",
        "void",
        str(passed_by_mistake.id),
        "--reden",
        "antwoorden overgenomen",
        "--door",
        "Petra",
        "--db",
        db_url,
    )
    assert result.code == 0, result.output
    assert f"Poging {passed_by_mistake.id} (E1, toets t01, 03-02-2025 14:00, 100%) telt niet meer mee." in result.out
    row = export_rows(cli, db_url)["E1", "t01"]
    assert (row["status"], row["beste_score"], row["pogingen"]) == ("niet gestart", "", "0")
    progress = cli("progress", "--db", db_url).out
    assert "Burgerzaken" in progress and "0,0%" in progress.split("Burgerzaken")[1].splitlines()[0]
    assert "op 0 eerste pogingen" in cli("stats", "t01", "--db", db_url).out
    assert staffed_store.attempts_of("E1") == []
    assert "Geen pogingen die meetellen" in cli("attempts", "list", "E1", "--db", db_url).out
    everything = cli("attempts", "list", "E1", "--alles", "--db", db_url).out
    assert "ongeldig sinds" in everything
    assert f"- poging {passed_by_mistake.id} ongeldig verklaard op " in everything
    assert "door Petra: antwoorden overgenomen (daarvoor: 100%, geslaagd, bron breed:a.csv)" in everything


def test_without_door_the_trail_names_the_system_user(cli, passed_by_mistake, db_url, monkeypatch):
    monkeypatch.setenv("LOGNAME", "pjansen")
    cli("attempts", "void", str(passed_by_mistake.id), "--reden", "dubbel ingevoerd", "--db", db_url)
    assert "door pjansen: dubbel ingevoerd" in cli("attempts", "list", "E1", "--alles", "--db", db_url).out


def test_voiding_an_unknown_or_already_voided_attempt_says_so(cli, passed_by_mistake, db_url):
    result = cli("attempts", "void", "999", "--reden", "x", "--db", db_url)
    assert result.code == 1 and "er is geen poging met id 999" in result.err
    cli("attempts", "void", str(passed_by_mistake.id), "--reden", "fout", "--db", db_url)
    again = cli("attempts", "void", str(passed_by_mistake.id), "--reden", "fout", "--db", db_url)
    assert again.code == 1 and f"poging {passed_by_mistake.id} is al ongeldig verklaard op" in again.err
    empty_reason = cli("attempts", "void", str(passed_by_mistake.id), "--reden", "  ", "--db", db_url)
    assert empty_reason.code == 1 and "geef met --reden op waarom" in empty_reason.err


@pytest.mark.parametrize("typed", ["abc", "12a", "²", "99999999999999999999"])
def test_an_id_that_is_no_number_gets_a_dutch_message(cli, staffed_store, db_url, typed):
    result = cli("attempts", "void", typed, "--reden", "x", "--db", db_url)
    assert result.code == 1 and f"'{typed}' is geen id van een poging (een getal)" in result.err


def test_attempts_list_of_an_unknown_employee(cli, staffed_store, db_url):
    result = cli("attempts", "list", "E99", "--db", db_url)
    assert result.code == 1 and "onbekende medewerker 'E99'" in result.err


def test_forgetting_an_employee_erases_their_audit_trail_too(cli, passed_by_mistake, staffed_store, db_url):
    from sqlalchemy import func, select

    from geletterdheid.records.tables import attempt_changes

    cli("attempts", "void", str(passed_by_mistake.id), "--reden", "fout", "--db", db_url)
    assert cli("forget", "E1", "--db", db_url).code == 0
    with staffed_store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(attempt_changes)).scalar_one() == 0


# -- absent people and missing answers ---------------------------------------------------------


def test_a_row_without_answers_is_not_an_attempt_but_counted_as_leeg(cli, tmp_path, staffed_store, db_url):
    rows = [["E1", WHEN, "b", "onjuist", "a|c|d", "a|b"], ["E2", WHEN, "", "", "", ""], ["E3", "", "", "", "", ""]]
    result = cli("responses", "import", sheet(tmp_path, "aanwezig.csv", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert (
        "aanwezig.csv (breed): 1 poging gelezen, 1 nieuw opgeslagen, 0 al eerder opgeslagen, "
        "2 leeg (geen enkel antwoord, bijvoorbeeld afwezig; niet opgeslagen)." in result.out
    )
    assert scores(staffed_store, "E2") == [] and scores(staffed_store, "E3") == []
    assert export_rows(cli, db_url)["E2", "t01"]["status"] == "niet gestart"


def test_a_long_csv_attempt_with_only_blank_answers_is_leeg(cli, tmp_path, staffed_store, db_url):
    rows = [["E2", "t01", f"t01-q{n}", "", WHEN] for n in range(1, 5)]
    result = cli("responses", "import", write_csv(tmp_path / "lang.csv", [LONG, *rows]), "--db", db_url)
    assert result.code == 0 and "0 pogingen gelezen, 0 nieuw opgeslagen, 0 al eerder opgeslagen, 1 leeg" in result.out
    assert scores(staffed_store, "E2") == []


COMPLETE = [("t01-q1", "b"), ("t01-q2", "juist"), ("t01-q3", "a"), ("t01-q4", "a")]
MISSING = "Let op: {name}: 2 pogingen missen antwoorden, samen 5 vragen zonder antwoord; die vragen tellen als fout"


def test_a_long_csv_with_missing_questions_warns_with_counts(cli, tmp_path, staffed_store, db_url):
    rows = [
        ["E1", "t01", "t01-q1", "b", WHEN],  # 3 of 4 missing
        ["E2", "t01", "t01-q1", "b", WHEN],
        ["E2", "t01", "t01-q2", "onjuist", WHEN],  # 2 of 4 missing
        *[["E3", "t01", question, answer, WHEN] for question, answer in COMPLETE],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "lang.csv", [LONG, *rows]), "--db", db_url)
    assert result.code == 0, result.output
    assert MISSING.format(name="lang.csv") in result.err
    assert scores(staffed_store, "E1") == [25.0]


def test_a_wide_sheet_with_blank_answers_warns_the_same_way(cli, tmp_path, staffed_store, db_url):
    rows = [["E1", WHEN, "b", "", "", ""], ["E2", WHEN, "b", "onjuist", "", ""], ["E3", WHEN, "b", "juist", "a", "a"]]
    result = cli("responses", "import", sheet(tmp_path, "blad.csv", rows), "--db", db_url)
    assert result.code == 0 and MISSING.format(name="blad.csv") in result.err


def test_a_forms_export_with_unanswered_questions_warns_the_same_way(cli, tmp_path, staffed_store, db_url):
    from .test_responses_sheets import ENGLISH, RIGHT_Q1, forms_row

    rows = [
        ENGLISH,
        forms_row(1, "anna@gemeente.example", RIGHT_Q1, "", "", "Voorspellingen;"),  # 2 unanswered
        forms_row(2, "bram@gemeente.example", RIGHT_Q1, "", "", ""),  # 3 unanswered
        forms_row(3, "d.celik@gemeente.example", "", "", "", ""),  # nothing: absent
    ]
    result = cli("responses", "import", write_xlsx(tmp_path / "forms.xlsx", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert MISSING.format(name="forms.xlsx") in result.err
    assert "2 pogingen gelezen, 2 nieuw opgeslagen, 0 al eerder opgeslagen, 1 leeg" in result.out
    assert scores(staffed_store, "E3") == []
