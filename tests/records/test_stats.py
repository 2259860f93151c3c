"""Item analysis against values worked out by hand (Moodle's definitions, sample variances s-1)."""

import math

import pytest

from geletterdheid.content.model import Quiz
from geletterdheid.quiz.stats import FLAG_NOT_DISCRIMINATING, FLAG_TOO_EASY, FLAG_TOO_HARD, analyse_quiz
from geletterdheid.records import NewAttempt

from .conftest import at


def make_quiz(question_count: int) -> Quiz:
    return Quiz.model_validate(
        {
            "module": "x01",
            "vragen": [
                {
                    "id": f"x01-q{i}",
                    "type": "enkelvoudig",
                    "vraag": f"Vraag {i}",
                    "opties": {"a": "A", "b": "B"},
                    "juist": "a",
                    "uitleg": "Uitleg (artikel 4).",
                }
                for i in range(1, question_count + 1)
            ],
        }
    )


def attempts(rows):
    return [{f"x01-q{i}": score for i, score in enumerate(row, start=1)} for row in rows]


# Four first attempts on three questions (q3 partly right for C):
#
#        q1   q2   q3    total
#   A     1    1    1    3
#   B     1    1    0    2
#   C     1    0   1/2   3/2
#   D     0    0    0    0
#
# q1: x = 1,1,1,0 (mean 3/4); rest = total - x = 2,1,1/2,0 (mean 7/8)
#     dx = 1/4,1/4,1/4,-3/4; dr = 9/8,1/8,-3/8,-7/8
#     S(dx.dr) = (9+1-3+21)/32 = 7/8; S(dx^2) = 3/4; S(dr^2) = (81+1+9+49)/64 = 35/16
#     r = (7/8) / sqrt(3/4 * 35/16) = 7 / sqrt(105) = 0.68313 -> 68.31%
# q2: x = 1,1,0,0 (mean 1/2); rest = 2,1,3/2,0 (mean 9/8)
#     dx = 1/2,1/2,-1/2,-1/2; dr = 7/8,-1/8,3/8,-9/8
#     S(dx.dr) = (7-1-3+9)/16 = 3/4; S(dx^2) = 1; S(dr^2) = (49+1+9+81)/64 = 35/16
#     r = (3/4) / sqrt(35/16) = 3 / sqrt(35) = 0.50709 -> 50.71%
# q3: x = 1,0,1/2,0 (mean 3/8); rest = 2,2,1,0 (mean 5/4)
#     dx = 5/8,-3/8,1/8,-3/8; dr = 3/4,3/4,-1/4,-5/4
#     S(dx.dr) = (15-9-1+15)/32 = 5/8; S(dx^2) = 44/64 = 11/16; S(dr^2) = 44/16 = 11/4
#     r = (5/8) / sqrt(11/16 * 11/4) = (5/8) / (11/8) = 5/11 -> 45.45%
# Cronbach's alpha: item variances (S(dx^2) / 3) = 1/4, 1/3, 11/48; sum = 39/48 = 13/16.
#     totals 3,2,3/2,0 (mean 13/8): S(d^2) = (121+9+1+169)/64 = 75/16; variance = 25/16.
#     alpha = 3/2 * (1 - (13/16) / (25/16)) = 3/2 * 12/25 = 0.72
HAND = [[1, 1, 1], [1, 1, 0], [1, 0, 0.5], [0, 0, 0]]


def test_facility_discrimination_and_alpha_match_the_hand_computation():
    stats = analyse_quiz(make_quiz(3), attempts(HAND))
    assert stats.attempt_count == 4
    facility = [q.facility for q in stats.questions]
    discrimination = [q.discrimination_percent for q in stats.questions]
    assert facility == pytest.approx([0.75, 0.5, 0.375])
    assert discrimination == pytest.approx([100 * 7 / math.sqrt(105), 100 * 3 / math.sqrt(35), 100 * 5 / 11])
    assert discrimination == pytest.approx([68.313, 50.709, 45.455], abs=1e-3)
    assert stats.cronbach_alpha == pytest.approx(0.72)
    assert all(q.flags == () for q in stats.questions)


# Five first attempts on four questions, to raise each flag:
#
#        q1  q2  q3  q4   total
#   A     1   1   0   1    3
#   B     1   0   0   1    2
#   C     1   0   0   1    2
#   D     1   0   1   0    2
#   E     1   0   1   0    2
#
# q1: everyone right: facility 1.00 > 0.95 -> too easy; variance 0, so no discrimination index.
# q2: facility 1/5 = 0.20 < 0.25 -> too hard; rest = 2,2,2,2,2 has variance 0 -> no index.
# q3: x = 0,0,0,1,1 (mean 2/5), rest = 3,2,2,1,1 (mean 9/5)
#     dx = -.4,-.4,-.4,.6,.6; dr = 1.2,.2,.2,-.8,-.8
#     S(dx.dr) = -.48-.08-.08-.48-.48 = -1.6; S(dx^2) = 1.2; S(dr^2) = 2.8
#     r = -1.6 / sqrt(3.36) = -0.87287 -> -87.29% < 20% -> does not discriminate
FLAGGED = [[1, 1, 0, 1], [1, 0, 0, 1], [1, 0, 0, 1], [1, 0, 1, 0], [1, 0, 1, 0]]


def test_flags_too_easy_too_hard_and_not_discriminating():
    stats = analyse_quiz(make_quiz(4), attempts(FLAGGED))
    q1, q2, q3, _ = stats.questions
    assert (q1.facility, q1.discrimination_percent, q1.flags) == (1.0, None, (FLAG_TOO_EASY,))
    assert (q2.facility, q2.discrimination_percent, q2.flags) == (0.2, None, (FLAG_TOO_HARD,))
    assert q3.discrimination_percent == pytest.approx(-1.6 / math.sqrt(3.36) * 100)
    assert q3.flags == (FLAG_NOT_DISCRIMINATING,)


def test_flag_thresholds_are_strict():
    # 19 of 20 right is exactly 0.95: not "too easy". 5 of 20 is exactly 0.25: not "too hard".
    rows = [[1 if i < 19 else 0, 1 if i < 5 else 0] for i in range(20)]
    q1, q2 = analyse_quiz(make_quiz(2), attempts(rows)).questions
    assert q1.facility == pytest.approx(0.95) and FLAG_TOO_EASY not in q1.flags
    assert q2.facility == pytest.approx(0.25) and FLAG_TOO_HARD not in q2.flags


def test_unanswered_questions_count_as_zero():
    stats = analyse_quiz(make_quiz(2), [{"x01-q1": 1.0}, {"x01-q1": 1.0, "x01-q2": 1.0}])
    assert [q.facility for q in stats.questions] == [1.0, 0.5]


def test_no_attempts_and_one_attempt_give_no_indices():
    empty = analyse_quiz(make_quiz(2), [])
    assert empty.attempt_count == 0 and empty.cronbach_alpha is None
    assert all(q.facility is None and q.discrimination_percent is None for q in empty.questions)
    single = analyse_quiz(make_quiz(2), attempts([[1, 0]]))
    assert single.cronbach_alpha is None
    assert [q.discrimination_percent for q in single.questions] == [None, None]


def test_store_feeds_only_each_employees_first_attempt(staffed_store, catalog):
    quiz = catalog.quizzes["t02"]  # two questions
    record = staffed_store.record_attempt
    record(NewAttempt.scored("E1", quiz, at("2025-01-10T09:00"), "test", {"t02-q1": ["b"]}))
    # A later, better attempt by E1 must not count.
    record(NewAttempt.scored("E1", quiz, at("2025-01-11T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["juist"]}))
    record(NewAttempt.scored("E2", quiz, at("2025-01-12T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["onjuist"]}))
    firsts = sorted(staffed_store.first_attempt_scores("t02"), key=lambda s: s["t02-q1"])
    assert firsts == [{"t02-q1": 0.0, "t02-q2": 0.0}, {"t02-q1": 1.0, "t02-q2": 0.0}]
    assert staffed_store.first_attempt_scores("t03") == []
