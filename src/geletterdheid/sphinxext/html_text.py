"""Plain text from the Catalog with the typography Sphinx gives the rest of the page.

Sphinx's SmartQuotes transform only sees text nodes. Parts written from the Catalog by a visitor
(the quiz, the module card, the learning path) apply it themselves: “Dutch quotes”, dashes and
ellipses, in the site and in the handbooks alike.
"""

from __future__ import annotations

import re
from html import escape

from docutils.utils.smartquotes import smartyPants
from sphinx.config import Config

_TYPOGRAPHY = re.compile(r"['\"]|--|\.\.\.")  # what SmartQuotes changes: quotes, dashes, ellipses


def attributes(attrs: dict[str, str | None]) -> str:
    """' name="value"' for every attribute that has a value, escaped."""
    return "".join(f' {name}="{escape(value)}"' for name, value in attrs.items() if value is not None)


class Typography:
    """SmartQuotes as conf.py sets it (``smartquotes``, ``smartquotes_action``, ``language``)."""

    def __init__(self, config: Config) -> None:
        self.language = (config.language or "en") if config.smartquotes else ""
        self.action = config.smartquotes_action

    def __call__(self, text: str) -> str:
        if self.language and _TYPOGRAPHY.search(text):  # smartyPants is slow; most texts need nothing
            return smartyPants(text, self.action, self.language)
        return text


class HtmlText(Typography):
    """Plain text as HTML: typography, then escaped."""

    def __call__(self, text: str) -> str:
        return escape(super().__call__(text), quote=False)
