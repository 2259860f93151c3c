"""A quiz submission from the site: read and check the JSON body, score it, describe the result.

Pure: no HTTP, no database. The score comes from :mod:`geletterdheid.quiz.scoring` (through
``NewAttempt.scored``), never from the browser: a body that carries a score is refused.

Body::

    {"quiz": "m01", "antwoorden": {"m01-q01": ["b"], "m01-q03": ["a", "c"]}}

Questions left out count as unanswered. Every problem raises :class:`SubmissionError` with a
Dutch message and an HTTP status; nothing has been stored at that point.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content.model import Catalog, Quiz
from ..errors import UserError
from ..quiz.scoring import ScoringError
from ..records.model import NewAttempt
from .json_input import JsonBodyError, load_json

SOURCE = "web"
_FIELDS = {"quiz", "antwoorden"}


class SubmissionError(UserError):
    """A submission the server refuses: ``status`` is the HTTP status, ``message`` the Dutch answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Submission:
    quiz: Quiz
    answers: dict[str, list[str]]


def parse_submission(body: bytes, catalog: Catalog) -> Submission:
    try:
        data = load_json(body)
    except JsonBodyError as exc:
        raise SubmissionError(exc.status, exc.message) from None
    if not isinstance(data, dict):
        raise SubmissionError(400, "Stuur een JSON-object met 'quiz' en 'antwoorden'.")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise SubmissionError(
            422, f"Onbekend veld '{unknown[0]}'. Stuur alleen 'quiz' en 'antwoorden'; de server berekent de score zelf."
        )
    quiz_id = data.get("quiz")
    if not isinstance(quiz_id, str):
        raise SubmissionError(422, "Het veld 'quiz' ontbreekt of is geen tekst.")
    quiz = catalog.quizzes.get(quiz_id)
    if quiz is None:
        raise SubmissionError(422, f"Onbekende toets '{quiz_id[:80]}'.")
    answers = data.get("antwoorden")
    if not isinstance(answers, dict):
        raise SubmissionError(
            422, "Het veld 'antwoorden' ontbreekt of is geen object (vraag-id: lijst van antwoorden)."
        )
    for question_id, keys in answers.items():
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            raise SubmissionError(
                422, f"De antwoorden bij vraag '{question_id[:80]}' moeten een lijst van teksten zijn."
            )
    return Submission(quiz, answers)


def score_submission(submission: Submission, employee_id: str, taken_at: dt.datetime) -> NewAttempt:
    """The scored attempt; raises SubmissionError (422) for an unknown question or answer key."""
    try:
        return NewAttempt.scored(employee_id, submission.quiz, taken_at, SOURCE, submission.answers)
    except ScoringError as exc:
        message = str(exc)
        raise SubmissionError(422, message[:1].upper() + message[1:] + ".") from None


def stored_result(attempt: NewAttempt, quiz: Quiz, employee_name: str) -> dict:
    """The part of every answer to a stored attempt (practice or toets): score, pass mark, for whom."""
    return {
        "quiz": quiz.module,
        "score": attempt.score_percent,
        "geslaagd": attempt.passed,
        "drempel": quiz.pass_mark,
        "opgeslagen": True,
        "medewerker": employee_name,
        "bericht": f"Je resultaat is opgeslagen voor {employee_name}.",
    }


def result_body(attempt: NewAttempt, quiz: Quiz, employee_name: str) -> dict:
    """What the site shows: the server's score, pass or fail, and feedback per question."""
    scores = {answer.question_id: answer.score for answer in attempt.answers}
    return {
        **stored_result(attempt, quiz, employee_name),
        "feedback": [
            {
                "vraag": question.id,
                "score": scores[question.id],
                "juist": list(question.correct),
                "uitleg": question.explanation,
            }
            for question in quiz.questions
        ],
    }
