"""``{beslisboom}``: the decision tree of docs/beslisboom.yaml, "Welke regels gelden voor dit systeem?".

One ``decision_tree`` node, written from the Catalog by a visitor per builder:

- HTML: the tree as JSON (``classification.page_data.tree_data``) for ``beslisboom.js``, which asks
  one question at a time and shows the outcome, the duties with their dates, the route and the
  ``kenmerken`` for ai-systemen.yaml; and the printable flow (every question, each answer saying
  where to go), visible by default and hidden only when the script runs;
- text and Typst (the handbooks' appendix "Bijlage: beslishulp"): the printable flow.
"""

from __future__ import annotations

import json
from html import escape as html_escape
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..classification.page_data import FLOW_INTRO, FlowItem, flow, tree_data
from ..content import Catalog
from ..content.tree import DecisionTree
from .catalog_access import catalog_of
from .html_text import HtmlText, Typography
from .page_nodes import has_node
from .typed_warnings import WarningKind, warn

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

FLOW_TITLE = "Alle vragen op een rij"
TRANSPARENCY_TITLE = "Transparantie (artikel 50)"
CONCLUSIONS_TITLE = "De conclusies"
SCRIPT = "beslisboom.js"
NO_TREE = "beslisboom: er is geen beslisboom (docs/beslisboom.yaml of docs/plichten.yaml ontbreekt)"


class decision_tree(nodes.General, nodes.Element):
    """No attributes: the Catalog's decision tree, duties and legal dates."""


class DecisionTreeDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        if catalog.decision_tree is None or catalog.duties is None:
            warn(WarningKind.CONTENT, NO_TREE, self.get_location())
            return []
        node = decision_tree()
        self.set_source_info(node)
        return [node]


def _tree(catalog: Catalog) -> DecisionTree:
    assert catalog.decision_tree is not None  # the directive left no node without one
    return catalog.decision_tree


def _split(items: list[FlowItem]) -> tuple[list[FlowItem], list[FlowItem]]:
    return [i for i in items if not i.transparency], [i for i in items if i.transparency]


# -- HTML ---------------------------------------------------------------------------------------


def _json_for_script(data: dict[str, Any]) -> str:
    """JSON that cannot end the <script> element it stands in."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _html_sources(text: HtmlText, item_sources: Any) -> str:
    links = ", ".join(
        f'<a class="gl-artikel reference external" href="{html_escape(source.url)}" '
        f'title="AI-verordening, {html_escape(source.label)}">{text(source.label)}</a>'
        for source in item_sources
    )
    return f'<p class="gl-bb-bron">Bron: {links}</p>' if links else ""


def _html_items(text: HtmlText, items: list[FlowItem]) -> str:
    out = [f'<ol class="gl-bb-vragen" start="{items[0].number}">']
    for item in items:
        answers = []
        for answer in item.answers:
            said = f" ({text(answer.text)})" if answer.text else ""
            goes = text(answer.goes_to)
            if answer.target is not None:
                goes = f'<a href="#gl-bb-stap-{answer.target}">{goes}</a>'
            answers.append(f"<li><strong>{answer.label}</strong>{said}: {goes}</li>")
        out.append(
            f'<li id="gl-bb-stap-{item.node_id}"><p class="gl-bb-stroomvraag"><strong>Vraag {item.number}.</strong> '
            f"{text(item.question)}</p><p>{text(item.help)}</p>{_html_sources(text, item.sources)}"
            f'<ul class="gl-bb-stroomantwoorden">{"".join(answers)}</ul></li>'
        )
    out.append("</ol>")
    return "\n".join(out)


def flow_html(tree: DecisionTree, text: HtmlText) -> str:
    questions, steps = _split(flow(tree))
    parts = [
        '<div class="gl-bb-stroom">',
        f"<h2>{FLOW_TITLE}</h2>",
        f"<p>{text(FLOW_INTRO)}</p>",
        _html_items(text, questions),
    ]
    if steps:
        parts += [f"<h3>{TRANSPARENCY_TITLE}</h3>", _html_items(text, steps)]
    parts.append(f"<h3>{CONCLUSIONS_TITLE}</h3>")
    parts.append('<dl class="gl-bb-conclusies">')
    for conclusion in tree.conclusions:
        parts.append(
            f"<dt>{text(conclusion.title)}</dt><dd><p>{text(conclusion.explanation)}</p>"
            f"{_html_sources(text, conclusion.sources)}</dd>"
        )
    parts += ["</dl>", "</div>"]
    return "\n".join(parts)


def visit_decision_tree_html(self: HTML5Translator, node: decision_tree) -> None:
    catalog = catalog_of(self.builder.env)
    tree = _tree(catalog)
    assert catalog.duties is not None
    text = HtmlText(self.config)
    data = _json_for_script(tree_data(tree, catalog.duties, catalog.legal))
    self.body.append(
        '<div class="gl-beslisboom">\n'
        f'<script type="application/json" class="gl-bb-data">{data}</script>\n'
        '<p class="gl-bb-status visually-hidden" aria-live="polite"></p>\n'
        '<div class="gl-bb-app" hidden></div>\n' + flow_html(tree, text) + "\n</div>\n"
    )
    raise nodes.SkipNode


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Only pages with the beslishulp load its script."""
    if has_node(doctree, decision_tree):
        app.add_js_file(SCRIPT, loading_method="defer")


# -- text ---------------------------------------------------------------------------------------


def visit_decision_tree_text(self: TextTranslator, node: decision_tree) -> None:
    tree = _tree(catalog_of(self.builder.env))
    typography = Typography(self.config)

    def line(text: str) -> None:
        self.new_state(0)
        self.add_text(typography(text))
        self.end_state()

    line(FLOW_INTRO)
    for item in flow(tree):
        line(f"Vraag {item.number}. {item.question}")
        for answer in item.answers:
            said = f" ({answer.text})" if answer.text else ""
            line(f"  {answer.label}{said}: {answer.goes_to}")
    for conclusion in tree.conclusions:
        line(f"{conclusion.title}: {conclusion.explanation}")
    raise nodes.SkipNode


# -- Typst (handbooks) --------------------------------------------------------------------------


def flow_typst(tree: DecisionTree, config: Any) -> list[str]:
    """The printable flow as Typst blocks: one unbreakable block per question."""
    from ..typst_syntax import escape, string

    typography = Typography(config)

    def plain(text: str) -> str:
        return escape(typography(text))

    def links(item_sources: Any) -> str:
        found = ", ".join(f"#link({string(s.url)})[{escape(s.label)}]" for s in item_sources)
        return f"\n\nBron\\: {found}" if found else ""

    questions, steps = _split(flow(tree))
    blocks = [plain(FLOW_INTRO)]

    def items(part: list[FlowItem]) -> None:
        for item in part:
            answers = "\n".join(
                f"- #strong[{answer.label}]{plain(f' ({answer.text})') if answer.text else ''}\\: "
                f"{plain(answer.goes_to)}"
                for answer in item.answers
            )
            blocks.append(
                f"#gl-vraag[#gl-vraagtekst[#strong[Vraag {item.number}\\.] {plain(item.question)}]\n\n"
                f"#gl-hint[{plain(item.help)}]{links(item.sources)}\n\n{answers}]"
            )

    items(questions)
    if steps:
        blocks.append(f"#gl-tussenkop[{plain(TRANSPARENCY_TITLE)}]")
        items(steps)
    blocks.append(f"#gl-tussenkop[{plain(CONCLUSIONS_TITLE)}]")
    for conclusion in tree.conclusions:
        blocks.append(
            f"#block(breakable: false)[#strong[{plain(conclusion.title)}]\\: {plain(conclusion.explanation)}"
            f"{links(conclusion.sources)}]"
        )
    return blocks


def visit_decision_tree_typst(self: TypstWriter, node: decision_tree) -> None:
    for block in flow_typst(_tree(self.catalog), self.config):
        self.add_block(block)
    raise nodes.SkipNode


def setup_decision_tree(app: Sphinx) -> None:
    app.add_node(
        decision_tree,
        html=(visit_decision_tree_html, None),
        text=(visit_decision_tree_text, None),
        typst=(visit_decision_tree_typst, None),
    )
    app.add_directive("beslisboom", DecisionTreeDirective)
    app.connect("html-page-context", add_script)
