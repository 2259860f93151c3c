"""The scoring rules of issue 4, one test per rule, on the test content's quiz t01.

t01 (drempel 70): q1 enkelvoudig (juist b), q2 juist-onwaar (juist onjuist),
q3 meervoudig with k=3 (juist a, c, d; b wrong), q4 meervoudig with k=2 (juist a, b; c wrong).
"""

import pytest

from geletterdheid.quiz.scoring import UnknownAnswer, UnknownQuestion, score_question, score_quiz


@pytest.fixture
def quiz(catalog):
    return catalog.quizzes["t01"]


@pytest.fixture
def q(quiz):
    return {question.id: question for question in quiz.questions}


@pytest.mark.parametrize("chosen, expected", [(["b"], 1.0), (["a"], 0.0), (["c"], 0.0)])
def test_single_answer_scores_one_only_for_the_correct_key(q, chosen, expected):
    assert score_question(q["t01-q1"], chosen) == expected


@pytest.mark.parametrize("chosen, expected", [(["onjuist"], 1.0), (["juist"], 0.0)])
def test_true_false_scores_one_only_for_the_correct_key(q, chosen, expected):
    assert score_question(q["t01-q2"], chosen) == expected


def test_ticking_two_boxes_on_a_single_answer_question_scores_zero(q):
    assert score_question(q["t01-q1"], ["a", "b"]) == 0.0
    assert score_question(q["t01-q2"], ["juist", "onjuist"]) == 0.0


@pytest.mark.parametrize(
    "chosen, expected",
    [
        (["a", "c", "d"], 1.0),  # all three correct
        (["a", "c"], 2 / 3),  # +1/3 +1/3
        (["a"], 1 / 3),
        (["a", "c", "b"], 1 / 3),  # +1/3 +1/3 -1/3
        (["a", "b", "c", "d"], 2 / 3),  # everything ticked: 3/3 - 1/3
        (["b"], 0.0),  # -1/3 clamped to 0
    ],
)
def test_multiple_answer_gives_plus_and_minus_one_over_k_clamped(q, chosen, expected):
    assert score_question(q["t01-q3"], chosen) == pytest.approx(expected)


def test_multiple_answer_with_two_correct_keys_uses_halves(q):
    assert score_question(q["t01-q4"], ["a"]) == 0.5
    assert score_question(q["t01-q4"], ["a", "c"]) == 0.0
    assert score_question(q["t01-q4"], ["a", "b", "c"]) == 0.5


def test_choosing_a_key_twice_counts_once(q):
    assert score_question(q["t01-q3"], ["a", "a"]) == pytest.approx(1 / 3)


@pytest.mark.parametrize("question_id", ["t01-q1", "t01-q2", "t01-q3"])
def test_unanswered_scores_zero(q, question_id):
    assert score_question(q[question_id], []) == 0.0


def test_unknown_key_is_an_error_naming_question_and_key(q):
    with pytest.raises(UnknownAnswer) as raised:
        score_question(q["t01-q1"], ["b", "z"])
    assert (raised.value.question_id, raised.value.key) == ("t01-q1", "z")
    assert "onbekend antwoord 'z' bij vraag t01-q1" in str(raised.value)
    assert "a, b, c" in str(raised.value)


def test_quiz_score_is_the_mean_as_percentage_over_all_questions(quiz):
    result = score_quiz(quiz, {"t01-q1": ["b"], "t01-q3": ["a", "c"]})  # 1 + 0 + 2/3 + 0
    assert result.score_percent == pytest.approx(100 * (5 / 3) / 4)
    assert result.per_question == pytest.approx({"t01-q1": 1.0, "t01-q2": 0.0, "t01-q3": 2 / 3, "t01-q4": 0.0})
    assert result.passed is False


def test_passed_at_exactly_the_pass_mark(catalog):
    # t02 has drempel 50: one of its two questions right is exactly 50%.
    result = score_quiz(catalog.quizzes["t02"], {"t02-q1": ["a"], "t02-q2": ["onjuist"]})
    assert (result.score_percent, result.passed) == (50.0, True)


def test_just_below_the_pass_mark_fails(quiz):
    # 1 + 1 + 2/3 + 0 = 2.667 of 4 = 66.7% < 70
    result = score_quiz(quiz, {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c"]})
    assert result.passed is False
    # 1 + 1 + 1 + 0 = 75% >= 70
    assert score_quiz(quiz, {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"]}).passed


def test_thirds_add_up_to_whole_points_so_nobody_fails_by_a_rounding_error(quiz):
    # Three times 1/3 in floating point is 0.9999999999999999; the score must still be 100%.
    from geletterdheid.quiz.scoring import quiz_percent

    assert quiz_percent([1 / 3, 1 / 3, 1 / 3], 1) == 100.0


def test_answer_to_a_question_of_another_quiz_is_an_error(quiz):
    with pytest.raises(UnknownQuestion) as raised:
        score_quiz(quiz, {"t02-q1": ["a"]})
    assert raised.value.question_id == "t02-q1"
    assert "hoort niet bij de toets van module t01" in str(raised.value)


def test_unknown_key_in_a_quiz_is_an_error_not_a_zero(quiz):
    with pytest.raises(UnknownAnswer):
        score_quiz(quiz, {"t01-q2": ["misschien"]})
