"""What a component's Typst visitor may ask of the handbooks' translator (``handbook.translator``).

The components' visitors run as methods of the handbook's ``TypstTranslator``. This protocol is
the contract between the two packages, so the extension does not import the handbook code.
"""

from __future__ import annotations

from typing import Protocol

from docutils import nodes
from sphinx.builders import Builder
from sphinx.config import Config

from ..content import Catalog


class TypstWriter(Protocol):
    builder: Builder
    config: Config
    #: The trainer edition: answers and explanations are shown.
    with_answers: bool
    #: The module being written; labels in it are prefixed with it (``m01.vraag-m01-q01``).
    module_id: str
    catalog: Catalog

    def blocks_of(self, node: nodes.Node) -> str:
        """The block markup of ``node``'s children, joined by blank lines."""

    def inline_of(self, node: nodes.Node) -> str:
        """The inline markup of ``node``'s children."""

    def add_asset(self, data: bytes, extension: str) -> str:
        """Store an image (named by its hash); its path for ``image("...")``."""

    def add_block(self, markup: str) -> None:
        """Append one block to the module's markup."""
