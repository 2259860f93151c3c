"""The module card: what a module takes and gives (study time, level, roles, prerequisites, goals).

``{module-kaart}`` makes one ``module_card`` node; each builder's visitor writes it from the
Catalog when the page is written, so the card cannot drift from the module's front matter and its
links are the builder's own (site pages, the handbooks' module labels).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Catalog, Module
from ..dutch import LEVEL_LABELS
from .catalog_access import catalog_of
from .catalog_directive import CatalogDirective
from .html_text import HtmlText, Typography
from .links import doc_link, docname_of

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

TITLE = "Over deze module"


class module_card(nodes.General, nodes.Element):
    """Attribute ``module``: the module id."""


class ModuleCardDirective(CatalogDirective):
    def run(self) -> list[nodes.Node]:
        module = self.module()
        if module is None:
            return []
        card = module_card(module=module.id)
        if module.search_terms:
            # Not written (every builder's visitor skips the card's children), but Sphinx's search
            # indexes the doctree's text: the zoekwoorden make the page findable.
            card += nodes.paragraph("", ", ".join(module.search_terms))
        return [self.located(card)]


def _checked(module: Module) -> str:
    return f"Inhoud voor het laatst getoetst aan de wet op {module.last_checked:%d-%m-%Y}."


def _facts(module: Module) -> str:
    return f"{module.duration_minutes} minuten"


def visit_module_card_html(self: HTML5Translator, node: module_card) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    module = catalog.modules[node["module"]]
    text = HtmlText(self.config)

    def link(path: Path, title: str) -> str:
        return doc_link(self, node, docname_of(self, path), title)

    roles = ", ".join(link(catalog.role_paths[r], catalog.roles[r].title) for r in module.roles if r in catalog.roles)
    html = [
        f'<div class="gl-module-kaart" data-module="{module.id}">',  # leerpad.js: which module this page is
        f'<p class="gl-module-kaart-titel">{TITLE}</p>',
        f"<p>{text(module.summary)}</p>",
        f"<p><strong>Studietijd:</strong> {_facts(module)} · <strong>Niveau:</strong> {LEVEL_LABELS[module.level]}</p>",
        f"<p><strong>Voor wie:</strong> {roles}</p>",
    ]
    if module.requires:
        first = ", ".join(link(catalog.module_paths[m], catalog.modules[m].title) for m in module.requires)
        html.append(f"<p><strong>Lees eerst:</strong> {first}</p>")
    html += [
        "<p><strong>Na deze module kun je:</strong></p>",
        '<ul class="simple">',
        *(f"<li><p>{text(goal)}</p></li>" for goal in module.learning_goals),
        "</ul>",
        f'<p class="gl-module-kaart-controle"><em>{_checked(module)}</em></p>',
        "</div>\n",
    ]
    self.body.append("\n".join(html))
    raise nodes.SkipNode


def visit_module_card_text(self: TextTranslator, node: module_card) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    module = catalog.modules[node["module"]]
    roles = ", ".join(catalog.roles[r].title for r in module.roles if r in catalog.roles)
    lines = [
        TITLE,
        module.summary,
        f"Studietijd: {_facts(module)} · Niveau: {LEVEL_LABELS[module.level]}",
        f"Voor wie: {roles}",
    ]
    if module.requires:
        lines.append("Lees eerst: " + ", ".join(catalog.modules[m].title for m in module.requires))
    lines += ["Na deze module kun je:", *(f"- {goal}" for goal in module.learning_goals), _checked(module)]
    for line in lines:
        self.new_state(0)
        self.add_text(Typography(self.config)(line))
        self.end_state()
    raise nodes.SkipNode


def visit_module_card_typst(self: TypstWriter, node: module_card) -> None:
    from ..typst_syntax import escape

    catalog = self.catalog
    module = catalog.modules[node["module"]]
    typography = Typography(self.config)

    def plain(value: str) -> str:
        return escape(typography(value))

    roles = ", ".join(plain(catalog.roles[r].title) for r in module.roles if r in catalog.roles)
    blocks = [
        plain(module.summary),
        f"#strong[Studietijd\\:] {plain(_facts(module))} · #strong[Niveau\\:] {LEVEL_LABELS[module.level]}",
        f"#strong[Voor wie\\:] {roles}",
    ]
    if module.requires:  # a prerequisite is in every handbook this module is in
        first = ", ".join(f'#gl-link("{m}")[{plain(catalog.modules[m].title)}]' for m in module.requires)
        blocks.append(f"#strong[Lees eerst\\:] {first}")
    goals = ", ".join(f"[{plain(goal)}]" for goal in module.learning_goals)
    blocks += ["#strong[Na deze module kun je\\:]", f"#list({goals})", f"#emph[{plain(_checked(module))}]"]
    self.add_block(f"#gl-kaart(titel: [{TITLE}])[" + "\n\n".join(blocks) + "]")
    raise nodes.SkipNode


def setup_module_card(app: Sphinx) -> None:
    app.add_node(
        module_card,
        html=(visit_module_card_html, None),
        text=(visit_module_card_text, None),
        typst=(visit_module_card_typst, None),
    )
    app.add_directive("module-kaart", ModuleCardDirective)
