"""Small readers of Moodle XML and GIFT for the tests, written after Moodle's own importers.

The GIFT reader follows qformat_gift::readquestion (question/format/gift/format.php) step by step:
blank lines split questions, ``//`` lines are dropped, escapedchar_pre() hides escaped characters,
then the name, the answer section between the first ``{`` and the first ``}``, the general feedback
after the last ``####``, the question type and the answers with their weights, and escapedchar_post().
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

_PRE = [("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"), ("\\}", "&&125;")]
_PRE += [("\\~", "&&126;"), ("\\n", "&&010")]
_POST = [("&&058;", ":"), ("&&035;", "#"), ("&&061;", "="), ("&&123;", "{"), ("&&125;", "}"), ("&&126;", "~")]
_POST += [("&&010", "\n")]
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


@dataclass
class ReadAnswer:
    text: str
    fraction: float  # 0..1 as Moodle stores it
    feedback: str
    raw_fraction: str = ""  # as written in the file (percent)


@dataclass
class ReadQuestion:
    qtype: str
    name: str
    category: str
    text: str = ""
    general_feedback: str = ""
    idnumber: str = ""
    single: bool = True
    answers: list[ReadAnswer] = field(default_factory=list)
    correct_true: bool | None = None  # truefalse
    feedback_true: str = ""
    feedback_false: str = ""


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for old, new in _PRE:
        text = text.replace(old, new)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for old, new in _POST:
        text = text.replace(old, new)
    return text


def _with_format(text: str) -> str:
    text = text.strip()
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in ("moodle", "html", "plain", "markdown"):
            text = text[end + 1 :]
    return _post(text).strip()


def _comment(answer: str) -> tuple[str, str]:
    bits = answer.split("#", 1)
    return _with_format(bits[0]), _with_format(bits[1]) if len(bits) > 1 else ""


def read_gift(source: str) -> list[ReadQuestion]:
    blocks: list[list[str]] = [[]]
    for line in source.splitlines():
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    category = ""
    questions = []
    for block in blocks:
        lines = [" " if line.strip().startswith("//") else line.strip() for line in block]
        text = "\n".join(lines).strip()
        if not text:
            continue
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip()
            continue
        assert text.startswith("::"), text[:80]
        text = text[2:]
        end = text.index("::")
        name = _post(text[:end])
        text = text[end + 2 :].strip()
        start, finish = text.index("{"), text.index("}")
        answer_text = text[start + 1 : finish].strip()
        question_text = text[:start] + text[finish + 1 :]
        general = ""
        if "####" in answer_text:
            cut = answer_text.rindex("####")
            general, answer_text = answer_text[cut + 4 :], answer_text[:cut].strip()
        question = ReadQuestion("", name, category, _with_format(question_text), _with_format(general))
        if "~" in answer_text:
            question.qtype = "multichoice"
            question.single = "=" in answer_text
            parts = answer_text.replace("=", "~=").split("~")
            if not parts[0].strip():
                parts = parts[1:]
            for part in parts:
                part = part.strip()
                raw = ""
                if part.startswith("="):
                    weight, part, raw = 1.0, part[1:], "100"
                elif _WEIGHT.match(part):
                    part = part[1:]
                    raw = part[: part.index("%")]
                    weight, part = float(raw) / 100, part[part.index("%") + 1 :]
                else:
                    weight, raw = 0.0, "0"
                answer, feedback = _comment(part)
                question.answers.append(ReadAnswer(answer, weight, feedback, raw))
        else:
            check = answer_text.split("#", 1)[0].strip()
            assert check in ("T", "TRUE", "F", "FALSE"), answer_text
            question.qtype = "truefalse"
            bits = answer_text.split("#", 2)
            wrong = _with_format(bits[1]) if len(bits) > 1 else ""
            right = _with_format(bits[2]) if len(bits) > 2 else ""
            question.correct_true = check in ("T", "TRUE")
            question.feedback_true, question.feedback_false = (
                (right, wrong) if question.correct_true else (wrong, right)
            )
        questions.append(question)
    return questions


def _inner(element: ET.Element | None) -> str:
    if element is None:
        return ""
    text = element.find("text")
    return (text.text or "").strip() if text is not None else ""


def read_moodle_xml(source: str) -> list[ReadQuestion]:
    root = ET.fromstring(source.encode("utf-8"))
    assert root.tag == "quiz"
    category = ""
    questions = []
    for element in root.findall("question"):
        qtype = element.get("type", "")
        if qtype == "category":
            category = _inner(element.find("category"))
            continue
        question = ReadQuestion(
            qtype,
            _inner(element.find("name")),
            category,
            _inner(element.find("questiontext")),
            _inner(element.find("generalfeedback")),
            (element.findtext("idnumber") or "").strip(),
            (element.findtext("single") or "true").strip() != "false",
        )
        for answer in element.findall("answer"):
            raw = answer.get("fraction", "0")
            read = ReadAnswer(_inner(answer), float(raw) / 100, _inner(answer.find("feedback")), raw)
            question.answers.append(read)
            if qtype == "truefalse":
                if read.text == "true":
                    question.correct_true, question.feedback_true = read.raw_fraction == "100", read.feedback
                else:
                    question.feedback_false = read.feedback
        questions.append(question)
    return questions
