"""The decision tree as data (``docs/beslisboom.yaml``): question nodes, conclusion nodes and the
transparency steps walked after a conclusion. Modelled on MinBZK's ai-verordening-beslishulp
(questions with answers that lead to a next question or a conclusion, each with its sources).

Every question reads one ``kenmerk`` of an inventory entry (``content/inventory.py``) and has
two answers, ``ja`` and ``nee``; :func:`check_tree` makes sure the data is a tree a walk can finish.
The walk itself is in ``classification/`` (pure).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from ..problems import Problem
from .articles import UnknownProvision, parse_provision
from .strict import ContentId, NonEmptyText, Strict
from .yamlsource import LineMap, Loc

RiskClass = Literal["geen-ai", "verboden", "hoog-risico", "minimaal"]
Role = Literal["aanbieder", "gebruiksverantwoordelijke"]
AnswerValue = Literal["ja", "nee"]

RISK_CLASSES: tuple[str, ...] = ("geen-ai", "verboden", "hoog-risico", "minimaal")
#: Conclusions without transparency steps: not an AI system (Art. 3(1)), or banned (Art. 5).
NO_TRANSPARENCY: frozenset[str] = frozenset({"geen-ai", "verboden"})


def _as_text(value: object) -> object:
    return [str(item) for item in value] if isinstance(value, list) else value


@dataclass(frozen=True)
class Source:
    """A provision a node rests on, as a page shows it: ``artikel 6(3)`` linking to EUR-Lex."""

    reference: str
    label: str
    url: str


def sources(articles: Sequence[str]) -> tuple[Source, ...]:
    """The label and EUR-Lex link of each reference (checked by :func:`check_tree`; unknown ones are left out)."""
    found = []
    for reference in articles:
        try:
            provision = parse_provision(reference)
        except UnknownProvision:
            continue
        found.append(Source(reference, provision.label, provision.url))
    return tuple(found)


class _Node(Strict):
    """What every node has: an id and the provisions it rests on."""

    id: ContentId
    articles: list[str] = Field(alias="artikelen", default_factory=list)

    @field_validator("articles", mode="before")
    @classmethod
    def _articles_as_text(cls, value: object) -> object:
        return _as_text(value)

    @property
    def sources(self) -> tuple[Source, ...]:
        return sources(self.articles)


class TreeAnswer(Strict):
    value: AnswerValue = Field(alias="waarde", description="ja of nee: wat het kenmerk zegt")
    text: NonEmptyText = Field(alias="antwoord", description="Het antwoord zoals de lezer het ziet")
    next: ContentId = Field(alias="volgende", description="id van de volgende vraag of conclusie")
    role: Role | None = Field(
        alias="rol", default=None, description="De rol van de gemeente die dit antwoord vastlegt (artikel 3)"
    )


class TreeQuestion(_Node):
    question: NonEmptyText = Field(alias="vraag")
    help: NonEmptyText = Field(alias="uitleg", description="Korte uitleg bij de vraag (B1)")
    feature: NonEmptyText = Field(alias="kenmerk", description="Het kenmerk uit ai-systemen.yaml dat de vraag leest")
    answers: list[TreeAnswer] = Field(alias="antwoorden")


class Conclusion(_Node):
    risk_class: RiskClass = Field(alias="risicoklasse")
    title: NonEmptyText = Field(alias="titel")
    explanation: NonEmptyText = Field(alias="uitleg")
    transparency: bool = Field(
        alias="transparantie",
        description="true: daarna volgen de stappen van artikel 50 (voor elk AI-systeem dat niet verboden is)",
    )


class TransparencyStep(_Node):
    question: NonEmptyText = Field(alias="vraag")
    help: NonEmptyText = Field(alias="uitleg")
    feature: NonEmptyText = Field(alias="kenmerk")
    duty: str = Field(alias="plicht", description="Het lid van artikel 50 dat geldt bij 'ja', bv. 50(1)")


class DecisionTree(Strict):
    """``docs/beslisboom.yaml``."""

    start: ContentId = Field(description="id van de eerste vraag")
    questions: list[TreeQuestion] = Field(alias="vragen", min_length=1)
    conclusions: list[Conclusion] = Field(alias="conclusies", min_length=1)
    transparency: list[TransparencyStep] = Field(alias="transparantie", default_factory=list)

    def question(self, node_id: str) -> TreeQuestion | None:
        return next((q for q in self.questions if q.id == node_id), None)

    def conclusion(self, node_id: str) -> Conclusion | None:
        return next((c for c in self.conclusions if c.id == node_id), None)

    def node(self, node_id: str) -> TreeQuestion | Conclusion | TransparencyStep | None:
        """Any node by id: what a page needs to show a step of the route (its text and sources)."""
        nodes: list[TreeQuestion | Conclusion | TransparencyStep] = [
            *self.questions,
            *self.conclusions,
            *self.transparency,
        ]
        return next((n for n in nodes if n.id == node_id), None)


def check_tree(tree: DecisionTree, lines: LineMap, path: Path, features: Collection[str]) -> list[Problem]:
    """Everything that keeps a walk from ending well, each at its line: unknown nodes and kenmerken,
    missing answers, cycles, unreachable nodes, questions without an article."""
    problems: list[Problem] = []

    def at(loc: Loc, message: str) -> None:
        problems.append(Problem(path, lines.line(loc), message))

    places: dict[str, Loc] = {}
    sections: tuple[tuple[str, Sequence[TreeQuestion | Conclusion | TransparencyStep]], ...] = (
        ("vragen", tree.questions),
        ("conclusies", tree.conclusions),
        ("transparantie", tree.transparency),
    )
    for section, nodes in sections:
        for index, node in enumerate(nodes):
            loc: Loc = (section, index)
            if node.id in places:
                at(loc + ("id",), f"dubbele id '{node.id}' (ook op regel {lines.line(places[node.id] + ('id',))})")
                continue
            places[node.id] = loc
            kind = {"vragen": "vraag", "conclusies": "conclusie", "transparantie": "stap"}[section]
            if not node.articles:
                at(loc, f"{kind} '{node.id}' noemt geen artikel: zet de bepaling(en) in 'artikelen'")
            for number, reference in enumerate(node.articles):
                try:
                    parse_provision(reference)
                except UnknownProvision as exc:
                    at(loc + ("artikelen", number), str(exc))
    questions = {q.id: q for q in tree.questions}
    conclusions = {c.id: c for c in tree.conclusions}
    walkable = set(questions) | set(conclusions)

    for index, question in enumerate(tree.questions):
        loc = ("vragen", index)
        if question.feature not in features:
            at(loc + ("kenmerk",), _unknown_feature(question.feature, features))
        values = [answer.value for answer in question.answers]
        for value in ("ja", "nee"):
            if value not in values:
                at(
                    loc + ("antwoorden",),
                    f"vraag '{question.id}' heeft geen antwoord '{value}': dat pad eindigt niet in een conclusie",
                )
            elif values.count(value) > 1:
                at(loc + ("antwoorden",), f"vraag '{question.id}' heeft twee antwoorden '{value}'")
        for number, answer in enumerate(question.answers):
            if answer.next not in walkable:
                hint = " (een stap van 'transparantie' volgt vanzelf na een conclusie)" if answer.next in places else ""
                at(
                    loc + ("antwoorden", number, "volgende"),
                    f"'volgende: {answer.next}' bestaat niet als vraag of conclusie{hint}",
                )
    if tree.start not in questions:
        at(("start",), f"start '{tree.start}' is geen vraag in 'vragen'")

    for index, conclusion in enumerate(tree.conclusions):
        if conclusion.transparency == (conclusion.risk_class in NO_TRANSPARENCY):
            expected = "false" if conclusion.risk_class in NO_TRANSPARENCY else "true"
            at(
                ("conclusies", index, "transparantie"),
                f"conclusie '{conclusion.id}' ({conclusion.risk_class}) moet "
                f"'transparantie: {expected}' hebben: artikel 50 geldt voor elk AI-systeem dat niet verboden is",
            )

    for index, step in enumerate(tree.transparency):
        loc = ("transparantie", index)
        if step.feature not in features:
            at(loc + ("kenmerk",), _unknown_feature(step.feature, features))
        try:
            provision = parse_provision(step.duty)
        except UnknownProvision as exc:
            at(loc + ("plicht",), str(exc))
        else:
            if provision.number != "50":
                at(loc + ("plicht",), f"plicht '{step.duty}' is geen lid van artikel 50")

    cycle = _first_cycle(questions, tree.start)
    if cycle:
        first = cycle[0]
        at(places[first], "kringloop in de beslisboom: " + " -> ".join(cycle))
    reached = _reachable(questions, tree.start)
    for node_id in walkable - reached:
        if tree.start in questions:
            kind = "vraag" if node_id in questions else "conclusie"
            at(places[node_id], f"{kind} '{node_id}' is vanaf de start '{tree.start}' niet te bereiken")
    if not cycle and tree.start in questions:
        problems.extend(_roles_on_every_path(tree, questions, conclusions, lines, path, places))
    return problems


def _unknown_feature(name: str, features: Collection[str]) -> str:
    return f"onbekend kenmerk '{name}' (bekend: {', '.join(features)})"


def _reachable(questions: dict[str, TreeQuestion], start: str) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in questions:
            stack.extend(answer.next for answer in questions[node].answers)
    return seen


def _first_cycle(questions: dict[str, TreeQuestion], start: str) -> list[str]:
    """The first cycle found from ``start`` (then from every other question), as ids; [] without one.

    Iterative (an explicit stack), so a hostile file with a chain of thousands of questions cannot
    exhaust Python's recursion limit."""
    done: set[str] = set()
    for root in [start, *questions]:
        if root not in questions or root in done:
            continue
        path: list[str] = [root]
        on_path: set[str] = {root}
        pending: list[list[str]] = [[a.next for a in questions[root].answers]]
        while pending:
            if not pending[-1]:
                pending.pop()
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                continue
            nxt = pending[-1].pop(0)
            if nxt not in questions or nxt in done:
                continue
            if nxt in on_path:
                return path[path.index(nxt) :] + [nxt]
            path.append(nxt)
            on_path.add(nxt)
            pending.append([a.next for a in questions[nxt].answers])
    return []


def _roles_on_every_path(
    tree: DecisionTree,
    questions: dict[str, TreeQuestion],
    conclusions: dict[str, Conclusion],
    lines: LineMap,
    path: Path,
    places: dict[str, Loc],
) -> list[Problem]:
    """A conclusion for an AI system must know the gemeente's role: some answer on every path to it sets ``rol``.

    Walked over (node, role known) states, so a tree of n nodes costs at most 2n steps.
    """
    missing: set[str] = set()
    seen: set[tuple[str, bool]] = set()
    stack = [(tree.start, False)]
    while stack:
        node, known = stack.pop()
        if (node, known) in seen:
            continue
        seen.add((node, known))
        if node in conclusions:
            if not known and conclusions[node].risk_class != "geen-ai":
                missing.add(node)
            continue
        if node in questions:
            stack.extend((answer.next, known or answer.role is not None) for answer in questions[node].answers)
    return [
        Problem(
            path,
            lines.line(places[node]),
            f"conclusie '{node}' is te bereiken zonder dat een antwoord de rol (aanbieder of "
            "gebruiksverantwoordelijke) vastlegt: zet 'rol' bij de antwoorden van de vraag naar de rol",
        )
        for node in sorted(missing)
    ]
