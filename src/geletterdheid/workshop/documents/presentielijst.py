"""``presentielijst.pdf``: who was there. The participants given to the kit, or empty rows to fill in;
the header row repeats on every page."""

from __future__ import annotations

from ...content.model import dutch_date
from ...typst_syntax import escape, join_blocks
from ..kit import EMPTY_ROWS, Kit
from .common import gemeente_line, preamble, text

TITLE = "Presentielijst"
#: Empty rows under the participants given, for whoever comes without being on the list.
WALK_IN_ROWS = 5


def presentielijst_source(kit: Kit) -> str:
    """The Typst markup of the attendance list."""
    date = dutch_date(kit.plan.date) if kit.plan.date else None
    if kit.participants:
        rows = [f"{text(p.employee_id)}, {text(p.name)}, {text(p.department)}, []" for p in kit.participants]
        rows += ["[], [], [], []"] * WALK_IN_ROWS
    else:
        rows = ["[], [], [], []"] * EMPTY_ROWS
    blocks = [
        preamble(kit, f"{TITLE}: {kit.title}", f"Presentielijst van de workshop {kit.title}."),
        gemeente_line(kit),
        f"= {TITLE}",
        f"#strong{text(kit.title)}",
        f"#strong[Datum:] {escape(date)}" if date else "#veld[Datum]",
        "#veld[Trainer]",
        escape("Zet je handtekening als je aanwezig was. Staat je naam er niet op? Schrijf hem er dan onderaan bij."),
        "#table(columns: (36mm, 1fr, 36mm, 40mm), rows: (auto, 11mm), align: horizon,\n"
        "  table.header([*Personeelsnummer*], [*Naam*], [*Afdeling*], [*Handtekening*]),\n  "
        + ",\n  ".join(rows)
        + ")",
    ]
    return join_blocks(blocks) + "\n"
