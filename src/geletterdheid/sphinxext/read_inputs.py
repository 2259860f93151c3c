"""Which parts of the Catalog a page's doctree was made from, so that a later build reads it again when they change.

Most components only leave a node while reading and look the Catalog up when the page is written,
but a few read it while the page is read: the quiz parses its Markdown texts, the topics page lists
the modules per topic with their forum links, module pages get their card and quiz appended, and
directives check the ids they are given. Sphinx re-reads a page only when its file changed, so a
build over a *different* Catalog from the same environment (``build --project`` builds every
gemeente from one shared environment, one after the other) must say which pages depend on what
changed. Each such use is noted as a key with a digest of that part of the Catalog; on
``env-get-outdated`` a page whose digests no longer match the new Catalog is read again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..content import Catalog
from ..curriculum import learning_path
from .catalog_access import catalog_of

_ATTR = "_geletterdheid_read_inputs"

#: ("quiz", "m01"), ("module", "m01"), ("doc-module", "modules/m01-wat-is-ai"), ("role", "inkoper"),
#: ("doc-role", "docs/rollen/inkoper"),
#: ("topic", "basis"), ("topics",), ("forum",), ("legal",)
Key = tuple[str, ...]


def _part(catalog: Catalog, key: Key, env: BuildEnvironment) -> object:
    kind, *rest = key
    if kind == "quiz":
        return catalog.quizzes.get(rest[0])
    if kind == "module":
        return catalog.modules.get(rest[0])
    if kind == "doc-module":
        page = Path(env.doc2path(rest[0]))
        module = catalog.module_for_path(page)
        if module is None:
            return ("weggelaten", catalog.left_out_module_at(page))
        return (module.id, catalog.quizzes.get(module.id) is not None)
    if kind == "role":
        return catalog.roles.get(rest[0])
    if kind == "doc-role":  # a role page, with the size of its learning path in its text
        path = Path(env.doc2path(rest[0])).resolve()
        role = next((r for r, p in catalog.role_paths.items() if p.resolve() == path), None)
        if role is None:
            return None
        path_modules = learning_path(catalog, [role]).modules
        return (role, [(m.id, m.duration_minutes) for m in path_modules])
    if kind == "topic":
        return catalog.topics.get(rest[0])
    if kind == "topics":
        modules = [(m.id, m.title, m.topic, str(catalog.module_paths.get(m.id))) for m in catalog.modules.values()]
        return (catalog.topics, modules, catalog.forum)
    if kind == "forum":
        return catalog.forum
    if kind == "legal":
        return catalog.legal
    if kind == "tree":  # a {beslisboom-casus} walks its kenmerken while the page is read
        return (catalog.decision_tree, catalog.duties, catalog.legal)
    raise ValueError(f"unknown Catalog part {key!r}")


def _digest(part: object) -> str:
    # repr of the frozen content models is complete and stable for equal values.
    return hashlib.blake2b(repr(part).encode("utf-8"), digest_size=16).hexdigest()


def _uses(env: BuildEnvironment) -> dict[str, dict[Key, str]]:
    uses: dict[str, dict[Key, str]] | None = getattr(env, _ATTR, None)
    if uses is None:
        uses = {}
        setattr(env, _ATTR, uses)
    return uses


_DIGESTS_ATTR = "_geletterdheid_read_digests"


def _digest_now(env: BuildEnvironment, key: Key) -> str:
    """The digest of a part of the current Catalog, made once per part and Catalog.

    Some parts are large (the legal facts, which every ``{artikel}`` notes), so hashing them at
    every use cost more than the page itself; the Catalog is immutable, so one digest holds.
    """
    catalog = catalog_of(env)
    cached: tuple[Catalog, dict[Key, str]] | None = getattr(env, _DIGESTS_ATTR, None)
    if cached is None or cached[0] is not catalog:  # a new build loads a new Catalog
        cached = (catalog, {})
        setattr(env, _DIGESTS_ATTR, cached)
    digests = cached[1]
    if key not in digests:
        digests[key] = _digest(_part(catalog, key, env))
    return digests[key]


def note_use(env: BuildEnvironment, *key: str, docname: str | None = None) -> None:
    """Record that the page being read (or ``docname``) was made from this part of the Catalog."""
    page = docname or env.docname
    _uses(env).setdefault(page, {})[key] = _digest_now(env, key)


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    stale = []
    for docname, used in _uses(env).items():
        if docname in removed or docname in changed or docname in added:
            continue
        for key, digest in used.items():
            if _digest_now(env, key) != digest:
                stale.append(docname)
                break
    return stale


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _uses(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str], other: Any) -> None:
    theirs = _uses(other)
    for docname in docnames:
        if docname in theirs:
            _uses(env)[docname] = theirs[docname]


def setup_read_inputs(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
