"""An MS Forms export of every shipped quiz imports (question texts as column titles), and repeated titles
are matched by their order."""

import datetime as dt

import pytest

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.records import Employee
from geletterdheid.records.store import Store
from repo_paths import REPO

from .conftest import write_xlsx

SHIPPED = catalog_or_exit(REPO)
FORMS_COLUMNS = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Totaal aantal punten"]


def forms_export(path, questions, answers, when=dt.datetime(2025, 3, 4, 11, 15)):
    """A Dutch Forms export with one response: the option texts of ``answers`` (question -> keys)."""
    header = [*FORMS_COLUMNS]
    row: list[object] = [1, when - dt.timedelta(minutes=5), when, "anna@gemeente.example", "Anna", 0]
    for question in questions:
        header += [question.text, f"Punten - {question.text}"]
        row += [";".join(question.options[key] for key in answers[question.id]) + ";", 0]
    return write_xlsx(path, [header, row])


@pytest.fixture
def anna(db_url):
    with Store.open(db_url) as store:
        store.upsert_employees([Employee("E1", "Anna", "IT", (), "anna@gemeente.example")])
    return db_url


@pytest.mark.parametrize("quiz_id", sorted(SHIPPED.quizzes))
def test_a_forms_export_of_every_shipped_quiz_imports_with_full_marks(tmp_path, anna, capsys, quiz_id):
    quiz = SHIPPED.quizzes[quiz_id]
    path = forms_export(tmp_path / f"{quiz_id}.xlsx", quiz.questions, {q.id: q.correct for q in quiz.questions})
    code = main(["--root", str(REPO), "responses", "import", str(path), "--db", anna])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert f"{quiz_id}.xlsx (ms-forms): 1 poging gelezen, 1 nieuw opgeslagen" in captured.out
    assert "Let op" not in captured.err  # every question found, none unanswered
    with Store.open(anna) as store:
        [attempt] = store.attempts_of("E1")
    assert (attempt.quiz_id, attempt.score_percent, attempt.passed) == (quiz_id, 100.0, True)


def test_repeated_question_titles_are_matched_in_order(tmp_path, catalog):
    """A quiz where two questions share a text (a gemeente's own, before check catches it): Forms then
    repeats the column title, and the columns are taken in the order of the questions."""
    from geletterdheid.records.responses import msforms
    from geletterdheid.records.responses.common import Directory
    from geletterdheid.records.sheets import read_table

    first, second = catalog.quizzes["t01"].questions[:2]
    twin = catalog.quizzes["t01"].model_copy(
        update={"questions": [first, second.model_copy(update={"text": first.text})]}
    )
    # right for the first, wrong for the second: swapped columns would score it the other way round
    wrong = [key for key in second.options if key not in second.correct]
    path = forms_export(tmp_path / "dubbel.xlsx", twin.questions, {first.id: first.correct, second.id: wrong})
    parsed = msforms.parse(read_table(path), catalog, Directory([("E1", "anna@gemeente.example")]), twin)
    assert parsed.problems == [] and parsed.ignored_columns == [] and parsed.notes == []
    [attempt] = parsed.attempts
    assert [(answer.question_id, answer.score) for answer in attempt.answers] == [(first.id, 1.0), (second.id, 0.0)]
