"""Long format: one row per answer, ``medewerker_id,quiz,vraag,antwoord,tijdstip``.

Rows of one attempt (same employee, quiz and time) may be anywhere in the file. An attempt is
stored only when all its rows are valid, so a typo never silently lowers someone's score.

Two passes, because files are large and almost always right: the quick pass groups rows by
their raw text and checks each attempt once, at C speed where it can; at the first doubt
(any invalid value, stray spaces, a blank or short row, one moment written two ways) it gives
up, and the thorough pass goes row by row, accepting what is valid and naming every problem
with its row number. The quick pass only accepts files that the thorough pass accepts too,
with the same attempts as result.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import operator
from collections.abc import Sequence
from typing import cast

from ...content.model import Catalog, Quiz
from ...problems import Problem
from ...quiz.scoring import ScoringError, UnknownQuestion
from ..model import Answer
from ..sheets import Cell, Table
from ..times import BadTime, TimeParser, parse_time
from .common import AnswerScorer, AttemptBuilder, Directory, ParsedResponses, question_id_of

FORMAT = "lang"
COLUMNS = ("medewerker_id", "quiz", "vraag", "antwoord", "tijdstip")

AttemptKey = tuple[str, str, dt.datetime]


class _Doubt(Exception):
    """The quick pass met something it does not decide on."""


def matches(positions: dict[str, int]) -> bool:
    return all(column in positions for column in COLUMNS)


def parse(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses:
    quick = parse_quick(table, catalog, people, only_quiz)
    return quick if quick is not None else parse_thorough(table, catalog, people, only_quiz)


def parse_quick(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses | None:
    """The quick pass: the result, or None at the first doubt (then only the thorough pass decides)."""
    indexes, quizzes, builders = _setup(table, catalog, only_quiz)
    try:
        return _quick(table, indexes, quizzes, builders, people)
    except _Doubt:
        return None


def parse_thorough(table: Table, catalog: Catalog, people: Directory, only_quiz: Quiz | None) -> ParsedResponses:
    """The thorough pass: row by row, every problem named."""
    indexes, _, builders = _setup(table, catalog, only_quiz)
    return _thorough(table, indexes, catalog, only_quiz, builders, people)


def _setup(
    table: Table, catalog: Catalog, only_quiz: Quiz | None
) -> tuple[tuple[int, ...], dict[str, Quiz], dict[str, AttemptBuilder]]:
    positions = table.column_positions()
    indexes = tuple(positions[column] for column in COLUMNS)
    quizzes = {only_quiz.module: only_quiz} if only_quiz is not None else dict(catalog.quizzes)
    builders = {quiz_id: AttemptBuilder(quiz, f"{FORMAT}:{table.name}") for quiz_id, quiz in quizzes.items()}
    return indexes, quizzes, builders


class _KnownAnswers(dict[tuple[str, str], Answer | None]):
    """(question id, cell text) -> scored Answer, or None when that cell cannot be scored.

    A file has only a few hundred distinct pairs, so each is scored once and every row becomes
    a reference to a shared Answer: a million rows cost little time and memory.
    """

    def __init__(self, quizzes: dict[str, Quiz]):
        super().__init__()
        self._questions = {question.id: question for quiz in quizzes.values() for question in quiz.questions}
        self._score = AnswerScorer()

    def __missing__(self, pair: tuple[str, str]) -> Answer | None:
        question = self._questions.get(pair[0])
        try:
            answer = self._score(question, pair[1]) if question is not None else None
        except ScoringError:
            answer = None
        self[pair] = answer
        return answer


def _quick(
    table: Table,
    indexes: tuple[int, ...],
    quizzes: dict[str, Quiz],
    builders: dict[str, AttemptBuilder],
    people: Directory,
) -> ParsedResponses:
    i_employee, i_quiz, i_question, i_answer, i_time = indexes
    attempt_of = operator.itemgetter(i_employee, i_quiz, i_time)
    answer_of = operator.itemgetter(i_question, i_answer)
    known = _KnownAnswers(quizzes).__getitem__

    # Rows of one attempt are usually adjacent: groupby and map run over them in C.
    groups: dict[tuple[str, str, str], tuple[Answer, ...]] = {}
    try:
        for key, rows in itertools.groupby(table.raw_rows(), attempt_of):
            scored = tuple(map(known, map(answer_of, rows)))
            if None in scored:
                raise _Doubt
            # No None left (checked just above, at C speed); mypy cannot narrow through `in`.
            answers = cast("tuple[Answer, ...]", scored)
            earlier = groups.get(key)
            groups[key] = answers if earlier is None else earlier + answers
    except (IndexError, csv.Error):  # a short or blank row; broken CSV quoting
        raise _Doubt from None

    # Each distinct time text once. Two texts for one moment ("10:00" and "09:00Z") could split
    # one attempt in two groups: merging those is the thorough pass's job.
    times: dict[str, dt.datetime] = {}
    for raw_time in {key[2] for key in groups}:
        try:
            times[raw_time] = parse_time(raw_time)
        except BadTime:
            raise _Doubt from None
    if len(set(times.values())) != len(times):
        raise _Doubt

    # Then each attempt once: who, which quiz, and are its answers this quiz's, once each.
    result = ParsedResponses(FORMAT)
    attempts = result.attempts
    known_employees = people.ids
    for (employee_id, quiz_id, raw_time), answers in groups.items():
        build = builders.get(quiz_id)
        if build is None or employee_id not in known_employees:
            raise _Doubt
        taken_at = times[raw_time]
        attempt = build.in_order(employee_id, taken_at, answers)
        if attempt is None:
            given = dict(zip(map(question_id_of, answers), answers, strict=True))
            if len(given) != len(answers) or not given.keys() <= build.question_set:
                raise _Doubt  # a question answered twice, or one of another quiz
            attempt = build(employee_id, taken_at, given)
        attempts.append(attempt)
    return result


def _thorough(
    table: Table,
    indexes: tuple[int, ...],
    catalog: Catalog,
    only_quiz: Quiz | None,
    builders: dict[str, AttemptBuilder],
    people: Directory,
) -> ParsedResponses:
    width = max(indexes) + 1
    score = AnswerScorer()
    parse_time = TimeParser()
    result = ParsedResponses(FORMAT)
    groups: dict[AttemptKey, dict[str, Answer]] = {}
    invalid: set[AttemptKey] = set()
    for row_number, cells in table.rows():
        reasons, key, answer = _check_row(cells, width, indexes, catalog, only_quiz, people, score, parse_time)
        if not reasons and key is not None and answer is not None:  # a valid row has both
            given = groups.setdefault(key, {})
            if answer.question_id not in given:
                given[answer.question_id] = answer
                continue
            reasons.append(
                f"vraag '{answer.question_id}' staat al eerder in het bestand voor dezelfde poging "
                f"(medewerker {key[0]}, tijdstip {str(cells[indexes[4]]).strip()})"
            )
        result.problems.append(Problem(table.location, row_number, "; ".join(reasons)))
        if key is not None:
            invalid.add(key)
    for key, given in groups.items():
        if key in invalid:
            result.dropped_attempts += 1
            continue
        employee_id, quiz_id, taken_at = key
        result.attempts.append(builders[quiz_id](employee_id, taken_at, given))
    return result


def _check_row(
    cells: Sequence[Cell],
    width: int,
    indexes: tuple[int, ...],
    catalog: Catalog,
    only_quiz: Quiz | None,
    people: Directory,
    score: AnswerScorer,
    parse_time: TimeParser,
) -> tuple[list[str], AttemptKey | None, Answer | None]:
    """Every reason a row is invalid; the attempt it belongs to when that can be told; its scored answer."""
    if len(cells) < width:
        return [f"te weinig kolommen ({len(cells)} in plaats van {width})"], None, None
    i_employee, i_quiz, i_question, i_answer, i_time = indexes
    employee_id, quiz_id, question_id = (str(cells[i]).strip() for i in (i_employee, i_quiz, i_question))
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
    answer = None
    if question is not None:
        try:
            answer = score(question, str(cells[i_answer]))
        except ScoringError as exc:
            reasons.append(str(exc))
    key = (employee_id, quiz_id, taken_at) if quiz is not None and taken_at is not None else None
    return reasons, key, answer


def first_rows(table: Table, keys: set[AttemptKey]) -> dict[AttemptKey, int]:
    """The first row of each attempt in ``keys``: read again only when a message needs the rows.

    Keeping a row number for each of a million rows would cost every import; naming the rows of
    a few conflicting attempts costs one more read of the file, and only then.
    """
    indexes = tuple(table.column_positions()[column] for column in COLUMNS)
    i_employee, i_quiz, _, _, i_time = indexes
    width = max(indexes) + 1
    parse_time = TimeParser()
    found: dict[AttemptKey, int] = {}
    for row_number, cells in table.rows():
        if len(cells) < width:
            continue
        try:
            key = (str(cells[i_employee]).strip(), str(cells[i_quiz]).strip(), parse_time(cells[i_time]))
        except BadTime:
            continue
        if key in keys and key not in found:
            found[key] = row_number
            if len(found) == len(keys):
                break
    return found
