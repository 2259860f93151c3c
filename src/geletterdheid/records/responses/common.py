"""What every response format shares: who is who, scoring answers once, and the parse result."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ...content.model import Catalog, Question, Quiz
from ...content.problems import Problem
from ...quiz.scoring import ScoringError, is_passed, quiz_percent, score_question
from ..errors import RecordsError
from ..model import Answer, Employee, NewAttempt, join_keys

#: Keys in a cell: '|' as the issue specifies; ',' and ';' too, because trainers type sheets by hand.
_KEY_SPLIT = re.compile(r"[|,;]")


def split_keys(raw: str) -> list[str]:
    return [key for key in (part.strip() for part in _KEY_SPLIT.split(raw)) if key]


@dataclass
class ParsedResponses:
    """Attempts ready to store, and every problem found, in row order."""

    format_name: str
    attempts: list[NewAttempt] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Attempts left out because one of their rows is invalid (long CSV: one attempt, many rows).
    dropped_attempts: int = 0
    #: Remarks that do not block the import, such as questions the sheet has no column for.
    notes: list[str] = field(default_factory=list)
    #: Columns that are not understood; they block the import unless --skip-invalid.
    ignored_columns: list[str] = field(default_factory=list)


class Directory:
    """The employees an import may refer to: by id, or by e-mail address (case-insensitive)."""

    def __init__(self, employees: Iterable[Employee]):
        self.ids: set[str] = set()
        self._by_email: dict[str, str | None] = {}
        for employee in employees:
            self.ids.add(employee.id)
            if employee.email:
                email = employee.email.strip().lower()
                # None marks an address shared by several employees: it identifies nobody.
                self._by_email[email] = None if email in self._by_email else employee.id

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
        self._seen: dict[tuple[str, str], Answer | ScoringError] = {}

    def __call__(self, question: Question, raw: str) -> Answer:
        key = (question.id, raw)
        answer = self._seen.get(key)
        if answer is None:
            chosen = split_keys(raw)
            try:
                answer = Answer(question.id, join_keys(chosen), score_question(question, chosen))
            except ScoringError as exc:
                answer = exc
            self._seen[key] = answer
        if isinstance(answer, ScoringError):
            raise answer
        return answer


def unanswered(question: Question) -> Answer:
    return Answer(question.id, "", 0.0)


def build_attempt(quiz: Quiz, employee_id: str, taken_at: dt.datetime, source: str,
                  given: Mapping[str, Answer]) -> NewAttempt:
    """An attempt from already scored answers; questions without an answer score 0."""
    answers = tuple(given.get(question.id) or unanswered(question) for question in quiz.questions)
    percent = quiz_percent((answer.score for answer in answers), len(answers))
    return NewAttempt(employee_id=employee_id, quiz_id=quiz.module, taken_at=taken_at, source=source,
                      score_percent=percent, passed=is_passed(percent, quiz.pass_mark), answers=answers)


def choose_quiz(catalog: Catalog, quiz_id: str | None, name: str) -> Quiz | None:
    """The quiz named by --quiz, or None when it was not given."""
    if quiz_id is None:
        return None
    if quiz_id not in catalog.quizzes:
        raise RecordsError(f"{name}: onbekende toets '{quiz_id}' (--quiz); bekende toetsen: {', '.join(catalog.quizzes)}")
    return catalog.quizzes[quiz_id]

