"""Dutch words the outputs share: level labels, counted nouns, lists of names."""

from __future__ import annotations

LEVEL_LABELS = {"bewust": "Bewust", "bekwaam": "Bekwaam", "vloeiend": "Vloeiend", "expert": "Expert"}


def count(number: int, singular: str, plural: str) -> str:
    """'1 module', '3 modules'."""
    return f"{number} {singular if number == 1 else plural}"
