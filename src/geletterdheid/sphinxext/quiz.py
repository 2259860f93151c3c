"""The quiz of a module: ``{quiz}`` makes one ``quiz`` node; each builder's visitor writes it from the Catalog.

- HTML, practice mode (*oefenen*, no results URL): a form with a fieldset per question and the answer
  in a ``<details>`` (quiz.js gives feedback at once, and without JavaScript the reader opens the answer);
- HTML, toets mode (a site built with a results URL): no question, option, answer or uitleg at all,
  only an empty form that toets.js fills with the questions the results server hands out per attempt
  (a draw, options shuffled), and a note for readers without JavaScript. The server gives the
  feedback after the attempt is submitted; nothing a script could read is in the page;
- text: the questions and options;
- Typst (handbooks): printable questions with boxes to tick; the trainer edition adds the
  correct options and the explanation. In toets mode the employee edition (which is in the site)
  only says where the toets is: its options would hold the correct answers' texts.

Question and option texts are plain text. A casus or uitleg that holds Markdown (a role, a link,
emphasis) is parsed once while reading, into a ``quiz_text`` child that the visitors write in its
place. The node also holds one text node with the quiz's words, for Sphinx's search index
(which reads text nodes); no visitor writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.text import TextTranslator

from ..content import Question, Quiz
from ..content.articles import parse_provision
from ..dutch import QUESTION_HINTS
from .catalog_access import catalog_of
from .catalog_directive import CatalogDirective
from .html_text import HtmlText, Typography, attributes
from .read_inputs import note_use
from .results import CONFIG_NAME as RESULTS_URL

if TYPE_CHECKING:
    from .typst_writer import TypstWriter

_MARKUP = re.compile(r"[*_`\[\]{}<>#|\\]|^\s*([-+]|\d+[.)])\s", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n\s*\n")

TYPE_HINTS = QUESTION_HINTS
CASE, EXPLANATION = "casus", "uitleg"


class quiz(nodes.General, nodes.Element):
    """Attribute ``module``: the module id. Children: ``quiz_text`` parts and the words for search."""


class quiz_text(nodes.General, nodes.Element):
    """A casus or uitleg with Markdown, parsed: attributes ``question`` (id) and ``part`` (casus/uitleg)."""


def option_label(key: str, text: str) -> str:
    """'A. Optie' for lettered options; a word key (juist/onjuist) already says it: 'Juist'."""
    return f"{key.upper()}. {text}" if len(key) == 1 else text


def has_markup(text: str) -> bool:
    return _MARKUP.search(text) is not None


def paragraphs(text: str) -> list[str]:
    """A plain text's paragraphs, each on one line."""
    return [" ".join(block.split()) for block in _BLANK_LINE.split(text.strip())]


def correct_options(question: Question) -> tuple[str, list[str]]:
    """('Juiste antwoord', ['B. De optie']) or ('Juiste antwoorden', ['A. Een', 'C. Drie'])."""
    label = "Juiste antwoord" if len(question.correct) == 1 else "Juiste antwoorden"
    return label, [option_label(key, question.options[key]) for key in question.correct]


def answer_sentence(question: Question) -> str:
    """The handbook's answer line, the same for every type: 'Het juiste antwoord: B. De optie.',
    'De juiste antwoorden: A. Een; C. Drie.', 'Het juiste antwoord: Onjuist. De stelling klopt niet.'"""
    options = "; ".join(option_label(key, question.options[key]) for key in question.correct)
    lead = "Het juiste antwoord" if len(question.correct) == 1 else "De juiste antwoorden"
    sentence = f"{lead}: {options}"
    if question.type == "juist-onwaar":
        verdict = "De stelling klopt." if question.correct == ["juist"] else "De stelling klopt niet."
        return f"{sentence}. {verdict}"
    return sentence if sentence.endswith((".", "?", "!")) else f"{sentence}."


def intro_text(quiz_: Quiz) -> str:
    return (
        f"Test wat je weet met {len(quiz_.questions)} vragen. Je hebt de toets gehaald als je minstens "
        f"{quiz_.pass_mark}% goed hebt. Klik onder een vraag op 'Antwoord en uitleg' om het antwoord te zien."
    )


def toets_mode(config: Config) -> bool:
    """A site built for a results server: answers and uitleg stay on the server."""
    return bool(config[RESULTS_URL])


TOETS_INTRO = (
    "Dit is de toets bij deze module. Je krijgt de vragen als je op 'Start de toets' klikt. "
    "Je ziet de antwoorden en de uitleg pas nadat je de toets hebt ingeleverd."
)
NO_SCRIPT = (
    "Voor deze toets is JavaScript nodig. Zet JavaScript aan in je browser, of vraag je trainer om een papieren toets."
)
TOETS_IN_HANDBOOK = "De toets bij deze module maak je op de website van de training, of op papier bij je trainer."


def _search_words(quiz_: Quiz) -> str:
    lines = []
    for question in quiz_.questions:
        lines += [question.case or "", question.text, *question.options.values(), question.explanation]
    return "\n".join(line for line in lines if line)


class QuizDirective(CatalogDirective):
    def run(self) -> list[nodes.Node]:
        module = self.module()
        if module is None:
            return []
        note_use(self.env, "quiz", module.id)
        quiz_ = catalog_of(self.env).quizzes[module.id]
        node = self.located(quiz(module=module.id))
        for question in quiz_.questions:
            for part, text in ((CASE, question.case), (EXPLANATION, question.explanation)):
                if text and has_markup(text):
                    node += self.parse_markdown(text, quiz_text(question=question.id, part=part))
        if not toets_mode(self.config):  # toets mode: the search index must not hold options or uitleg
            node += nodes.Text(_search_words(quiz_))
        return [node]


def _parsed_parts(node: quiz) -> dict[tuple[str, str], quiz_text]:
    return {(part["question"], part["part"]): part for part in node.children if isinstance(part, quiz_text)}


def _quiz_of(translator: HTML5Translator | TextTranslator | TypstWriter, node: quiz) -> Quiz:
    return catalog_of(translator.builder.env).quizzes[node["module"]]


# -- HTML ---------------------------------------------------------------------------------------


class _HtmlQuiz:
    """Writes the form into the translator's body; parsed parts are walked by the translator in place."""

    def __init__(self, translator: HTML5Translator, node: quiz) -> None:
        self.translator = translator
        self.body = translator.body
        self.text = HtmlText(translator.config)
        self.parsed = _parsed_parts(node)

    def start(self, tag: str, classes: list[str] | None = None, **attrs: str | None) -> None:
        values = {"class": " ".join(classes) if classes else None}
        values.update((key.rstrip("_").replace("_", "-"), value) for key, value in attrs.items())
        self.body.append(f"<{tag}{attributes(values)}>")

    def element(self, tag: str, text: str, classes: list[str] | None = None, **attrs: str | None) -> None:
        self.start(tag, classes, **attrs)
        self.body.append(f"{self.text(text)}</{tag}>")

    def prose(self, question: Question, part: str, text: str) -> None:
        """An author's text (casus, uitleg): plain paragraphs, or the nodes MyST parsed from it."""
        parsed = self.parsed.get((question.id, part))
        if parsed is not None:
            for child in parsed.children:
                child.walkabout(self.translator)
            return
        for paragraph in paragraphs(text):
            self.element("p", paragraph)
            self.body.append("\n")

    def quiz(self, quiz_: Quiz, module_title: str, results_url: str | None) -> None:
        self.element("p", intro_text(quiz_), ["gl-quiz-intro"])
        self.body.append("\n")
        self.start(
            "form",
            ["gl-quiz"],
            action="#",
            aria_label=f"Toets: {module_title}",
            data_drempel=str(quiz_.pass_mark),
            data_quiz=quiz_.module,
            data_resultaten_url=results_url,
            novalidate="novalidate",
        )
        for number, question in enumerate(quiz_.questions, start=1):
            self.question(question, number)
        self.body.append("</form>\n")

    def toets(self, quiz_: Quiz, module_title: str, results_url: str) -> None:
        """Toets mode: an empty form for toets.js; the server hands out the questions per attempt."""
        self.element("p", TOETS_INTRO, ["gl-quiz-intro"])
        self.body.append("\n")
        self.start(
            "form",
            ["gl-toets"],
            action="#",
            aria_label=f"Toets: {module_title}",
            data_quiz=quiz_.module,
            data_resultaten_url=results_url,
            novalidate="novalidate",
        )
        self.start("p", ["gl-toets-zonder-script"])
        self.body.append(f"{self.text(NO_SCRIPT)}</p>\n")
        self.body.append("</form>\n")

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
            self.body.append("\n<p><strong>Casus</strong></p>\n")
            self.prose(question, CASE, question.case)
            self.body.append("</div>\n")
        # Line breaks between the blocks keep words apart in the search index, which strips the tags.
        self.body.append("<fieldset>")
        self.element("legend", f"Vraag {number}. {question.text}")
        self.body.append("\n")
        self.element("p", TYPE_HINTS[question.type], ["gl-hint"])
        self.body.append("\n")
        input_type = "checkbox" if question.type == "meervoudig" else "radio"
        for key, text in question.options.items():
            input_id = f"{question.id}-{key}"
            self.start("div", ["gl-optie"])
            self.body.append(
                f"<input{attributes({'id': input_id, 'name': question.id, 'type': input_type, 'value': key})} />"
            )
            self.element("label", option_label(key, text), for_=input_id)
            self.body.append("</div>\n")
        self.body.append("</fieldset>\n")
        self.answer(question, number)
        self.body.append("</div>\n")

    def answer(self, question: Question, number: int) -> None:
        self.start("details", ["gl-antwoord"])
        self.element("summary", f"Antwoord en uitleg bij vraag {number}")
        self.body.append("\n")
        self.start("div", ["gl-antwoord-inhoud"])
        label, correct = correct_options(question)
        if len(correct) == 1:
            self.body.append(f"\n<p><strong>{label}: </strong>{self.text(correct[0])}</p>\n")
        else:  # each option on its own line: option texts often end in a full stop, "A. Een.; C. Twee." reads badly
            self.body.append(
                f'\n<p class="gl-juiste-kop"><strong>{label}:</strong></p>\n<ul class="gl-juiste-opties">\n'
            )
            self.body.extend(f"<li>{self.text(option)}</li>\n" for option in correct)
            self.body.append("</ul>\n")
        self.prose(question, EXPLANATION, question.explanation)
        if question.articles:
            self.body.append("<p>Bron: ")
            for index, reference in enumerate(question.articles):
                if index:
                    self.body.append(", ")
                provision = parse_provision(reference)  # the loader checked every reference
                self.element(
                    "a",
                    provision.label,
                    ["gl-artikel", "reference", "external"],
                    href=provision.url,
                    title=f"AI-verordening, {provision.label}",
                )
            self.body.append("</p>\n")
        self.body.append("</div>\n</details>\n")


def visit_quiz_html(self: HTML5Translator, node: quiz) -> None:
    quiz_ = _quiz_of(self, node)
    title = catalog_of(self.builder.env).modules[quiz_.module].title
    writer = _HtmlQuiz(self, node)
    if toets_mode(self.config):
        writer.toets(quiz_, title, self.config[RESULTS_URL])
    else:
        writer.quiz(quiz_, title, None)  # practice mode: nothing leaves the browser
    raise nodes.SkipNode


# -- text ---------------------------------------------------------------------------------------


def visit_quiz_text(self: TextTranslator, node: quiz) -> None:
    quiz_ = _quiz_of(self, node)
    typography = Typography(self.config)
    parsed = _parsed_parts(node)

    def line(text: str) -> None:
        self.new_state(0)
        self.add_text(typography(text))
        self.end_state()

    line(
        f"Test wat je weet met {len(quiz_.questions)} vragen. Je hebt de toets gehaald als je minstens "
        f"{quiz_.pass_mark}% goed hebt."
    )
    for number, question in enumerate(quiz_.questions, start=1):
        if question.case:
            line("Casus")
            if (question.id, CASE) in parsed:
                for child in parsed[question.id, CASE].children:
                    child.walkabout(self)
            else:
                for paragraph in paragraphs(question.case):
                    line(paragraph)
        line(f"Vraag {number}. {question.text} ({TYPE_HINTS[question.type]})")
        for key, text in question.options.items():
            line(f"[ ] {option_label(key, text)}")
    raise nodes.SkipNode


# -- Typst (handbooks) --------------------------------------------------------------------------


def _typst_prose(
    self: TypstWriter, parsed: dict[tuple[str, str], quiz_text], question: Question, part: str, text: str
) -> Iterator[str]:
    from ..typst_syntax import escape

    if (question.id, part) in parsed:
        yield self.blocks_of(parsed[question.id, part])
        return
    typography = Typography(self.config)
    for paragraph in paragraphs(text):
        yield escape(typography(paragraph))


def visit_quiz_typst(self: TypstWriter, node: quiz) -> None:
    from ..typst_syntax import escape, label_name, string

    quiz_ = _quiz_of(self, node)
    parsed = _parsed_parts(node)
    typography = Typography(self.config)

    def plain(text: str) -> str:
        return escape(typography(text))

    answers = self.with_answers
    if not answers and toets_mode(self.config):
        # sticky: the forum box after it is never alone on a page.
        self.add_block(f"#block(sticky: true)[{escape(typography(TOETS_IN_HANDBOOK))}]")
        raise nodes.SkipNode
    after = (
        "Onder elke vraag staan het juiste antwoord en de uitleg."
        if answers
        else ("Je trainer bespreekt de antwoorden met je.")
    )
    self.add_block(
        plain(
            f"Test wat je weet met {len(quiz_.questions)} vragen. Zet een kruisje bij het goede antwoord. "
            f"Je hebt de toets gehaald als je minstens {quiz_.pass_mark}% goed hebt. {after}"
        )
    )
    blocks: list[str] = []
    last = len(quiz_.questions)
    for number, question in enumerate(quiz_.questions, start=1):
        # The quiz's last block sticks to what follows (the forum box), which is then never alone on a page.
        sticky = "(sticky: true)" if number == last else ""
        blocks.append(f"#metadata(none) <{label_name(f'{self.module_id}.vraag-{question.id}')}>")
        parts = []
        if question.case:
            case = "\n\n".join(["#strong[Casus]", *_typst_prose(self, parsed, question, CASE, question.case)])
            parts.append(f"#gl-casus[{case}]")
        parts.append(f"#gl-vraagtekst[#strong[Vraag {number}\\.] {plain(question.text)}]")
        parts.append(f"#gl-hint[{plain(TYPE_HINTS[question.type])}]")
        options = []
        for key, text in question.options.items():
            right = answers and key in question.correct  # marked by the tick; the answer box says it in words
            options.append(f"#gl-optie(juist: {'true' if right else 'false'})[{plain(option_label(key, text))}]")
        parts.append("#gl-opties[" + "\n\n".join(options) + "]")
        blocks.append(f"#gl-vraag{'' if answers else sticky}[" + "\n\n".join(parts) + "]")
        if answers:
            answer = [
                f"#gl-tussenkop[Antwoord en uitleg bij vraag {number}]",
                f"#strong[{plain(answer_sentence(question))}]",
                *_typst_prose(self, parsed, question, EXPLANATION, question.explanation),
            ]
            if question.articles:
                links = ", ".join(
                    f"#link({string(provision.url)})[{escape(provision.label)}]"
                    for provision in map(parse_provision, question.articles)
                )
                answer.append(f"Bron\\: {links}")
            blocks.append(f"#gl-antwoord{sticky}[" + "\n\n".join(answer) + "]")
    self.add_block("#gl-toets[" + "\n\n".join(blocks) + "]")
    raise nodes.SkipNode


def setup_quiz(app: Sphinx) -> None:
    app.add_node(quiz, html=(visit_quiz_html, None), text=(visit_quiz_text, None), typst=(visit_quiz_typst, None))
    app.add_node(quiz_text)  # only ever written by the quiz's visitors
    app.add_directive("quiz", QuizDirective)
