"""Wide format, a workshop score sheet (CSV or XLSX): ``medewerker_id``, ``tijdstip`` and one
column per question holding the chosen keys. One row is one attempt; a sheet is one quiz.

A question column is headed by its id (``m01-q01``), by its number on the printed form and its id
(``1. m01-q01``, as the workshop kit writes it), or by the number alone (``1``): the printed form
numbers the questions in the quiz's bank order. A number and an id that disagree are a problem.
"""

from __future__ import annotations

import re

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


#: "1", "1.", "1)", "1. m01-q01", "1 m01-q01": a question's number on the printed form, perhaps with its id.
_NUMBERED = re.compile(r"(\d{1,4})(?:[.)]\s*|\s+|$)(.*)")


def matches(positions: dict[str, int]) -> bool:
    return all(column in positions for column in REQUIRED)


def header_question(column: str, known_ids: frozenset[str] | dict[str, Quiz]) -> tuple[int | None, str]:
    """(the printed number or None, the question id or '') a header names; an id as it stands wins."""
    if column in known_ids:
        return None, column
    numbered = _NUMBERED.fullmatch(column)
    if numbered is None:
        return None, column
    return int(numbered[1]), numbered[2].strip()


def _question_columns(
    table: Table, catalog: Catalog, only_quiz: Quiz | None, result: ParsedResponses
) -> tuple[Quiz, dict[int, str]]:
    """The sheet's quiz and its question columns (position -> question id); odd columns become problems."""
    quiz_of: dict[str, Quiz] = {q.id: quiz for quiz in catalog.quizzes.values() for q in quiz.questions}
    candidates = [
        (position, column, *header_question(column, quiz_of))
        for position, column in enumerate(table.columns)
        if column and column.lower() not in REQUIRED + INFORMATIONAL
    ]
    quizzes = {quiz_of[question_id].module for *_, question_id in candidates if question_id in quiz_of}
    if only_quiz is None:
        if len(quizzes) > 1:
            raise RecordsError(
                f"{table.name}: de vraagkolommen horen bij verschillende toetsen ({', '.join(sorted(quizzes))}); "
                "gebruik één blad per toets"
            )
        if not quizzes:
            raise RecordsError(
                f"{table.name}: geen enkele kolom is een vraag-id (zoals m01-q01 of 1. m01-q01); "
                "noem de toets met --quiz of controleer de kopregel"
            )
        quiz = catalog.quizzes[quizzes.pop()]
    else:
        quiz = only_quiz
    own = {q.id for q in quiz.questions}
    printed = [q.id for q in quiz.questions]  # the bank order: the numbers of the printed form
    columns: dict[int, str] = {}
    for position, column, number, question_id in candidates:
        where = f"kolom {column_letter(position)} ('{column}')"
        reason = None
        if number is not None:
            if not 1 <= number <= len(printed):
                reason = f"{where}: toets {quiz.module} heeft geen vraag {number} (wel 1 tot en met {len(printed)})"
            elif question_id and question_id != printed[number - 1]:
                reason = f"{where}: vraag {number} van toets {quiz.module} is {printed[number - 1]}, niet {question_id}"
            else:
                question_id = printed[number - 1]
        if reason is None and question_id in own:
            earlier = next((p for p, q in columns.items() if q == question_id), None)
            if earlier is None:
                columns[position] = question_id
                continue
            reason = f"{where}: vraag {question_id} staat al in kolom {column_letter(earlier)}"
        if reason is None:
            if question_id in quiz_of:
                other = quiz_of[question_id].module
                reason = f"{where}: vraag '{question_id}' hoort bij toets {other}, niet bij {quiz.module}"
            else:
                reason = f"{where}: onbekende vraag '{column}' in toets {quiz.module}"
        result.problems.append(Problem(table.location, 1, reason))
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

    def written_id(cells: list[Cell]) -> str:
        return str(cells[i_employee]).strip()

    def identify(cells: list[Cell]) -> str:
        return people.check_id(written_id(cells))

    def score_row(cells: list[Cell]) -> tuple[dict[str, Answer], list[str]]:
        given: dict[str, Answer] = {}
        reasons: list[str] = []
        for position, question_id in question_columns.items():
            try:
                given[question_id] = score(questions[question_id], str(cells[position]))
            except ScoringError as exc:
                reasons.append(f"kolom {column_letter(position)}: {exc}")
        return given, reasons

    build = AttemptBuilder(quiz, f"{FORMAT}:{table.name}")
    attempt_per_row(table, result, build, positions["tijdstip"], identify, score_row, written_id)
    return result
