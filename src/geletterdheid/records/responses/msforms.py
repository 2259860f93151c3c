"""A Microsoft Forms export (XLSX): columns are question texts, cells are option texts.

Questions are matched to the quiz by their exact text (surrounding spaces aside), options by
their exact text; several answers in one cell are separated by ``;`` (Forms ends each with one).
Employees are found by a ``medewerker_id`` column when the form asked for it, else by the
e-mail address Forms recorded. Forms' own columns (id, start and completion time, name, points,
feedback) are recognised in English and Dutch; any other column is reported.
"""

from __future__ import annotations

from ...content.model import Catalog, Question, Quiz
from ...problems import Problem
from ...quiz.scoring import score_question
from ..errors import RecordsError
from ..model import Answer, join_keys
from ..sheets import Cell, Table, column_letter
from .common import AttemptBuilder, Directory, ParsedResponses, attempt_per_row, option_key

FORMAT = "ms-forms"
COMPLETION_TIME = ("completion time", "tijd van voltooien", "voltooiingstijd")
START_TIME = ("start time", "begintijd", "starttijd")
EMAIL = ("email", "e-mail", "e-mailadres")
EMPLOYEE_ID = ("medewerker_id",)
OTHER_FORMS_COLUMNS = (
    "id",
    "name",
    "naam",
    "last modified time",
    "tijd laatst gewijzigd",
    "tijd van laatste wijziging",
    "total points",
    "totaal aantal punten",
    "totaal punten",
    "quiz feedback",
    "feedback voor quiz",
)
PER_QUESTION_PREFIXES = ("points - ", "feedback - ", "punten - ")


def matches(positions: dict[str, int]) -> bool:
    return any(column in positions for column in COMPLETION_TIME + START_TIME)


def _first(positions: dict[str, int], names: tuple[str, ...]) -> int | None:
    return next((positions[name] for name in names if name in positions), None)


def _is_forms_column(column: str) -> bool:
    lower = column.lower()
    return lower in COMPLETION_TIME + START_TIME + EMAIL + EMPLOYEE_ID + OTHER_FORMS_COLUMNS or lower.startswith(
        PER_QUESTION_PREFIXES
    )


def _match_quiz(
    table: Table, catalog: Catalog, only_quiz: Quiz | None, result: ParsedResponses
) -> tuple[Quiz, dict[int, Question]]:
    texts = [
        (position, column) for position, column in enumerate(table.columns) if column and not _is_forms_column(column)
    ]
    candidates = [only_quiz] if only_quiz is not None else list(catalog.quizzes.values())

    def matched(quiz: Quiz) -> dict[int, Question]:
        # Two questions may share a text (a gemeente's own quiz; check warns): then the columns
        # with that title are taken in order, the first for the first such question, and so on.
        by_text: dict[str, list[Question]] = {}
        for question in quiz.questions:
            by_text.setdefault(question.text.strip(), []).append(question)
        columns = {}
        for position, text in texts:
            waiting = by_text.get(text)
            if waiting:
                columns[position] = waiting.pop(0)
        return columns

    best = max(candidates, key=lambda quiz: len(matched(quiz)))
    columns = matched(best)
    if not columns:
        raise RecordsError(
            f"{table.name}: geen kolom komt precies overeen met de tekst van een vraag"
            + (f" van toets {only_quiz.module}" if only_quiz else "")
            + "; controleer of de vragen in Forms letterlijk gelijk zijn aan de toets"
        )
    rivals = [quiz.module for quiz in candidates if quiz is not best and len(matched(quiz)) == len(columns)]
    if rivals:
        raise RecordsError(
            f"{table.name}: de vragen passen bij meerdere toetsen ({best.module}, {', '.join(rivals)}); "
            "kies er een met --quiz"
        )
    for position, text in texts:
        if position not in columns:
            result.problems.append(
                Problem(
                    table.location,
                    1,
                    f"kolom {column_letter(position)} ('{text}') komt niet "
                    f"overeen met een vraag van toets {best.module}",
                )
            )
            result.ignored_columns.append(text)
    missing = [question.id for question in best.questions if question not in columns.values()]
    if missing:
        result.notes.append(
            f"{table.name}: geen kolom voor {', '.join(missing)}; die vragen tellen als niet beantwoord"
        )
    return best, columns


def _option_keys(question: Question, cell: str) -> list[str]:
    """Option texts in a cell -> keys; raises ValueError naming the text that is not an option.

    A part that is no option text may be a key as people type it ("B", "waar"): option_key
    decides, as in the other formats."""
    by_text = {text: key for key, text in question.options.items()}
    whole = cell.strip().rstrip(";").strip()
    if not whole:
        return []
    if whole in by_text:  # one answer, even when its text contains ';'
        return [by_text[whole]]
    keys = []
    for part in (part.strip() for part in whole.split(";")):
        if not part:
            continue
        key = by_text.get(part) or option_key(question, part)
        if key not in question.options:
            raise ValueError(f"antwoord '{part}' is geen optie van vraag {question.id}")
        keys.append(key)
    return keys


def positions_of(table: Table) -> dict[str, int]:
    """Lower-case column name -> its first position. Unlike Table.column_positions, a repeated title is
    no error here: Forms repeats a question's text (and its points and feedback columns) when two
    questions share it, and the question columns are matched by their order instead."""
    positions: dict[str, int] = {}
    for position, column in enumerate(table.columns):
        if column:
            positions.setdefault(column.lower(), position)
    return positions


def parse(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses:
    result = ParsedResponses(FORMAT)
    positions = positions_of(table)
    quiz, question_columns = _match_quiz(table, catalog, only_quiz, result)
    i_time = _first(positions, COMPLETION_TIME + START_TIME)  # completion time when Forms has both
    if i_time is None:  # matches() chose this format for the time column; called directly, say so
        raise RecordsError(f"{table.name}: er is geen kolom 'Tijd van voltooien' of 'Begintijd'")
    i_employee = _first(positions, EMPLOYEE_ID)
    i_email = _first(positions, EMAIL)
    if i_employee is None and i_email is None:
        raise RecordsError(
            f"{table.name}: er is geen kolom 'medewerker_id' en geen kolom 'E-mail'; "
            "zo is niet te zien wie de toets maakte"
        )

    def identify(cells: list[Cell]) -> str:
        given_id = str(cells[i_employee]).strip() if i_employee is not None else ""
        if given_id or i_email is None:
            return people.check_id(given_id)
        return people.by_email(str(cells[i_email]))

    def score_row(cells: list[Cell]) -> tuple[dict[str, Answer], list[str]]:
        given: dict[str, Answer] = {}
        reasons: list[str] = []
        for position, question in question_columns.items():
            try:
                keys = _option_keys(question, str(cells[position]))
            except ValueError as exc:
                reasons.append(f"kolom {column_letter(position)}: {exc}")
                continue
            given[question.id] = Answer(question.id, join_keys(keys), score_question(question, keys))
        return given, reasons

    attempt_per_row(table, result, AttemptBuilder(quiz, f"{FORMAT}:{table.name}"), i_time, identify, score_row)
    return result
