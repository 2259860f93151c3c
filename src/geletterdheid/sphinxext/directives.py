"""Directives that render content-model objects: the module card and the forum box (the quiz is in quiz.py)."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..content import Module
from .catalog_access import catalog_of, module_of_doc
from .catalog_html import Page, placeholder, renderer

LEVEL_LABELS = {"bewust": "Bewust", "bekwaam": "Bekwaam", "vloeiend": "Vloeiend", "expert": "Expert"}
CARD = "module-kaart"


class CatalogDirective(SphinxDirective):
    optional_arguments = 1

    def parse_markdown(self, text: str) -> list[nodes.Node]:
        """The nodes of a Markdown text from the Catalog, parsed as if it stood in the page."""
        holder = nodes.container()
        self.state.nested_parse(StringList(text.splitlines(), source=self.env.docname), self.content_offset, holder)
        return holder.children

    def _module(self) -> Module | None:
        catalog = catalog_of(self.env)
        if self.arguments:
            return catalog.modules.get(self.arguments[0])
        return module_of_doc(self.env, self.env.docname)

    def _error(self, message: str) -> list[nodes.Node]:
        return [self.state.document.reporter.error(message, line=self.lineno)]


class ModuleCardDirective(CatalogDirective):
    """The module's metadata as a card (sphinx-design's card markup), written by ``module_card``."""

    def run(self) -> list[nodes.Node]:
        module = self._module()
        if module is None:
            return self._error("module-kaart: deze pagina hoort bij geen module; geef de module-id op")
        return [placeholder(self, CARD, module=module.id)]


@renderer(CARD)
def module_card(page: Page, module: str) -> str:
    catalog, text = page.catalog, page.text
    shown = catalog.modules[module]
    roles = ", ".join(
        page.doc_link(page.doc_of(catalog.role_paths[r]), catalog.roles[r].title)
        for r in shown.roles
        if r in catalog.roles
    )
    html = [
        '<div class="gl-module-kaart-wrapper docutils container">',
        '<div class="sd-card sd-sphinx-override sd-mb-3 sd-shadow-sm gl-module-kaart docutils">',
        '<div class="sd-card-body docutils">',
        '<div class="sd-card-title sd-font-weight-bold docutils">\nOver deze module</div>',
        f'<p class="sd-card-text">{text(shown.summary)}</p>',
        f'<p class="sd-card-text"><strong>Studietijd:</strong> {shown.duration_minutes} minuten · '
        f"<strong>Niveau:</strong> {LEVEL_LABELS[shown.level]}</p>",
        f'<p class="sd-card-text"><strong>Voor wie:</strong> {roles}</p>',
    ]
    if shown.requires:
        prerequisites = ", ".join(
            page.doc_link(page.doc_of(catalog.module_paths[m]), catalog.modules[m].title) for m in shown.requires
        )
        html.append(f'<p class="sd-card-text"><strong>Lees eerst:</strong> {prerequisites}</p>')
    html += [
        '<p class="sd-card-text"><strong>Na deze module kun je:</strong></p>',
        '<ul class="simple">',
        *(f"<li><p>{text(goal)}</p></li>" for goal in shown.learning_goals),
        "</ul>",
        f'<p class="sd-card-text"><em>Inhoud voor het laatst getoetst aan de wet op {shown.last_checked:%d-%m-%Y}.</em></p>',
        "</div>\n</div>\n</div>\n",
    ]
    return "\n".join(html)


class ForumDirective(CatalogDirective):
    """A box that leads from the page to the forum of its topic."""

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        if self.arguments:
            topic = catalog.topics.get(self.arguments[0])
            if topic is None:
                return self._error(f"forum: onbekend onderwerp '{self.arguments[0]}'")
        else:
            module = self._module()
            if module is None:
                return self._error("forum: deze pagina hoort bij geen module; geef het onderwerp op")
            topic = catalog.topics[module.topic]
        box = nodes.container(classes=["gl-forum", "admonition", "tip"])
        box += nodes.paragraph("", "Praat mee", classes=["admonition-title"])
        box += nodes.paragraph(
            "",
            "",
            nodes.Text("Heb je een vraag of een ervaring over dit onderwerp? Bespreek het met collega's op "),
            nodes.reference(
                "", f"het forum over {topic.title}", refuri=str(topic.forum_url), classes=["gl-forum-link"]
            ),
            nodes.Text("."),
        )
        return [box]
