"""Learning-path pages, generated from the Catalog like sphinx-gallery generates its galleries.

On ``builder-inited`` the overview (a sphinx-design grid with a card per role) and one page per
role are written to ``docs/leerpaden/``, only when their text changed, so an unchanged page is
not read again. A role page holds just a title and the ``{leerpad}`` directive: the listing
itself is written from the Catalog when the page is written (see catalog_html.py), so it cannot drift
from the content.
Each role page in ``docs/rollen/`` gets a link to its learning path on ``source-read``.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..content import Catalog, Role
from ..curriculum import UnknownRole, duration_text, learning_path
from .catalog_access import catalog_of
from .catalog_html import Page, placeholder, renderer
from .directives import LEVEL_LABELS

LEARNING_PATHS_DIR = Path("docs") / "leerpaden"
LEARNING_PATH = "leerpad"
GENERATED_NOTE = "% Gemaakt door geletterdheid uit de inhoud (docs/rollen, modules). Niet met de hand aanpassen."


def _count(number: int) -> str:
    return f"{number} {'module' if number == 1 else 'modules'}"


def _escape(text: str) -> str:
    """Text safe inside a MyST role or card title."""
    return text.replace("\\", "\\\\").replace("`", "\\`").replace("<", "\\<")


def role_page(role: Role) -> str:
    return "\n".join(
        [
            GENERATED_NOTE,
            "",
            f"(leerpad-{role.id})=",
            f"# Leerpad {role.title}",
            "",
            f"```{{leerpad}} {role.id}",
            "```",
            "",
        ]
    )


def role_cards(
    catalog: Catalog, *, link_prefix: str, container_class: str, card_class: str, footer_prefix: str = ""
) -> list[str]:
    """A sphinx-design grid (MyST lines) with a card per role linking to its learning path.

    Shared by the learning-path overview and the landing page's "Wat is jouw rol?".
    """
    lines = ["::::{grid} 1 2 2 3", ":gutter: 3", f":class-container: {container_class}", ""]
    for role in catalog.roles.values():
        path = learning_path(catalog, [role.id])
        lines += [
            f":::{{grid-item-card}} {_escape(role.title)}",
            f":link: {link_prefix}{role.id}",
            ":link-type: doc",
            f":class-card: {card_class}",
            "",
            role.description,
            "",
            "```{card-footer}",
            f"{footer_prefix}{_count(len(path.modules))} · {duration_text(path.minutes)}",
            "```",
            ":::",
            "",
        ]
    return lines + ["::::"]


def overview_page(catalog: Catalog) -> str:
    lines = [
        "---",
        "orphan: true",  # linked from the landing page's toctree; other sites need not link it
        "---",
        GENERATED_NOTE,
        "",
        "(leerpaden)=",
        "# Leerpaden per rol",
        "",
        "Welke modules volg jij? Dat hangt af van je rol in de gemeente. Kies hieronder je rol. "
        "Je ziet dan welke modules je volgt, in welke volgorde, en hoeveel tijd dat kost. "
        "Iedereen volgt de modules voor alle medewerkers.",
        "",
    ]
    lines += role_cards(catalog, link_prefix="", container_class="gl-leerpaden", card_class="gl-leerpad-kaart")
    lines += ["", "```{toctree}", ":hidden:", "", *catalog.roles, "```", ""]
    return "\n".join(lines)


def generated_pages(catalog: Catalog) -> dict[str, str]:
    """File name (in docs/leerpaden/) -> Markdown text, for the overview and every role."""
    pages = {"index.md": overview_page(catalog)}
    pages.update({f"{role.id}.md": role_page(role) for role in catalog.roles.values()})
    return pages


def write_pages(directory: Path, pages: dict[str, str]) -> list[Path]:
    """Write pages whose text changed and remove pages no longer generated; return what changed."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in pages.items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for stale in directory.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
            changed.append(stale)
    return changed


def generate_learning_path_pages(app: Sphinx) -> None:
    write_pages(Path(app.srcdir) / LEARNING_PATHS_DIR, generated_pages(catalog_of(app.env)))


def _role_of_doc(catalog: Catalog, path: Path) -> Role | None:
    resolved = path.resolve()
    for role_id, role_path in catalog.role_paths.items():
        if role_path.resolve() == resolved:
            return catalog.roles[role_id]
    return None


def append_learning_path_link(app: Sphinx, docname: str, source: list[str]) -> None:
    """Give every role page a short section that leads to its learning path."""
    catalog = catalog_of(app.env)
    role = _role_of_doc(catalog, Path(app.env.doc2path(docname)))
    target = f"/{LEARNING_PATHS_DIR.as_posix()}/{role.id}" if role else ""
    if role is None or target in source[0]:
        return
    path = learning_path(catalog, [role.id])
    source[0] = source[0].rstrip("\n") + "\n".join(
        [
            "",
            "",
            "## Jouw leerpad",
            "",
            f"Het leerpad voor deze rol heeft {_count(len(path.modules))}. Samen kosten ze ongeveer "
            f"{duration_text(path.minutes)}.",
            "",
            f"Bekijk het {{doc}}`Leerpad {_escape(role.title)} <{target}>`: alle modules op een rij, in de goede volgorde.",
            "",
        ]
    )


class LearningPathDirective(SphinxDirective):
    """``{leerpad} ROL``: the modules of a role's path in order, with duration, level and goals."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        role_id = self.arguments[0]
        try:
            learning_path(catalog_of(self.env), [role_id])
        except UnknownRole as exc:
            return [self.state.document.reporter.error(f"leerpad: {exc}", line=self.lineno)]
        return [placeholder(self, LEARNING_PATH, role=role_id)]


def _handbook_links(page: Page, role: str) -> list[str]:
    """Links to the role's PDF handbooks, when this build makes them (``geletterdheid build``)."""
    if role not in page.config.geletterdheid_handboeken:
        return []
    from ..handbook.edition import EDITIONS, SITE_FOLDER, pdf_name

    title = page.catalog.roles[role].title
    links = [
        f'<a class="reference download" href="{page.site_url(f"{SITE_FOLDER}/{pdf_name(edition, role)}")}">'
        f"{page.text(f'{edition.name} {title}')}{' met antwoorden' if edition.with_answers else ''} (pdf)</a>"
        for edition in EDITIONS
    ]
    return [f'<p class="gl-handboeken"><strong>Op papier of voor een workshop:</strong> {" · ".join(links)}</p>']


@renderer(LEARNING_PATH)
def learning_path_html(page: Page, role: str) -> str:
    catalog, text = page.catalog, page.text
    path = learning_path(catalog, [role])
    shown = catalog.roles[role]
    html = [
        '<div class="gl-leerpad-wrapper docutils container">',
        f"<p><strong>Voor wie: </strong>{text(shown.description)} Meer over deze rol: "
        f"{page.doc_link(page.doc_of(catalog.role_paths[role]), shown.title)}.</p>",
        "<p>Volg de modules in deze volgorde. Dan ken je de basis voordat je verder gaat. "
        "Na elke module kun je jezelf toetsen.</p>",
        f'<p class="gl-leerpad-samenvatting"><strong>{_count(len(path.modules))}</strong>, samen '
        f"<strong>{duration_text(path.minutes)}</strong> studietijd.</p>",
        *_handbook_links(page, role),
        '<ol class="arabic gl-leerpad">',
    ]
    for module in path.modules:
        meta = f"{module.id} · {duration_text(module.duration_minutes)} · niveau {LEVEL_LABELS[module.level]}"
        if module.requires:
            meta += " · lees eerst: " + ", ".join(
                page.doc_link(page.doc_of(catalog.module_paths[m]), catalog.modules[m].title) for m in module.requires
            )
        html += [
            f'<li class="gl-leerpad-module" id="leerpad-{module.id}"><p class="gl-leerpad-titel"><strong>'
            f"{page.doc_link(page.doc_of(catalog.module_paths[module.id]), module.title)}</strong></p>",
            f'<p class="gl-leerpad-meta">{meta}</p>',
            "<p>Na deze module kun je:</p>",
            '<ul class="simple">',
            *(f"<li><p>{text(goal)}</p></li>" for goal in module.learning_goals),
            "</ul>",
            "</li>",
        ]
    html += [
        "</ol>",
        f'<p class="gl-leerpad-totaal"><strong>Totale studietijd: </strong>{duration_text(path.minutes)}</p>',
        "</div>\n",
    ]
    return "\n".join(html)
