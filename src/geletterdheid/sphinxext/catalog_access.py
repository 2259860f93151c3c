"""How extension code reaches the Catalog: loaded once per build, never by parsing files here."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..content import Catalog, Module, load_catalog

_ATTR = "_geletterdheid_catalog"


class ContentProblems(ExtensionError):
    category = "Fouten in de inhoud"


def load_into(app: Sphinx) -> None:
    root = Path(app.config.geletterdheid_root or app.confdir)
    catalog, problems = load_catalog(root)
    if catalog is None:
        lines = "\n".join(problem.format(root) for problem in problems)
        raise ContentProblems(f"de inhoud heeft {len(problems)} fout(en); draai 'geletterdheid check':\n{lines}")
    setattr(app, _ATTR, catalog)


def catalog_of(app: Sphinx) -> Catalog:
    return getattr(app, _ATTR)


def module_of_doc(app: Sphinx, docname: str) -> Module | None:
    return catalog_of(app).module_for_path(Path(app.env.doc2path(docname)))
