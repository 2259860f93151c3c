"""Ways into the material, generated from the Catalog so they cannot drift from the content.

* ``{rolkeuze}``: a card per role that leads to its learning path (the landing page asks
  "Wat is jouw rol?" right above it);
* ``{onderwerpen}``: every topic with its description, its modules and its forum link, one
  section per topic so screen-reader users can jump between them by heading.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from .catalog_access import catalog_of
from .learning_paths import role_cards

LEARNING_PATHS = "/docs/leerpaden"


class RoleChoiceDirective(SphinxDirective):
    """Cards "Beleidsadviseur — 8 modules · 3 uur" linking to each role's learning path."""

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        lines = role_cards(catalog, link_prefix=f"{LEARNING_PATHS}/", container_class="gl-rolkeuze",
                           card_class="gl-rolkeuze-kaart", footer_prefix="Leerpad: ")
        lines += ["", f"Twijfel je? Bekijk dan {{doc}}`alle leerpaden <{LEARNING_PATHS}/index>`.", ""]
        container = nodes.container(classes=["gl-rolkeuze-wrapper"])
        self.state.nested_parse(StringList(lines, source=self.env.docname), self.content_offset, container)
        return [container]


class TopicsDirective(SphinxDirective):
    """Every topic: description, modules and forum link, as a section each."""

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        sections = []
        for topic in catalog.topics.values():
            section = nodes.section(ids=[f"onderwerp-{topic.id}"], classes=["gl-onderwerp"])
            section += nodes.title("", topic.title)
            if topic.description:
                section += nodes.paragraph("", topic.description)
            modules = [m for m in catalog.modules.values() if m.topic == topic.id]
            para = nodes.paragraph("", "", nodes.strong("", "Modules: "))
            if modules:
                for index, module in enumerate(modules):
                    if index:
                        para += nodes.Text(", ")
                    docname = "/" + self.env.path2doc(str(catalog.module_paths[module.id]))
                    para += addnodes.pending_xref(
                        "", nodes.inline(module.title, module.title, classes=["xref", "std", "std-doc"]),
                        refdomain="std", reftype="doc", reftarget=docname, refexplicit=True, refwarn=True,
                        refdoc=self.env.docname)
            else:
                para += nodes.Text("nog geen.")
            section += para
            section += nodes.paragraph(
                "", "", nodes.strong("", "Praat mee: "),
                nodes.reference("", f"het forum over {topic.title}", refuri=str(topic.forum_url),
                                classes=["gl-forum-link"]),
            )
            sections.append(section)
        return sections
