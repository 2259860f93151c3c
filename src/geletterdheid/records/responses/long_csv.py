"""Long format: one row per answer, ``medewerker_id,quiz,vraag,antwoord,tijdstip``.

Rows of one attempt (same employee, quiz and time) may be anywhere in the file. An attempt is
stored only when all its rows are valid, so a typo never silently lowers someone's score.
"""

from __future__ import annotations

import datetime as dt

from ...content.model import Catalog, Quiz
from ...content.problems import Problem
from ...quiz.scoring import ScoringError, UnknownQuestion
from ..model import Answer
from ..tables import Table
from .common import AnswerScorer, Directory, ParsedResponses, build_attempt
from ..times import BadTime, TimeParser

FORMAT = "lang"
COLUMNS = ("medewerker_id", "quiz", "vraag", "antwoord", "tijdstip")

AttemptKey = tuple[str, str, dt.datetime]


def matches(positions: dict[str, int]) -> bool:
    return all(column in positions for column in COLUMNS)


def parse(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses:
    positions = table.column_positions()
    i_employee, i_quiz, i_question, i_answer, i_time = (positions[column] for column in COLUMNS)
    width = max(i_employee, i_quiz, i_question, i_answer, i_time) + 1
    questions = {quiz_id: {q.id: q for q in quiz.questions} for quiz_id, quiz in catalog.quizzes.items()}
    if only_quiz is not None:
        questions = {only_quiz.module: questions[only_quiz.module]}
    known_employees = people.ids
    score = AnswerScorer()
    parse_time = TimeParser()
    result = ParsedResponses(FORMAT)
    groups: dict[AttemptKey, dict[str, Answer]] = {}
    invalid: set[AttemptKey] = set()

    for row_number, cells in table.rows:
        # The hot path: about a microsecond per row for a valid one. Anything unusual goes to
        # _row_problems, which works out every reason in Dutch.
        if len(cells) >= width:
            employee_id = cells[i_employee].strip()
            quiz_id = cells[i_quiz].strip()
            quiz_questions = questions.get(quiz_id)
            question = quiz_questions.get(cells[i_question].strip()) if quiz_questions else None
            if employee_id in known_employees and question is not None:
                try:
                    taken_at = parse_time(cells[i_time])
                    answer = score(question, cells[i_answer])
                except (BadTime, ScoringError):
                    pass
                else:
                    key = (employee_id, quiz_id, taken_at)
                    given = groups.get(key)
                    if given is None:
                        given = groups[key] = {}
                    if question.id not in given:
                        given[question.id] = answer
                        continue
        reasons, key = _row_problems(cells, width, (i_employee, i_quiz, i_question, i_answer, i_time),
                                     catalog, only_quiz, people, score, parse_time, groups)
        result.problems.append(Problem(table.path, row_number, "; ".join(reasons) or "ongeldige rij"))
        if key is not None:
            invalid.add(key)

    source = f"{FORMAT}:{table.name}"
    for key, given in groups.items():
        if key in invalid:
            result.dropped_attempts += 1
            continue
        employee_id, quiz_id, taken_at = key
        result.attempts.append(build_attempt(catalog.quizzes[quiz_id], employee_id, taken_at, source, given))
    return result


def _row_problems(cells, width, indexes, catalog: Catalog, only_quiz: Quiz | None, people: Directory,
                  score: AnswerScorer, parse_time: TimeParser, groups) -> tuple[list[str], AttemptKey | None]:
    """Every reason a row is invalid, and the attempt it belongs to when that can be told."""
    if len(cells) < width:
        return [f"te weinig kolommen ({len(cells)} in plaats van {width})"], None
    i_employee, i_quiz, i_question, i_answer, i_time = indexes
    employee_id, quiz_id, question_id = (cells[i].strip() for i in (i_employee, i_quiz, i_question))
    reasons: list[str] = []
    try:
        people.check_id(employee_id)
    except ValueError as exc:
        reasons.append(str(exc))
    quiz = catalog.quizzes.get(quiz_id)
    if quiz is None:
        reasons.append(f"onbekende toets '{quiz_id}'" if quiz_id else "quiz is leeg")
    elif only_quiz is not None and quiz is not only_quiz:
        reasons.append(f"toets '{quiz_id}' is niet de gekozen toets '{only_quiz.module}' (--quiz)")
        quiz = None
    question = None
    if quiz is not None:
        question = next((q for q in quiz.questions if q.id == question_id), None)
        if question is None:
            reasons.append(str(UnknownQuestion(quiz_id, question_id)) if question_id else "vraag is leeg")
    taken_at = None
    try:
        taken_at = parse_time(cells[i_time])
    except BadTime as exc:
        reasons.append(str(exc))
    if question is not None:
        try:
            score(question, cells[i_answer])
        except ScoringError as exc:
            reasons.append(str(exc))
    key = (employee_id, quiz_id, taken_at) if quiz is not None and taken_at is not None else None
    if not reasons and key is not None and question_id in groups.get(key, {}):
        reasons.append(f"vraag '{question_id}' staat al eerder in het bestand voor dezelfde poging "
                       f"(medewerker {employee_id}, tijdstip {cells[i_time].strip()})")
    return reasons, key
