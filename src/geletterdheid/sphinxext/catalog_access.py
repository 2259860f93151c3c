"""How extension code reaches the Catalog: loaded once per build, never by parsing files here."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

from ..content import Catalog, Module, format_problems, load_catalog

_ATTR = "_geletterdheid_catalog"


class ContentProblems(ExtensionError):
    category = "Fouten in de inhoud"


def load_into(app: Sphinx) -> None:
    root = Path(app.config.geletterdheid_root or app.confdir)
    catalog, problems = load_catalog(root)
    if catalog is None:
        raise ContentProblems(f"draai 'geletterdheid check':\n{format_problems(problems, root)}")
    # Kept on the environment (not the app) so directives and roles reach it as ``self.env``;
    # it is reloaded on every builder-inited, so a pickled environment never serves stale content.
    setattr(app.env, _ATTR, catalog)


def catalog_of(env: BuildEnvironment) -> Catalog:
    catalog: Catalog = getattr(env, _ATTR)
    return catalog


def module_of_doc(env: BuildEnvironment, docname: str) -> Module | None:
    return catalog_of(env).module_for_path(Path(env.doc2path(docname)))
