"""The base of the directives that show an object of the Catalog (module, topic, role)."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..content import Module
from .catalog_access import catalog_of, module_of_doc
from .read_inputs import note_use
from .typed_warnings import WarningKind, warn


class CatalogDirective(SphinxDirective):
    """A directive with an optional id argument; without it, the module of the page is meant."""

    optional_arguments = 1

    def module(self) -> Module | None:
        """The module named by the argument, or the module this page is; warns when there is none."""
        catalog = catalog_of(self.env)
        if self.arguments:
            note_use(self.env, "module", self.arguments[0])
            module = catalog.modules.get(self.arguments[0])
            if module is None:
                self.warn(WarningKind.MODULE, f"{self.name}: onbekende module '{self.arguments[0]}'")
            return module
        note_use(self.env, "doc-module", self.env.docname)
        module = module_of_doc(self.env, self.env.docname)
        if module is None:
            self.warn(WarningKind.MODULE, f"{self.name}: deze pagina hoort bij geen module; geef de module-id op")
        return module

    def warn(self, kind: WarningKind, message: str) -> None:
        warn(kind, message, self.get_location())

    def parse_markdown(self, text: str, into: nodes.Element) -> nodes.Element:
        """Parse a Markdown text from the Catalog into ``into``, as if it stood in the page."""
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), self.content_offset, into)
        return into

    def located(self, node: nodes.Element) -> nodes.Element:
        """``node`` with this directive's source and line, so a warning while writing it names them."""
        self.set_source_info(node)
        return node
