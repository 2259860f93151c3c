"""Sphinx extension: renders modules, quizzes, forum links and article references from the Catalog.

Module pages need no boilerplate: for every document that is a module in the Catalog, the card,
the quiz and the forum box are appended on ``source-read`` (so source line numbers stay true),
and a transform then moves the card to just below the page title.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .. import __version__
from .catalog_access import catalog_of, load_into, module_of_doc
from .catalog_html import catalog_html
from .catalog_html import setup as setup_catalog_html
from .directives import CARD, ForumDirective, ModuleCardDirective
from .learning_paths import LearningPathDirective, append_learning_path_link, generate_learning_path_pages
from .quiz import INTRO_CLASS, QuizDirective
from .results import CONFIG_NAME as RESULTS_URL
from .results import add_results_script, check_results_url
from .roles import ArticleRole, LegalFactRole
from .timeline import TimelineDirective
from .translations import add_dutch_texts, add_search_texts
from .way_in import ModuleOverviewDirective, RoleChoiceDirective, TopicsDirective

STATIC_DIR = Path(__file__).parent / "static"
_EXPLICIT = re.compile(r"^[`:]{3,}\{(quiz|forum|module-kaart)\}", re.MULTILINE)


def _append_module_parts(app: Sphinx, docname: str, source: list[str]) -> None:
    module = module_of_doc(app.env, docname)
    if module is None:
        return
    present = set(_EXPLICIT.findall(source[0]))
    tail = []
    if "module-kaart" not in present:
        tail.append("\n\n```{module-kaart}\n```\n")
    if "quiz" not in present:
        tail.append("\n\n(toets-" + module.id + ")=\n## Toets jezelf\n\n```{quiz}\n```\n")
    if "forum" not in present:
        tail.append("\n\n```{forum}\n```\n")
    source[0] = source[0].rstrip("\n") + "".join(tail)


class MoveModuleCard(SphinxTransform):
    """Place the module card directly under the page title.

    Also drops the "abstract" topic docutils makes of the front-matter key ``samenvatting``
    (the Dutch name of that bibliographic field): the card already shows the summary.
    """

    default_priority = 800

    def apply(self, **kwargs) -> None:
        for topic in list(self.document.findall(nodes.topic)):
            if "abstract" in topic["classes"]:
                topic.parent.remove(topic)
        for card in list(self.document.findall(catalog_html)):
            if card["renderer"] != CARD:
                continue
            section = next(iter(self.document.findall(nodes.section)), None)
            if section is None or card.parent is section and section.index(card) == 1:
                return
            card.parent.remove(card)
            title_index = section.first_child_matching_class(nodes.title)
            section.insert((title_index or 0) + 1, card)
            return


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC_DIR))


def _add_quiz_script(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Pages with a quiz load quiz.js (deferred); other pages load no quiz code at all."""
    if doctree is None:
        return
    if any(INTRO_CLASS in node["classes"] for node in doctree.findall(nodes.paragraph)):
        app.add_js_file("quiz.js", loading_method="defer")


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx_design")
    setup_catalog_html(app)
    app.add_config_value("geletterdheid_root", None, "env", types=[str, type(None)])
    app.add_config_value(RESULTS_URL, "", "env", types=[str])
    # The gemeente's name on the cover of the PDF handbooks.
    app.add_config_value("geletterdheid_gemeente", "Gemeente Voorbeeld", "html", types=[str])
    # Roles whose PDF handbooks this build makes: `geletterdheid build` sets it, and the learning paths
    # then link them (a plain sphinx-build makes no PDFs, so it links none).
    app.add_config_value("geletterdheid_handboeken", [], "html", types=[list, tuple])
    app.add_role("artikel", ArticleRole())
    app.add_role("wet", LegalFactRole())
    app.add_directive("module-kaart", ModuleCardDirective)
    app.add_directive("quiz", QuizDirective)
    app.add_directive("forum", ForumDirective)
    app.add_directive("rolkeuze", RoleChoiceDirective)
    app.add_directive("onderwerpen", TopicsDirective)
    app.add_directive("module-overzicht", ModuleOverviewDirective)
    app.add_directive("tijdlijn", TimelineDirective)
    app.add_directive("leerpad", LearningPathDirective)
    app.add_transform(MoveModuleCard)
    app.connect("builder-inited", load_into)
    app.connect("builder-inited", _add_static)
    app.connect("config-inited", check_results_url)
    app.connect("builder-inited", add_results_script)
    app.connect("builder-inited", generate_learning_path_pages, priority=600)  # after load_into
    app.connect("source-read", _append_module_parts)
    app.connect("source-read", append_learning_path_link)
    app.connect("html-page-context", _add_quiz_script)
    app.connect("html-page-context", add_search_texts)
    add_dutch_texts(app)
    app.add_css_file("geletterdheid.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}


__all__ = ["catalog_of", "setup"]
