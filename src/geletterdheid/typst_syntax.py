"""Typst text primitives (pure): text that shows as written, string literals, labels, content blocks."""

from __future__ import annotations

import re

#: Characters with a meaning in Typst markup (markup, shorthands, smart quotes, labels, math).
_SPECIAL = re.compile(r"([\\#*_`$<>@=\-+/\[\]~\"'.():])")
_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]")


def escape(text: str) -> str:
    """Text as Typst markup that shows exactly ``text`` (no markup, smart quotes or shorthands)."""
    return _SPECIAL.sub(r"\\\1", text)


def string(text: str) -> str:
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def label_name(element_id: str) -> str:
    """An id as a Typst label name (letters, digits, ``_ . : -``)."""
    return _LABEL_UNSAFE.sub("-", element_id)


def content(markup: str) -> str:
    """Markup as a Typst content block: ``[markup]``."""
    return f"[{markup}]"


def join_blocks(blocks: list[str]) -> str:
    """Blocks of markup separated by blank lines (paragraph breaks); empty blocks left out."""
    return "\n\n".join(block for block in blocks if block.strip())
