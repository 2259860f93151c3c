"""The AI inventory of a gemeente (``ai-systemen.yaml``): the systems it uses and their features.

Each system's ``kenmerken`` are the facts the decision tree (``docs/beslisboom.yaml``) reads; every
key rests on a provision of the AI Act (see ``KENMERK_ARTICLES``). The model checks each value on its
own; :func:`check_inventory` checks what only the whole entry or the whole file can show
(contradictions, duplicate ids, unknown roles), each as a ``path:line`` problem.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal

from pydantic import Field, HttpUrl, field_validator

from ..problems import Problem
from .strict import ContentId, NonEmptyText, Strict
from .yamlsource import LineMap

Status = Literal["pilot", "in-gebruik", "gestopt"]
Exception63 = Literal[
    "beperkte-procedurele-taak",
    "verbetering-menselijke-activiteit",
    "patroondetectie",
    "voorbereidende-taak",
]
Practice = Literal[
    "manipulatie",
    "kwetsbaarheden",
    "sociale-scoring",
    "criminaliteitsvoorspelling",
    "gezichtsdatabank-scraping",
    "emotieherkenning-werk-onderwijs",
    "biometrische-categorisering",
    "realtime-biometrie-rechtshandhaving",
    "seksuele-deepfakes",
    "kindermisbruikmateriaal",
]

#: Each prohibited practice (``verboden``) and the point of Art. 5(1) that bans it.
PRACTICE_PROVISIONS: dict[str, str] = {
    "manipulatie": "5(1)(a)",
    "kwetsbaarheden": "5(1)(b)",
    "sociale-scoring": "5(1)(c)",
    "criminaliteitsvoorspelling": "5(1)(d)",
    "gezichtsdatabank-scraping": "5(1)(e)",
    "emotieherkenning-werk-onderwijs": "5(1)(f)",
    "biometrische-categorisering": "5(1)(g)",
    "realtime-biometrie-rechtshandhaving": "5(1)(h)",
    "seksuele-deepfakes": "5(1)(ba)",
    "kindermisbruikmateriaal": "5(1)(bb)",
}

#: The points of Annex III (areas 1-8 and their lettered points; area 2 has none).
ANNEX_III_POINTS: tuple[str, ...] = (
    "1(a)",
    "1(b)",
    "1(c)",
    "2",
    "3(a)",
    "3(b)",
    "3(c)",
    "3(d)",
    "4(a)",
    "4(b)",
    "5(a)",
    "5(b)",
    "5(c)",
    "5(d)",
    "6(a)",
    "6(b)",
    "6(c)",
    "6(d)",
    "6(e)",
    "7(a)",
    "7(b)",
    "7(c)",
    "7(d)",
    "8(a)",
    "8(b)",
)

#: Each Art. 6(3) exception and the point that grants it.
EXCEPTION_PROVISIONS: dict[str, str] = {
    "beperkte-procedurele-taak": "6(3)(a)",
    "verbetering-menselijke-activiteit": "6(3)(b)",
    "patroondetectie": "6(3)(c)",
    "voorbereidende-taak": "6(3)(d)",
}


def department_key(name: str) -> str:
    """What --afdeling compares, and what matches an employee's department to a system's ``afdelingen``:
    case-folded in Python, for all of Unicode ("FINANCIËN" is "Financiën"). Not in SQL: PostgreSQL's
    lower() follows the database's locale, and in the common C locale it folds only A-Z, as SQLite's
    own lower() does."""
    return name.strip().casefold()


def annex_iii_area(point: str) -> str:
    """The area number of an Annex III point: ``"5(a)"`` -> ``"5"``."""
    return point.split("(", 1)[0]


class Features(Strict):
    """``kenmerken``: what the decision tree needs to know about one system. Every key is required."""

    is_ai_system: bool = Field(
        alias="is_ai_systeem",
        description="Leidt het systeem uit invoer zelf af hoe het een uitkomst maakt? Alleen regels die mensen "
        "zelf hebben opgesteld tellen niet (artikel 3, punt 1; overweging 12)",
    )
    self_developed: bool = Field(
        alias="zelf_ontwikkeld",
        description="De gemeente ontwikkelt het systeem (of laat het ontwikkelen) en gebruikt het onder eigen "
        "naam: dan is zij aanbieder (artikel 3, punt 3)",
    )
    prohibited: list[Practice] = Field(
        alias="verboden",
        description="Verboden praktijken van artikel 5(1) die het systeem uitvoert (meestal een lege lijst: []): "
        + ", ".join(f"{practice} {point}" for practice, point in PRACTICE_PROVISIONS.items()),
    )
    annex_iii: str | None = Field(
        alias="bijlage_iii",
        description="Het punt van bijlage III waar het gebruik onder valt, bv. '5(a)', '4(a)', '1(c)' of '2'; "
        "null als het daar niet onder valt (artikel 6(2))",
        json_schema_extra={"enum": [*ANNEX_III_POINTS, None]},
    )
    annex_i_product: bool = Field(
        alias="bijlage_i_product",
        description="Veiligheidscomponent van (of zelf) een product uit bijlage I waarvoor een derde partij de "
        "conformiteit beoordeelt (artikel 6(1))",
    )
    profiling: bool = Field(
        alias="profilering",
        description="Het systeem maakt profielen van personen; dan kan artikel 6(3) niet gelden "
        "(artikel 6(3), laatste alinea)",
    )
    exception_6_3: Exception63 | None = Field(
        alias="uitzondering_6_3",
        description="Een uitzondering van artikel 6(3) voor een systeem uit bijlage III, of null: "
        + ", ".join(f"{name} {point}" for name, point in EXCEPTION_PROVISIONS.items()),
    )
    interacts_with_people: bool = Field(
        alias="interactie_met_personen",
        description="Mensen hebben direct contact met het systeem, zoals met een chatbot (artikel 50(1))",
    )
    synthetic_content: bool = Field(
        alias="synthetische_inhoud",
        description="Het systeem maakt tekst, beeld, geluid of video (artikel 50(2))",
    )
    emotion_or_biometric_categorisation: bool = Field(
        alias="emotieherkenning_of_biometrische_categorisering",
        description="Het systeem herkent emoties of deelt mensen in op biometrische gegevens (artikel 50(3))",
    )
    deepfake: bool = Field(
        alias="deepfake",
        description="De gemeente maakt of bewerkt er beeld, geluid of video mee die echt lijkt: een deepfake "
        "(artikel 50(4))",
    )
    public_text_without_review: bool = Field(
        alias="publieke_tekst_zonder_redactie",
        description="De gemeente publiceert er tekst mee over zaken van algemeen belang zonder dat een mens "
        "de tekst nakijkt en de redactie verantwoordelijk is (artikel 50(4))",
    )

    @field_validator("annex_iii", mode="before")
    @classmethod
    def _annex_point(cls, value: object) -> object:
        if value is None:
            return None
        text = "".join(str(value).split())  # 2 as a number, or "5 (a)": read as written
        if text not in ANNEX_III_POINTS:
            raise ValueError(
                f"'{value}' is geen punt van bijlage III; kies uit {', '.join(ANNEX_III_POINTS)} (of null)"
            )
        return text


class AiSystem(Strict):
    """One entry of ``systemen`` in ai-systemen.yaml."""

    id: ContentId = Field(description="Vaste id van het systeem, bv. chatbot-website")
    name: NonEmptyText = Field(alias="naam")
    supplier: NonEmptyText = Field(alias="leverancier", description="Wie het levert; 'eigen ontwikkeling' mag")
    purpose: NonEmptyText = Field(alias="doel", description="Waarvoor de gemeente het gebruikt, in één of twee zinnen")
    status: Status = Field(description="pilot, in-gebruik of gestopt")
    departments: list[NonEmptyText] = Field(alias="afdelingen", min_length=1)
    roles: list[ContentId] = Field(
        alias="rollen", min_length=1, description="Rollen (ids uit de rollen) van wie met het systeem werkt"
    )
    algorithm_register: HttpUrl | None = Field(
        alias="algoritmeregister", default=None, description="Link naar de beschrijving in het Algoritmeregister"
    )
    features: Features = Field(alias="kenmerken")


class Inventory(Strict):
    """``ai-systemen.yaml``."""

    systems: list[AiSystem] = Field(alias="systemen", min_length=1)

    def by_id(self) -> dict[str, AiSystem]:
        return {system.id: system for system in self.systems}


def check_inventory(inventory: Inventory, lines: LineMap, path: Path, roles: Collection[str]) -> list[Problem]:
    """Problems the model cannot see: contradictions inside an entry, duplicate ids, unknown roles."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, system in enumerate(inventory.systems):
        loc: tuple[str | int, ...] = ("systemen", index)
        if system.id in seen:
            problems.append(
                Problem(path, lines.line(loc + ("id",)), f"dubbele id '{system.id}' (ook op regel {seen[system.id]})")
            )
        else:
            seen[system.id] = lines.line(loc + ("id",))
        for role_index, role in enumerate(system.roles):
            if roles and role not in roles:
                problems.append(
                    Problem(
                        path,
                        lines.line(loc + ("rollen", role_index)),
                        f"onbekende rol '{role}' (bekend: {', '.join(sorted(roles))})",
                    )
                )
        problems.extend(_contradictions(system.features, lines, path, loc + ("kenmerken",)))
    return problems


def _contradictions(features: Features, lines: LineMap, path: Path, loc: tuple[str | int, ...]) -> list[Problem]:
    found: list[Problem] = []

    def at(key: str, message: str) -> None:
        found.append(Problem(path, lines.line(loc + (key,)), message))

    if not features.is_ai_system:
        not_ai = "is_ai_systeem is false: een systeem dat geen AI-systeem is (artikel 3, punt 1)"
        if features.prohibited:
            at(
                "verboden",
                f"{not_ai} kan geen verboden AI-praktijk zijn (artikel 5); maak de lijst leeg of zet "
                "is_ai_systeem op true",
            )
        if features.annex_iii is not None:
            at(
                "bijlage_iii",
                f"{not_ai} valt niet onder bijlage III (artikel 6(2)); zet bijlage_iii op null of "
                "is_ai_systeem op true",
            )
        if features.annex_i_product:
            at(
                "bijlage_i_product",
                f"{not_ai} is geen AI-systeem met een hoog risico (artikel 6(1)); zet "
                "bijlage_i_product op false of is_ai_systeem op true",
            )
        if features.exception_6_3 is not None:
            at(
                "uitzondering_6_3",
                f"{not_ai} heeft geen uitzondering van artikel 6(3) nodig; zet uitzondering_6_3 op null",
            )
    if features.exception_6_3 is not None:
        if features.profiling:
            at(
                "uitzondering_6_3",
                "een systeem dat profielen van personen maakt, heeft altijd een hoog risico: "
                "de uitzondering van artikel 6(3) geldt dan niet (artikel 6(3), laatste alinea); zet "
                "uitzondering_6_3 op null",
            )
        if features.annex_iii is None:
            at(
                "uitzondering_6_3",
                "de uitzondering van artikel 6(3) geldt alleen voor een systeem uit bijlage III; "
                "vul bijlage_iii in of zet uitzondering_6_3 op null",
            )
    return found
