"""Sphinx extension: the content of the Catalog (modules, quizzes, roles, topics, legal facts) on pages.

Every component is a node made by its directive and written by a visitor per builder (``html``,
``text`` and the handbooks' ``typst``), reading the Catalog, one module per component as in
sphinx-design: ``module_card``, ``quiz``, ``forum``, ``learning_path``, ``module_overview``,
``role_cards``, ``timeline``, ``diagrams``; ``topics`` makes plain sections. Warnings are typed
(``geletterdheid.<kind>``, see typed_warnings.py).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .. import __version__
from .catalog_access import catalog_of, load_into
from .decision_tree import decision_tree, setup_decision_tree
from .diagrams import diagram, setup_diagrams
from .forum import forum_box, setup_forum
from .learning_path import learning_path_node, setup_learning_path
from .learning_path_pages import setup_learning_path_pages
from .module_card import module_card, setup_module_card
from .module_overview import module_overview, setup_module_overview
from .module_pages import setup_module_pages
from .notebooks import setup_notebooks
from .page_nodes import has_node
from .quiz import quiz, setup_quiz
from .read_inputs import setup_read_inputs
from .results import CONFIG_NAME as RESULTS_URL
from .results import add_results_script, check_results_url, write_mode_file
from .role_cards import role_cards, setup_role_cards
from .roles import ArticleRole, LegalFactRole
from .timeline import setup_timeline, timeline
from .topics import setup_topics
from .translations import add_dutch_texts, add_search_texts
from .tree_case import setup_tree_case, tree_case

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"  # naar-boven.html (site_conf's article_footer_items)
FAVICON = STATIC_DIR / "favicon.svg"
#: The builders that have visitors for the components; others (latex, linkcheck...) leave them out.
WRITTEN_BY = ("html", "text", "typst")
COMPONENTS = (
    module_card,
    quiz,
    forum_box,
    learning_path_node,
    module_overview,
    role_cards,
    timeline,
    decision_tree,
    tree_case,
    diagram,
)


def _own_copies(app: Sphinx, config: Any) -> None:
    """Give this build its own (shallow) copies of the settings' lists and dicts, which themes and
    extensions change: pydata-sphinx-theme appends to ``templates_path`` and fills in
    ``html_theme_options``, this extension appends to ``html_static_path``.

    conf.py's values can outlive a build: ``from geletterdheid.site_conf import *`` hands every build in
    a process the same module-level objects (and Sphinx its defaults), so the changes piled up from
    build to build. The settings then differed from the previous build's, and Sphinx wrote every page
    again ("build_info mismatch"): the preview's first rebuild of one page took as long as a full write.
    """
    for item in list(config):
        if isinstance(item.value, (list, dict)):
            setattr(config, item.name, copy.copy(item.value))


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC_DIR))


def _add_templates_and_favicon(app: Sphinx, config: Any) -> None:
    """The extension's templates, and its own favicon unless the site has one (a gemeente's logo)."""
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)  # an absolute path: Sphinx copies it into _static


def _add_quiz_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Pages with a quiz load quiz.js, or toets.js in toets mode (deferred); other pages no quiz code."""
    if has_node(doctree, quiz):
        app.add_js_file("toets.js" if app.config[RESULTS_URL] else "quiz.js", loading_method="defer")


def _leave_out_components(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A builder without visitors for the components (latex, man, linkcheck...) builds without them."""
    if app.builder.name in WRITTEN_BY or app.builder.format in WRITTEN_BY:
        return
    for node in list(doctree.findall(lambda n: isinstance(n, COMPONENTS))):
        node.parent.remove(node)


def _skip_link_loops(app: Sphinx, config: Any) -> None:
    """Leave out symbolic links in the content that lead back to themselves: they hold nothing,
    and Sphinx's warning about them ("unreadable document") would fail the build. `geletterdheid
    check` names them."""
    from sphinx.util import logging

    from ..content.load import link_loops

    root = Path(app.srcdir)
    loops = [problem.path.relative_to(root).as_posix() for problem in link_loops(root)]
    for loop in loops:
        logging.getLogger(__name__).info(f"Let op: {loop} is een symbolische koppeling in een kring; overgeslagen")
    config.exclude_patterns = [*config.exclude_patterns, *loops]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("sphinx_design")
    app.add_config_value("geletterdheid_root", None, "env", types=[str, type(None)])
    app.add_config_value(RESULTS_URL, "", "env", types=[str])
    # The gemeente's name on the cover of the PDF handbooks.
    app.add_config_value("geletterdheid_gemeente", "Gemeente Voorbeeld", "html", types=[str])
    # Its logo (a path relative to conf.py), on the covers of the PDF handbooks; empty: none.
    app.add_config_value("geletterdheid_logo", "", "html", types=[str])
    # Roles whose PDF handbooks this build makes: `geletterdheid build` sets it, and the learning paths
    # then link them (a plain sphinx-build makes no PDFs, so it links none).
    app.add_config_value("geletterdheid_handboeken", [], "html", types=[list, tuple])
    app.add_role("artikel", ArticleRole())
    app.add_role("wet", LegalFactRole())
    for setup_component in (
        setup_module_card,
        setup_quiz,
        setup_forum,
        setup_learning_path,
        setup_module_overview,
        setup_role_cards,
        setup_timeline,
        setup_decision_tree,
        setup_tree_case,
        setup_diagrams,
        setup_topics,
        setup_module_pages,
        setup_learning_path_pages,
        setup_read_inputs,
        setup_notebooks,
    ):
        setup_component(app)
    app.connect("builder-inited", load_into, priority=400)  # before anything reads the Catalog
    app.connect("builder-inited", _add_static)
    app.connect("config-inited", _own_copies, priority=100)
    app.connect("config-inited", check_results_url)
    app.connect("config-inited", _skip_link_loops)
    app.connect("config-inited", _add_templates_and_favicon)
    app.connect("builder-inited", add_results_script)
    app.connect("build-finished", write_mode_file)
    app.connect("doctree-resolved", _leave_out_components)
    app.connect("html-page-context", _add_quiz_script)
    app.connect("html-page-context", add_search_texts)
    add_dutch_texts(app)
    app.add_css_file("geletterdheid.css")
    app.add_css_file("beslisboom.css")
    # After doctools.js (200), before translations.js (500): see the script for why.
    app.add_js_file("vertalingen-zonder-eval.js", priority=300)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 3}


__all__ = ["catalog_of", "setup"]
