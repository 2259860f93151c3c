"""``{onderwerpen}``: every topic with its description, its modules and its forum link.

One section per topic (made while reading, as the page's own headings), so screen-reader users
can jump between topics by heading and the page's table of contents lists them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .catalog_access import catalog_of
from .forum import forum_link
from .read_inputs import note_use


class TopicsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        note_use(self.env, "topics")
        sections: list[nodes.Node] = []
        for topic in catalog.topics.values():
            section = nodes.section(ids=[f"onderwerp-{topic.id}"], classes=["gl-onderwerp"])
            section += nodes.title("", topic.title)
            if topic.description:
                section += nodes.paragraph("", topic.description)
            modules = [m for m in catalog.modules.values() if m.topic == topic.id]
            para = nodes.paragraph("", "", nodes.strong("", "Modules: "))
            for index, module in enumerate(modules):
                if index:
                    para += nodes.Text(", ")
                docname = "/" + (self.env.path2doc(str(catalog.module_paths[module.id])) or "")
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
            if not modules:
                para += nodes.Text("nog geen.")
            section += para
            if catalog.forum:
                section += nodes.paragraph("", "", nodes.strong("", "Praat mee: "), forum_link(topic))
            sections.append(section)
        return sections


def setup_topics(app: Sphinx) -> None:
    app.add_directive("onderwerpen", TopicsDirective)
