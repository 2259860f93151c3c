"""``{diagram} naam``: a named diagram as SVG (in the site inline, in the handbooks an image), with
its text equivalent right below it.

The diagrams are data in ``content/diagrams.py`` (why Python and not YAML: see there); the timeline
is made from the Catalog's legal facts (docs/wetgeving.yaml) when the page is written.

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

import textwrap
from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content.diagrams import AP_SOURCE, NAMES, Diagram, Part, diagram_for
from ..typst_syntax import escape as typst_escape
from ..typst_syntax import string
from .catalog_access import catalog_of
from .html_text import Typography
from .roles import provision_reference
from .typed_warnings import WarningKind, warn

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

TEXT_SUMMARY = "Tekst bij de afbeelding"


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


__all__ = ["diagram", "setup_diagrams", "svg", "text_equivalent"]
