"""Text that ``geletterdheid new`` wrote for the author to replace: ``INVULLEN: ...``.

The skeleton of a new module passes ``check`` as written (so an author can preview it at once), but
its placeholders must not go live unnoticed: ``check`` and ``build`` name every line that still
holds one, as "Let op".
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from .body_check import located
from .model import Catalog

#: The word every placeholder of the skeleton starts with.
MARK = "INVULLEN"


def _lines_with_mark(path: Path) -> list[int]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [index + 1 for index, line in enumerate(lines) if MARK in line and not _comment(line)]


def _comment(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("#", "%"))


def placeholders_left(catalog: Catalog) -> list[Problem]:
    """A note for every line of a module or quiz that still holds a placeholder of ``geletterdheid new``."""
    notes = [
        Problem(path, line, f"nog in te vullen ({MARK}): vervang deze voorbeeldtekst van 'geletterdheid new'")
        for path in [*catalog.module_paths.values(), *catalog.quiz_paths.values()]
        for line in _lines_with_mark(path)
    ]
    return located(catalog.root, notes)
