"""``{module-overzicht}``: all modules in a table (module, topic, level, study time), from the Catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Catalog
from ..curriculum import duration_text
from ..dutch import LEVEL_LABELS
from .catalog_access import catalog_of
from .html_text import HtmlText, Typography
from .links import doc_link, docname_of

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

HEADERS = ("Module", "Onderwerp", "Niveau", "Studietijd")


class module_overview(nodes.General, nodes.Element):
    """No attributes: every module of the Catalog."""


class ModuleOverviewDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = module_overview()
        self.set_source_info(node)
        return [node]


def _caption(catalog: Catalog) -> str:
    minutes = sum(module.duration_minutes for module in catalog.modules.values())
    return f"{len(catalog.modules)} modules, samen {duration_text(minutes)} studietijd"


def _rows(catalog: Catalog) -> list[tuple[str, str, str, str, str]]:
    """(module id, title, topic, level, study time) per module, by id."""
    return [
        (
            module_id,
            module.title,
            catalog.topics[module.topic].title,
            LEVEL_LABELS[module.level],
            duration_text(module.duration_minutes),
        )
        for module_id, module in sorted(catalog.modules.items())
    ]


def visit_module_overview_html(self: HTML5Translator, node: module_overview) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    text = HtmlText(self.config)
    head = "".join(f'<th scope="col">{header}</th>' for header in HEADERS)
    html = [
        '<table class="table gl-module-overzicht">',
        f"<caption>{_caption(catalog)}</caption>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
    ]
    for module_id, title, topic, level, minutes in _rows(catalog):
        link = doc_link(self, node, docname_of(self, catalog.module_paths[module_id]), title)
        html.append(f"<tr><td>{link}</td><td>{text(topic)}</td><td>{level}</td><td>{minutes}</td></tr>")
    html += ["</tbody>", "</table>\n"]
    self.body.append("\n".join(html))
    raise nodes.SkipNode


def visit_module_overview_text(self: TextTranslator, node: module_overview) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    typography = Typography(self.config)
    for line in [_caption(catalog), *(" · ".join(row[1:]) for row in _rows(catalog))]:
        self.new_state(0)
        self.add_text(typography(line))
        self.end_state()
    raise nodes.SkipNode


def visit_module_overview_typst(self: TypstWriter, node: module_overview) -> None:
    from ..typst_syntax import escape

    typography = Typography(self.config)
    cells = [f"[*{header}*]" for header in HEADERS]
    header = "table.header(" + ", ".join(cells) + ")"
    rows = [", ".join(f"[{escape(typography(cell))}]" for cell in row[1:]) for row in _rows(self.catalog)]
    self.add_block(f"#gl-tussenkop[{escape(_caption(self.catalog))}]")
    self.add_block("#gl-tabel(table(columns: 4,\n  " + ",\n  ".join([header, *rows]) + "))")
    raise nodes.SkipNode


def setup_module_overview(app: Sphinx) -> None:
    app.add_node(
        module_overview,
        html=(visit_module_overview_html, None),
        text=(visit_module_overview_text, None),
        typst=(visit_module_overview_typst, None),
    )
    app.add_directive("module-overzicht", ModuleOverviewDirective)
