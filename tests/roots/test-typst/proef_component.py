"""A component as the lead's will be: a directive makes a node, a Typst visitor uses the translator's API."""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

PNG = b"\x89PNG\r\n\x1a\n-proef-"


class proef(nodes.General, nodes.Element):
    pass


class ProefDirective(SphinxDirective):
    has_content = True

    def run(self):
        node = proef()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def visit_proef_typst(self, node):
    path = self.add_asset(PNG, "png")
    edition = "trainer" if self.with_answers else "deelnemer"
    self.add_block(
        f'#proef(module: "{self.module_id}", editie: "{edition}", modules: {len(self.catalog.modules)}, '
        f'beeld: "{path}", inline: [{self.inline_of(node.children[0])}])[{self.blocks_of(node)}]'
    )
    raise nodes.SkipNode


def visit_proef_html(self, node):
    raise nodes.SkipNode


def setup(app):
    app.add_node(proef, typst=(visit_proef_typst, None), html=(visit_proef_html, None))
    app.add_directive("proef", ProefDirective)
    return {"parallel_read_safe": True}
