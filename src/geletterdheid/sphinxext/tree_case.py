"""``{beslisboom-casus}``: an exercise with the decision tree in a module (see ``classification.exercise``).

The directive reads the case and walks its kenmerken through the tree while the page is read: an
expected outcome the tree does not give, an unknown kenmerk or a missing part is a typed warning
(``geletterdheid.casus``) at its line, and the build fails. The node keeps the title, the
kenmerken text and the expected outcome; the story and the explanation are parsed children.

- HTML: the story and the question, the answer (risk class, role, Art. 50 duties, explanation,
  kenmerken) folded away in a ``<details>``; the same in a toets site: it is an exercise, not a
  question of the toets, and the toets's answers are not in it;
- text: everything; Typst: the story and the question, the answer in the trainer edition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..classification.exercise import CaseProblem, check_case, split_case
from ..classification.formats import RISK_CLASS_NL
from ..classification.outcome import Outcome
from .catalog_access import catalog_of
from .html_text import HtmlText, Typography
from .read_inputs import note_use
from .typed_warnings import WarningKind, warn

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

PAGE = "docs/beslishulp"
IN_PRINT = " (op de website; in handboeken met module m06 ook als bijlage)"
QUESTION = (
    "Welke risicoklasse heeft dit systeem, en welke transparantieplichten (artikel 50) gelden? "
    "Denk eerst zelf na. Loop daarna de beslishulp door."
)


class tree_case(nodes.General, nodes.Element):
    """Attributes: ``title``, ``features`` (the YAML text), ``outcome`` facts as text. Children: story, explanation."""


class tree_case_part(nodes.General, nodes.Element):
    """Attribute ``part``: ``verhaal`` or ``uitleg``; written by the case's visitors only."""


def _outcome_lines(outcome: Outcome, conclusion_title: str) -> list[tuple[str, str]]:
    return [
        ("Risicoklasse", RISK_CLASS_NL[outcome.risk_class]),
        ("Conclusie", conclusion_title),
        ("Rol van de gemeente", outcome.role or "geen (het is geen AI-systeem)"),
        (
            "Transparantie (artikel 50)",
            ", ".join(f"artikel {duty}" for duty in outcome.transparency) or "geen",
        ),
    ]


class TreeCaseDirective(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"risicoklasse": directives.unchanged_required, "transparantie": directives.unchanged_required}

    def _warn(self, problem: CaseProblem) -> list[nodes.Node]:
        # MyST gives content_offset relative to the directive's line (as its nested_parse expects it).
        line = self.lineno + self.content_offset + 1 + problem.offset if problem.offset else self.lineno
        warn(WarningKind.CASE, problem.message, (self.env.docname, line))
        return []

    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        note_use(self.env, "tree")
        title = self.arguments[0]
        if catalog.decision_tree is None or catalog.duties is None:
            return self._warn(CaseProblem(0, "beslisboom-casus: er is geen beslisboom (docs/beslisboom.yaml)"))
        for option in ("risicoklasse", "transparantie"):
            if option not in self.options:
                return self._warn(CaseProblem(0, f"beslisboom-casus '{title}': de optie :{option}: ontbreekt"))
        parts = split_case(list(self.content))
        if isinstance(parts, CaseProblem):
            return self._warn(parts)
        outcome = check_case(
            parts,
            self.options["risicoklasse"].strip(),
            self.options["transparantie"],
            catalog.decision_tree,
            catalog.duties,
            catalog.legal,
        )
        if isinstance(outcome, CaseProblem):
            return self._warn(outcome)
        conclusion = catalog.decision_tree.conclusion(outcome.conclusion)
        assert conclusion is not None
        node = tree_case(
            title=title,
            features=parts.features_text.strip(),
            facts=[list(fact) for fact in _outcome_lines(outcome, conclusion.title)],
        )
        self.set_source_info(node)
        offset = self.content_offset
        for part, lines, start in (
            ("verhaal", parts.story, 0),
            ("uitleg", parts.explanation, parts.explanation_offset),
        ):
            holder = tree_case_part(part=part)
            self.state.nested_parse(StringList(list(lines), source=self.env.docname), offset + start, holder)
            node += holder
        return [node]


def features_text(node: tree_case) -> str:
    return "kenmerken:\n" + "\n".join(f"  {line}" for line in str(node["features"]).splitlines())


def _part(node: tree_case, name: str) -> tree_case_part:
    return next(child for child in node.children if isinstance(child, tree_case_part) and child["part"] == name)


# -- HTML ---------------------------------------------------------------------------------------


def visit_tree_case_html(self: HTML5Translator, node: tree_case) -> None:
    from html import escape

    text = HtmlText(self.config)
    ident = "gl-casus-" + re.sub(r"[^a-z0-9]+", "-", str(node["title"]).lower()).strip("-")
    title = text(str(node["title"]))
    self.body.append(
        f'<div class="gl-bb-casus" role="group" aria-labelledby="{ident}">\n'
        f'<p class="gl-bb-casus-titel" id="{ident}">Oefening: {title}</p>\n'
    )
    for child in _part(node, "verhaal").children:
        child.walkabout(self)
    question = text(QUESTION)
    if PAGE in self.builder.env.all_docs:
        uri = escape(self.builder.get_relative_uri(self.builder.current_docname, PAGE))
        question = question.replace("de beslishulp", f'<a class="reference internal" href="{uri}">de beslishulp</a>')
    self.body.append(f'<p class="gl-bb-casus-vraag">{question}</p>\n')
    self.body.append(f'<details class="gl-antwoord"><summary>Antwoord bij de oefening: {title}</summary>\n')
    self.body.append('<div class="gl-antwoord-inhoud"><ul class="gl-bb-casus-uitkomst">')
    for label, value in node["facts"]:
        self.body.append(f"<li><strong>{text(label)}:</strong> {text(value)}</li>")
    self.body.append("</ul>\n")
    for child in _part(node, "uitleg").children:
        child.walkabout(self)
    self.body.append(
        "<p>De kenmerken voor het AI-register:</p>\n"
        f"<pre>{escape(features_text(node))}</pre>\n</div></details>\n</div>\n"
    )
    raise nodes.SkipNode


# -- text ---------------------------------------------------------------------------------------


def visit_tree_case_text(self: TextTranslator, node: tree_case) -> None:
    typography = Typography(self.config)

    def line(value: str) -> None:
        self.new_state(0)
        self.add_text(typography(value))
        self.end_state()

    line(f"Oefening: {node['title']}")
    for child in _part(node, "verhaal").children:
        child.walkabout(self)
    line(QUESTION)
    line("Antwoord:")
    for label, value in node["facts"]:
        line(f"{label}: {value}")
    for child in _part(node, "uitleg").children:
        child.walkabout(self)
    raise nodes.SkipNode


# -- Typst (handbooks) --------------------------------------------------------------------------


def visit_tree_case_typst(self: TypstWriter, node: tree_case) -> None:
    from ..typst_syntax import escape

    typography = Typography(self.config)

    def plain(value: str) -> str:
        return escape(typography(value))

    story = self.blocks_of(_part(node, "verhaal"))
    self.add_block(f"#gl-casus[#strong[{plain('Oefening: ' + str(node['title']))}]\n\n{story}\n\n{plain(QUESTION)}]")
    if self.with_answers:
        facts = "\n".join(f"- #strong[{plain(label)}]\\: {plain(value)}" for label, value in node["facts"])
        explanation = self.blocks_of(_part(node, "uitleg"))
        self.add_block(f"#gl-antwoord[#gl-tussenkop[{plain('Antwoord bij de oefening')}]\n\n{facts}\n\n{explanation}]")
    raise nodes.SkipNode


def setup_tree_case(app: Sphinx) -> None:
    app.add_node(
        tree_case,
        html=(visit_tree_case_html, None),
        text=(visit_tree_case_text, None),
        typst=(visit_tree_case_typst, None),
    )
    app.add_node(tree_case_part)
    app.add_directive("beslisboom-casus", TreeCaseDirective)
