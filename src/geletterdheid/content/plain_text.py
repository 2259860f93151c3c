"""Fields that are plain text, not Markdown: titles, summaries, learning goals, questions, options and
the trainer notes. They also go into learning paths, CSV, PDF tables, slides and speaker notes, where
Markdown would show as stray characters (``**``, backticks) and roles as raw ``{artikel}`...```.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Module, Quiz
from .yamlsource import Loc

_MARKUP = (
    (re.compile(r"\{[a-z][a-z-]*\}`"), "een rol zoals {artikel}`…` (schrijf 'artikel 4')"),
    (re.compile(r"\*\*|__"), "vet (**…**)"),
    (re.compile(r"`"), "een backtick (`)"),
    (re.compile(r"\[[^\]]+\]\([^)]*\)"), "een link [tekst](adres)"),
    # Only real tags: "<artikel 4>" or "a < b" are text a reader may write.
    (re.compile(r"</?(?:a|b|i|u|em|strong|br|p|span|div|img|sup|sub|code)(?:\s[^>]*)?/?>", re.IGNORECASE), "HTML"),
    (re.compile(r"^\s*(#{1,6}\s|[-*+]\s)"), "een kop of opsommingsteken aan het begin"),
)


def markup_in(text: str) -> str | None:
    """What Markdown ``text`` holds, in Dutch, or None for plain text."""
    for pattern, what in _MARKUP:
        if pattern.search(text):
            return what
    return None


def module_plain_texts(module: Module) -> Iterator[tuple[Loc, str]]:
    yield ("titel",), module.title
    yield ("samenvatting",), module.summary
    for index, goal in enumerate(module.learning_goals):
        yield ("leerdoelen", index), goal
    notes = module.trainer
    if notes is None:
        return
    for index, point in enumerate(notes.key_points):
        yield ("trainer", "kernpunten", index), point
    for key, value in (
        ("werkvorm", notes.case.work_form),
        ("samenvatting", notes.case.summary),
        ("opdracht", notes.case.assignment),
    ):
        yield ("trainer", "casus", key), value
    for index, question in enumerate(notes.discussion_questions):
        yield ("trainer", "discussievragen", index), question
    for index, misconception in enumerate(notes.misconceptions):
        yield ("trainer", "misverstanden", index, "misverstand"), misconception.claim
        yield ("trainer", "misverstanden", index, "juist"), misconception.correction


def quiz_plain_texts(quiz: Quiz) -> Iterator[tuple[Loc, str]]:
    for index, question in enumerate(quiz.questions):
        yield ("vragen", index, "vraag"), question.text
        for key, option in question.options.items():
            yield ("vragen", index, "opties", key), option
