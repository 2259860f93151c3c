"""The forum box: every module page leads to where colleagues discuss its topic.

``{forum}`` (or ``{forum} onderwerp-id``) makes one ``forum_box`` node. On paper (the handbooks)
the box also shows the address as text and as a QR code with alternative text.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Topic
from .catalog_access import catalog_of
from .catalog_directive import CatalogDirective
from .html_text import HtmlText, Typography
from .read_inputs import note_use
from .typed_warnings import WarningKind

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

TITLE = "Praat mee"
INVITATION = "Heb je een vraag of een ervaring over dit onderwerp? Bespreek het met collega's op "


class forum_box(nodes.General, nodes.Element):
    """Attribute ``topic``: the topic id."""


def forum_link_text(topic: Topic) -> str:
    return f"het forum over {topic.title}"


def forum_link(topic: Topic) -> nodes.reference:
    """The link to a topic's forum, as the topics page shows it too."""
    return nodes.reference("", forum_link_text(topic), refuri=str(topic.forum_url), classes=["gl-forum-link"])


class ForumDirective(CatalogDirective):
    def run(self) -> list[nodes.Node]:
        catalog = catalog_of(self.env)
        note_use(self.env, "forum")
        if not catalog.forum:  # the gemeente has no forum (forum = false in gemeente.toml)
            return []
        if self.arguments:
            note_use(self.env, "topic", self.arguments[0])
            if self.arguments[0] not in catalog.topics:
                self.warn(WarningKind.TOPIC, f"forum: onbekend onderwerp '{self.arguments[0]}'")
                return []
            topic_id = self.arguments[0]
        else:
            module = self.module()
            if module is None:
                return []
            topic_id = module.topic
        return [self.located(forum_box(topic=topic_id))]


def _topic(translator: HTML5Translator | TextTranslator | TypstWriter, node: forum_box) -> Topic:
    return catalog_of(translator.builder.env).topics[node["topic"]]


def visit_forum_html(self: HTML5Translator, node: forum_box) -> None:
    topic, text = _topic(self, node), HtmlText(self.config)
    self.body.append(
        '<div class="gl-forum admonition tip docutils container">\n'
        f'<p class="admonition-title">{TITLE}</p>\n'
        f'<p>{text(INVITATION)}<a class="gl-forum-link reference external" href="{escape(str(topic.forum_url))}">'
        f"{text(forum_link_text(topic))}</a>.</p>\n</div>\n"
    )
    raise nodes.SkipNode


def visit_forum_text(self: TextTranslator, node: forum_box) -> None:
    topic = _topic(self, node)
    for line in (TITLE, f"{Typography(self.config)(INVITATION)}{forum_link_text(topic)}: {topic.forum_url}"):
        self.new_state(0)
        self.add_text(line)
        self.end_state()
    raise nodes.SkipNode


def visit_forum_typst(self: TypstWriter, node: forum_box) -> None:
    from ..typst_syntax import escape as typst_escape
    from ..typst_syntax import string
    from .qr import qr_png

    topic = _topic(self, node)
    url = str(topic.forum_url)
    name = forum_link_text(topic)
    image = self.add_asset(qr_png(url), "png")
    alt = f"QR-code met het adres van {name}: {url}"
    qr = f'gl-afbeelding(image({string(image)}, alt: {string(alt)}, width: 28mm, scaling: "pixelated"))'
    body = (
        f"{typst_escape(Typography(self.config)(INVITATION))}#link({string(url)})[{typst_escape(name)}]\\.\n\n"
        f"Scan de QR\\-code of ga naar #link({string(url)})[{typst_escape(url)}]"
    )
    self.add_block(f"#gl-forum(titel: [{TITLE}], qr: {qr})[{body}]")
    raise nodes.SkipNode


def setup_forum(app: Sphinx) -> None:
    app.add_node(
        forum_box, html=(visit_forum_html, None), text=(visit_forum_text, None), typst=(visit_forum_typst, None)
    )
    app.add_directive("forum", ForumDirective)
