"""Links written by the HTML visitors of the components, as Sphinx's ``{doc}`` role makes them.

The components are written when the page is written, so a link gets the builder's own URI for
the page being written (correct from every folder depth). A link to a page that is not in the
build is a typed warning at the component's source line, and the words stay as plain text.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from .html_text import HtmlText
from .typed_warnings import WarningKind, warn


def docname_of(translator: HTML5Translator, path: Path) -> str:
    """The docname of a content file (module page, role page); its path without suffix if not a document."""
    return translator.builder.env.path2doc(str(path)) or Path(path).with_suffix("").as_posix()


def doc_link(translator: HTML5Translator, node: nodes.Node, docname: str, title: str) -> str:
    """``<a>`` to ``docname`` from the page being written, with ``title`` as its text."""
    text = HtmlText(translator.config)(title)
    if docname not in translator.builder.env.all_docs:
        warn(WarningKind.LINK, f"pagina '{docname}' bestaat niet; de link '{title}' kan niet worden gemaakt", node)
        return text
    uri = translator.builder.get_relative_uri(translator.builder.current_docname, docname)
    return f'<a class="reference internal" href="{escape(uri)}"><span class="doc">{text}</span></a>'


def site_url(translator: HTML5Translator, path: str) -> str:
    """The URL of a file in the built site (e.g. ``handboeken/x.pdf``), relative to the page being written."""
    page = translator.builder.get_target_uri(translator.builder.current_docname)
    return posixpath.relpath(path, posixpath.dirname(page) or ".")
