"""Item analysis of a quiz, as Moodle's quiz statistics report defines it. Pure.

Input: the question scores (each in [0, 1]) of every employee's *first* attempt. With ``s``
attempts, ``x`` a question's score and ``rest = total - x`` the score on the rest of the quiz:

* facility index = mean(x) / max, max being 1 (Moodle: ``markaverage / maxmark``);
* discrimination index = 100 * cov(x, rest) / sqrt(var(x) * var(rest)), the correlation of the
  question with the rest of the test as a percentage; undefined (None) when either variance is 0
  or there is only one attempt (Moodle: ``discriminationindex``);
* coefficient of internal consistency (Cronbach's alpha) = p / (p - 1) * (1 - sum var(x) / var(total))
  over the p questions (Moodle: ``cic``, which Moodle shows multiplied by 100).

Variances and covariances use the sample denominator s - 1, as Moodle does. Moodle only shows
the CIC from three attempts on (it computes it together with skewness); the formula itself is
defined from two, and so is it here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..content.model import Quiz

TOO_EASY_ABOVE = 0.95
TOO_HARD_BELOW = 0.25
NOT_DISCRIMINATING_BELOW = 20.0  # percent

FLAG_TOO_EASY = "te makkelijk"
FLAG_TOO_HARD = "te moeilijk"
FLAG_NOT_DISCRIMINATING = "onderscheidt niet"


@dataclass(frozen=True)
class QuestionStatistics:
    question_id: str
    facility: float | None  # in [0, 1]; None without attempts
    discrimination_percent: float | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class QuizStatistics:
    quiz_id: str
    attempt_count: int
    questions: list[QuestionStatistics]
    cronbach_alpha: float | None


def _flags(facility: float | None, discrimination: float | None) -> tuple[str, ...]:
    flags = []
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(FLAG_TOO_EASY)
    if facility is not None and facility < TOO_HARD_BELOW:
        flags.append(FLAG_TOO_HARD)
    if discrimination is not None and discrimination < NOT_DISCRIMINATING_BELOW:
        flags.append(FLAG_NOT_DISCRIMINATING)
    return tuple(flags)


def _sample_variance(values: list[float], mean: float) -> float:
    return math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1)


def analyse_quiz(quiz: Quiz, first_attempts: Iterable[Mapping[str, float]]) -> QuizStatistics:
    """Statistics over ``first_attempts``: per attempt, question id -> score; a missing question scores 0."""
    question_ids = [question.id for question in quiz.questions]
    # One row per attempt, one column per question, in quiz order.
    matrix = [[scores.get(qid, 0.0) for qid in question_ids] for scores in first_attempts]
    s = len(matrix)
    totals = [math.fsum(row) for row in matrix]
    mean_total = math.fsum(totals) / s if s else 0.0
    questions: list[QuestionStatistics] = []
    question_variances: list[float] = []
    for column, qid in enumerate(question_ids):
        marks = [row[column] for row in matrix]
        if not s:
            questions.append(QuestionStatistics(qid, None, None, ()))
            continue
        mean_mark = math.fsum(marks) / s
        facility = mean_mark  # the maximum mark of every question is 1
        discrimination = None
        if s > 1:
            rests = [total - mark for total, mark in zip(totals, marks, strict=True)]
            mean_rest = mean_total - mean_mark
            mark_var = _sample_variance(marks, mean_mark)
            rest_var = _sample_variance(rests, mean_rest)
            question_variances.append(mark_var)
            if mark_var * rest_var > 0:
                covariance = math.fsum((m - mean_mark) * (r - mean_rest) for m, r in zip(marks, rests, strict=True)) / (
                    s - 1
                )
                discrimination = 100.0 * covariance / math.sqrt(mark_var * rest_var)
        questions.append(QuestionStatistics(qid, facility, discrimination, _flags(facility, discrimination)))
    alpha = None
    p = len(question_ids)
    if s > 1 and p > 1:
        total_var = _sample_variance(totals, mean_total)
        if total_var > 0:
            alpha = p / (p - 1) * (1.0 - math.fsum(question_variances) / total_var)
    return QuizStatistics(quiz_id=quiz.module, attempt_count=s, questions=questions, cronbach_alpha=alpha)
