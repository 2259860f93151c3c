"""The dossier's charts as accessible SVG text, for the page and (as images with alt text) the PDF. Pure.

Each chart is ``role="img"`` with a ``<title>`` and a ``<desc>`` that says the figures in words; the
page and the PDF put a table with the same figures beside it (the text alternative). Nothing is
loaded from elsewhere: no fonts, no scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

#: Colours with at least 3:1 against white (WCAG 1.4.11) for bars, 4.5:1 for text.
BAR = "#154273"
AXIS = "#4a4a4a"
TEXT = "#1a1a1a"


@dataclass(frozen=True)
class Chart:
    """An SVG chart: ``svg`` is the markup, ``title`` and ``description`` its text alternative."""

    id: str
    title: str
    description: str
    svg: str


def percent_text(value: float | None) -> str:
    """12.5 -> '12,5%'; None -> 'geen gegevens'."""
    return "geen gegevens" if value is None else f"{value:.1f}%".replace(".", ",")


def _open(chart_id: str, title: str, description: str, width: int, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{chart_id}-titel {chart_id}-beschrijving" '
        f'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="13">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-beschrijving">{escape(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    )


def columns(chart_id: str, title: str, points: Sequence[tuple[str, float | None]]) -> Chart:
    """A column per point (a month): its percentage, 0 to 100."""
    description = (
        "Percentage per maand: " + "; ".join(f"{label} {percent_text(value)}" for label, value in points) + "."
        if points
        else "Geen gegevens in deze periode."
    )
    left, top, plot_height, step = 44, 16, 180, 52
    width = left + max(1, len(points)) * step + 12
    height = top + plot_height + 50
    parts = [_open(chart_id, title, description, width, height)]
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_height - plot_height * tick / 100
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 8}" y2="{y:.1f}" stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{TEXT}">{tick}%</text>'
        )
    for index, (label, value) in enumerate(points):
        x = left + index * step + 10
        bar = plot_height * (value or 0) / 100
        y = top + plot_height - bar
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{step - 20}" height="{bar:.1f}" fill="{BAR}"/>')
        # "nov 2026" on two lines, so the labels of twelve months never run into each other
        centre = x + (step - 20) / 2
        lines = label.split(" ", 1)
        parts.append(
            f'<text x="{centre:.1f}" y="{top + plot_height + 18}" text-anchor="middle" fill="{TEXT}">'
            + "".join(
                f'<tspan x="{centre:.1f}" dy="{0 if number == 0 else 15}">{escape(line)}</tspan>'
                for number, line in enumerate(lines)
            )
            + "</text>"
        )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - 8}" y2="{top + plot_height}" '
        f'stroke="{AXIS}" stroke-width="1.5"/></svg>'
    )
    return Chart(chart_id, title, description, "".join(parts))


def bars(chart_id: str, title: str, rows: Sequence[tuple[str, float | None]]) -> Chart:
    """A horizontal bar per row (a department or role): its percentage, 0 to 100."""
    description = (
        "Percentage per groep: " + "; ".join(f"{label} {percent_text(value)}" for label, value in rows) + "."
        if rows
        else "Geen gegevens."
    )
    label_width, plot_width, row_height, top = 210, 300, 26, 8
    width = label_width + plot_width + 70
    height = top + max(1, len(rows)) * row_height + 10
    parts = [_open(chart_id, title, description, width, height)]
    for index, (label, value) in enumerate(rows):
        y = top + index * row_height
        shown = label if len(label) <= 30 else label[:29] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT}">{escape(shown)}</text>')
        bar = plot_width * (value or 0) / 100
        parts.append(f'<rect x="{label_width}" y="{y + 4}" width="{bar:.1f}" height="{row_height - 8}" fill="{BAR}"/>')
        parts.append(
            f'<text x="{label_width + bar + 6:.1f}" y="{y + 17}" fill="{TEXT}">{escape(percent_text(value))}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="{top}" x2="{label_width}" y2="{height - 6}" stroke="{AXIS}" '
        'stroke-width="1.5"/></svg>'
    )
    return Chart(chart_id, title, description, "".join(parts))
