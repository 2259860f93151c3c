"""An exercise with the decision tree (``{beslisboom-casus}`` in a module): a short story, the
legal explanation, the kenmerken as YAML and the expected outcome. Pure: the directive and the
content tests read a case with :func:`split_case` and hold it to the walk with :func:`check_case`,
so the text of a module and the tree can never disagree.

The body of the directive::

    De story, in Markdown.

    % uitleg
    The explanation, with {artikel}`6(3)`.

    % kenmerken
    is_ai_systeem: true
    ...

``% uitleg`` and ``% kenmerken`` are MyST comments, so the source reads well; the options
``:risicoklasse:`` and ``:transparantie:`` (``geen`` or ``50(1), 50(4)``) give the expected outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..content.duties import DutyTable
from ..content.inventory import Features
from ..content.model import LegalFacts
from ..content.tree import RISK_CLASSES, DecisionTree
from ..content.yamlsource import YamlSyntaxError, parse_yaml
from . import Outcome, classify

EXPLANATION_MARK = "% uitleg"
FEATURES_MARK = "% kenmerken"
NONE = "geen"


@dataclass(frozen=True)
class CaseProblem:
    """A problem at ``offset`` lines into the directive's body (0: the directive's first line)."""

    offset: int
    message: str


@dataclass(frozen=True)
class CaseParts:
    story: tuple[str, ...]
    explanation: tuple[str, ...]
    explanation_offset: int
    features_text: str
    features_offset: int


def split_case(lines: Sequence[str]) -> CaseParts | CaseProblem:
    """The story, explanation and kenmerken of the body; a problem when a part is missing."""
    stripped = [line.strip() for line in lines]
    if FEATURES_MARK not in stripped:
        return CaseProblem(0, f"beslisboom-casus: de regel '{FEATURES_MARK}' met daaronder de kenmerken ontbreekt")
    features_at = stripped.index(FEATURES_MARK)
    explanation_at = stripped.index(EXPLANATION_MARK) if EXPLANATION_MARK in stripped else None
    if explanation_at is None or explanation_at > features_at:
        return CaseProblem(
            0, f"beslisboom-casus: zet de uitleg onder een regel '{EXPLANATION_MARK}', vóór de kenmerken"
        )
    story = tuple(lines[:explanation_at])
    if not any(line.strip() for line in story):
        return CaseProblem(0, "beslisboom-casus: het verhaal van de casus ontbreekt")
    return CaseParts(
        story=story,
        explanation=tuple(lines[explanation_at + 1 : features_at]),
        explanation_offset=explanation_at + 1,
        features_text="\n".join(lines[features_at + 1 :]),
        features_offset=features_at + 1,
    )


def expected_transparency(text: str) -> tuple[str, ...]:
    """``geen`` -> (); ``50(1), 50(4)`` -> ("50(1)", "50(4)")."""
    if text.strip() == NONE:
        return ()
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _line_of_key(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines()):
        if line.strip().startswith(f"{key}:"):
            return number
    return 0


def features_of(parts: CaseParts) -> Features | CaseProblem:
    # The content's YAML reader: libyaml's parser, and anchors and aliases refused (a "billion laughs"
    # in a case would otherwise be expanded while the page is read).
    try:
        data, _, problems = parse_yaml(parts.features_text, Path(), parts.features_offset - 1)
    except YamlSyntaxError as exc:
        return CaseProblem(exc.problem.line, f"beslisboom-casus: {exc.problem.message}")
    if problems:
        return CaseProblem(problems[0].line, f"beslisboom-casus: {problems[0].message}")
    if not isinstance(data, dict):
        return CaseProblem(
            parts.features_offset, "beslisboom-casus: onder '% kenmerken' staan de kenmerken als 'sleutel: waarde'"
        )
    known = {field.alias or name for name, field in Features.model_fields.items()}
    for key in data:
        if key not in known:
            return CaseProblem(
                parts.features_offset + _line_of_key(parts.features_text, str(key)),
                f"beslisboom-casus: onbekend kenmerk '{key}' (bekend: {', '.join(known)})",
            )
    try:
        return Features.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else ""
        what = "ontbreekt" if error["type"] == "missing" else error["msg"]
        return CaseProblem(
            parts.features_offset + (_line_of_key(parts.features_text, key) if key in data else 0),
            f"beslisboom-casus: kenmerk '{key}': {what}",
        )


def check_case(
    parts: CaseParts,
    risk_class: str,
    transparency: str,
    tree: DecisionTree,
    duties: DutyTable,
    legal: LegalFacts,
) -> Outcome | CaseProblem:
    """The outcome of the case's kenmerken, or what disagrees with the expected outcome."""
    if risk_class not in RISK_CLASSES:
        return CaseProblem(
            0, f"beslisboom-casus: risicoklasse '{risk_class}' bestaat niet (kies uit {', '.join(RISK_CLASSES)})"
        )
    features = features_of(parts)
    if isinstance(features, CaseProblem):
        return features
    outcome = classify(features, tree, duties, legal)
    expected = expected_transparency(transparency)
    if outcome.risk_class != risk_class or sorted(outcome.transparency) != sorted(expected):
        said = ", ".join(outcome.transparency) or NONE
        return CaseProblem(
            0,
            f"beslisboom-casus: de tekst verwacht risicoklasse '{risk_class}' en transparantie '{transparency}', "
            f"maar de beslisboom geeft met deze kenmerken '{outcome.risk_class}' en '{said}' "
            f"(route: {' > '.join(step.node for step in outcome.path if step.kind != 'transparantie')})",
        )
    return outcome
