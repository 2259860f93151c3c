"""Directives that render content-model objects: the module card and the forum box (the quiz is in quiz.py)."""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from ..content import Module
from .catalog_access import catalog_of, module_of_doc

LEVEL_LABELS = {"bewust": "Bewust", "bekwaam": "Bekwaam", "vloeiend": "Vloeiend", "expert": "Expert"}


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
    """The module's metadata as a sphinx-design card."""

    def run(self) -> list[nodes.Node]:
        module = self._module()
        if module is None:
            return self._error("module-kaart: deze pagina hoort bij geen module; geef de module-id op")
        catalog = catalog_of(self.env)
        roles = ", ".join(
            f"{{doc}}`{catalog.roles[r].title} </docs/rollen/{r}>`" for r in module.roles if r in catalog.roles
        )
        goals = "\n".join(f"- {goal}" for goal in module.learning_goals)
        prerequisites = ", ".join(
            f"{{doc}}`{catalog.modules[m].title} <{self._docname_of(m)}>`" for m in module.requires
        )
        lines = [
            "````{card} Over deze module",
            ":class-card: gl-module-kaart",
            "",
            f"{module.summary}",
            "",
            f"**Studietijd:** {module.duration_minutes} minuten · **Niveau:** {LEVEL_LABELS[module.level]}",
            "",
            f"**Voor wie:** {roles}",
            "",
        ]
        if prerequisites:
            lines += [f"**Lees eerst:** {prerequisites}", ""]
        lines += ["**Na deze module kun je:**", "", goals, "", f"*Inhoud voor het laatst getoetst aan de wet op {module.last_checked:%d-%m-%Y}.*", "````"]
        container = nodes.container(classes=["gl-module-kaart-wrapper"])
        container.extend(self.parse_markdown("\n".join(lines)))
        return [container]

    def _docname_of(self, module_id: str) -> str:
        path = catalog_of(self.env).module_paths[module_id]
        return "/" + self.env.path2doc(str(path))


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
            "", "",
            nodes.Text("Heb je een vraag of een ervaring over dit onderwerp? Bespreek het met collega's op "),
            nodes.reference("", f"het forum over {topic.title}", refuri=str(topic.forum_url), classes=["gl-forum-link"]),
            nodes.Text("."),
        )
        return [box]
