"""The ``{tijdlijn}`` directive: the legal dates and fines from docs/wetgeving.yaml as a page."""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..content.model import dutch_date
from .catalog_access import catalog_of
from .roles import provision_reference


def _sources(references: list[str]) -> nodes.paragraph:
    para = nodes.paragraph()
    for index, reference in enumerate(references):
        if index:
            para += nodes.Text(", ")
        para += provision_reference(reference)
    return para


def _table(headers: list[str], rows: list[list[nodes.Node]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["gl-tijdlijn"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph("", header))
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += (
                cell
                if isinstance(cell, nodes.Element) and not isinstance(cell, nodes.Text)
                else nodes.paragraph("", str(cell))
            )
            row += entry
        body += row
    group += body
    return table


class TimelineDirective(SphinxDirective):
    """Dates in order, marking what already applies on the build date; then fines and terms."""

    def run(self) -> list[nodes.Node]:
        legal = catalog_of(self.env).legal
        today = dt.date.today()
        rows = []
        for fact in sorted(legal.dates.values(), key=lambda fact: fact.date):
            status = "geldt al" if fact.date <= today else "komt nog"
            rows.append(
                [
                    nodes.paragraph("", "", nodes.strong("", dutch_date(fact.date))),
                    nodes.paragraph("", fact.what),
                    nodes.paragraph("", status),
                    _sources(fact.articles),
                ]
            )
        result: list[nodes.Node] = [_table(["Datum", "Wat gaat er gelden", "Stand", "Artikel"], rows, [14, 56, 10, 20])]
        if legal.amounts:
            result.append(nodes.rubric("", "Maximale boetes"))
            result.append(
                _table(
                    ["Overtreding", "Maximaal", "Artikel"],
                    [
                        [nodes.paragraph("", a.what), nodes.paragraph("", a.amount), _sources(a.articles)]
                        for a in legal.amounts.values()
                    ],
                    [50, 30, 20],
                )
            )
        if legal.terms:
            result.append(nodes.rubric("", "Termijnen"))
            result.append(
                _table(
                    ["Termijn", "Waarde", "Artikel"],
                    [
                        [nodes.paragraph("", t.what), nodes.paragraph("", t.value), _sources(t.articles)]
                        for t in legal.terms.values()
                    ],
                    [50, 30, 20],
                )
            )
        return result
