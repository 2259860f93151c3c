"""Which modules are due for a legal review: checked (``laatst_gecontroleerd``) before the law last changed.

The last change of the law is data, not code: the newest date in docs/wetgeving.yaml marked
``wijzigt_tekst: true`` (today the Digital Omnibus, ``omnibus-in-werking``). ``check`` shows a
module checked before it as "Let op" (the build goes on), ``geletterdheid review`` lists them all,
oldest first. A date in the future is an error of the loader (load.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem
from .body_check import located
from .model import Catalog, dutch_date

_LAST_CHECKED = re.compile(r"^laatst_gecontroleerd\s*:")


@dataclass(frozen=True)
class DueReview:
    module_id: str
    title: str
    last_checked: dt.date
    reason: str
    path: Path
    line: int


def _line_of_date(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((index + 1 for index, line in enumerate(lines) if _LAST_CHECKED.match(line)), 1)


def reviews_due(catalog: Catalog) -> list[DueReview]:
    """The modules checked before the last change of the law's text, oldest check first."""
    change = catalog.legal.last_text_change()
    if change is None:
        return []
    key, entry = change
    due = []
    for module_id, module in catalog.modules.items():
        if module.last_checked >= entry.date:
            continue
        path = catalog.module_paths[module_id]
        reason = (
            f"gecontroleerd vóór de wijziging van de wet op {dutch_date(entry.date)} ({key} in docs/wetgeving.yaml)"
        )
        due.append(DueReview(module_id, module.title, module.last_checked, reason, path, _line_of_date(path)))
    return sorted(due, key=lambda item: (item.last_checked, item.module_id))


def review_notes(catalog: Catalog) -> list[Problem]:
    """One "controleer opnieuw" note per module due, at its ``laatst_gecontroleerd`` line."""
    notes = [
        Problem(
            item.path,
            item.line,
            f"laatst_gecontroleerd {item.last_checked.isoformat()}: {item.reason}; controleer opnieuw "
            "en zet daarna de datum van vandaag",
        )
        for item in reviews_due(catalog)
    ]
    return located(catalog.root, notes)
