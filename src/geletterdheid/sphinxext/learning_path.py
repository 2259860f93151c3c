"""``{leerpad} ROL``: the modules of a role's learning path in order, with study time, level and goals.

One ``learning_path`` node; its visitors write the listing from the Catalog when the page is
written, so it cannot drift from the content. The site's listing links the role's PDF handbooks
when the same build makes them (``geletterdheid build`` sets ``geletterdheid_handboeken``).

The listing carries the role and each module's id as ``data-`` attributes: ``static/leerpad.js``
keeps that order when a module is opened from it (so "Vorige"/"Volgende" follow the path), and on
a practice site marks the modules whose toets was passed in this browser. A toets site links
Mijn voortgang instead. Without JavaScript nothing of this changes the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Catalog, Module
from ..curriculum import LearningPath, UnknownRole, duration_text, learning_path
from ..dutch import LEVEL_LABELS, count
from ..output_names import EDITIONS, SITE_FOLDER, pdf_name
from ..site_mode import PRACTICE, PROGRESS_PAGE, TOETS
from .catalog_access import catalog_of
from .html_text import HtmlText, Typography, attributes
from .links import doc_link, docname_of, site_url
from .module_card import module_card
from .page_nodes import has_node
from .read_inputs import note_use
from .results import CONFIG_NAME as RESULTS_URL
from .typed_warnings import WarningKind, warn

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

ADVICE = (
    "Volg de modules in deze volgorde. Dan ken je de basis voordat je verder gaat. "
    "Na elke module kun je jezelf toetsen."
)


class learning_path_node(nodes.General, nodes.Element):
    """Attribute ``role``: the role id."""


class LearningPathDirective(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        role_id = self.arguments[0]
        note_use(self.env, "role", role_id)
        try:
            learning_path(catalog_of(self.env), [role_id])
        except UnknownRole as exc:
            warn(WarningKind.ROLE, f"leerpad: {exc}", self.get_location())
            return []
        node = learning_path_node(role=role_id)
        self.set_source_info(node)
        return [node]


def _meta(module: Module) -> str:
    return f"{module.id} · {duration_text(module.duration_minutes)} · niveau {LEVEL_LABELS[module.level]}"


def _summary(path: LearningPath) -> tuple[str, str]:
    return count(len(path.modules), "module", "modules"), duration_text(path.minutes)


def _handbook_links(self: HTML5Translator, catalog: Catalog, role: str) -> list[str]:
    """Links to the role's PDF handbooks, when this build makes them (``geletterdheid build``)."""
    if role not in self.config.geletterdheid_handboeken:
        return []
    text, title = HtmlText(self.config), catalog.roles[role].title
    links = [
        f'<a class="reference download" href="{site_url(self, f"{SITE_FOLDER}/{pdf_name(edition, role)}")}">'
        f"{text(f'{edition.name} {title}')}{' met antwoorden' if edition.with_answers else ''} (pdf)</a>"
        for edition in EDITIONS
        # Toets mode: the trainer handbook holds every answer; it is not in the site (server: /trainer/).
        if not (edition.with_answers and self.config[RESULTS_URL])
    ]
    return [f'<p class="gl-handboeken"><strong>Op papier of voor een workshop:</strong> {" · ".join(links)}</p>']


def _progress_link(self: HTML5Translator) -> list[str]:
    """Toets site: the server knows which toetsen the learner passed; mijn voortgang shows them."""
    if not self.config[RESULTS_URL]:
        return []
    return [
        f'<p class="gl-leerpad-voortgang">Welke toetsen je al hebt gehaald, zie je op '
        f'<a class="reference internal" href="{PROGRESS_PAGE}">Mijn voortgang</a>.</p>'
    ]


def visit_learning_path_html(self: HTML5Translator, node: learning_path_node) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    text, role = HtmlText(self.config), node["role"]
    path = learning_path(catalog, [role])
    shown = catalog.roles[role]

    def link(module_id: str) -> str:
        return doc_link(self, node, docname_of(self, catalog.module_paths[module_id]), catalog.modules[module_id].title)

    size, minutes = _summary(path)
    path_title = Typography(self.config)(shown.title)
    html = [
        '<div class="gl-leerpad-wrapper docutils container">',
        f"<p><strong>Voor wie: </strong>{text(shown.description)} Meer over deze rol: "
        f"{doc_link(self, node, docname_of(self, catalog.role_paths[role]), shown.title)}.</p>",
        f"<p>{ADVICE}</p>",
        f'<p class="gl-leerpad-samenvatting"><strong>{size}</strong>, samen <strong>{minutes}</strong> studietijd.</p>',
        *_handbook_links(self, catalog, role),
        *_progress_link(self),
        # data-: leerpad.js remembers this order when a module is opened from here (see its comment).
        f'<ol class="arabic gl-leerpad"{attributes({"data-leerpad": role, "data-leerpad-titel": path_title})}>',
    ]
    for module in path.modules:
        meta = _meta(module)
        if module.requires:
            meta += " · lees eerst: " + ", ".join(link(m) for m in module.requires)
        html += [
            f'<li class="gl-leerpad-module" id="leerpad-{module.id}" data-module="{module.id}">'
            '<p class="gl-leerpad-titel"><strong>'
            f"{link(module.id)}</strong></p>",
            f'<p class="gl-leerpad-meta">{meta}</p>',
            "<p>Na deze module kun je:</p>",
            '<ul class="simple">',
            *(f"<li><p>{text(goal)}</p></li>" for goal in module.learning_goals),
            "</ul>",
            "</li>",
        ]
    html += [
        "</ol>",
        f'<p class="gl-leerpad-totaal"><strong>Totale studietijd: </strong>{minutes}</p>',
        "</div>\n",
    ]
    self.body.append("\n".join(html))
    raise nodes.SkipNode


def _lines(catalog: Catalog, role: str) -> list[str]:
    path = learning_path(catalog, [role])
    size, minutes = _summary(path)
    lines = [f"Voor wie: {catalog.roles[role].description}", ADVICE, f"{size}, samen {minutes} studietijd."]
    for number, module in enumerate(path.modules, start=1):
        lines += [f"{number}. {module.title} ({_meta(module)})", *(f"- {goal}" for goal in module.learning_goals)]
    return [*lines, f"Totale studietijd: {minutes}"]


def visit_learning_path_text(self: TextTranslator, node: learning_path_node) -> None:
    typography = Typography(self.config)
    for line in _lines(catalog_of(self.builder.env), node["role"]):
        self.new_state(0)
        self.add_text(typography(line))
        self.end_state()
    raise nodes.SkipNode


def visit_learning_path_typst(self: TypstWriter, node: learning_path_node) -> None:
    from ..typst_syntax import escape

    typography = Typography(self.config)
    for line in _lines(self.catalog, node["role"]):
        self.add_block(escape(typography(line)))
    raise nodes.SkipNode


def add_path_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Learning-path pages and module pages load leerpad.js (deferred): the path the learner follows,
    and on a practice site the toetsen passed in this browser. Its data- attributes say the site's mode."""
    if not has_node(doctree, learning_path_node, module_card):
        return
    attributes_: dict[str, Any] = {"data-modus": PRACTICE}  # Sphinx writes the keywords as the tag's attributes
    if app.config[RESULTS_URL]:
        attributes_ = {"data-modus": TOETS, "data-voortgang": PROGRESS_PAGE}
    app.add_js_file("leerpad.js", loading_method="defer", **attributes_)


def setup_learning_path(app: Sphinx) -> None:
    app.connect("html-page-context", add_path_script)
    app.add_node(
        learning_path_node,
        html=(visit_learning_path_html, None),
        text=(visit_learning_path_text, None),
        typst=(visit_learning_path_typst, None),
    )
    app.add_directive("leerpad", LearningPathDirective)
