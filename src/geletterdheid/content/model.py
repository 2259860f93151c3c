"""The typed content model. Field names are English; the YAML keys editors write are Dutch aliases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, HttpUrl, field_validator, model_validator

from .duties import DutyTable
from .inventory import Inventory
from .strict import ContentId, NonEmptyText, Strict
from .system_modules import SystemModules
from .tree import DecisionTree

Level = Literal["bewust", "bekwaam", "vloeiend", "expert"]
QuestionType = Literal["enkelvoudig", "meervoudig", "juist-onwaar"]

LEVELS: tuple[str, ...] = ("bewust", "bekwaam", "vloeiend", "expert")
ALL_STAFF_ROLE = "alle-medewerkers"


class CaseWork(Strict):
    """How the module's casus is worked on in a workshop."""

    work_form: NonEmptyText = Field(
        alias="werkvorm", description="Bijvoorbeeld 'In tweetallen' of 'In groepjes van vier'"
    )
    minutes: int = Field(alias="minuten", ge=1, le=120, description="Tijd voor de casus in de workshop")
    summary: NonEmptyText = Field(
        alias="samenvatting", description="De casus in twee of drie zinnen, voor de dia (gewone tekst)"
    )
    assignment: NonEmptyText = Field(alias="opdracht", description="Wat de deelnemers doen (gewone tekst)")


class Misconception(Strict):
    """A wrong idea participants often bring, and what is right instead."""

    claim: NonEmptyText = Field(alias="misverstand")
    correction: NonEmptyText = Field(alias="juist", description="Wat er wel klopt, in eigen woorden")
    articles: list[str] = Field(alias="artikelen", min_length=1, description="Bepaling(en) waar het juiste op rust")

    @field_validator("articles", mode="before")
    @classmethod
    def _articles_as_text(cls, value: object) -> object:
        return [str(item) for item in value] if isinstance(value, list) else value


class TrainerNotes(Strict):
    """The ``trainer`` section of a module's front matter: what a trainer needs to teach it in a workshop.

    Plain text throughout (no Markdown): it goes into slides, speaker notes and the session plan.
    """

    minutes: int = Field(
        alias="minuten",
        ge=10,
        le=240,
        description="Voorgestelde tijd in een workshop voor kernpunten, casus en bespreking (zonder de toets)",
    )
    discussion_minutes: int = Field(alias="bespreking_minuten", default=5, ge=0, le=60)
    key_points: list[NonEmptyText] = Field(
        alias="kernpunten",
        min_length=3,
        max_length=5,
        description="3 tot 5 kernpunten; noem bij een wettelijke regel het artikel",
    )
    case: CaseWork = Field(alias="casus")
    discussion_questions: list[NonEmptyText] = Field(alias="discussievragen", min_length=1, max_length=5)
    misconceptions: list[Misconception] = Field(alias="misverstanden", min_length=1, max_length=5)

    @property
    def explain_minutes(self) -> int:
        """What is left of ``minutes`` for presenting the key points."""
        return self.minutes - self.case.minutes - self.discussion_minutes

    @model_validator(mode="after")
    def _parts_fit(self) -> TrainerNotes:
        if self.explain_minutes < 3:
            raise ValueError(
                f"minuten ({self.minutes}) laat te weinig tijd voor de kernpunten: casus ({self.case.minutes}) "
                f"en bespreking ({self.discussion_minutes}) samen mogen hoogstens {self.minutes - 3} minuten zijn"
            )
        return self


class Module(Strict):
    """Front matter of a module file in ``modules/``."""

    id: ContentId = Field(description="Vaste id van de module, bijvoorbeeld m01")
    title: NonEmptyText = Field(alias="titel")
    summary: NonEmptyText = Field(
        alias="samenvatting", description="Eén of twee zinnen, gewone tekst (geen Markdown): ook in leerpaden en pdf"
    )
    roles: list[ContentId] = Field(alias="rollen", min_length=1, description="Rollen (ids uit docs/rollen/)")
    topic: ContentId = Field(alias="onderwerp", description="Onderwerp-id uit docs/onderwerpen.yaml")
    duration_minutes: int = Field(alias="duur_minuten", gt=0, le=600)
    learning_goals: list[NonEmptyText] = Field(
        alias="leerdoelen", min_length=1, description="Wat je na de module kunt; gewone tekst (geen Markdown)"
    )
    articles: list[str] = Field(
        alias="artikelen",
        default_factory=list,
        description="Bepalingen van de AI-verordening, bv. '4', '5(1)(f)', 'bijlage III'",
    )
    requires: list[ContentId] = Field(alias="vereist", default_factory=list)
    level: Level = Field(alias="niveau")
    last_checked: dt.date = Field(alias="laatst_gecontroleerd")
    version: int = Field(
        alias="versie",
        default=1,
        ge=1,
        description="Verhoog dit als de inhoud wezenlijk verandert (bijvoorbeeld door een wetswijziging); "
        "gemeenten zien het met 'geletterdheid wijzigingen'",
    )
    change: str | None = Field(
        alias="wijziging", default=None, description="Eén regel: wat er in deze versie veranderde (gewone tekst)"
    )
    retrain_from_version: int | None = Field(
        alias="opnieuw_vanaf_versie",
        default=None,
        ge=2,
        description="Wie de toets op een eerdere versie haalde, moet hem opnieuw doen (status 'opnieuw nodig'); "
        "hoogstens de huidige versie",
    )
    search_terms: list[NonEmptyText] = Field(
        alias="zoekwoorden",
        default_factory=list,
        description="Woorden waarmee mensen deze module zoeken, ook als ze niet in de tekst staan "
        "(bijvoorbeeld ChatGPT, chatbot, deepfake); gewone tekst, de zoekfunctie van de site vindt ze",
    )
    trainer: TrainerNotes | None = Field(
        default=None, description="Aantekeningen voor de trainer: kernpunten, casus, bespreking, misverstanden"
    )

    @field_validator("articles", mode="before")
    @classmethod
    def _articles_as_text(cls, value: object) -> object:
        return [str(item) for item in value] if isinstance(value, list) else value


class Question(Strict):
    id: ContentId
    type: QuestionType
    text: NonEmptyText = Field(alias="vraag")
    options: dict[str, NonEmptyText] = Field(alias="opties", min_length=2)
    correct: list[str] = Field(alias="juist")
    explanation: NonEmptyText = Field(alias="uitleg", description="Uitleg na het antwoorden; noem het artikel")
    articles: list[str] = Field(alias="artikelen", default_factory=list)
    case: NonEmptyText | None = Field(alias="casus", default=None, description="Casus waar de vraag over gaat")

    @field_validator("correct", mode="before")
    @classmethod
    def _single_key_as_list(cls, value: object) -> object:
        if isinstance(value, (str, int)):
            return [str(value)]
        return [str(item) for item in value] if isinstance(value, list) else value

    @field_validator("articles", mode="before")
    @classmethod
    def _articles_as_text(cls, value: object) -> object:
        return [str(item) for item in value] if isinstance(value, list) else value

    @field_validator("options", mode="before")
    @classmethod
    def _keys_as_text(cls, value: object) -> object:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


class Quiz(Strict):
    """A question bank in ``quizzes/<module-id>.yaml``."""

    module: ContentId
    pass_mark: int = Field(alias="drempel", default=70, ge=0, le=100, description="Slaaggrens in procenten")
    questions: list[Question] = Field(alias="vragen", min_length=1)
    #: On a toets site and in an LMS package (SCORM 1.2, cmi5): each attempt gets this many questions
    #: drawn from the bank (None: all of them). The practice site shows them all.
    draw: int | None = Field(
        alias="trekken",
        default=None,
        ge=1,
        description="Op een toetssite en in een SCORM- of cmi5-pakket: zoveel vragen per poging, uit alle vragen",
    )

    @model_validator(mode="after")
    def _draw_fits_the_bank(self) -> Quiz:
        if self.draw is not None and self.draw > len(self.questions):
            raise ValueError(f"trekken is {self.draw}, maar de toets heeft maar {len(self.questions)} vragen")
        return self


class Role(Strict):
    """Front matter of a role page in ``docs/rollen/``."""

    id: ContentId
    title: NonEmptyText = Field(alias="titel")
    description: NonEmptyText = Field(alias="beschrijving")
    level: Level = Field(alias="niveau")


class Topic(Strict):
    id: ContentId
    title: NonEmptyText = Field(alias="titel")
    forum_url: HttpUrl = Field(alias="forum_url")
    description: str = Field(alias="beschrijving", default="")


class TopicFile(Strict):
    """``docs/onderwerpen.yaml``."""

    topics: list[Topic] = Field(alias="onderwerpen", min_length=1)


@dataclass(frozen=True)
class Catalog:
    """All validated content, in id order. Every output is a view of this object."""

    root: Path
    modules: dict[str, Module]
    quizzes: dict[str, Quiz]
    roles: dict[str, Role]
    topics: dict[str, Topic]
    legal: LegalFacts
    module_paths: dict[str, Path] = field(default_factory=dict)
    quiz_paths: dict[str, Path] = field(default_factory=dict)
    role_paths: dict[str, Path] = field(default_factory=dict)
    #: False when the gemeente has no forum (``forum = false`` in gemeente.toml): no forum boxes.
    forum: bool = True
    #: Base modules the gemeente leaves out (``[inhoud] weglaten``), by id: the page they stay on.
    left_out: dict[str, Path] = field(default_factory=dict)
    #: The decision tree of docs/beslisboom.yaml and the duties of docs/plichten.yaml (None in a tree without them).
    decision_tree: DecisionTree | None = None
    duties: DutyTable | None = None
    #: The AI inventory: a gemeente project's ai-systemen.yaml, or the repository's example; None without one.
    inventory: Inventory | None = None
    inventory_path: Path | None = None
    #: True when ``inventory`` is the repository's example (docs/ai-systemen.voorbeeld.yaml): it shows how
    #: the register works, but changes nobody's learning path. Only a gemeente's own ai-systemen.yaml does.
    inventory_is_example: bool = False
    #: docs/systeemmodules.yaml: the modules a system's outcome adds to the path of whoever uses it.
    system_modules: SystemModules | None = None

    def left_out_module_at(self, path: Path) -> str | None:
        """The id of the left-out module whose page is ``path``, else None."""
        resolved = Path(path).resolve()
        return next((mid for mid, page in self.left_out.items() if page.resolve() == resolved), None)

    @cached_property
    def _modules_by_path(self) -> dict[Path, Module]:
        return {path.resolve(): self.modules[module_id] for module_id, path in self.module_paths.items()}

    def module_for_path(self, path: Path) -> Module | None:
        return self._modules_by_path.get(Path(path).resolve())


class _LegalFact(Strict):
    """What every entry of ``docs/wetgeving.yaml`` has besides its value: a description and its source."""

    what: NonEmptyText = Field(alias="wat")
    articles: list[str] = Field(alias="artikelen", min_length=1)
    source_text: NonEmptyText | None = Field(
        alias="bron",
        default=None,
        description="Waar de waarde staat als dat niet de AI-verordening is; "
        "de {wet}-rol toont dit in plaats van het eerste artikel",
    )


class LegalDate(_LegalFact):
    date: dt.date = Field(alias="datum")
    changes_text: bool = Field(
        alias="wijzigt_tekst",
        default=False,
        description="Deze datum verandert de tekst van de verordening (bijvoorbeeld een wijzigingsverordening die "
        "in werking treedt): modules die eerder gecontroleerd zijn, moeten opnieuw gecontroleerd worden",
    )


class LegalAmount(_LegalFact):
    amount: NonEmptyText = Field(alias="bedrag")


class LegalTerm(_LegalFact):
    value: NonEmptyText = Field(alias="waarde")


class LegalFacts(Strict):
    """``docs/wetgeving.yaml``: every legal date, amount and term the pages mention."""

    dates: dict[ContentId, LegalDate] = Field(alias="datums")
    amounts: dict[ContentId, LegalAmount] = Field(alias="bedragen", default_factory=dict)
    terms: dict[ContentId, LegalTerm] = Field(alias="termijnen", default_factory=dict)

    def text(self, key: str) -> str | None:
        """The Dutch text a page shows for ``key``: a date as '2 februari 2025', or the amount/term."""
        if key in self.dates:
            return dutch_date(self.dates[key].date)
        if key in self.amounts:
            return self.amounts[key].amount
        if key in self.terms:
            return self.terms[key].value
        return None

    def _fact(self, key: str) -> _LegalFact | None:
        for facts in (self.dates, self.amounts, self.terms):
            if key in facts:
                return facts[key]
        return None

    def source(self, key: str) -> str | None:
        """The provision ``key``'s value comes from: the first of its ``artikelen`` ('113')."""
        fact = self._fact(key)
        return fact.articles[0] if fact is not None else None

    def source_text(self, key: str) -> str | None:
        """Where the value is written when that is not the AI Act ('Verordening (EU) 2026/1744'), else None."""
        fact = self._fact(key)
        return fact.source_text if fact is not None else None

    def cited_text(self, key: str) -> str | None:
        """What a {wet} role shows: the value with the provision it comes from, '2 december 2027 (artikel 113)'.

        A reader sees on the spot where a date or amount is written in the law (issue 16).
        """
        from .articles import parse_provision

        text, source = self.text(key), self.source(key)
        if text is None or source is None:
            return None
        return f"{text} ({self.source_text(key) or parse_provision(source).label})"

    def keys(self) -> list[str]:
        return [*self.dates, *self.amounts, *self.terms]

    def last_text_change(self) -> tuple[str, LegalDate] | None:
        """The newest date (key, entry) that changed the regulation's text (``wijzigt_tekst: true``), if any."""
        changes = [(entry.date, key) for key, entry in self.dates.items() if entry.changes_text]
        if not changes:
            return None
        _, key = max(changes)
        return key, self.dates[key]


MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"
