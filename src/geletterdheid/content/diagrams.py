"""The diagrams that ``{diagram} naam`` shows (sphinxext/diagrams.py draws them): data, no Sphinx.

Python data rather than a YAML file per diagram: the shapes are few and fixed, mypy checks every
field, and ``geletterdheid check`` knows the names without reading anything. What changes with the
law comes from the Catalog: the timeline is made from the legal dates of docs/wetgeving.yaml
(``timeline_diagram``), so no date is written twice. Every legal element names its provision
(``provisions``, checked like ``{artikel}``) or another source (``source``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .model import LegalFacts, dutch_date

Shape = Literal["piramide", "stappen", "kringloop", "blokken", "tijdlijn"]


@dataclass(frozen=True)
class Part:
    """One box: a bold label, a detail, and the provisions of the AI Act it rests on (or another source)."""

    label: str
    detail: str = ""
    provisions: tuple[str, ...] = ()
    source: str = ""  # a source outside the AI Act ("artikel 35 AVG"), shown after the provisions
    arrow: str = ""  # the text on the arrow into this box (stappen, blokken)


@dataclass(frozen=True)
class Diagram:
    name: str
    title: str
    description: str  # the alt text: what the picture shows, in full sentences
    shape: Shape
    parts: tuple[Part, ...]
    footer: tuple[Part, ...] = field(default=())  # boxes under a kringloop, outside the loop
    loop_label: str = ""  # the text on the arrow back to the first step (kringloop)


DIAGRAMS: dict[str, Diagram] = {
    diagram.name: diagram
    for diagram in (
        Diagram(
            name="risicopiramide",
            title="De vier risiconiveaus van de AI-verordening",
            description=(
                "Een piramide met vier lagen. Bovenaan, de smalste laag: verboden AI. Daaronder hoog risico, "
                "dan transparantie, en onderaan, de breedste laag: minimaal risico. Hoe hoger in de piramide, "
                "hoe strenger de regels en hoe minder toepassingen eronder vallen."
            ),
            shape="piramide",
            parts=(
                Part("Verboden", "Mag niet: het risico is te groot.", ("5",)),
                Part("Hoog risico", "Mag alleen onder strenge regels.", ("6", "bijlage III")),
                Part("Transparantie", "Mag, maar mensen moeten weten dat het AI is.", ("50",)),
                Part("Minimaal", "Geen extra regels uit deze wet, wel AI-geletterdheid.", ("4",)),
            ),
        ),
        Diagram(
            name="rollen",
            title="Aanbieder en gebruiksverantwoordelijke",
            description=(
                "Schema van boven naar beneden. De aanbieder maakt het AI-systeem of laat het maken, en levert "
                "het aan de gebruiksverantwoordelijke, die het onder eigen verantwoordelijkheid gebruikt. Een "
                "pijl naar een derde vak laat zien wanneer de gemeente zelf aanbieder wordt: als zij haar naam "
                "op een AI-systeem met een hoog risico zet, het wezenlijk wijzigt, of het doel zo verandert dat "
                "het een hoog risico krijgt."
            ),
            shape="stappen",
            parts=(
                Part(
                    "Aanbieder",
                    "Ontwikkelt een AI-systeem of laat het ontwikkelen, en brengt het onder eigen naam op de "
                    "markt of in gebruik. Ook een gemeente die een systeem voor eigen gebruik laat bouwen.",
                    ("3(3)", "3(11)"),
                ),
                Part(
                    "Gebruiksverantwoordelijke",
                    "Gebruikt een AI-systeem onder eigen verantwoordelijkheid, zoals een gemeente die een "
                    "gekocht systeem inzet.",
                    ("3(4)",),
                    arrow="levert het systeem",
                ),
                Part(
                    "Wanneer wordt de gemeente aanbieder?",
                    "Als zij bij AI met een hoog risico haar eigen naam op het systeem zet, het wezenlijk "
                    "wijzigt, of het doel zo verandert dat het een hoog risico krijgt.",
                    ("25(1)",),
                    arrow="tenzij",
                ),
            ),
        ),
        Diagram(
            name="fria-dpia",
            title="FRIA en DPIA: samen, niet in plaats van",
            description=(
                "Vier vakken onder elkaar. Bovenaan de FRIA, de grondrechteneffectbeoordeling van artikel 27 "
                "van de AI-verordening. Daaronder wat de FRIA en de DPIA gemeen hebben: de FRIA mag naar de "
                "DPIA verwijzen, maar de DPIA vervangt de FRIA niet. Dan de DPIA van artikel 35 van de AVG. "
                "Onderaan het IAMA, sinds februari 2026 een route om de FRIA te maken."
            ),
            shape="blokken",
            parts=(
                Part(
                    "FRIA (grondrechten)",
                    "Over de grondrechten van de mensen voor wie het systeem wordt gebruikt. Verplicht voor de "
                    "gemeente bij AI met een hoog risico uit bijlage III (behalve punt 2), vóór het eerste gebruik.",
                    ("27(1)",),
                ),
                Part(
                    "Wat overlapt",
                    "Beide beschrijven het gebruik, de risico's voor mensen en de maatregelen. De FRIA mag "
                    "verwijzen naar delen van de DPIA die dat al doen, of ze overnemen. Een DPIA vervangt de "
                    "FRIA niet.",
                    ("27(4)",),
                ),
                Part(
                    "DPIA (persoonsgegevens)",
                    "Over de verwerking van persoonsgegevens. Verplicht als die waarschijnlijk een hoog risico "
                    "geeft, los van de risicoklasse van de AI-verordening. De gemeente gebruikt hiervoor de "
                    "informatie van de aanbieder.",
                    ("26(9)",),
                    source="artikel 35 AVG",
                ),
                Part(
                    "IAMA als route",
                    "Sinds de update van februari 2026 sluit het IAMA aan op de FRIA, met de vragen van de "
                    "AI-verordening gemarkeerd. Te combineren met de model-DPIA.",
                    ("27",),
                    source="IAMA, update februari 2026",
                    arrow="kan met",
                ),
            ),
        ),
        Diagram(
            name="toezicht-lus",
            title="Menselijk toezicht bij elke uitkomst",
            description=(
                "Een kringloop van vijf stappen: het AI-systeem geeft een uitkomst, een mens beoordeelt die, "
                "besluit of wijkt af, legt vast en meldt wat niet goed gaat. Een pijl van melden terug naar de "
                "uitkomst laat zien dat dit bij elke uitkomst opnieuw gebeurt. Onder de kringloop: wie toezicht "
                "houdt is bekwaam, opgeleid en bevoegd."
            ),
            shape="kringloop",
            parts=(
                Part("1. Uitkomst", "Het AI-systeem geeft een advies, score of signaal.", ("14(1)",)),
                Part(
                    "2. Beoordelen",
                    "Begrijp wat de uitkomst zegt, kijk kritisch en pas op voor te veel vertrouwen (automation bias).",
                    ("14(4)",),
                ),
                Part(
                    "3. Besluiten of afwijken",
                    "Een mens besluit: de uitkomst volgen, negeren of terzijde schuiven, of het systeem stoppen.",
                    ("14(4)",),
                ),
                Part(
                    "4. Vastleggen",
                    "Leg vast wat je besliste en waarom, zeker als je afwijkt. De logs van het systeem "
                    "bewaart de gemeente minstens zes maanden.",
                    ("26(6)",),
                ),
                Part(
                    "5. Melden",
                    "Een risico of ernstig incident? Meld het aan de aanbieder of distributeur en de "
                    "markttoezichtautoriteit, en stop zo nodig het gebruik.",
                    ("26(5)",),
                ),
            ),
            loop_label="volgende uitkomst",
            footer=(
                Part(
                    "Wie houdt toezicht?",
                    "Mensen met de nodige bekwaamheid, opleiding en bevoegdheid, die de gemeente daarvoor aanwijst.",
                    ("26(2)",),
                ),
            ),
        ),
        Diagram(
            name="ap-stappen",
            title="AI-geletterdheid in vier stappen (AP)",
            description=(
                "Een kringloop van vier stappen van de Autoriteit Persoonsgegevens: identificeren, doelen "
                "bepalen, uitvoeren en evalueren. Een pijl van evalueren terug naar identificeren laat zien dat "
                "het een meerjarig plan is. Onder de kringloop: het bestuur is eigenaar en maakt budget vrij."
            ),
            shape="kringloop",
            parts=(
                Part(
                    "1. Identificeren",
                    "Welke AI-systemen gebruikt de gemeente, met welke risico's, en wie werkt ermee?",
                ),
                Part("2. Doelen bepalen", "Doelen per rol, naar het risico van de systemen."),
                Part("3. Uitvoeren", "Trainingen, werkinstructies, afspraken en gesprekken."),
                Part("4. Evalueren", "Werken de maatregelen? Pas het plan aan."),
            ),
            loop_label="volgend jaar",
            footer=(
                Part(
                    "Het bestuur is eigenaar",
                    "College en directie zijn verantwoordelijk en maken budget vrij. De plicht zelf: "
                    "maatregelen om AI-geletterdheid te bevorderen.",
                    ("4",),
                    source="AP",
                ),
            ),
        ),
    )
}
TIMELINE = "tijdlijn"
NAMES = (*DIAGRAMS, TIMELINE)
AP_SOURCE = "Autoriteit Persoonsgegevens, 'AI-geletterdheid: verder bouwen' (oktober 2025)"


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def timeline_diagram(legal: LegalFacts) -> Diagram:
    """The legal dates of docs/wetgeving.yaml in order, from the Catalog."""
    facts = sorted(legal.dates.values(), key=lambda fact: fact.date)
    dates = [dutch_date(fact.date) for fact in facts]
    return Diagram(
        name=TIMELINE,
        title="Tijdlijn van de AI-verordening",
        description=(
            f"Een tijdlijn van boven naar beneden met {len(facts)} datums, van {dates[0]} tot {dates[-1]}"
            + (": " + ", ".join(dict.fromkeys(dates)) + "." if dates else ".")
            + " Bij elke datum staat wat er dan gaat gelden."
        )
        if facts
        else "Een lege tijdlijn.",
        shape="tijdlijn",
        parts=tuple(Part(dutch_date(fact.date), _first_sentence(fact.what), tuple(fact.articles)) for fact in facts),
    )


def diagram_for(name: str, legal: LegalFacts) -> Diagram:
    return timeline_diagram(legal) if name == TIMELINE else DIAGRAMS[name]
