"""The ``quiz`` directive: a module's quiz as an HTML form, written straight from the Catalog.

The quiz only exists in HTML (the PDF handbooks are made from the HTML too), so it is written as
raw HTML rather than as docutils nodes. As nodes, its ~40 nodes per question made up a third of
the site's doctree, and every Sphinx transform and the writer walked them: 0.4 s of a 2.7 s
build. Sphinx still indexes the text of raw HTML for search. Only a text that holds Markdown
markup (a role, a link, emphasis) is parsed, and its nodes sit between the raw parts.
"""

from __future__ import annotations

import re

from docutils import nodes

from ..content import Question, Quiz
from ..content.articles import UnknownProvision, parse_provision
from .catalog_access import catalog_of
from .directives import CatalogDirective
from .html_text import HtmlText, attributes

_MARKUP = re.compile(r"[*_`\[\]{}<>#|\\]|^\s*([-+]|\d+[.)])\s", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n\s*\n")

TYPE_HINTS = {
    "enkelvoudig": "Kies één antwoord.",
    "juist-onwaar": "Kies juist of onjuist.",
    "meervoudig": "Kies alle antwoorden die kloppen.",
}
INTRO_CLASS = "gl-quiz-intro"


def option_label(key: str, text: str) -> str:
    """'A. Optie' for lettered options; a word key (juist/onjuist) already says it: 'Juist'."""
    return f"{key.upper()}. {text}" if len(key) == 1 else text


def has_markup(text: str) -> bool:
    return _MARKUP.search(text) is not None


class QuizDirective(CatalogDirective):
    """The quiz of a module: a form with a fieldset per question and a collapsible answer."""

    def run(self) -> list[nodes.Node]:
        module = self._module()
        if module is None:
            return self._error("quiz: deze pagina hoort bij geen module; geef de module-id op")
        quiz = catalog_of(self.env).quizzes[module.id]
        intro = nodes.paragraph(
            "",
            f"Test wat je weet met {len(quiz.questions)} vragen. Je hebt de toets gehaald als je minstens "
            f"{quiz.pass_mark}% goed hebt. Klik onder een vraag op 'Antwoord en uitleg' om het antwoord te zien.",
            classes=[INTRO_CLASS],
        )
        writer = _QuizWriter(self)
        writer.quiz(quiz, module.title)
        return [intro, *writer.finish()]


class _QuizWriter:
    """Collects HTML text, and the nodes of texts that need a Markdown parse, in document order."""

    def __init__(self, directive: QuizDirective) -> None:
        self.directive = directive
        self.results_url = directive.config.geletterdheid_resultaten_url or None
        self.text = HtmlText(directive.config)
        self.parts: list[nodes.Node] = []
        self.html: list[str] = []

    def finish(self) -> list[nodes.Node]:
        self._flush()
        return self.parts

    def _flush(self) -> None:
        if self.html:
            self.parts.append(nodes.raw("", "".join(self.html), format="html"))
            self.html = []

    def start(self, tag: str, classes: list[str] | None = None, **attrs: str | None) -> None:
        values = {"class": " ".join(classes) if classes else None}
        values.update((key.rstrip("_").replace("_", "-"), value) for key, value in attrs.items())
        self.html.append(f"<{tag}{attributes(values)}>")

    def element(self, tag: str, text: str, classes: list[str] | None = None, **attrs: str | None) -> None:
        self.start(tag, classes, **attrs)
        self.html.append(f"{self.text(text)}</{tag}>")

    def prose(self, text: str) -> None:
        """Paragraphs of an author's text (casus, uitleg): plain text directly, Markdown through MyST."""
        if not has_markup(text):
            for block in _BLANK_LINE.split(text.strip()):
                self.element("p", " ".join(block.split()))
                self.html.append("\n")
            return
        self._flush()
        self.parts.extend(self.directive.parse_markdown(text))

    def quiz(self, quiz: Quiz, module_title: str) -> None:
        self.start(
            "form",
            ["gl-quiz"],
            action="#",
            aria_label=f"Toets: {module_title}",
            data_drempel=str(quiz.pass_mark),
            data_quiz=quiz.module,
            data_resultaten_url=self.results_url,
            novalidate="novalidate",
        )
        for number, question in enumerate(quiz.questions, start=1):
            self.question(question, number)
        self.html.append("</form>\n")

    def question(self, question: Question, number: int) -> None:
        # data-juist lets quiz.js give instant feedback; the same answer is on the page in <details>.
        self.start(
            "div",
            ["gl-vraag"],
            data_juist=" ".join(question.correct),
            data_type=question.type,
            data_vraag=question.id,
            id=f"vraag-{question.id}",
        )
        if question.case:
            self.start("div", ["gl-casus"])
            self.html.append("\n<p><strong>Casus</strong></p>\n")
            self.prose(question.case)
            self.html.append("</div>\n")
        # Line breaks between the blocks keep words apart in the search index, which strips the tags.
        self.html.append("<fieldset>")
        self.element("legend", f"Vraag {number}. {question.text}")
        self.html.append("\n")
        self.element("p", TYPE_HINTS[question.type], ["gl-hint"])
        self.html.append("\n")
        input_type = "checkbox" if question.type == "meervoudig" else "radio"
        for key, text in question.options.items():
            input_id = f"{question.id}-{key}"
            self.start("div", ["gl-optie"])
            self.html.append(
                f"<input{attributes({'id': input_id, 'name': question.id, 'type': input_type, 'value': key})} />"
            )
            self.element("label", option_label(key, text), for_=input_id)
            self.html.append("</div>\n")
        self.html.append("</fieldset>\n")
        self.answer(question, number)
        self.html.append("</div>\n")

    def answer(self, question: Question, number: int) -> None:
        self.start("details", ["gl-antwoord"])
        self.element("summary", f"Antwoord en uitleg bij vraag {number}")
        self.html.append("\n")
        self.start("div", ["gl-antwoord-inhoud"])
        label = "Juiste antwoord" if len(question.correct) == 1 else "Juiste antwoorden"
        correct = "; ".join(option_label(key, question.options[key]) for key in question.correct)
        self.html.append(f"\n<p><strong>{label}: </strong>{self.text(correct)}</p>\n")
        self.prose(question.explanation)
        if question.articles:
            self.html.append("<p>Bron: ")
            for index, reference in enumerate(question.articles):
                if index:
                    self.html.append(", ")
                self.article_link(reference)
            self.html.append("</p>\n")
        self.html.append("</div>\n</details>\n")

    def article_link(self, reference: str) -> None:
        try:
            provision = parse_provision(reference)
        except UnknownProvision as exc:  # the loader rejects these; keep the build honest anyway
            self._flush()
            self.parts.append(self.directive.state.document.reporter.error(str(exc), line=self.directive.lineno))
            return
        self.element(
            "a",
            provision.label,
            ["gl-artikel", "reference", "external"],
            href=provision.url,
            title=f"AI-verordening, {provision.label}",
        )
