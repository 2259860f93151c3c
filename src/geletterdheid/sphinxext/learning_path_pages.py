"""Learning-path pages, generated from the Catalog like sphinx-gallery generates its galleries.

On ``builder-inited`` the overview (``{rolkaarten}``) and one page per role (``{leerpad}``) are
written to ``docs/leerpaden/`` of the content (git-ignored), only when their text changed, so an
unchanged page is not read again. The pages hold only a title and a directive: the listings are
written from the Catalog when the page is written. Each role page in ``docs/rollen/`` gets a
link to its learning path on ``source-read``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..content import Catalog, Role
from ..curriculum import duration_text, learning_path
from ..dutch import count
from .catalog_access import catalog_of
from .read_inputs import note_use
from .role_cards import LEARNING_PATHS

LEARNING_PATHS_DIR = Path(LEARNING_PATHS)
GENERATED_NOTE = "% Gemaakt door geletterdheid uit de inhoud (docs/rollen, modules). Niet met de hand aanpassen."


def _escape(text: str) -> str:
    """Text safe inside a MyST role."""
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
        "```{rolkaarten}",
        "```",
        "",
        "```{toctree}",
        ":hidden:",
        "",
        *catalog.roles,
        "```",
        "",
    ]
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
    note_use(app.env, "doc-role", docname, docname=docname)
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
            f"Het leerpad voor deze rol heeft {count(len(path.modules), 'module', 'modules')}. Samen kosten ze "
            f"ongeveer {duration_text(path.minutes)}.",
            "",
            f"Bekijk het {{doc}}`Leerpad {_escape(role.title)} <{target}>`: "
            "alle modules op een rij, in de goede volgorde.",
            "",
        ]
    )


def setup_learning_path_pages(app: Sphinx) -> None:
    app.connect("builder-inited", generate_learning_path_pages, priority=600)  # after the Catalog is loaded
    app.connect("source-read", append_learning_path_link)
