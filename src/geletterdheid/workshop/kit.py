"""What every file of a workshop kit is made from: the plan, the content, the gemeente and the participants.

Pure data; the writers (``slides``, ``scoresheet``, ``documents``) each turn a :class:`Kit` into one
kind of file, and ``commands`` writes them all into the kit folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.model import Catalog, Module, Question, Quiz
from .plan import Plan

#: How a printed form names an option: the key upper-case ("B"), or the juist-onwaar word.
JUIST_ONWAAR_LABELS = {"juist": "Juist", "onjuist": "Onjuist"}
#: Empty rows on a score sheet and attendance list when no participants were given.
EMPTY_ROWS = 30


@dataclass(frozen=True)
class Participant:
    employee_id: str
    name: str = ""
    department: str = ""


@dataclass(frozen=True)
class Kit:
    catalog: Catalog
    plan: Plan
    gemeente: str
    #: The workshop's title, e.g. "Workshop AI-geletterdheid: leerpad Alle medewerkers".
    title: str
    participants: tuple[Participant, ...] = ()
    logo: Path | None = None
    #: The learning path the workshop belongs to (its role id), if it was chosen by role.
    role_id: str | None = None

    @property
    def modules(self) -> tuple[Module, ...]:
        return self.plan.modules

    def quiz(self, module_id: str) -> Quiz | None:
        return self.catalog.quizzes.get(module_id)

    def quizzes(self) -> list[Quiz]:
        """The quizzes of all the kit's modules (also those given as homework: paper forms are handy then too)."""
        return [quiz for m in self.modules if (quiz := self.quiz(m.id)) is not None]

    def forum_url(self, module: Module) -> str | None:
        if not self.catalog.forum:
            return None
        topic = self.catalog.topics.get(module.topic)
        return str(topic.forum_url) if topic else None


def option_label(question: Question, key: str) -> str:
    """The label printed in front of an option, and typed on the score sheet: "B", or "Juist"."""
    if question.type == "juist-onwaar":
        return JUIST_ONWAAR_LABELS.get(key, key)
    return key.upper()


def numbered(quiz: Quiz) -> list[tuple[int, Question]]:
    """The questions as printed: numbered from 1 in the bank's order (the score sheet uses the same numbers)."""
    return list(enumerate(quiz.questions, start=1))
