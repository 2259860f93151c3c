"""Wide format, a workshop score sheet (CSV or XLSX): ``medewerker_id``, ``tijdstip`` and one
column per question id holding the chosen keys. One row is one attempt; a sheet is one quiz."""

from __future__ import annotations

from ...content.model import Catalog, Quiz
from ...problems import Problem
from ...quiz.scoring import ScoringError
from ..errors import RecordsError
from ..model import Answer
from ..sheets import Cell, Table, column_letter
from .common import AnswerScorer, AttemptBuilder, Directory, ParsedResponses, attempt_per_row

FORMAT = "breed"
REQUIRED = ("medewerker_id", "tijdstip")
#: Columns a sheet may carry for the trainer's own use; they are not read.
INFORMATIONAL = ("naam", "afdeling", "email", "e-mail", "opmerking")


def matches(positions: dict[str, int]) -> bool:
    return all(column in positions for column in REQUIRED)


def _question_columns(
    table: Table, catalog: Catalog, only_quiz: Quiz | None, result: ParsedResponses
) -> tuple[Quiz, dict[int, str]]:
    """The sheet's quiz and its question columns (position -> question id); odd columns become problems."""
    quiz_of: dict[str, Quiz] = {q.id: quiz for quiz in catalog.quizzes.values() for q in quiz.questions}
    candidates = [
        (position, column)
        for position, column in enumerate(table.columns)
        if column and column.lower() not in REQUIRED + INFORMATIONAL
    ]
    quizzes = {quiz_of[column].module for _, column in candidates if column in quiz_of}
    if only_quiz is None:
        if len(quizzes) > 1:
            raise RecordsError(
                f"{table.name}: de vraagkolommen horen bij verschillende toetsen ({', '.join(sorted(quizzes))}); "
                "gebruik één blad per toets"
            )
        if not quizzes:
            raise RecordsError(
                f"{table.name}: geen enkele kolom is een vraag-id (zoals m01-q01); "
                "noem de toets met --quiz of controleer de kopregel"
            )
        quiz = catalog.quizzes[quizzes.pop()]
    else:
        quiz = only_quiz
    own = {q.id for q in quiz.questions}
    columns: dict[int, str] = {}
    for position, column in candidates:
        if column in own:
            columns[position] = column
            continue
        where = f"kolom {column_letter(position)} ('{column}')"
        if column in quiz_of:
            reason = f"{where}: vraag '{column}' hoort bij toets {quiz_of[column].module}, niet bij {quiz.module}"
        else:
            reason = f"{where}: onbekende vraag '{column}' in toets {quiz.module}"
        result.problems.append(Problem(table.path, 1, reason))
        result.ignored_columns.append(column)
    missing = [q.id for q in quiz.questions if q.id not in columns.values()]
    if missing:
        result.notes.append(
            f"{table.name}: geen kolom voor {', '.join(missing)}; die vragen tellen als niet beantwoord"
        )
    return quiz, columns


def parse(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses:
    result = ParsedResponses(FORMAT)
    positions = table.column_positions()
    quiz, question_columns = _question_columns(table, catalog, only_quiz, result)
    questions = {q.id: q for q in quiz.questions}
    i_employee = positions["medewerker_id"]
    score = AnswerScorer()

    def identify(cells: list[Cell]) -> str:
        return people.check_id(str(cells[i_employee]).strip())

    def score_row(cells: list[Cell]) -> tuple[dict[str, Answer], list[str]]:
        given: dict[str, Answer] = {}
        reasons: list[str] = []
        for position, question_id in question_columns.items():
            try:
                given[question_id] = score(questions[question_id], str(cells[position]))
            except ScoringError as exc:
                reasons.append(f"kolom {column_letter(position)}: {exc}")
        return given, reasons

    attempt_per_row(
        table, result, AttemptBuilder(quiz, f"{FORMAT}:{table.name}"), positions["tijdstip"], identify, score_row
    )
    return result
