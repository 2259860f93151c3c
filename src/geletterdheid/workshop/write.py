"""Write a kit's files into its folder: everything is made in memory first, then each file is
replaced atomically and privately (0600: score sheets and attendance lists hold names), so a
failure leaves no half-written kit file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..records.errors import RecordsError
from ..reports.spreadsheet import replaced_atomically
from .kit import Kit
from .scoresheet import scoresheet_xlsx
from .slides import slides_pptx

SLIDES = "dia's.pptx"
SCORESHEET = "scoreblad.xlsx"


def kit_files(kit: Kit) -> dict[str, Callable[[], bytes]]:
    """File name -> how to make it, in the order a trainer reads the folder."""
    return {
        SLIDES: lambda: slides_pptx(kit),
        SCORESHEET: lambda: scoresheet_xlsx(kit),
    }


def write_kit(kit: Kit, out: Path) -> list[Path]:
    made = {name: make() for name, make in kit_files(kit).items()}
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RecordsError(f"{out}: kan de map niet maken ({exc.strerror})") from None
    written = []
    for name, data in made.items():
        path = out / name
        with replaced_atomically(path) as temp:
            temp.write_bytes(data)
        written.append(path)
    return written
