"""Write a kit's files into its folder: everything is made in memory first, then each file is
replaced atomically and privately (0600: score sheets and attendance lists hold names), so a
failure leaves no half-written kit file behind."""

from __future__ import annotations

from pathlib import Path

from ..records.errors import RecordsError
from ..reports.spreadsheet import replaced_atomically
from .documents import kit_documents
from .documents.common import DRAAIBOEK, SCORESHEET, SLIDES
from .kit import Kit
from .scoresheet import scoresheet_xlsx
from .slides import slides_pptx


def kit_files(kit: Kit) -> dict[str, bytes]:
    """File name -> contents, in the order a trainer reads the folder: plan, slides, forms, key, sheets."""
    documents = kit_documents(kit)
    return {
        DRAAIBOEK: documents.pop(DRAAIBOEK),
        SLIDES: slides_pptx(kit),
        **documents,
        SCORESHEET: scoresheet_xlsx(kit),
    }


def write_kit(kit: Kit, out: Path) -> list[Path]:
    made = kit_files(kit)
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
