"""Typed warnings: every warning the extension emits has type ``geletterdheid`` and a subtype per kind.

An editor sees which kind fired (``[geletterdheid.artikel]`` at the end of the line, as Sphinx
shows typed warnings) and a site can silence one kind in conf.py, for example
``suppress_warnings = ["geletterdheid.link"]``. Modelled on MyST-Parser's ``warnings_.py``.
"""

from __future__ import annotations

from enum import Enum

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger("geletterdheid")

WARNING_TYPE = "geletterdheid"


class WarningKind(Enum):
    """The subtypes; the value is what ``suppress_warnings`` names after ``geletterdheid.``."""

    CONTENT = "inhoud"  # the content files have problems (geletterdheid check)
    ARTICLE = "artikel"  # an {artikel} reference to a provision that does not exist
    LEGAL_FACT = "wet"  # an unknown {wet} key
    MODULE = "module"  # a module part on a page that belongs to no module, or an unknown module id
    TOPIC = "onderwerp"  # an unknown topic id
    ROLE = "rol"  # an unknown role id
    LINK = "link"  # a link to a page that is not in the build
    IMAGE = "afbeelding"  # an image without alternative text
    DIAGRAM = "diagram"  # an unknown diagram name
    NODE = "onderdeel"  # a document part the handbook cannot print
    CASE = "casus"  # a {beslisboom-casus} whose expected outcome the decision tree does not give


def warn(kind: WarningKind, message: str, location: nodes.Node | tuple[str, int | None] | str | None) -> None:
    """Log ``message`` (Dutch) as a typed warning at ``location``: a node, ``(docname, line)`` or a docname."""
    logger.warning(message, type=WARNING_TYPE, subtype=kind.value, location=location)
