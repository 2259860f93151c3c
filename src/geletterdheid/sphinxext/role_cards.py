"""Role cards: a card per role that leads to its learning path, with its size and study time.

``{rolkeuze}`` (the landing page's "Wat is jouw rol?") and ``{rolkaarten}`` (the overview of all
learning paths) make one ``role_cards`` node; its visitors write the cards from the Catalog.
In HTML the cards are a list, and each card's title is the link (CSS stretches it over the card).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Catalog, Role
from ..curriculum import duration_text, learning_path
from ..dutch import count
from .catalog_access import catalog_of
from .html_text import HtmlText, Typography
from .links import doc_link

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

LEARNING_PATHS = "docs/leerpaden"
CHOICE, OVERVIEW = "rolkeuze", "leerpaden"
#: Per variant: the class of the list and of each card (hooks for tests and local CSS).
CLASSES = {CHOICE: ("gl-rolkeuze", "gl-rolkeuze-kaart"), OVERVIEW: ("gl-leerpaden", "gl-leerpad-kaart")}


class role_cards(nodes.General, nodes.Element):
    """Attribute ``variant``: ``rolkeuze`` (landing page) or ``leerpaden`` (overview page)."""


def path_docname(role_id: str) -> str:
    return f"{LEARNING_PATHS}/{role_id}"


class RoleChoiceDirective(SphinxDirective):
    """``{rolkeuze}``: the cards, and a link to the overview of all learning paths."""

    variant = CHOICE

    def run(self) -> list[nodes.Node]:
        node = role_cards(variant=self.variant)
        self.set_source_info(node)
        return [node]


class RoleCardsDirective(RoleChoiceDirective):
    """``{rolkaarten}``: only the cards (the overview page of the learning paths)."""

    variant = OVERVIEW


def _footer(catalog: Catalog, role: Role, variant: str) -> str:
    path = learning_path(catalog, [role.id])
    prefix = "Leerpad: " if variant == CHOICE else ""
    return f"{prefix}{count(len(path.modules), 'module', 'modules')} · {duration_text(path.minutes)}"


def visit_role_cards_html(self: HTML5Translator, node: role_cards) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    variant, text = node["variant"], HtmlText(self.config)
    list_class, card_class = CLASSES[variant]
    html = [f'<div class="{list_class}-wrapper">', f'<ul class="gl-rolkaarten {list_class}">']
    for role in catalog.roles.values():
        html += [
            f'<li class="gl-rolkaart {card_class}">',
            f'<p class="gl-rolkaart-titel">{doc_link(self, node, path_docname(role.id), role.title)}</p>',
            f"<p>{text(role.description)}</p>",
            f'<p class="gl-rolkaart-voet">{text(_footer(catalog, role, variant))}</p>',
            "</li>",
        ]
    html.append("</ul>")
    if variant == CHOICE:
        html.append(
            f"<p>Twijfel je? Bekijk dan {doc_link(self, node, f'{LEARNING_PATHS}/index', 'alle leerpaden')}.</p>"
        )
    html.append("</div>\n")
    self.body.append("\n".join(html))
    raise nodes.SkipNode


def visit_role_cards_text(self: TextTranslator, node: role_cards) -> None:
    catalog: Catalog = catalog_of(self.builder.env)
    typography = Typography(self.config)
    for role in catalog.roles.values():
        self.new_state(0)
        self.add_text(typography(f"{role.title}: {role.description} ({_footer(catalog, role, node['variant'])})"))
        self.end_state()
    raise nodes.SkipNode


def visit_role_cards_typst(self: TypstWriter, node: role_cards) -> None:
    from ..typst_syntax import escape

    catalog = self.catalog
    typography = Typography(self.config)
    items = [
        f"[#strong[{escape(typography(role.title))}]: {escape(typography(role.description))} "
        f"\\({escape(_footer(catalog, role, node['variant']))}\\)]"
        for role in catalog.roles.values()
    ]
    self.add_block("#list(" + ", ".join(items) + ")")
    raise nodes.SkipNode


def setup_role_cards(app: Sphinx) -> None:
    app.add_node(
        role_cards,
        html=(visit_role_cards_html, None),
        text=(visit_role_cards_text, None),
        typst=(visit_role_cards_typst, None),
    )
    app.add_directive("rolkeuze", RoleChoiceDirective)
    app.add_directive("rolkaarten", RoleCardsDirective)
