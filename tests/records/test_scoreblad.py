"""The workshop kit's scoreblad.xlsx imports as it is: a sheet per quiz, all or nothing across the workbook."""

from geletterdheid.quiz.scoring import score_quiz

from .conftest import write_xlsx
from .scoreblad import write_scoreblad

ATTENDANCE = [
    ("E1", "Anna de Vries", "Burgerzaken", "ja"),
    ("E2", "Bram Jansen", "Burgerzaken", "nee"),
    ("E3", "Daniëlle Çelik", "Inkoop", "ja"),
]
#: What the trainer typed, and the option keys it means.
TYPED = {
    "t01": [
        ("E1", "Anna de Vries", ["B", "Onjuist", "A, C", "a;b"]),
        ("E2", "Bram Jansen", ["", "", "", ""]),  # on the list, did not take the quiz
        ("E3", "Daniëlle Çelik", [" c ", "JUIST", "d", ""]),
    ],
    "t02": [
        ("E1", "Anna de Vries", ["A", "Juist"]),
        ("E3", "Daniëlle Çelik", ["b", "waar"]),
    ],
}
MEANT = {
    ("E1", "t01"): {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c"], "t01-q4": ["a", "b"]},
    ("E3", "t01"): {"t01-q1": ["c"], "t01-q2": ["juist"], "t01-q3": ["d"]},
    ("E1", "t02"): {"t02-q1": ["a"], "t02-q2": ["juist"]},
    ("E3", "t02"): {"t02-q1": ["b"], "t02-q2": ["juist"]},
}


def stored(store):
    return {
        (attempt.employee_id, attempt.quiz_id): attempt
        for employee in store.employees()
        for attempt in store.attempts_of(employee.id)
    }


def test_the_kits_workbook_imports_every_quiz_sheet_with_the_scores_of_quiz_scoring(
    cli, tmp_path, staffed_store, db_url, catalog
):
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, TYPED)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    # the 55 spare rows (only tijdstip) are not mentioned; E2's row counts as empty
    assert result.out.startswith(
        "scoreblad.xlsx (scoreblad): 4 pogingen gelezen, 4 nieuw opgeslagen, 0 al eerder opgeslagen, "
        "1 leeg (geen enkel antwoord, bijvoorbeeld afwezig; niet opgeslagen)."
    )
    # E2's row has an id but no answer: not taken, named, and not a 0 % attempt
    assert (
        "Let op: scoreblad.xlsx, blad 'Toets t01': geen enkel antwoord in rij 3 (E2); "
        "die toets is niet gemaakt en er is niets opgeslagen (geen 0%)"
    ) in result.err
    assert "Presentielijst" not in result.output  # the attendance sheet is not for this command
    attempts = stored(staffed_store)
    assert set(attempts) == set(MEANT)
    for (employee_id, quiz_id), answers in MEANT.items():
        expected = score_quiz(catalog.quizzes[quiz_id], answers)
        attempt = attempts[employee_id, quiz_id]
        assert (attempt.score_percent, attempt.passed) == (expected.score_percent, expected.passed)
        chosen = {qid: answer.chosen for qid, answer in staffed_store.answers_of(attempt.id).items() if answer.chosen}
        assert chosen == {qid: "|".join(sorted(keys)) for qid, keys in answers.items()}
    again = cli("responses", "import", path, "--db", db_url)
    assert "0 nieuw opgeslagen, 4 al eerder opgeslagen" in again.out


def test_a_problem_on_one_sheet_stores_nothing_and_names_sheet_and_row(cli, tmp_path, staffed_store, db_url, catalog):
    typed = {"t01": TYPED["t01"], "t02": [("E1", "Anna", ["A", "Juist"]), ("E99", "Onbekend", ["a", "misschien"])]}
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, typed)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1
    assert "scoreblad.xlsx, blad 'Toets t02', rij 3: onbekende medewerker 'E99'" in result.err
    assert "kolom E: onbekend antwoord 'misschien' bij vraag t02-q2" in result.err
    assert "Niets geïmporteerd: 1 probleem in scoreblad.xlsx." in result.err
    assert staffed_store.counts()["attempts"] == 0  # not even the good sheet t01


def test_headers_of_only_the_printed_number_map_by_the_bank_order(cli, tmp_path, staffed_store, db_url, catalog):
    typed = {"t01": [("E1", "Anna", ["b", "onjuist", "a,c,d", "a,b"])]}
    path = write_scoreblad(tmp_path / "s.xlsx", catalog, ATTENDANCE, typed, headers={"t01": ["1", "2", "3", "4"]})
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0, result.output
    assert stored(staffed_store)["E1", "t01"].score_percent == 100.0


def test_a_header_whose_number_and_id_disagree_is_a_problem(cli, tmp_path, staffed_store, db_url, catalog):
    typed = {"t01": [("E1", "Anna", ["b", "onjuist", "a,c,d", "a,b"])]}
    headers = {"t01": ["1. t01-q1", "2. t01-q3", "3. t01-q2", "4. t01-q4"]}
    path = write_scoreblad(tmp_path / "s.xlsx", catalog, ATTENDANCE, typed, headers=headers)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1
    assert "s.xlsx, blad 'Toets t01', rij 1: kolom E ('2. t01-q3'): vraag 2 van toets t01 is t01-q2, niet t01-q3" in (
        result.err
    )
    assert staffed_store.counts()["attempts"] == 0


def test_a_sheet_named_for_one_quiz_with_questions_of_another_is_a_problem(
    cli, tmp_path, staffed_store, db_url, catalog
):
    typed = {"t01": [("E1", "Anna", ["a", "juist", "", ""])]}
    headers = {"t01": ["1. t02-q1", "2. t02-q2", "3", "4"]}
    path = write_scoreblad(tmp_path / "s.xlsx", catalog, ATTENDANCE, typed, headers=headers)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1
    assert "vraag 1 van toets t01 is t01-q1, niet t02-q1" in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_a_single_wide_sheet_with_numbered_headers_still_imports(cli, tmp_path, staffed_store, db_url):
    rows = [["medewerker_id", "tijdstip", "1. t02-q1", "2. t02-q2"], ["E1", "2025-02-03T14:00", "A", "Juist"]]
    result = cli("responses", "import", write_xlsx(tmp_path / "blad.xlsx", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert "blad.xlsx (breed): 1 poging gelezen" in result.out
    assert stored(staffed_store)["E1", "t02"].score_percent == 100.0


def test_a_corrected_sheet_names_sheet_and_row_of_each_changed_attempt(cli, tmp_path, staffed_store, db_url, catalog):
    path = write_scoreblad(tmp_path / "scoreblad.xlsx", catalog, ATTENDANCE, TYPED)
    assert cli("responses", "import", path, "--db", db_url).code == 0
    corrected = {"t01": TYPED["t01"], "t02": [("E1", "Anna de Vries", ["B", "Juist"]), TYPED["t02"][1]]}
    write_scoreblad(path, catalog, ATTENDANCE, corrected)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 1
    assert "scoreblad.xlsx, blad 'Toets t02', rij 2: de poging van E1 voor toets t02" in result.err
    assert cli("responses", "import", path, "--db", db_url, "--vervang").code == 0
    assert stored(staffed_store)["E1", "t02"].score_percent == 50.0


def test_a_workbook_with_too_many_quiz_sheets_is_refused(cli, tmp_path, db_url):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Presentielijst"
    for number in range(51):
        workbook.create_sheet(f"Toets t{number:02}").append(["medewerker_id", "naam", "tijdstip", "1"])
    workbook.save(tmp_path / "veel.xlsx")
    result = cli("responses", "import", tmp_path / "veel.xlsx", "--db", db_url)
    assert result.code == 1
    assert "veel.xlsx: 51 bladen 'Toets ...'; er mogen hoogstens 50 zijn" in result.err
