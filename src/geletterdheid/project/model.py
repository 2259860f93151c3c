"""The settings of one gemeente project, as read from its gemeente.toml (frozen: read once, shared)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .design_tokens import DesignTokens

#: The file that makes a folder a gemeente project.
PROJECT_FILE = "gemeente.toml"


def _frozen(mapping: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Contact:
    """A person or desk staff can reach: ``naam`` and ``email`` of an entry under ``[contact]``."""

    name: str
    email: str


@dataclass(frozen=True)
class ForumSettings:
    """``[forum]``: where colleagues discuss a topic. ``per_topic`` overrides single topics."""

    base_url: str
    per_topic: Mapping[str, str] = field(default_factory=_frozen)

    def url_for(self, topic_id: str) -> str:
        """The topic's own address from ``[forum.onderwerpen]``, else ``basis_url`` + the topic id."""
        return self.per_topic.get(topic_id, self.base_url + topic_id)


@dataclass(frozen=True)
class TrainingTerms:
    """When staff must have passed (``deadline``) and how long a pass counts (``geldig_maanden``)."""

    deadline: dt.date | None = None
    valid_months: int | None = None  # None: a pass stays valid


@dataclass(frozen=True)
class TrainingSettings:
    """``[opleiding]``: the terms for everyone, and per role under ``[opleiding.rollen.<rol>]``.

    Without gemeente.toml (the repository itself) there is no deadline and a pass stays valid.
    """

    default: TrainingTerms = TrainingTerms()
    per_role: Mapping[str, TrainingTerms] = field(default_factory=lambda: MappingProxyType({}))

    def terms_for(self, role_ids: tuple[str, ...]) -> TrainingTerms:
        """The terms of someone with these roles. A role's own value goes before the general one
        (a role may get more time or a shorter validity); with several roles that have their own
        value, the earliest deadline and the shortest validity hold, so no role's rule is missed."""
        own = [self.per_role[role_id] for role_id in role_ids if role_id in self.per_role]
        deadlines = [term.deadline for term in own if term.deadline is not None]
        months = [term.valid_months for term in own if term.valid_months is not None]
        return TrainingTerms(
            min(deadlines) if deadlines else self.default.deadline,
            min(months) if months else self.default.valid_months,
        )


@dataclass(frozen=True)
class Governance:
    """``[governance]``: who owns AI literacy on behalf of the board, its budget and when it is evaluated
    (the Autoriteit Persoonsgegevens' plan: the board owns it). Shown in ``geletterdheid rapport``."""

    owner: str | None = None  # eigenaar
    budget: str | None = None
    evaluation_on: dt.date | None = None  # evaluatie_datum


@dataclass(frozen=True)
class GemeenteConfig:
    """Everything gemeente.toml says. ``forum`` is ``None`` for ``forum = false`` (no forum boxes).

    ``contacts`` is keyed by the gemeente.toml key (``ai_loket``, ``fg``), ``footer`` too
    (``privacy``, ``toegankelijkheid``); paths are absolute and exist; ``tokens`` is the checked file
    of ``[huisstijl] tokens``. ``key_lines`` holds the line
    of each key path (``("forum", "basis_url")``), so later checks can point into the file.
    """

    root: Path
    name: str
    logo: Path | None = None
    website: str | None = None
    forum: ForumSettings | None = None
    contacts: Mapping[str, Contact] = field(default_factory=lambda: MappingProxyType({}))
    footer: Mapping[str, str] = field(default_factory=_frozen)
    colour: str | None = None
    tokens: DesignTokens | None = None
    leave_out: tuple[str, ...] = ()
    training: TrainingSettings = TrainingSettings()
    #: ``[resultaten] url``: set, the site is built in toets mode for ``geletterdheid serve``.
    results_url: str | None = None
    governance: Governance = Governance()
    key_lines: Mapping[tuple[str, ...], int] = field(default_factory=lambda: MappingProxyType({}), compare=False)

    @property
    def file(self) -> Path:
        return self.root / PROJECT_FILE

    def line_of(self, *keys: str) -> int:
        """The line in gemeente.toml of ``keys`` (``"forum", "basis_url"``), else its table's, else 1."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.key_lines:
                return self.key_lines[keys[:end]]
        return 1
