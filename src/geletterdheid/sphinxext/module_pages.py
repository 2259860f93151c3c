"""Module pages need no boilerplate: the card, the quiz and the forum box are added by the build.

For every document that is a module in the Catalog, the three directives are appended on
``source-read`` (so the page's own line numbers stay true) unless the page places them itself;
a transform then moves the card to just below the page title. A base module the gemeente leaves
out (``[inhoud] weglaten``) keeps its page, since other pages link to it, but gets no card, quiz
or forum box: a note under its title says it is not part of the gemeente's training.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .catalog_access import catalog_of, module_of_doc
from .module_card import module_card
from .read_inputs import note_use

_EXPLICIT = re.compile(r"^[`:]{3,}\{(quiz|forum|module-kaart)\}", re.MULTILINE)


def append_module_parts(app: Sphinx, docname: str, source: list[str]) -> None:
    note_use(app.env, "doc-module", docname, docname=docname)
    module = module_of_doc(app.env, docname)
    if module is None:
        if catalog_of(app.env).left_out_module_at(Path(app.env.doc2path(docname))) is not None:
            source[0] = source[0].rstrip("\n") + left_out_note(app.config.geletterdheid_gemeente)
        return
    note_use(app.env, "forum", docname=docname)
    present = set(_EXPLICIT.findall(source[0]))
    tail = []
    if "module-kaart" not in present:
        tail.append("\n\n```{module-kaart}\n```\n")
    if "quiz" not in present:
        tail.append("\n\n(toets-" + module.id + ")=\n## Toets jezelf\n\n```{quiz}\n```\n")
    if "forum" not in present and catalog_of(app.env).forum:
        tail.append("\n\n```{forum}\n```\n")
    source[0] = source[0].rstrip("\n") + "".join(tail)


LEFT_OUT_CLASS = "gl-weggelaten"


def left_out_note(gemeente: str) -> str:
    return (
        f"\n\n:::{{admonition}} Niet in het leerprogramma\n:class: note {LEFT_OUT_CLASS}\n"
        f"{gemeente} heeft deze module niet opgenomen in het leerprogramma. Je kunt de tekst lezen als "
        "achtergrond. Er hoort geen toets bij en de module telt niet mee in je leerpad.\n:::\n"
    )


class MoveModuleCard(SphinxTransform):
    """Place the module card (or the note of a left-out module) directly under the page title.

    Also drops the "abstract" topic docutils makes of the front-matter key ``samenvatting``
    (the Dutch name of that bibliographic field): the card already shows the summary.
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        for topic in list(self.document.findall(nodes.topic)):
            if "abstract" in topic["classes"]:
                topic.parent.remove(topic)
        card: nodes.Element | None = next(iter(self.document.findall(module_card)), None)
        if card is None:
            card = next((n for n in self.document.findall(nodes.admonition) if LEFT_OUT_CLASS in n["classes"]), None)
        section = next(iter(self.document.findall(nodes.section)), None)
        if card is None or section is None or (card.parent is section and section.index(card) == 1):
            return
        card.parent.remove(card)
        title_index = section.first_child_matching_class(nodes.title)
        section.insert((title_index or 0) + 1, card)


def setup_module_pages(app: Sphinx) -> None:
    app.connect("source-read", append_module_parts)
    app.add_transform(MoveModuleCard)
