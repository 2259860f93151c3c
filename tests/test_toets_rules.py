"""The toets's pure rules (server/toets.py): the draw, the limits, the attempt id, the texts."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from geletterdheid.content import catalog_or_exit
from geletterdheid.content.model import Quiz
from geletterdheid.content.reading_text import plain_text
from geletterdheid.server.toets import (
    ToetsError,
    ToetsRules,
    attempt_id,
    drawn_questions,
    new_ticket,
    read_attempt_id,
    scored_attempt,
    start_refusal,
    submit_refusal,
)
from repo_paths import REPO

CATALOG = catalog_or_exit(REPO)
SECRET = b"test-geheim-0123456789-abcdef"
NOW = dt.datetime(2026, 12, 1, 11, 0, tzinfo=dt.UTC)  # 12:00 in Amsterdam
RULES = ToetsRules(per_day=2, cooldown=dt.timedelta(minutes=10), valid_for=dt.timedelta(hours=2))


def _bank(draw: int | None) -> Quiz:
    quiz = CATALOG.quizzes["m01"]
    return Quiz.model_validate({**quiz.model_dump(by_alias=True), "trekken": draw})


def test_a_quiz_with_trekken_gives_each_attempt_that_many_questions_of_its_bank():
    quiz = _bank(3)
    draws = [drawn_questions(SECRET, quiz, new_ticket("E1", "m01", NOW, RULES)) for _ in range(12)]
    assert {len(draw) for draw in draws} == {3}
    bank_order = [question.id for question in quiz.questions]
    for draw in draws:
        ids = [item.question.id for item in draw]
        assert ids == sorted(ids, key=bank_order.index)  # in the bank's order
    assert len({tuple(item.question.id for item in draw) for draw in draws}) > 1  # different draws


def test_the_same_attempt_id_gives_the_same_questions_back():
    quiz = _bank(3)
    ticket = new_ticket("E1", "m01", NOW, RULES)
    again = read_attempt_id(SECRET, attempt_id(SECRET, ticket))
    assert again == ticket
    assert drawn_questions(SECRET, quiz, again) == drawn_questions(SECRET, quiz, ticket)


def test_a_drawn_attempt_is_scored_over_its_own_questions():
    quiz = _bank(2)
    draw = drawn_questions(SECRET, quiz, new_ticket("E1", "m01", NOW, RULES))
    right = {item.question.id: list(item.question.correct) for item in draw}
    attempt = scored_attempt(quiz, draw, right, "E1", NOW)
    assert attempt.score_percent == 100.0 and attempt.passed
    assert [answer.question_id for answer in attempt.answers] == list(right)
    not_drawn = next(q for q in quiz.questions if q.id not in right)
    with pytest.raises(ToetsError) as refused:
        scored_attempt(quiz, draw, {not_drawn.id: list(not_drawn.correct)}, "E1", NOW)
    assert refused.value.status == 422 and "hoort niet bij de toets" in refused.value.message


def test_trekken_larger_than_the_bank_is_refused():
    with pytest.raises(ValidationError, match="trekken is 99, maar de toets heeft maar"):
        _bank(99)


def test_limits_per_local_day_and_the_cool_down():
    assert start_refusal(RULES, [], NOW) is None
    cooling = start_refusal(RULES, [NOW - dt.timedelta(minutes=4)], NOW)
    assert cooling is not None and cooling.status == 429 and "over 6 minuten" in cooling.message
    full = start_refusal(RULES, [NOW - dt.timedelta(hours=2), NOW - dt.timedelta(hours=1)], NOW)
    assert full is not None and "vandaag al 2 keer" in full.message
    # 23:30 UTC yesterday is 00:30 today in Amsterdam: it counts for today
    late_yesterday_utc = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    assert start_refusal(RULES, [late_yesterday_utc, NOW - dt.timedelta(hours=1)], NOW) is not None
    assert start_refusal(RULES, [dt.datetime(2026, 11, 30, 22, 30, tzinfo=dt.UTC)], NOW) is None  # 23:30 yesterday
    assert start_refusal(ToetsRules(per_day=0, cooldown=dt.timedelta(0)), [NOW] * 50, NOW) is None


def test_an_attempt_started_before_the_last_submission_is_void():
    started = NOW - dt.timedelta(minutes=30)
    void = submit_refusal(RULES, started, [NOW - dt.timedelta(minutes=5)], NOW)
    assert void is not None and void.status == 409
    assert submit_refusal(RULES, started, [NOW - dt.timedelta(minutes=40)], NOW) is None


def test_texts_are_plain_as_a_reader_sees_them():
    legal = CATALOG.legal
    text = "Vanaf {wet}`hoog-risico-bijlage-iii` geldt **dit**; zie [de wet](https://example.org) en {artikel}`4`."
    assert plain_text(text, legal) == "Vanaf 2 december 2027 (artikel 113) geldt dit; zie de wet en 4."


def test_a_large_bank_is_drawn_from_all_of_its_questions():
    """More than 32 questions (one hash block): every question can still be drawn."""
    quiz = _bank(None)
    questions = [q.model_copy(update={"id": f"m01-x{n:02d}"}) for n in range(40) for q in quiz.questions[:1]]
    large = quiz.model_copy(update={"questions": questions, "draw": 5})
    seen = set()
    for _ in range(200):
        seen |= {item.question.id for item in drawn_questions(SECRET, large, new_ticket("E1", "m01", NOW, RULES))}
    assert len(seen) == 40


def test_the_json_built_from_cached_parts_says_the_same_as_the_bodies():
    """ToetsJson answers from cached parts: what the browser reads must not differ from the bodies."""
    import json

    from geletterdheid.server.toets import ToetsJson, question_texts, result_body, start_body

    texts = question_texts(CATALOG.quizzes.values(), CATALOG.legal)
    bodies = ToetsJson(texts)
    for quiz in CATALOG.quizzes.values():
        for round_ in range(4):
            ticket = new_ticket("E1", quiz.module, NOW, RULES)
            draw = drawn_questions(SECRET, quiz, ticket)
            token = attempt_id(SECRET, ticket)
            assert json.loads(bodies.start(token, ticket, quiz, draw)) == start_body(token, ticket, quiz, draw, texts)
            answers = {item.question.id: [item.keys[round_ % len(item.keys)]] for item in draw}
            attempt = scored_attempt(quiz, draw, answers, "E1", NOW)
            expected = result_body(attempt, quiz, draw, "Anna de Vries", texts)
            assert json.loads(bodies.result(attempt, quiz, draw, "Anna de Vries")) == expected
