"""Plain values that go into and come out of the store; no SQLAlchemy here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from ..content.model import ALL_STAFF_ROLE, Catalog, Quiz
from ..quiz.scoring import score_quiz

#: Between the items of a list kept in one text: an employee's roles (roster file, database, export)
#: and the keys chosen for one answer. One character everywhere, so every file reads back the same.
SEPARATOR = "|"


def canonical_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Sorted, without duplicates and without the all-staff role, which every employee has anyway."""
    return tuple(sorted({role for role in roles if role and role != ALL_STAFF_ROLE}))


def join_keys(keys: Collection[str]) -> str:
    return SEPARATOR.join(sorted(set(keys)))


def join_roles(roles: Iterable[str]) -> str:
    """Role ids as one text: ``beleidsadviseur|inkoper``."""
    return SEPARATOR.join(roles)


def split_roles(text: str) -> list[str]:
    """The role ids in a text that :func:`join_roles` made or a person typed (spaces and empties dropped)."""
    return [role.strip() for role in text.split(SEPARATOR) if role.strip()]


def module_versions(catalog: Catalog) -> dict[str, int]:
    """Quiz (module) id -> the module's ``versie``: what an attempt arriving now is made on."""
    return {module_id: module.version for module_id, module in catalog.modules.items()}


class Employee(NamedTuple):
    """A NamedTuple, like the other values an export makes by the hundred thousand: cheap to create."""

    id: str
    name: str
    department: str
    roles: tuple[str, ...]  # canonical: see canonical_roles
    email: str | None = None
    #: The day they left (or will leave), or None while employed.
    left_on: dt.date | None = None

    @property
    def all_roles(self) -> tuple[str, ...]:
        return (ALL_STAFF_ROLE, *self.roles)


class Answer(NamedTuple):
    question_id: str
    chosen: str  # keys joined by '|', sorted; '' when unanswered
    score: float  # 0-1


class NewAttempt(NamedTuple):
    """A scored attempt, ready to record. ``taken_at`` must carry a time zone.

    A NamedTuple rather than a dataclass: a large import builds a hundred thousand of them.
    """

    employee_id: str
    quiz_id: str
    taken_at: dt.datetime
    source: str
    score_percent: float
    passed: bool
    answers: tuple[Answer, ...]

    @classmethod
    def scored(
        cls, employee_id: str, quiz: Quiz, taken_at: dt.datetime, source: str, answers: Mapping[str, Collection[str]]
    ) -> NewAttempt:
        """Score ``answers`` (question id -> chosen keys) with the quiz rules; raises ScoringError."""
        result = score_quiz(quiz, answers)
        return cls(
            employee_id=employee_id,
            quiz_id=quiz.module,
            taken_at=taken_at,
            source=source,
            score_percent=result.score_percent,
            passed=result.passed,
            answers=tuple(
                Answer(question_id, join_keys(answers.get(question_id, ())), score)
                for question_id, score in result.per_question.items()
            ),
        )


@dataclass(frozen=True)
class StoredAttempt:
    id: int
    employee_id: str
    quiz_id: str
    taken_at: dt.datetime  # UTC, aware
    source: str
    score_percent: float
    passed: bool
    voided_at: dt.datetime | None = None  # UTC, aware; a voided attempt counts nowhere
    module_version: int | None = None  # the module's versie it was made on; None: before it was recorded


#: The actions in the audit trail of attempts (attempt_changes.action), as HR reads them.
VOIDED = "ongeldig verklaard"
REPLACED = "vervangen"


@dataclass(frozen=True)
class AttemptChange:
    """One entry of the audit trail: who changed an attempt, when and why, and what it was before."""

    attempt_id: int
    action: str  # VOIDED or REPLACED
    done_at: dt.datetime  # UTC, aware
    done_by: str
    reason: str
    old_source: str
    old_score: float
    old_passed: bool


@dataclass(frozen=True)
class Conflict:
    """An incoming attempt whose identity (employee, quiz, time) is stored with other answers."""

    index: int  # of the incoming attempt in the batch
    stored: StoredAttempt


class ModuleProgress(NamedTuple):
    """One employee's attempts at one quiz, summarised."""

    employee_id: str
    quiz_id: str
    best_score: float
    #: the latest pass (UTC, aware): its validity runs from there; None when never passed
    passed_at: dt.datetime | None
    attempt_count: int
    #: the highest module version (``versie``) passed on; None when unknown or never passed
    passed_version: int | None = None
    last_attempt_at: dt.datetime | None = None  # UTC, aware


@dataclass(frozen=True)
class UpsertCounts:
    added: int
    changed: int
    unchanged: int


@dataclass(frozen=True)
class RecordCounts:
    added: int
    already_present: int
    #: Stored attempts replaced by a corrected version (imports with --vervang only).
    changed: int = 0
    #: Incoming attempts stored before with other answers. Unless they were replaced, nothing
    #: of the batch was stored (added is then 0).
    conflicts: tuple[Conflict, ...] = ()


#: The action in the audit trail of attendance (attendance_changes.action), as HR reads it.
REMOVED = "verwijderd"


@dataclass(frozen=True)
class Workshop:
    """A workshop as recorded: evidence of a measure under Art. 4 AI Act."""

    name: str
    held_on: dt.date
    modules: tuple[str, ...]  # module ids, in the order given
    minutes: int
    trainer: str
    source: str = ""  # the file name of the first list
    recorded_at: dt.datetime | None = None  # UTC, aware
    recorded_by: str = ""


@dataclass(frozen=True)
class AttendanceCounts:
    """What recording a list did: employee ids per outcome, in the list's order."""

    workshop: Workshop  # as stored (a later list keeps the first list's source)
    new_workshop: bool
    added: tuple[str, ...]
    already_present: tuple[str, ...]
    #: On the list, but removed earlier with ``attendance remove``: they stay removed.
    removed_before: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttendanceLine:
    """One employee at one workshop, for ``attendance list``."""

    workshop: Workshop
    employee_id: str
    employee_name: str
    department: str
    removed_at: dt.datetime | None = None  # UTC, aware


@dataclass(frozen=True)
class AttendanceChange:
    workshop: Workshop
    employee_id: str
    action: str  # REMOVED
    done_at: dt.datetime  # UTC, aware
    done_by: str
    reason: str


@dataclass(frozen=True)
class Erasure:
    employee: Employee
    attempts: int
    answers: int
    #: Workshops the employee was recorded at (their attendance rows were erased too).
    workshops: int = 0
    #: SQLite only: another process kept the write-ahead log (-wal file) from being emptied, so
    #: copies of the erased rows may still be on disk there.
    copies_left: bool = False
