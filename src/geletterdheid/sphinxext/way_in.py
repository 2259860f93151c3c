"""Ways into the material, generated from the Catalog so they cannot drift from the content.

* ``{rolkeuze}``: a card per role that leads to its learning path (the landing page asks
  "Wat is jouw rol?" right above it);
* ``{onderwerpen}``: every topic with its description, its modules and its forum link, one
  section per topic so screen-reader users can jump between them by heading;
* ``{module-overzicht}``: a table of all modules with topic, level and study time.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..curriculum import duration_text
from .catalog_access import catalog_of
from .catalog_html import Page, placeholder, renderer
from .directives import LEVEL_LABELS
from .learning_paths import role_cards

LEARNING_PATHS = "/docs/leerpaden"
MODULE_OVERVIEW = "module-overzicht"


class RoleChoiceDirective(SphinxDirective):
    """Cards "Beleidsadviseur — 8 modules · 3 uur" linking to each role's learning path."""

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        lines = role_cards(
            catalog,
            link_prefix=f"{LEARNING_PATHS}/",
            container_class="gl-rolkeuze",
            card_class="gl-rolkeuze-kaart",
            footer_prefix="Leerpad: ",
        )
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
                        "",
                        nodes.inline(module.title, module.title, classes=["xref", "std", "std-doc"]),
                        refdomain="std",
                        reftype="doc",
                        reftarget=docname,
                        refexplicit=True,
                        refwarn=True,
                        refdoc=self.env.docname,
                    )
            else:
                para += nodes.Text("nog geen.")
            section += para
            section += nodes.paragraph(
                "",
                "",
                nodes.strong("", "Praat mee: "),
                nodes.reference(
                    "", f"het forum over {topic.title}", refuri=str(topic.forum_url), classes=["gl-forum-link"]
                ),
            )
            sections.append(section)
        return sections


class ModuleOverviewDirective(SphinxDirective):
    """All modules in a table: module (linked), topic, level, study time; written by ``module_overview``."""

    def run(self) -> list[nodes.Node]:
        return [placeholder(self, MODULE_OVERVIEW)]


@renderer(MODULE_OVERVIEW)
def module_overview(page: Page) -> str:
    catalog, text = page.catalog, page.text
    minutes = sum(module.duration_minutes for module in catalog.modules.values())
    html = [
        '<table class="table gl-module-overzicht">',
        f"<caption>{len(catalog.modules)} modules, samen {duration_text(minutes)} studietijd</caption>",
        '<thead><tr><th scope="col">Module</th><th scope="col">Onderwerp</th><th scope="col">Niveau</th>'
        '<th scope="col">Studietijd</th></tr></thead>',
        "<tbody>",
    ]
    for module_id, module in sorted(catalog.modules.items()):
        link = page.doc_link(page.doc_of(catalog.module_paths[module_id]), module.title)
        html.append(
            f"<tr><td>{link}</td><td>{text(catalog.topics[module.topic].title)}</td>"
            f"<td>{LEVEL_LABELS[module.level]}</td><td>{duration_text(module.duration_minutes)}</td></tr>"
        )
    html += ["</tbody>", "</table>\n"]
    return "\n".join(html)
