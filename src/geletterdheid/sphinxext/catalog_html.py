"""Parts of a page drawn from the Catalog as HTML (module card, learning path), made when written.

While a page is read, such a part is a single placeholder node. On ``doctree-resolved`` it becomes
raw HTML, now that the builder is known, so links get the builder's own URIs (the one-page HTML of the
PDF handbooks included). As docutils nodes, a learning path of 12 modules was some 350 nodes and a
module card some 40; every Sphinx transform and the writer walked them, which cost 8% of the site
build (counted in instructions with callgrind). Sphinx indexes the text of raw HTML for search.

The texts these parts show (titles, summaries, learning goals) are plain text, not Markdown: the
same texts appear in the curriculum command's output, the CSV and the PDF cover.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..content import Catalog
from .catalog_access import catalog_of
from .html_text import HtmlText

logger = logging.getLogger(__name__)


class catalog_html(nodes.General, nodes.Element):
    """Placeholder: ``renderer`` names the function that writes it, ``args`` are its arguments."""


class Page:
    """What a renderer may use: the Catalog, text escaping and links from the page being written."""

    def __init__(self, app: Sphinx, node: catalog_html) -> None:
        self.catalog: Catalog = catalog_of(app.env)
        self.config = app.config
        self.text = HtmlText(app.config)
        self._app = app
        self._node = node

    def doc_of(self, path: Path) -> str:
        """The docname of a content file (module page, role page)."""
        return self._app.env.path2doc(str(path))

    def site_url(self, path: str) -> str:
        """The URL of a file in the built site (e.g. ``handboeken/x.pdf``), relative to this page."""
        page = self._app.builder.get_target_uri(self._node["docname"])
        return posixpath.relpath(path, posixpath.dirname(page) or ".")

    def doc_link(self, docname: str, title: str) -> str:
        """A link like Sphinx's ``{doc}`` role makes; a missing page is a warning (an error in the build)."""
        if docname not in self._app.env.all_docs:
            logger.warning(
                "pagina '%s' bestaat niet; de link '%s' kan niet worden gemaakt", docname, title, location=self._node
            )
            return self.text(title)
        uri = self._app.builder.get_relative_uri(self._node["docname"], docname)
        return f'<a class="reference internal" href="{escape(uri)}"><span class="doc">{self.text(title)}</span></a>'


Renderer = Callable[..., str]
RENDERERS: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register ``function(page: Page, **args) -> str`` as the writer of placeholders named ``name``."""

    def register(function: Renderer) -> Renderer:
        RENDERERS[name] = function
        return function

    return register


def placeholder(directive: SphinxDirective, renderer_name: str, **args) -> catalog_html:
    """The placeholder for ``directive``'s part; a warning while writing it names the directive's line."""
    node = catalog_html(renderer=renderer_name, docname=directive.env.docname, args=args)
    directive.set_source_info(node)
    return node


def render_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each placeholder by its HTML; builders that do not write HTML leave the part out."""
    for node in list(doctree.findall(catalog_html)):
        if app.builder.format != "html":
            node.parent.remove(node)
            continue
        html = RENDERERS[node["renderer"]](Page(app, node), **node["args"])
        node.replace_self(nodes.raw("", html, format="html"))


def setup(app: Sphinx) -> None:
    app.add_node(catalog_html)
    app.connect("doctree-resolved", render_placeholders)
