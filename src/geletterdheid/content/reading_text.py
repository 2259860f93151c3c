"""Quiz texts (casus, uitleg) as plain text, for what is not made by Sphinx: the toets API (the
browser shows it as text) and the workshop's printed forms and answer key.

Authors may write a little MyST in a casus or uitleg: a role (``{wet}`key``` shows a date or amount
from docs/wetgeving.yaml with the article it comes from, ``{artikel}`4``` an article), a link or
emphasis. The site renders those with Sphinx; elsewhere this writes what a reader would see. Pure.
"""

from __future__ import annotations

import re

from .model import LegalFacts

_ROLE = re.compile(r"\{(\w+)\}`([^`]*)`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(\S(?:.*?\S)?)\1")
_BLANK_LINE = re.compile(r"\n\s*\n")


def plain_text(text: str, legal: LegalFacts) -> str:
    """The text as a reader sees it; paragraphs stay apart by a blank line."""

    def role(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2).strip()
        if name == "wet":
            return legal.cited_text(value) or value  # the loader checked every key
        return value.split("<")[0].strip() if "<" in value else value

    text = _ROLE.sub(role, text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return "\n\n".join(" ".join(block.split()) for block in _BLANK_LINE.split(text.strip()))
