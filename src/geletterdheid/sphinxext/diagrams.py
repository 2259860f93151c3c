"""``{diagram} naam``: a named diagram as SVG (in the site inline, in the handbooks an image), with
its text equivalent right below it.

The diagrams are data in this module (``DIAGRAMS``), not YAML files: the extension does not parse
YAML itself (ARCHITECTURE.md), the shapes are few and fixed, and the one diagram whose content
changes with the law, the timeline, is made from the Catalog's legal facts (docs/wetgeving.yaml) when
the page is written, so its dates are never written twice.

One renderer draws every diagram as boxes from top to bottom: a vertical layout that stays readable
at 320 px (the SVG scales; the smallest text is 24 units in a 520-unit-wide picture, so at least
12 px on a 260 px wide column). Text stays text (``<text>``, never paths). Colours are presentation
attributes (what the handbooks' SVG renderer uses) and classes, which the site's CSS overrides
through custom properties for the dark theme. In HTML the SVG is ``role="img"`` with ``<title>`` and
``<desc>`` (``aria-labelledby``); in the handbooks the image has the same text as ``alt``. The text
equivalent (a list, each legal element with its provision) sits in a ``<details>`` "Tekst bij de
afbeelding" on the site and is printed in full in the handbooks.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Literal

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content.model import LegalFacts, dutch_date
from ..typst_syntax import escape as typst_escape
from ..typst_syntax import string
from .catalog_access import catalog_of
from .html_text import Typography
from .roles import provision_reference
from .typed_warnings import WarningKind, warn

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

Shape = Literal["piramide", "stappen", "kringloop", "blokken", "tijdlijn"]
TEXT_SUMMARY = "Tekst bij de afbeelding"


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


# -- the SVG ----------------------------------------------------------------------------------------

WIDTH = 520
PAD = 12
LABEL_SIZE = 26
DETAIL_SIZE = 24
LINE = 1.3
GAP = 44  # room for an arrow between two boxes
#: (light fill, dark fill) per box, by position; text is #1b1b1b on light, #f4f4f4 on dark (>= 9:1).
PALETTE = (
    ("#fde2e2", "#5c2323"),
    ("#fdebd3", "#5a3b14"),
    ("#fbf3c4", "#4d4511"),
    ("#dcf2dd", "#1f4a25"),
    ("#dde9f8", "#1c3a5e"),
    ("#ece3f7", "#3f2c5c"),
)
INK = "#1b1b1b"
LINES = "#4a4a4a"


def _wrap(text: str, width: float, size: int) -> list[str]:
    chars = max(8, int(width / (size * 0.56)))
    return textwrap.wrap(text, chars) or [""]


class _Svg:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.y: float = PAD

    def text(self, x: float, lines: list[str], size: int, bold: bool = False, anchor: str = "start") -> None:
        weight = ' font-weight="bold"' if bold else ""
        for line in lines:
            self.y += size * LINE
            self.parts.append(
                f'<text class="gl-d-tekst" x="{x:.0f}" y="{self.y - size * 0.3:.0f}" font-size="{size}"'
                f'{weight} text-anchor="{anchor}" fill="{INK}">{escape(line)}</text>'
            )

    def box(self, index: int, x: float, width: float, part: Part, centred: bool = False) -> None:
        inner = width - 2 * PAD
        labels = _wrap(part.label, inner, LABEL_SIZE)
        details = _wrap(part.detail, inner, DETAIL_SIZE) if part.detail else []
        height = (len(labels) * LABEL_SIZE + len(details) * DETAIL_SIZE) * LINE + 2 * PAD
        light = PALETTE[index % len(PALETTE)][0]
        self.parts.append(
            f'<rect class="gl-d-vak gl-d-vak-{index % len(PALETTE)}" x="{x:.0f}" y="{self.y:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" rx="8" fill="{light}" stroke="{LINES}" stroke-width="2"/>'
        )
        top = self.y
        self.y += PAD
        tx, anchor = (x + width / 2, "middle") if centred else (x + PAD, "start")
        self.text(tx, labels, LABEL_SIZE, bold=True, anchor=anchor)
        self.text(tx, details, DETAIL_SIZE, anchor=anchor)
        self.y = top + height

    def arrow(self, x: float, label: str = "") -> None:
        top, bottom = self.y + 4, self.y + GAP - 4
        self.parts.append(
            f'<path class="gl-d-lijn" d="M{x:.0f} {top:.0f} V{bottom - 10:.0f}" stroke="{LINES}" stroke-width="3" '
            f'fill="none"/><path class="gl-d-punt" d="M{x - 9:.0f} {bottom - 12:.0f} L{x:.0f} {bottom:.0f} '
            f'L{x + 9:.0f} {bottom - 12:.0f} Z" fill="{LINES}"/>'
        )
        if label:
            self.parts.append(
                f'<text class="gl-d-tekst" x="{x + 16:.0f}" y="{self.y + GAP / 2 + 8:.0f}" font-size="{DETAIL_SIZE}" '
                f'font-style="italic" fill="{INK}">{escape(label)}</text>'
            )
        self.y += GAP


def svg(diagram: Diagram, ids: tuple[str, str] | None = None) -> str:
    """The diagram as an SVG document; ``ids`` (title, desc) make it ``role="img"`` for inline HTML."""
    out = _Svg()
    parts = diagram.parts
    if diagram.shape == "piramide":
        for index, part in enumerate(parts):
            share = 0.55 + 0.45 * index / max(1, len(parts) - 1)
            width = (WIDTH - 2 * PAD) * share
            out.box(index, (WIDTH - width) / 2, width, part, centred=True)
            out.y += 6
    elif diagram.shape == "tijdlijn":
        top = out.y
        for index, part in enumerate(parts):
            dot = out.y + LABEL_SIZE * 0.8
            out.parts.append(f'<circle class="gl-d-punt" cx="{PAD + 14}" cy="{dot:.0f}" r="9" fill="{LINES}"/>')
            out.text(PAD + 40, [part.label], LABEL_SIZE, bold=True)
            out.text(PAD + 40, _wrap(part.detail, WIDTH - PAD * 2 - 40, DETAIL_SIZE), DETAIL_SIZE)
            out.y += 18 if index < len(parts) - 1 else 0
        out.parts.insert(
            0,
            f'<path class="gl-d-lijn" d="M{PAD + 14} {top + 10:.0f} V{out.y:.0f}" stroke="{LINES}" stroke-width="3"/>',
        )
    else:
        loop = diagram.shape == "kringloop"
        width = WIDTH - 2 * PAD - (48 if loop else 0)
        centre = PAD + width / 2
        first_top = out.y
        last_middle = out.y
        for index, part in enumerate(parts):
            if index:
                out.arrow(centre, part.arrow if diagram.shape != "blokken" or part.arrow else "")
            top = out.y
            out.box(index, PAD, width, part)
            last_middle = (top + out.y) / 2
            if index == 0:
                first_top = top
        if loop:
            side = PAD + width + 30
            right = PAD + width
            out.parts.append(
                f'<path class="gl-d-lijn" d="M{right + 4:.0f} {last_middle:.0f} H{side:.0f} V{first_top + 30:.0f} '
                f'H{right + 16:.0f}" stroke="{LINES}" stroke-width="3" fill="none"/>'
                f'<path class="gl-d-punt" d="M{right + 16:.0f} {first_top + 21:.0f} L{right + 4:.0f} '
                f'{first_top + 30:.0f} L{right + 16:.0f} {first_top + 39:.0f} Z" fill="{LINES}"/>'
            )
            if diagram.loop_label:
                out.y += 8
                out.text(WIDTH - PAD, [f"↑ {diagram.loop_label}"], DETAIL_SIZE, anchor="end")
        for offset, part in enumerate(diagram.footer):
            out.y += 24
            out.box(len(parts) + offset, PAD, WIDTH - 2 * PAD, part)
    height = out.y + PAD
    if ids:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="gl-diagram-svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'role="img" aria-labelledby="{ids[0]} {ids[1]}" font-family="sans-serif">'
            f'<title id="{ids[0]}">{escape(diagram.title)}</title>'
            f'<desc id="{ids[1]}">{escape(diagram.description)}</desc>'
        )
    else:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" font-family="sans-serif"><title>{escape(diagram.title)}</title>'
            f"<desc>{escape(diagram.description)}</desc>"
        )
    return head + "".join(out.parts) + "</svg>"


# -- the text equivalent ----------------------------------------------------------------------------


def _sources(part: Part, text: Typography) -> list[nodes.Node]:
    cited: list[nodes.Node] = []
    for reference in part.provisions:
        if cited:
            cited.append(nodes.Text(", "))
        cited.append(provision_reference(reference))
    if part.source:
        if cited:
            cited.append(nodes.Text("; "))
        cited.append(nodes.Text(text(AP_SOURCE if part.source == "AP" else part.source)))
    return [nodes.Text(" ("), *cited, nodes.Text(")")] if cited else []


def text_equivalent(diagram: Diagram, text: Typography) -> nodes.bullet_list:
    """The same content as a list: each part with its label, detail and provisions."""
    items = nodes.bullet_list(classes=["gl-diagram-lijst"])
    for part in (*diagram.parts, *diagram.footer):
        para = nodes.paragraph()
        label = part.label if part.label.endswith(("?", ".")) else part.label + "."
        para += nodes.strong("", text(label))
        if part.detail:
            para += nodes.Text(" " + text(part.detail))
        para += _sources(part, text)
        items += nodes.list_item("", para)
    if diagram.loop_label:
        items += nodes.list_item("", nodes.paragraph("", text(f"Daarna weer stap 1 ({diagram.loop_label}).")))
    return items


# -- node, directive, visitors ----------------------------------------------------------------------


class diagram(nodes.General, nodes.Element):
    """``name``: a key of DIAGRAMS or ``tijdlijn``; ``serial``: unique on the page (for the ids)."""


class DiagramDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0].strip()
        if name not in NAMES:
            warn(
                WarningKind.DIAGRAM,
                f"diagram '{name}' bestaat niet; kies uit: {', '.join(NAMES)}",
                self.get_location(),
            )
            return []
        node = diagram(name=name, serial=str(self.env.new_serialno("gl-diagram")))
        self.set_source_info(node)
        return [node]


def _diagram_of(self: SphinxTranslator, node: diagram) -> Diagram:
    return diagram_for(node["name"], catalog_of(self.builder.env).legal)


def _walk(self: SphinxTranslator, node: diagram, part: nodes.Element) -> None:
    if node.document is not None:
        part.document = node.document
    part.parent = node
    part.walkabout(self)


def visit_diagram_html(self: HTML5Translator, node: diagram) -> None:
    shown = _diagram_of(self, node)
    base = f"gl-diagram-{shown.name}-{node['serial']}"
    ids = (f"{base}-titel", f"{base}-uitleg")
    self.body.append(
        f'<figure class="gl-diagram" id="{base}">{svg(shown, ids)}'
        f"<figcaption>{escape(shown.title)}</figcaption></figure>\n"
        f'<details class="gl-diagram-tekst"><summary>{TEXT_SUMMARY}</summary>\n'
    )
    _walk(self, node, text_equivalent(shown, Typography(self.config)))
    self.body.append("</details>\n")
    raise nodes.SkipNode


def visit_diagram_text(self: TextTranslator, node: diagram) -> None:
    shown = _diagram_of(self, node)
    self.new_state(0)
    self.add_text(f"{shown.title}. {shown.description}")
    self.end_state()
    _walk(self, node, text_equivalent(shown, Typography(self.config)))
    raise nodes.SkipNode


def visit_diagram_typst(self: TypstWriter, node: diagram) -> None:
    shown = diagram_for(node["name"], self.catalog.legal)
    path = self.add_asset(svg(shown).encode("utf-8"), "svg")
    alt = f"{shown.title}. {shown.description}"
    self.add_block(f"#gl-afbeelding(image({string(path)}, alt: {string(alt)}, width: 60%))")
    self.add_block(f"#strong[{typst_escape(TEXT_SUMMARY)}]")
    _walk(self, node, text_equivalent(shown, Typography(self.config)))  # type: ignore[arg-type]
    raise nodes.SkipNode


def setup_diagrams(app: Sphinx) -> None:
    app.add_node(
        diagram,
        html=(visit_diagram_html, None),
        text=(visit_diagram_text, None),
        typst=(visit_diagram_typst, None),
    )
    app.add_directive("diagram", DiagramDirective)


__all__ = [
    "DIAGRAMS",
    "NAMES",
    "Diagram",
    "Part",
    "diagram",
    "diagram_for",
    "setup_diagrams",
    "svg",
    "timeline_diagram",
]
