"""Sphinx builder ``typst``: every module page as Typst markup, once per handbook edition.

It writes no file per page: a handbook holds several modules, so the builder makes per edition a
dict module id -> markup (``markup``), and ``handbook/build.py`` puts the handbooks together. The
images go into the Typst root (this builder's output folder): the content's under ``_images/``,
generated ones (QR codes) under ``_handboek/``.

``geletterdheid build`` runs it on the environment the HTML build left, so nothing is read twice.
Sphinx finds it by name through the ``sphinx.builders`` entry point (pyproject.toml), so a plain
HTML build never imports the handbook code.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.build_phase import BuildPhase
from sphinx.util.docutils import new_document
from sphinx.util.osutil import copyfile

from .. import __version__
from ..content import Catalog
from ..output_names import EDITIONS, Edition
from ..sphinxext.catalog_access import catalog_of
from ..sphinxext.decision_tree import decision_tree
from ..sphinxext.typed_warnings import WarningKind, warn
from .links import LinkRules, doc_uri, linked_labels
from .translator import IMAGE_DIR, TypstTranslator, asset_name
from .typst_doc import APPENDIX

logger = logging.getLogger(__name__)

#: Called with each edition's markup as soon as it is made (the caller may start compiling).
EditionSink = Callable[[Edition, dict[str, str]], None]


class HandbookSourceProblem(SphinxError):
    category = "Handboeken"


class TypstBuilder(Builder):
    name = "typst"
    format = "typst"
    epilog = "De Typst-opmaak van de modules staat in %(outdir)s."
    default_translator_class = TypstTranslator
    supported_image_types = ["image/svg+xml", "image/png", "image/jpeg", "image/gif", "image/webp"]
    supported_remote_images = False
    supported_data_uri_images = False  # Sphinx's DataURIExtractor makes files of them, copied as any image
    allow_parallel = False

    def init(self) -> None:
        #: Module ids to translate (all when None); set it before the build.
        self.module_ids: Collection[str] | None = None
        #: Called per edition with its markup; set it before the build.
        self.on_edition: EditionSink | None = None
        self.markup: dict[str, dict[str, str]] = {}  # edition key -> module id -> markup
        self.linked: frozenset[str] = frozenset()  # labels some link points to, in any module
        self.modules_by_doc: dict[str, str] = {}
        self._assets: dict[str, bytes] = {}  # path under the Typst root -> contents, not yet written
        self._warned: set[tuple[WarningKind, str, str]] = set()

    @property
    def catalog(self) -> Catalog:
        """The Catalog, as the extension loaded it on ``builder-inited`` (after ``init``)."""
        return catalog_of(self.env)

    # -- what Sphinx asks a builder --------------------------------------------------------------

    def get_outdated_docs(self) -> str:
        return "alle modules"  # cheap to redo: the markup is made in memory every time

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return doc_uri(docname)

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to)

    def write_documents(self, docnames: Collection[str]) -> None:
        """Translate the module pages (whatever ``docnames`` Sphinx found outdated), per edition."""
        doctrees = self._resolved_modules()
        # Which labels are linked decides which label a heading carries (see the translator).
        self.linked = frozenset(self.catalog.modules) | frozenset(
            label
            for module_id, doctree in doctrees.items()
            for label in linked_labels(doctree, self.link_rules(module_id))
        )
        self._copy_images()
        self.phase = BuildPhase.WRITING
        wanted = sorted(self.catalog.modules if self.module_ids is None else self.module_ids)
        # The trainer edition first: its handbooks are the longest, and a pool that starts the longest
        # compiles first ends with short ones instead of one long compile on one core.
        for edition in sorted(EDITIONS, key=lambda edition: not edition.with_answers):
            markup = {module_id: self._translate(module_id, doctrees[module_id], edition) for module_id in wanted}
            appendix = self._appendix(wanted, edition)
            if appendix is not None:
                markup[APPENDIX] = appendix
            self._write_assets()
            self.markup[edition.key] = markup
            if self.on_edition is not None:
                self.on_edition(edition, markup)

    def write_doc(self, docname: str, doctree: nodes.document) -> None:  # pragma: no cover - see write_documents
        raise NotImplementedError("the typst builder writes all modules at once (write_documents)")

    # -- for the translator ----------------------------------------------------------------------

    def link_rules(self, module_id: str) -> LinkRules:
        return LinkRules.for_module(self.catalog, module_id, self.modules_by_doc, self.config.html_baseurl or None)

    def image_path(self, uri: str) -> str:
        """The path under the Typst root of a content image (copied there, as the HTML builder does)."""
        return f"/{IMAGE_DIR}/{self.images.get(uri, os.path.basename(uri))}"

    def add_asset(self, data: bytes, extension: str) -> str:
        path = asset_name(data, extension)
        self._assets[path] = data
        return path

    def warn_once(self, kind: WarningKind, message: str, node: nodes.Node) -> None:
        """A typed warning; both editions meet the same node, the editor hears of it once."""
        located = _with_line(node)
        source, line = get_source_line(located)
        key = (kind, message, f"{source}:{line}")
        if key in self._warned:
            return
        self._warned.add(key)
        warn(kind, message, located)

    # -- the steps -------------------------------------------------------------------------------

    def _resolved_modules(self) -> dict[str, nodes.document]:
        self.phase = BuildPhase.RESOLVING
        docs = {}
        for module_id, path in sorted(self.catalog.module_paths.items()):
            docname = self.env.path2doc(str(path))
            if docname is None or docname not in self.env.all_docs:
                raise HandbookSourceProblem(
                    f"module {module_id} ({path}) is geen pagina van de site (staat het bestand in "
                    "include_patterns of exclude_patterns van conf.py?), dus ook niet in de handboeken"
                )
            docs[module_id] = docname
        self.modules_by_doc = {docname: module_id for module_id, docname in docs.items()}
        doctrees = {}
        for module_id, docname in docs.items():
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            self.post_process_images(doctree)
            doctrees[module_id] = doctree
        return doctrees

    def _translate(self, module_id: str, doctree: nodes.document, edition: Edition) -> str:
        translator = self.create_translator(doctree, self, module_id, edition.with_answers)
        assert isinstance(translator, TypstTranslator)
        doctree.walkabout(translator)
        return translator.markup()

    def _appendix(self, wanted: Collection[str], edition: Edition) -> str | None:
        """The beslishulp appendix: a document with only the ``{beslisboom}`` node, written by its own
        Typst visitor (the printable flow of the site's page). None without a decision tree."""
        catalog = self.catalog
        if catalog.decision_tree is None or catalog.duties is None or not wanted:
            return None
        document = new_document(APPENDIX)
        document.settings.env = self.env
        document += decision_tree()
        # Its links all go to EUR-Lex; the link rules of any module of the build will do.
        return self._translate(sorted(wanted)[0], document, edition)

    def _copy_images(self) -> None:
        target = Path(self.outdir) / IMAGE_DIR
        for source, name in self.images.items():
            target.mkdir(parents=True, exist_ok=True)
            copyfile(self.srcdir / source, target / name, force=True)

    def _write_assets(self) -> None:
        """Write each generated image once (its name is its hash): Typst may be reading it already."""
        for path, data in self._assets.items():
            file = Path(self.outdir) / path.lstrip("/")
            if file.is_file() and file.stat().st_size == len(data):
                continue
            file.parent.mkdir(parents=True, exist_ok=True)
            partial = file.with_name(file.name + ".deel")
            partial.write_bytes(data)
            os.replace(partial, file)
        self._assets.clear()


def _with_line(node: nodes.Node) -> nodes.Node:
    """``node``, or its nearest ancestor that knows its source line (MyST gives images line 0)."""
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return current
        current = current.parent
    return node


def setup(app: Sphinx) -> dict[str, object]:
    app.add_builder(TypstBuilder)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
