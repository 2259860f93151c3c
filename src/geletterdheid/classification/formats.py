"""The views of ``geletterdheid classificeer``: a Dutch text table, or JSON for other tools. Pure."""

from __future__ import annotations

import datetime as dt
import json

from ..content.model import dutch_date
from .outcome import Outcome

RISK_CLASS_NL = {
    "geen-ai": "geen AI-systeem",
    "verboden": "verboden",
    "hoog-risico": "hoog risico",
    "minimaal": "geen hoog risico",
}
FORMATS = ("text", "json")

Classified = list[tuple[str, str, Outcome]]  # (id, naam, outcome)


def start_text(starts: dt.date | None) -> str:
    """'vanaf 2 december 2027', or 'startdatum staat nog niet vast' (the site's beslishulp says it the same)."""
    return f"vanaf {dutch_date(starts)}" if starts is not None else "startdatum staat nog niet vast"


def as_json(classified: Classified) -> str:
    rows = [
        {
            "id": system_id,
            "risicoklasse": outcome.risk_class,
            "transparantie": list(outcome.transparency),
            "rol": outcome.role,
            "plichten": [
                {
                    "artikel": duty.article,
                    "omschrijving": duty.description,
                    "vanaf": duty.starts.isoformat() if duty.starts is not None else None,
                }
                for duty in outcome.duties
            ],
        }
        for system_id, _, outcome in classified
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def as_text(classified: Classified, source: str) -> str:
    header = ("id", "risicoklasse", "rol", "transparantie")
    rows = [
        (
            system_id,
            RISK_CLASS_NL[outcome.risk_class],
            outcome.role or "-",
            ", ".join(f"artikel {item}" for item in outcome.transparency) or "-",
        )
        for system_id, _, outcome in classified
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    out = [f"AI-register: {source}", "", line(header), line(tuple("-" * width for width in widths))]
    out.extend(line(row) for row in rows)
    for system_id, name, outcome in classified:
        out += ["", f"{system_id} ({name}): {RISK_CLASS_NL[outcome.risk_class]}"]
        route = " > ".join(
            f"{step.node}: {step.answer}" if step.answer is not None else step.node
            for step in outcome.path
            if step.kind != "transparantie" or step.answer == "ja"
        )
        out.append(f"  Route: {route}")
        if not outcome.duties:
            out.append("  Geen plichten uit de AI-verordening.")
        for duty in outcome.duties:
            out.append(f"  - artikel {duty.article} ({start_text(duty.starts)}): {duty.description}")
            if duty.unsettled:
                out.append(f"    Let op: {duty.unsettled}")
    out += ["", "Dit is een hulpmiddel, geen juridisch advies."]
    return "\n".join(out) + "\n"
