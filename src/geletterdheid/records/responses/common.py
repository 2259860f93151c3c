"""What every response format shares: who is who, scoring answers once, and the parse result."""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ...content.model import Catalog, Question, Quiz
from ...problems import Problem
from ...quiz.scoring import ScoringError, is_passed, quiz_percent, score_question
from ..errors import ProblemList, RecordsError
from ..model import Answer, NewAttempt, join_keys
from ..sheets import Cell, Table
from ..times import BadTime, TimeParser

#: Keys in a cell: '|' as the issue specifies; ',' and ';' too, because trainers type sheets by hand.
_KEY_SPLIT = re.compile(r"[|,;]")


def split_keys(raw: str) -> list[str]:
    return [key for key in (part.strip() for part in _KEY_SPLIT.split(raw)) if key]


#: What people write for the two options of a juist-onwaar question (after case folding).
_TRUE_FALSE = {"juist": "juist", "waar": "juist", "onjuist": "onjuist", "onwaar": "onjuist"}


def option_key(question: Question, typed: str) -> str:
    """The option key a person meant by ``typed``: the one normalisation every import format uses.

    Case and surrounding spaces do not matter ("B", " b " -> "b"), and a juist-onwaar question
    takes "Juist", "waar", "ONWAAR" and the like. Text that is still no option comes back as it
    was typed (stripped), so the scoring's UnknownAnswer names what the person wrote. Scoring
    itself (quiz.scoring) stays strict and pure: keys arrive there normalised.
    """
    text = typed.strip()
    key = text.casefold()
    if question.type == "juist-onwaar":
        key = _TRUE_FALSE.get(key, key)
    return key if key in question.options else text


def option_keys(question: Question, raw: str) -> list[str]:
    """The keys in one cell of a score sheet or long CSV ("A, C", "a;c", "b|d"), normalised."""
    return [option_key(question, key) for key in split_keys(raw)]


@dataclass
class ParsedResponses:
    """Attempts ready to store, and every problem found, in row order."""

    format_name: str
    attempts: list[NewAttempt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=ProblemList)
    #: Attempts left out because one of their rows is invalid (long CSV: one attempt, many rows).
    dropped_attempts: int = 0
    #: Remarks that do not block the import, such as questions the sheet has no column for.
    notes: list[str] = field(default_factory=list)
    #: Columns that are not understood; they block the import unless --skip-invalid.
    ignored_columns: list[str] = field(default_factory=list)
    #: The row of each attempt, for the formats with one row per attempt (empty for the long CSV,
    #: whose rows are looked up only when a message needs one: see long_csv.first_rows).
    rows: list[int] = field(default_factory=list)
    #: Where each attempt is, sheet and row ("scoreblad.xlsx, blad 'Toets m01', rij 4"): kept only
    #: for a workbook of several sheets, where the row alone does not say it.
    places: list[str] = field(default_factory=list)
    #: Rows (or, in the long CSV, attempts) without a single answer: someone who was absent, not an attempt.
    empty: int = 0
    #: Of those, rows without an employee id either (a spare row of a printed sheet, perhaps with its time).
    spare: int = 0
    #: Attempts that miss answers, and the number of questions they miss together; those score 0.
    incomplete: int = 0
    unanswered: int = 0


_chosen = operator.itemgetter(1)  # of an Answer
_answers_of = operator.itemgetter(6)  # of a NewAttempt


def set_aside_gaps(result: ParsedResponses) -> None:
    """Drop attempts without any answer (counted as empty) and count the attempts that miss answers.

    The same for every format, so a sheet, a long CSV and a Forms export warn alike. The counting
    runs in C (map over map objects): a million answers cost about a hundredth of a second. Only
    a file with empty attempts is gone through again, to drop them.
    """
    attempts = result.attempts
    answer_lists = list(map(_answers_of, attempts))
    # per attempt: how many of its answers are empty
    missing = list(map(operator.countOf, map(map, itertools.repeat(_chosen), answer_lists), itertools.repeat("")))
    result.unanswered += sum(missing)
    result.incomplete += len(missing) - operator.countOf(missing, 0)
    empty = list(map(operator.eq, missing, map(len, answer_lists)))
    if True not in empty:
        return
    result.empty += empty.count(True)
    result.incomplete -= empty.count(True)
    result.unanswered -= sum(gaps for gaps, nothing in zip(missing, empty, strict=True) if nothing)
    result.attempts = list(itertools.compress(attempts, map(operator.not_, empty)))
    if result.rows:
        result.rows = list(itertools.compress(result.rows, map(operator.not_, empty)))


class Directory:
    """The employees an import may refer to: by id, or by e-mail address (case-insensitive)."""

    def __init__(self, contacts: Iterable[tuple[str, str | None]]):
        """``contacts``: (employee id, e-mail address or None) pairs."""
        self.ids: set[str] = set()
        self._by_email: dict[str, str | None] = {}
        for employee_id, email in contacts:
            self.ids.add(employee_id)
            if email:
                email = email.strip().lower()
                # None marks an address shared by several employees: it identifies nobody.
                self._by_email[email] = None if email in self._by_email else employee_id

    def by_email(self, email: str) -> str:
        """The employee id for ``email``; raises ValueError with a Dutch reason."""
        key = email.strip().lower()
        if key not in self._by_email:
            raise ValueError(f"geen medewerker met e-mailadres '{email.strip()}'")
        employee_id = self._by_email[key]
        if employee_id is None:
            raise ValueError(f"e-mailadres '{email.strip()}' hoort bij meer dan één medewerker")
        return employee_id

    def check_id(self, employee_id: str) -> str:
        if not employee_id:
            raise ValueError("medewerker_id is leeg")
        if employee_id not in self.ids:
            raise ValueError(f"onbekende medewerker '{employee_id}'")
        return employee_id


class AnswerScorer:
    """Scores a question's answer once per distinct cell text: a large import repeats the same few."""

    def __init__(self) -> None:
        #: (question id, cell text) -> scored answer, for the cells that could be scored.
        self.scored: dict[tuple[str, str], Answer] = {}
        self._errors: dict[tuple[str, str], ScoringError] = {}

    def __call__(self, question: Question, raw: str) -> Answer:
        key = (question.id, raw)
        answer = self.scored.get(key)
        if answer is not None:
            return answer
        if key in self._errors:
            raise self._errors[key]
        chosen = option_keys(question, raw)
        try:
            answer = self.scored[key] = Answer(question.id, join_keys(chosen), score_question(question, chosen))
        except ScoringError as exc:
            self._errors[key] = exc
            raise
        return answer


class AttemptBuilder:
    """Makes NewAttempts of one quiz from already scored answers; questions without one score 0."""

    def __init__(self, quiz: Quiz, source: str):
        self.quiz = quiz
        self.source = source
        self.question_ids = tuple(question.id for question in quiz.questions)
        self.question_set = frozenset(self.question_ids)
        self._unanswered = {question_id: Answer(question_id, "", 0.0) for question_id in self.question_ids}

    def __call__(self, employee_id: str, taken_at: dt.datetime, given: Mapping[str, Answer]) -> NewAttempt:
        """``given`` maps question ids of this quiz (and no others) to their scored answers."""
        if len(given) == len(self.question_ids):
            answers = tuple(map(given.__getitem__, self.question_ids))
        else:
            answers = tuple(
                given.get(question_id) or self._unanswered[question_id] for question_id in self.question_ids
            )
        return self._attempt(employee_id, taken_at, answers)

    def in_order(self, employee_id: str, taken_at: dt.datetime, answers: Sequence[Answer]) -> NewAttempt | None:
        """The attempt when ``answers`` answer every question once, in quiz order (the usual case); else None."""
        answers = tuple(answers)
        if tuple(map(question_id_of, answers)) != self.question_ids:
            return None
        return self._attempt(employee_id, taken_at, answers)

    def _attempt(self, employee_id: str, taken_at: dt.datetime, answers: tuple[Answer, ...]) -> NewAttempt:
        percent = quiz_percent(map(_score, answers), len(answers))
        return NewAttempt(
            employee_id,
            self.quiz.module,
            taken_at,
            self.source,
            percent,
            is_passed(percent, self.quiz.pass_mark),
            answers,
        )


_score = operator.itemgetter(2)
question_id_of = operator.itemgetter(0)  # of an Answer


def attempt_per_row(
    table: Table,
    result: ParsedResponses,
    build: AttemptBuilder,
    i_time: int,
    identify: Callable[[list[Cell]], str],
    score_row: Callable[[list[Cell]], tuple[dict[str, Answer], list[str]]],
    written_id: Callable[[list[Cell]], str] | None = None,
) -> None:
    """Read a sheet with one attempt per row (a workshop score sheet, a Forms export) into ``result``.

    ``identify`` gives a row's employee id (ValueError with the reason when it cannot);
    ``score_row`` gives its scored answers and the reasons for any that cannot be scored.
    A row is an attempt when it has no problem at all; otherwise every reason is named.
    ``written_id`` gives the id as written in a row: a row with an id and no answer at all (a
    participant on a prefilled sheet who did not take the quiz) is named in a note.
    """
    parse_time = TimeParser()
    seen: dict[tuple[str, dt.datetime], int] = {}
    not_taken: list[str] = []
    for row_number, row in table.rows():
        cells = [*row, *[""] * (len(table.columns) - len(row))]
        given, answer_problems = score_row(cells)
        if not answer_problems and not any(map(_chosen, given.values())):
            # Nothing answered: someone on the list who was absent (often without a time), not a 0 %.
            # Decided before the id and time are looked at: an absentee's row needs neither.
            result.empty += 1
            who = written_id(cells) if written_id is not None else ""
            if who:
                not_taken.append(f"rij {row_number} ({who})")
            elif written_id is not None:
                result.spare += 1
            continue
        reasons = []
        employee_id: str | None = None
        taken_at: dt.datetime | None = None
        try:
            employee_id = identify(cells)
        except ValueError as exc:
            reasons.append(str(exc))
        try:
            taken_at = parse_time(cells[i_time])
        except BadTime as exc:
            reasons.append(str(exc))
        reasons += answer_problems
        if employee_id is not None and taken_at is not None and not reasons:
            key = (employee_id, taken_at)
            if key not in seen:
                seen[key] = row_number
                result.attempts.append(build(employee_id, taken_at, given))
                result.rows.append(row_number)
                continue
            reasons.append(f"dezelfde poging (medewerker {employee_id}, zelfde tijdstip) staat al in rij {seen[key]}")
        result.problems.append(Problem(table.location, row_number, "; ".join(reasons)))
    if not_taken:
        result.notes.append(
            f"{table.name}: geen enkel antwoord in {', '.join(not_taken)}; "
            "die toets is niet gemaakt en er is niets opgeslagen (geen 0%)"
        )


def choose_quiz(catalog: Catalog, quiz_id: str | None, name: str) -> Quiz | None:
    """The quiz named by --quiz, or None when it was not given."""
    if quiz_id is None:
        return None
    if quiz_id not in catalog.quizzes:
        raise RecordsError(
            f"{name}: onbekende toets '{quiz_id}' (--quiz); bekende toetsen: {', '.join(catalog.quizzes)}"
        )
    return catalog.quizzes[quiz_id]
