"""The quizzes as Moodle XML, for a gemeente that trains in Moodle: one question category per module. Pure.

What Moodle's importer (question/format/xml/format.php) reads, and how our quizzes map onto it:

* a ``category`` question per module, ``$course$/top/AI-geletterdheid/<module>``; the questions after it
  go into that category;
* ``enkelvoudig``: ``multichoice`` with ``<single>true</single>``, the correct option at fraction 100, the
  others at 0;
* ``meervoudig`` with k correct options: ``multichoice`` with ``<single>false</single>``, every correct
  option at 100/k and every wrong one at -100/k. Moodle grades a multiple-answer response as the sum of
  the chosen answers' fractions, clamped to [0, 1] (qtype_multichoice_multi_question::grade_response), so
  a response with r right and w wrong options scores clamp((r - w)/k, 0, 1): our rule in quiz/scoring.py,
  exactly, up to Moodle's seven decimals (three answers at 33.33333% give 0.9999999, which Moodle shows as
  correct: graded_state_for_fraction counts > 0.999999 as right). tests/exports/test_moodle.py checks this
  for every subset of the options of every meervoudig question;
* ``juist-onwaar``: ``truefalse``, the answer ``true`` for juist and ``false`` for onjuist.

Moodle accepts only the fractions of question_bank::fraction_options_full() (lib/questionlib.php) and
stops the whole import on any other (question/format.php, match_grade_options with 'error'). 100/k is in
that list for k = 1 to 10 and 20 only; a question with another number of correct options cannot be
written and is a :class:`MoodleExportError` that names it, never a rounded fraction.

The question text is the casus and the vraag as HTML (escaped, in CDATA, as Moodle's own export writes
it); the general feedback is the uitleg with links to the articles on EUR-Lex; each answer has a short
Dutch feedback line. ``idnumber`` is the question id, so a second import is recognisable in Moodle.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html import escape

from lxml import etree

from ..content.articles import UnknownProvision, parse_provision
from ..content.model import Catalog, Question, Quiz
from ..content.reading_text import plain_text
from ..errors import UserError

#: question_bank::fraction_options_full() as percentages, the way Moodle's XML export writes them:
#: p/q for q <= 6, p/10, 1/q for q <= 10, 1/20, and their negatives.
MOODLE_FRACTIONS: tuple[str, ...] = (
    "100",
    "90",
    "83.33333",
    "80",
    "75",
    "70",
    "66.66667",
    "60",
    "50",
    "40",
    "33.33333",
    "30",
    "25",
    "20",
    "16.66667",
    "14.28571",
    "12.5",
    "11.11111",
    "10",
    "5",
    "0",
    "-5",
    "-10",
    "-11.11111",
    "-12.5",
    "-14.28571",
    "-16.66667",
    "-20",
    "-25",
    "-30",
    "-33.33333",
    "-40",
    "-50",
    "-60",
    "-66.66667",
    "-70",
    "-75",
    "-80",
    "-83.33333",
    "-90",
    "-100",
)
#: Moodle's match_grade_options: |grade - option| < 0.00001 on fractions (0..1), so 0.001 in percent.
_TOLERANCE_PERCENT = 0.001

CATEGORY_ROOT = "$course$/top/AI-geletterdheid"

#: Per-answer feedback (the uitleg is the general feedback every learner sees after answering).
RIGHT_CHOICE = "Goed: dit is het juiste antwoord."
WRONG_CHOICE = "Dit is niet het juiste antwoord."
RIGHT_OPTION = "Goed: dit hoort bij de juiste antwoorden."
WRONG_OPTION = "Dit hoort niet bij de juiste antwoorden."
RIGHT_STATEMENT = "Goed."
WRONG_STATEMENT = "Niet goed."
TRUE_KEY, FALSE_KEY = "juist", "onjuist"


class MoodleExportError(UserError):
    """A quiz that Moodle (XML or GIFT) cannot hold as it is; the message names the question."""


def moodle_fraction(percent: float) -> str | None:
    """The entry of Moodle's fraction list for ``percent`` (33.333... -> '33.33333'), else None."""
    for option in MOODLE_FRACTIONS:
        if abs(float(option) - percent) < _TOLERANCE_PERCENT:
            return option
    return None


@dataclass(frozen=True)
class Answer:
    """One option as Moodle gets it: its key, text, fraction (from MOODLE_FRACTIONS) and feedback."""

    key: str
    text: str
    fraction: str
    feedback: str


def _multiple_fractions(quiz: Quiz, question: Question) -> tuple[str, str]:
    """(fraction of a correct option, of a wrong one) for a meervoudig question: 100/k and -100/k."""
    k = len(question.correct)
    right = moodle_fraction(100 / k)
    wrong = moodle_fraction(-100 / k)
    if right is None or wrong is None:
        raise MoodleExportError(
            f"vraag {question.id} (toets {quiz.module}) kan niet naar Moodle: met {k} juiste opties is elke "
            f"juiste optie {100 / k:.4g}% waard, en dat percentage kent Moodle niet (Moodle kent alleen "
            "percentages als 50, 33,33333, 25, 20 en 10). Geef de vraag 1 tot en met 10 of 20 juiste opties"
        )
    return right, wrong


def answers_of(quiz: Quiz, question: Question) -> list[Answer]:
    """The options of a multichoice question (enkelvoudig, meervoudig) with Moodle fractions and feedback."""
    correct = set(question.correct)
    if question.type == "meervoudig":
        right, wrong = _multiple_fractions(quiz, question)
        return [
            Answer(key, text, right, RIGHT_OPTION) if key in correct else Answer(key, text, wrong, WRONG_OPTION)
            for key, text in question.options.items()
        ]
    return [
        Answer(key, text, "100", RIGHT_CHOICE) if key in correct else Answer(key, text, "0", WRONG_CHOICE)
        for key, text in question.options.items()
    ]


def statement_is_true(quiz: Quiz, question: Question) -> bool:
    """Whether a juist-onwaar question's statement is true; its options must be exactly juist/onjuist."""
    if set(question.options) != {TRUE_KEY, FALSE_KEY} or len(question.correct) != 1:
        raise MoodleExportError(
            f"vraag {question.id} (toets {quiz.module}) kan niet naar Moodle als juist/onjuist-vraag: "
            f"de opties moeten precies '{TRUE_KEY}' en '{FALSE_KEY}' zijn, met één ervan juist"
        )
    return question.correct[0] == TRUE_KEY


def _paragraphs_html(text: str) -> str:
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in text.split("\n\n") if paragraph)


def question_html(catalog: Catalog, question: Question) -> str:
    """The casus (its roles resolved, as a reader sees it) and the vraag, as HTML paragraphs."""
    case = _paragraphs_html(plain_text(question.case, catalog.legal)) if question.case else ""
    return case + f"<p>{escape(question.text)}</p>"


def option_html(text: str) -> str:
    """An option as HTML. A leading '[' is written as an entity: GIFT would read '[html]' as a format."""
    html = escape(text)
    return "&#91;" + html[1:] if html.startswith("[") else html


def feedback_html(catalog: Catalog, question: Question) -> str:
    """The uitleg, then the articles it rests on with their EUR-Lex links."""
    links = []
    for reference in question.articles:
        try:
            provision = parse_provision(reference)
        except UnknownProvision:  # the loader checked every reference; a stale one is plain text
            links.append(escape(reference))
            continue
        links.append(f'<a href="{escape(provision.url)}">{escape(provision.label)}</a>')
    html = _paragraphs_html(plain_text(question.explanation, catalog.legal))
    if links:
        html += f"<p>Zie de AI-verordening: {', '.join(links)}.</p>"
    return html


def selected_quizzes(catalog: Catalog, module_ids: Sequence[str]) -> Iterator[Quiz]:
    """The quizzes of ``module_ids`` in that order (all, in id order, when empty); unknown ids are an error."""
    unknown = [module_id for module_id in module_ids if module_id not in catalog.quizzes]
    if unknown:
        raise MoodleExportError(
            f"geen toets voor module {', '.join(unknown)}; modules met een toets: {', '.join(catalog.quizzes)}"
        )
    for module_id in module_ids or list(catalog.quizzes):
        yield catalog.quizzes[module_id]


def category_path(module_id: str) -> str:
    return f"{CATEGORY_ROOT}/{module_id}"


# -- the XML ------------------------------------------------------------------------------------


def _text(parent: etree._Element, tag: str, text: str, html: bool = True) -> etree._Element:
    """``<tag format="html"><text><![CDATA[text]]></text></tag>`` (plain ``<text>`` when not html)."""
    element = etree.SubElement(parent, tag)
    if html:
        element.set("format", "html")
    inner = etree.SubElement(element, "text")
    inner.text = etree.CDATA(text) if html and text else text
    return element


def _simple(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text


def _answer(parent: etree._Element, fraction: str, text: str, feedback: str, html: bool = True) -> None:
    answer = etree.SubElement(parent, "answer", fraction=fraction)
    if html:
        answer.set("format", "html")
        inner = etree.SubElement(answer, "text")
        inner.text = etree.CDATA(text)
    else:
        answer.set("format", "moodle_auto_format")
        _simple(answer, "text", text)
    _text(answer, "feedback", feedback)


def _header(parent: etree._Element, catalog: Catalog, question: Question, qtype: str) -> etree._Element:
    element = etree.SubElement(parent, "question", type=qtype)
    name = etree.SubElement(element, "name")
    _simple(name, "text", question.id)
    _text(element, "questiontext", question_html(catalog, question))
    _text(element, "generalfeedback", feedback_html(catalog, question))
    _simple(element, "defaultgrade", "1")
    _simple(element, "penalty", "1" if qtype == "truefalse" else "0.3333333")
    _simple(element, "hidden", "0")
    _simple(element, "idnumber", question.id)
    return element


def _category(parent: etree._Element, quiz: Quiz, title: str) -> None:
    element = etree.SubElement(parent, "question", type="category")
    category = etree.SubElement(element, "category")
    _simple(category, "text", category_path(quiz.module))
    info = (
        f"<p>Module {escape(quiz.module)}: {escape(title)}</p><p>Slaaggrens: {quiz.pass_mark}% "
        "(stel die in de Moodle-test in als beoordelingscijfer voor geslaagd).</p>"
    )
    if quiz.draw is not None and quiz.draw < len(quiz.questions):  # Moodle draws with "random questions"
        info += (
            f"<p>Trekken: {quiz.draw} van de {len(quiz.questions)} vragen per poging (voeg in de Moodle-test "
            f"{quiz.draw} willekeurige vragen uit deze categorie toe).</p>"
        )
    _text(element, "info", info)
    _simple(element, "idnumber", "")


def _multichoice(parent: etree._Element, catalog: Catalog, quiz: Quiz, question: Question) -> None:
    answers = answers_of(quiz, question)
    element = _header(parent, catalog, question, "multichoice")
    _simple(element, "single", "false" if question.type == "meervoudig" else "true")
    _simple(element, "shuffleanswers", "false")  # the options stay in the order the author wrote them
    _simple(element, "answernumbering", "abc")
    _simple(element, "showstandardinstruction", "1")
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    for answer in answers:
        _answer(element, answer.fraction, option_html(answer.text), answer.feedback)


def _truefalse(parent: etree._Element, catalog: Catalog, quiz: Quiz, question: Question) -> None:
    true = statement_is_true(quiz, question)
    element = _header(parent, catalog, question, "truefalse")
    # Moodle's importer matches the answers on the texts 'true' and 'false' (import_truefalse).
    _answer(element, "100" if true else "0", "true", RIGHT_STATEMENT if true else WRONG_STATEMENT, html=False)
    _answer(element, "0" if true else "100", "false", WRONG_STATEMENT if true else RIGHT_STATEMENT, html=False)


def moodle_xml_text(catalog: Catalog, module_ids: list[str]) -> str:
    """The quizzes of ``module_ids`` (all when empty) as one Moodle XML file; raises MoodleExportError."""
    root = etree.Element("quiz")
    for quiz in selected_quizzes(catalog, module_ids):
        module = catalog.modules.get(quiz.module)
        _category(root, quiz, module.title if module is not None else quiz.module)
        for question in quiz.questions:
            if question.type == "juist-onwaar":
                _truefalse(root, catalog, quiz, question)
            else:
                _multichoice(root, catalog, quiz, question)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")
