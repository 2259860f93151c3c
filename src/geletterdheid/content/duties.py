"""The duties table (``docs/plichten.yaml``): which duties follow from which outcome of the decision tree.

Each duty names its provision (``artikel``), says in Dutch what to do (``omschrijving``), and says
from when it applies: a date key of ``docs/wetgeving.yaml`` (``vanaf``), or, where that date is
not settled, why (``vanaf_onzeker``). ``als`` says when it applies: for which conclusions of the
tree, and optionally only for one role, one collected Art. 50 duty, some prohibited practices or
some Annex III areas. Choosing the duties for an outcome is pure and lives in ``classification/``.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from ..problems import Problem
from .articles import UnknownProvision, parse_provision
from .inventory import Practice
from .strict import ContentId, NonEmptyText, Strict
from .tree import Role
from .yamlsource import LineMap, Loc

ANNEX_III_AREAS: tuple[str, ...] = ("1", "2", "3", "4", "5", "6", "7", "8")


def _areas_as_text(value: object) -> object:
    return [str(item) for item in value] if isinstance(value, list) else value


class DutyCondition(Strict):
    """``als``: every key given must hold for the duty to apply."""

    conclusions: list[ContentId] = Field(alias="conclusies", min_length=1, description="ids van conclusies")
    roles: list[Role] | None = Field(alias="rollen", default=None, description="Alleen voor deze rol(len)")
    transparency: str | None = Field(
        alias="transparantie", default=None, description="Alleen als de stappen van artikel 50 dit lid vonden"
    )
    prohibited: list[Practice] | None = Field(
        alias="verboden", default=None, description="Alleen bij een van deze verboden praktijken"
    )
    annex_iii_areas: list[str] | None = Field(
        alias="bijlage_iii_gebieden", default=None, description="Alleen in deze gebieden van bijlage III"
    )
    except_annex_iii_areas: list[str] | None = Field(
        alias="behalve_bijlage_iii_gebieden", default=None, description="Niet in deze gebieden van bijlage III"
    )

    @field_validator("annex_iii_areas", "except_annex_iii_areas", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return _areas_as_text(value)


class Duty(Strict):
    id: ContentId
    article: str = Field(alias="artikel", description="De bepaling, bv. 26(2) of 50(1)")
    description: NonEmptyText = Field(alias="omschrijving", description="Wat er moet gebeuren, in gewone taal")
    starts: ContentId | None = Field(
        alias="vanaf", description="Sleutel van een datum in docs/wetgeving.yaml, of null als de datum niet vaststaat"
    )
    start_unsettled: NonEmptyText | None = Field(
        alias="vanaf_onzeker", default=None, description="Bij vanaf: null: waarom de datum niet vaststaat"
    )
    when: DutyCondition = Field(alias="als")

    @field_validator("article", mode="before")
    @classmethod
    def _article_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value

    @model_validator(mode="after")
    def _start_said(self) -> Duty:
        if self.starts is None and self.start_unsettled is None:
            raise ValueError("vanaf is null: zeg in 'vanaf_onzeker' waarom de datum niet vaststaat")
        if self.starts is not None and self.start_unsettled is not None:
            raise ValueError("geef 'vanaf' of 'vanaf_onzeker', niet allebei")
        return self


class DutyTable(Strict):
    """``docs/plichten.yaml``."""

    duties: list[Duty] = Field(alias="plichten", min_length=1)


def check_duties(
    table: DutyTable,
    lines: LineMap,
    path: Path,
    conclusions: Collection[str],
    transparency_duties: Collection[str],
    date_keys: Collection[str],
) -> list[Problem]:
    """References the model cannot check: articles, date keys, conclusions and Art. 50 duties that exist."""
    problems: list[Problem] = []

    def at(loc: Loc, message: str) -> None:
        problems.append(Problem(path, lines.line(loc), message))

    seen: set[str] = set()
    for index, duty in enumerate(table.duties):
        loc: Loc = ("plichten", index)
        if duty.id in seen:
            at(loc + ("id",), f"dubbele plicht-id '{duty.id}'")
        seen.add(duty.id)
        try:
            parse_provision(duty.article)
        except UnknownProvision as exc:
            at(loc + ("artikel",), str(exc))
        if duty.starts is not None and duty.starts not in date_keys:
            at(
                loc + ("vanaf",),
                f"onbekende datum '{duty.starts}': voeg die toe aan docs/wetgeving.yaml (bekend: "
                f"{', '.join(sorted(date_keys))})",
            )
        when = duty.when
        for number, conclusion in enumerate(when.conclusions):
            if conclusion not in conclusions:
                at(
                    loc + ("als", "conclusies", number),
                    f"onbekende conclusie '{conclusion}' (bekend: {', '.join(conclusions)})",
                )
        if when.transparency is not None and when.transparency not in transparency_duties:
            at(
                loc + ("als", "transparantie"),
                f"'{when.transparency}' is geen plicht van een stap in 'transparantie' "
                f"van de beslisboom (bekend: {', '.join(transparency_duties)})",
            )
        for key, areas in (
            ("bijlage_iii_gebieden", when.annex_iii_areas),
            ("behalve_bijlage_iii_gebieden", when.except_annex_iii_areas),
        ):
            for number, area in enumerate(areas or []):
                if area not in ANNEX_III_AREAS:
                    at(loc + ("als", key, number), f"'{area}' is geen gebied van bijlage III (1 tot en met 8)")
    return problems
