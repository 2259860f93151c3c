"""The quizzes in Moodle's GIFT format, a text file teachers can read and edit. Pure.

Written for Moodle's importer, question/format/gift/format.php (qformat_gift::readquestion):

* ``$CATEGORY: $course$/top/AI-geletterdheid/<module>`` before each module's questions;
* each question is one block without blank lines (the importer splits questions on blank lines):
  ``::id::[html]question text{ answers ####general feedback }``;
* ``enkelvoudig``: ``=right#feedback`` and ``~wrong#feedback``. ``meervoudig``: only ``~%weight%``
  answers with the same fractions as the Moodle XML (100/k and -100/k; see moodle_xml.py): an ``=``
  anywhere would make the importer set ``single = 1``, one answer only;
* ``juist-onwaar``: ``{TRUE#feedback for a wrong answer#feedback for the right answer}`` (or FALSE):
  split_truefalse_comment reads the part after the first ``#`` as the wrong answer's feedback and the part
  after the second as the right answer's, and Moodle's own export writes them in that order;
* the special characters ``\\ ~ = # { } :`` are escaped with a backslash and a line break is ``\\n``,
  as Moodle's repchar() does and escapedchar_pre() undoes. The texts are HTML (``[html]`` on the question
  text; answers and feedback take the question's format), escaped before the GIFT escapes, and a leading
  ``%`` or ``[`` of an answer is an entity so the importer cannot read it as a weight or a format.
"""

from __future__ import annotations

from ..content.model import Catalog, Question, Quiz
from .moodle_xml import (
    RIGHT_STATEMENT,
    WRONG_STATEMENT,
    answers_of,
    category_path,
    feedback_html,
    option_html,
    question_html,
    selected_quizzes,
    statement_is_true,
)

#: Moodle's qformat_gift::repchar(): each character and what it becomes.
_ESCAPES = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}
_TABLE = str.maketrans(_ESCAPES)


def gift_escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped, so the importer reads it back unchanged."""
    return text.translate(_TABLE)


def _answer_text(text: str) -> str:
    """An option as HTML, with a leading '%' as an entity (the importer would read '%50%' as a weight)."""
    html = option_html(text)
    return "&#37;" + html[1:] if html.startswith("%") else html


def _weight(fraction: str) -> str:
    return f"%{fraction}%"


def _question_lines(catalog: Catalog, quiz: Quiz, question: Question) -> list[str]:
    head = f"::{gift_escape(question.id)}::[html]{gift_escape(question_html(catalog, question))}"
    general = "####" + gift_escape(feedback_html(catalog, question))
    if question.type == "juist-onwaar":
        true = statement_is_true(quiz, question)
        value = "TRUE" if true else "FALSE"
        wrong, right = gift_escape(WRONG_STATEMENT), gift_escape(RIGHT_STATEMENT)
        return [f"{head}{{{value}#{wrong}#{right}", f"\t{general}", "}"]
    lines = [head + "{"]
    for answer in answers_of(quiz, question):
        text = gift_escape(_answer_text(answer.text)) + "#" + gift_escape(answer.feedback)
        if question.type == "meervoudig":
            lines.append(f"\t~{_weight(answer.fraction)}{text}")
        else:
            lines.append(f"\t{'=' if answer.fraction == '100' else '~'}{text}")
    return [*lines, f"\t{general}", "}"]


def gift_text(catalog: Catalog, module_ids: list[str]) -> str:
    """The quizzes of ``module_ids`` (all when empty) as one GIFT file; raises MoodleExportError."""
    blocks = ["// geletterdheid: toetsen voor Moodle (GIFT). Importeer in de vragenbank met het formaat GIFT."]
    for quiz in selected_quizzes(catalog, module_ids):
        blocks.append(f"$CATEGORY: {category_path(quiz.module)}")
        blocks.extend("\n".join(_question_lines(catalog, quiz, question)) for question in quiz.questions)
    return "\n\n".join(blocks) + "\n"
