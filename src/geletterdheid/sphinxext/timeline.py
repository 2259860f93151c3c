"""``{tijdlijn}``: the legal dates, fines and terms from docs/wetgeving.yaml as tables.

One ``timeline`` node. When the page is written, each builder's visitor builds the tables as
plain docutils nodes and lets the builder's own translator write them: the tables look like every
other table of the site (or handbook), and "geldt al / komt nog" is judged on the day of the build.
"""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from ..content.model import LegalFacts, dutch_date
from .catalog_access import catalog_of
from .html_text import Typography
from .roles import provision_reference


class timeline(nodes.General, nodes.Element):
    """No attributes: the Catalog's legal facts."""


class TimelineDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = timeline()
        self.set_source_info(node)
        return [node]


Cell = str | nodes.paragraph


def _sources(references: list[str]) -> nodes.paragraph:
    para = nodes.paragraph()
    for index, reference in enumerate(references):
        if index:
            para += nodes.Text(", ")
        para += provision_reference(reference)
    return para


def _table(headers: list[str], rows: list[list[Cell]], widths: list[int], text: Typography) -> nodes.table:
    table = nodes.table(classes=["gl-tijdlijn"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head_row = nodes.row()
    for header in headers:
        head_row += nodes.entry("", nodes.paragraph("", header))
    group += nodes.thead("", head_row)
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", cell if isinstance(cell, nodes.paragraph) else nodes.paragraph("", text(cell)))
        body += row
    group += body
    return table


def timeline_nodes(legal: LegalFacts, today: dt.date, text: Typography) -> list[nodes.Element]:
    """Dates in order, marking what already applies on ``today``; then fines and terms."""
    rows: list[list[Cell]] = []
    for fact in sorted(legal.dates.values(), key=lambda fact: fact.date):
        rows.append(
            [
                nodes.paragraph("", "", nodes.strong("", dutch_date(fact.date))),
                fact.what,
                "geldt al" if fact.date <= today else "komt nog",
                _sources(fact.articles),
            ]
        )
    result: list[nodes.Element] = [
        _table(["Datum", "Wat gaat er gelden", "Stand", "Artikel"], rows, [14, 56, 10, 20], text)
    ]
    if legal.amounts:
        fines: list[list[Cell]] = [[a.what, a.amount, _sources(a.articles)] for a in legal.amounts.values()]
        result += [
            nodes.rubric("", "Maximale boetes"),
            _table(["Overtreding", "Maximaal", "Artikel"], fines, [50, 30, 20], text),
        ]
    if legal.terms:
        terms: list[list[Cell]] = [[t.what, t.value, _sources(t.articles)] for t in legal.terms.values()]
        result += [nodes.rubric("", "Termijnen"), _table(["Termijn", "Waarde", "Artikel"], terms, [50, 30, 20], text)]
    return result


def visit_timeline(self: SphinxTranslator, node: timeline) -> None:
    """For every builder: write the tables with the builder's own translator."""
    legal = catalog_of(self.builder.env).legal
    for part in timeline_nodes(legal, dt.date.today(), Typography(self.config)):
        if node.document is not None:
            part.document = node.document
        part.parent = node
        part.walkabout(self)
    raise nodes.SkipNode


def setup_timeline(app: Sphinx) -> None:
    handler = (visit_timeline, None)
    app.add_node(timeline, html=handler, text=handler, typst=handler)
    app.add_directive("tijdlijn", TimelineDirective)
