"""Scoring rules for quiz answers. Pure: no files, no database, no clock.

Rules (issue 4):

* a question scores in [0, 1];
* ``enkelvoudig`` and ``juist-onwaar``: 1 when the one chosen key is correct, else 0. Choosing
  more than one key on a single-answer question scores 0, as a paper test would (ticking two
  boxes is not an answer);
* ``meervoudig`` with k correct keys: +1/k for each correct key chosen, -1/k for each wrong key
  chosen, clamped to [0, 1];
* an unanswered question (no keys) scores 0;
* the quiz score is the mean over all the quiz's questions, as a percentage; the attempt passes
  when that percentage is at least the quiz's ``drempel``;
* a key that is not one of the question's options is an error (:class:`UnknownAnswer`), never a
  silent 0, and so is an answer to a question the quiz does not have (:class:`UnknownQuestion`).
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from ..content.model import Question, Quiz
from ..errors import UserError

#: Quiz percentages are rounded to this many decimals before they are compared with the pass
#: mark, so that three thirds of a point count as exactly one point (float sums of 1/3 give
#: 0.9999999999999999) and nobody fails a 70% quiz with 69.99999999999999%.
PERCENT_DECIMALS = 6


class ScoringError(UserError, ValueError):
    """An answer that cannot be scored. ``str()`` is a Dutch message for the user."""


class UnknownAnswer(ScoringError):
    def __init__(self, question_id: str, key: str, valid_keys: Iterable[str]):
        self.question_id = question_id
        self.key = key
        self.valid_keys = tuple(valid_keys)
        super().__init__(
            f"onbekend antwoord '{key}' bij vraag {question_id}; geldige antwoorden: {', '.join(self.valid_keys)}"
        )


class UnknownQuestion(ScoringError):
    def __init__(self, quiz_id: str, question_id: str):
        self.quiz_id = quiz_id
        self.question_id = question_id
        super().__init__(f"vraag '{question_id}' hoort niet bij de toets van module {quiz_id}")


@dataclass(frozen=True)
class QuizResult:
    score_percent: float
    passed: bool
    #: Score in [0, 1] for every question of the quiz, in quiz order; unanswered ones are 0.
    per_question: dict[str, float]


def check_keys(question: Question, chosen_keys: Collection[str]) -> None:
    """Raise :class:`UnknownAnswer` for the first chosen key that is not an option."""
    unknown = sorted(set(chosen_keys) - question.options.keys())
    if unknown:
        raise UnknownAnswer(question.id, unknown[0], question.options)


def score_question(question: Question, chosen_keys: Collection[str]) -> float:
    """The score in [0, 1] of one answer: ``chosen_keys`` are option keys, empty when unanswered."""
    check_keys(question, chosen_keys)
    chosen = set(chosen_keys)
    if not chosen:
        return 0.0
    correct = set(question.correct)
    if question.type == "meervoudig":
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        return min(1.0, max(0.0, (right - wrong) / len(correct)))
    return 1.0 if len(chosen) == 1 and chosen <= correct else 0.0


def quiz_percent(question_scores: Iterable[float], question_count: int) -> float:
    """Mean of the question scores as a percentage; questions without a score count as 0."""
    if question_count <= 0:
        return 0.0
    return round(100.0 * math.fsum(question_scores) / question_count, PERCENT_DECIMALS)


def is_passed(score_percent: float, pass_mark: float) -> bool:
    return score_percent >= pass_mark


def score_quiz(quiz: Quiz, answers: Mapping[str, Collection[str]]) -> QuizResult:
    """Score one attempt. ``answers`` maps question ids to the chosen keys; absent means unanswered."""
    questions = {question.id: question for question in quiz.questions}
    for question_id in answers:
        if question_id not in questions:
            raise UnknownQuestion(quiz.module, question_id)
    per_question = {
        question_id: score_question(question, answers.get(question_id, ()))
        for question_id, question in questions.items()
    }
    percent = quiz_percent(per_question.values(), len(questions))
    return QuizResult(score_percent=percent, passed=is_passed(percent, quiz.pass_mark), per_question=per_question)
