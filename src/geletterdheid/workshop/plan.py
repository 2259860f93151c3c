"""The session plan of a workshop: a block schedule whose minutes add up to the session's length. Pure.

A workshop teaches modules from their trainer notes (``trainer:`` in a module's front matter):
per module the key points, the casus in a work form, a plenary discussion and the paper quiz,
between a welcome and a close, with a break in longer sessions. When that does not fit, parts
become homework instead of the session overrunning: teaching comes first, so as many modules as
fit are taught (in the order given), and their quizzes are taken in the session while they fit,
first module first. The remaining quizzes are taken online (or on paper) afterwards; modules that
do not fit at all are read at home, quiz included.

Time left over goes to the discussions (people always have more to say than planned) and what
cannot be spread evenly to the close, so the blocks always add up to exactly the session length.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import Literal

from ..content.model import Catalog, Module, TrainerNotes
from ..errors import UserError

BlockKind = Literal["welkom", "kernpunten", "casus", "bespreking", "toets", "pauze", "afsluiting"]

WELCOME_MINUTES = 10
CLOSE_MINUTES = 10
BREAK_MINUTES = 15
#: A session this long or longer gets a break.
BREAK_FROM_MINUTES = 90
#: Reading a question (often with a short casus) and ticking a box on paper.
SECONDS_PER_QUESTION = 45
MIN_QUIZ_MINUTES = 5
#: A module without trainer notes (a gemeente's own module, say) still gets a plan from its length.
FALLBACK_CASE_MINUTES = 10
FALLBACK_DISCUSSION_MINUTES = 5


class PlanError(UserError, ValueError):
    """The workshop cannot be planned (a Dutch message for the trainer)."""


@dataclass(frozen=True)
class ModuleParts:
    """How long each part of one module takes in the session."""

    module: Module
    explain: int
    case: int
    discussion: int
    quiz: int
    questions: int

    @property
    def without_quiz(self) -> int:
        return self.explain + self.case + self.discussion


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    title: str
    start: int  # minutes from the start of the session
    minutes: int
    module_id: str | None = None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Homework:
    module_id: str
    #: "toets": only the quiz is homework; "module": reading the module and its quiz.
    part: Literal["toets", "module"]


@dataclass(frozen=True)
class Plan:
    modules: tuple[Module, ...]
    minutes: int
    blocks: tuple[Block, ...]
    homework: tuple[Homework, ...]
    date: dt.date | None = None
    start_time: dt.time = dt.time(9, 0)
    #: Modules without trainer notes: planned from their length, and the trainer should know.
    without_notes: tuple[str, ...] = ()
    parts: dict[str, ModuleParts] = field(default_factory=dict)

    @property
    def taught(self) -> tuple[Module, ...]:
        """Modules taught in the session (not given as homework as a whole)."""
        gone = {h.module_id for h in self.homework if h.part == "module"}
        return tuple(m for m in self.modules if m.id not in gone)

    @property
    def quizzed(self) -> tuple[Module, ...]:
        """Modules whose quiz is taken in the session."""
        gone = {h.module_id for h in self.homework}
        return tuple(m for m in self.modules if m.id not in gone and self.parts[m.id].questions)

    def clock(self, minute: int) -> str:
        """The time of day ``minute`` minutes after the start, as 09:40."""
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.start_time)
        return (start + dt.timedelta(minutes=minute)).strftime("%H:%M")

    def at(self, minute: int) -> dt.datetime:
        """The moment ``minute`` minutes after the start on the session date (today if none was given)."""
        day = self.date or dt.date.today()
        return dt.datetime.combine(day, self.start_time) + dt.timedelta(minutes=minute)


def quiz_minutes(questions: int) -> int:
    if questions == 0:
        return 0
    return max(MIN_QUIZ_MINUTES, math.ceil(questions * SECONDS_PER_QUESTION / 60))


def module_parts(catalog: Catalog, module: Module) -> ModuleParts:
    quiz = catalog.quizzes.get(module.id)
    questions = len(quiz.questions) if quiz else 0
    notes: TrainerNotes | None = module.trainer
    if notes is not None:
        return ModuleParts(
            module,
            notes.explain_minutes,
            notes.case.minutes,
            notes.discussion_minutes,
            quiz_minutes(questions),
            questions,
        )
    explain = max(5, module.duration_minutes - FALLBACK_CASE_MINUTES - FALLBACK_DISCUSSION_MINUTES)
    return ModuleParts(
        module, explain, FALLBACK_CASE_MINUTES, FALLBACK_DISCUSSION_MINUTES, quiz_minutes(questions), questions
    )


def _fixed_minutes(total: int) -> int:
    return WELCOME_MINUTES + CLOSE_MINUTES + (BREAK_MINUTES if total >= BREAK_FROM_MINUTES else 0)


def _choose_homework(parts: list[ModuleParts], available: int) -> list[Homework]:
    """Which parts to give as homework so that the rest fits in ``available`` minutes.

    Teaching comes first: as many modules as fit (in the order given) are taught without their
    quizzes; then quizzes are taken in the session as long as they fit, first module first."""
    taught: list[ModuleParts] = []
    used = 0
    for part in parts:
        if used + part.without_quiz > available:
            break
        taught.append(part)
        used += part.without_quiz
    homework = [Homework(p.module.id, "module") for p in parts[len(taught) :]]
    quiz_homework: list[Homework] = []
    for part in taught:
        if not part.quiz:
            continue
        if used + part.quiz <= available and not quiz_homework:
            used += part.quiz
        else:  # once one quiz is homework, the later ones are too: the quizzes stay in module order
            quiz_homework.append(Homework(part.module.id, "toets"))
    return quiz_homework + homework


def plan_workshop(
    catalog: Catalog,
    modules: list[Module],
    minutes: int,
    date: dt.date | None = None,
    start_time: dt.time = dt.time(9, 0),
) -> Plan:
    """The block schedule of a ``minutes``-long session on ``modules`` (in the order given)."""
    if not modules:
        raise PlanError("geen modules voor de workshop")
    parts = [module_parts(catalog, m) for m in modules]
    available = minutes - _fixed_minutes(minutes)
    smallest = parts[0].without_quiz
    if available < smallest:
        raise PlanError(
            f"{minutes} minuten is te kort: welkom, afsluiting{' en pauze' if minutes >= BREAK_FROM_MINUTES else ''} "
            f"en alleen al de eerste module ({modules[0].id}, {smallest} minuten zonder toets) passen er niet in. "
            f"Neem minstens {_fixed_minutes(minutes) + smallest} minuten, of kies minder modules."
        )
    homework = _choose_homework(parts, available)
    whole = {h.module_id for h in homework if h.part == "module"}
    no_quiz = {h.module_id for h in homework}
    taught = [p for p in parts if p.module.id not in whole]
    used = sum(p.without_quiz + (0 if p.module.id in no_quiz else p.quiz) for p in taught)
    slack = available - used
    extra_each, rest = divmod(slack, len(taught))
    taught = [replace(p, discussion=p.discussion + extra_each) for p in taught]

    blocks: list[Block] = []

    def add(kind: BlockKind, title: str, length: int, module_id: str | None = None) -> None:
        start = blocks[-1].end if blocks else 0
        blocks.append(Block(kind, title, start, length, module_id))

    add("welkom", "Welkom, doelen en kennismaking", WELCOME_MINUTES)
    break_after = _break_position(taught, no_quiz) if minutes >= BREAK_FROM_MINUTES else None
    for index, p in enumerate(taught):
        mid = p.module.id
        add("kernpunten", f"{p.module.title}: kernpunten", p.explain, mid)
        add("casus", f"{p.module.title}: casus", p.case, mid)
        if p.discussion:
            add("bespreking", f"{p.module.title}: bespreking", p.discussion, mid)
        if mid not in no_quiz and p.quiz:
            add("toets", f"{p.module.title}: toets op papier ({p.questions} vragen)", p.quiz, mid)
        if index == break_after:
            add("pauze", "Pauze", BREAK_MINUTES)
    if break_after is None and minutes >= BREAK_FROM_MINUTES:
        add("pauze", "Pauze", BREAK_MINUTES)
    add("afsluiting", "Afsluiting: vragen, forum en leerpad", CLOSE_MINUTES + rest)
    assert blocks[-1].end == minutes, (blocks[-1].end, minutes)  # the invariant the whole module keeps
    return Plan(
        modules=tuple(modules),
        minutes=minutes,
        blocks=tuple(blocks),
        homework=tuple(homework),
        date=date,
        start_time=start_time,
        without_notes=tuple(m.id for m in modules if m.trainer is None),
        parts={p.module.id: p for p in [*taught, *(q for q in parts if q.module.id in whole)]},
    )


def _break_position(taught: list[ModuleParts], no_quiz: set[str]) -> int | None:
    """After which taught module (index) the break comes: the boundary closest to half-way.

    None when only one module is taught: the break then comes after it, before the close."""
    if len(taught) < 2:
        return None
    lengths = [p.without_quiz + (0 if p.module.id in no_quiz else p.quiz) for p in taught]
    half = sum(lengths) / 2
    best, best_distance, running = 0, math.inf, 0
    for index, length in enumerate(lengths[:-1]):
        running += length
        if abs(running - half) < best_distance:
            best, best_distance = index, abs(running - half)
    return best
