"""The walk through the decision tree: kenmerken in, the conclusion, the role, the collected Art. 50
duties and the route out. Pure: the tree and the kenmerken are data, nothing is read or written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content.inventory import EXCEPTION_PROVISIONS, PRACTICE_PROVISIONS, Features
from ..content.tree import Conclusion, DecisionTree
from .outcome import Step

_FIELD_OF_KEY: dict[str, str] = {field.alias or name: name for name, field in Features.model_fields.items()}


class BrokenTree(ValueError):
    """The tree was not checked (``geletterdheid check`` reports what is wrong with it)."""


@dataclass(frozen=True)
class Walked:
    conclusion: Conclusion
    role: str | None
    transparency: tuple[str, ...]
    path: tuple[Step, ...]


def answer(features: Features, key: str) -> Literal["ja", "nee"]:
    """The yes/no a kenmerk gives: true, a non-empty list, or a choice that is not null is ``ja``."""
    value = getattr(features, _FIELD_OF_KEY[key])
    return "ja" if value not in (False, None, []) else "nee"


def _found(features: Features, key: str) -> tuple[str, ...]:
    """What the kenmerk points at, as provisions, for the route shown to the reader."""
    if key == "verboden":
        return tuple(PRACTICE_PROVISIONS[practice] for practice in features.prohibited)
    if key == "bijlage_iii" and features.annex_iii is not None:
        return (f"bijlage III, punt {features.annex_iii}",)
    if key == "uitzondering_6_3" and features.exception_6_3 is not None:
        return (EXCEPTION_PROVISIONS[features.exception_6_3],)
    return ()


def walk(tree: DecisionTree, features: Features) -> Walked:
    """Follow the answers from ``tree.start`` to a conclusion, then (if it says so) the transparency steps."""
    questions = {question.id: question for question in tree.questions}
    conclusions = {conclusion.id: conclusion for conclusion in tree.conclusions}
    path: list[Step] = []
    role: str | None = None
    node = tree.start
    for _ in range(len(questions) + 1):
        if node in conclusions:
            break
        question = questions.get(node)
        if question is None:
            raise BrokenTree(f"'{node}' is geen vraag of conclusie")
        said = answer(features, question.feature)
        chosen = next((a for a in question.answers if a.value == said), None)
        if chosen is None:
            raise BrokenTree(f"vraag '{node}' heeft geen antwoord '{said}'")
        found = _found(features, question.feature) if said == "ja" else ()
        path.append(Step(node, "vraag", question.feature, said, tuple(question.articles), found, chosen.text))
        role = chosen.role or role
        node = chosen.next
    else:
        raise BrokenTree("de beslisboom heeft een kringloop")
    conclusion = conclusions[node]
    path.append(Step(node, "conclusie", None, None, tuple(conclusion.articles)))
    collected: list[str] = []
    if conclusion.transparency:
        for step in tree.transparency:
            said = answer(features, step.feature)
            path.append(
                Step(
                    step.id,
                    "transparantie",
                    step.feature,
                    said,
                    tuple(step.articles),
                    (step.duty,) if said == "ja" else (),
                )
            )
            if said == "ja" and step.duty not in collected:
                collected.append(step.duty)
    return Walked(conclusion, role, tuple(collected), tuple(path))
