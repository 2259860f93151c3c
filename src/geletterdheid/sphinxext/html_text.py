"""Plain text from the Catalog as HTML, with the typography Sphinx gives the rest of the page.

Sphinx's SmartQuotes transform skips raw HTML, so parts written as raw HTML (the quiz, the
module card, the learning path) apply it themselves: “Dutch quotes”, dashes and ellipses.
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


class HtmlText:
    def __init__(self, config: Config) -> None:
        self.language = config.smartquotes and (config.language or "en")
        self.action = config.smartquotes_action

    def __call__(self, text: str) -> str:
        if self.language and _TYPOGRAPHY.search(text):  # smartyPants is slow; most texts need nothing
            text = smartyPants(text, self.action, self.language)
        return escape(text, quote=False)
