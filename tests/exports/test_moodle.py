"""Moodle XML and GIFT: what Moodle's importers read back from our files, for every question we ship."""

from __future__ import annotations

import dataclasses
import html
import itertools
from collections import Counter

import pytest

from geletterdheid.content import catalog_or_exit
from geletterdheid.content.model import Catalog, Question, Quiz
from geletterdheid.errors import UserError
from geletterdheid.exports.gift import gift_escape, gift_text
from geletterdheid.exports.moodle_xml import MOODLE_FRACTIONS, MoodleExportError, moodle_xml_text
from geletterdheid.quiz.scoring import score_question
from repo_paths import REPO

from .moodle_parsers import ReadQuestion, read_gift, read_moodle_xml

#: question_bank::fraction_options_full(), as fractions (lib/questionlib.php), read independently of ours.
RAW = [0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2]
RAW += [0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05]
MOODLE_LIST = {0.0, 1.0, -1.0, *RAW, *(-value for value in RAW)}


def in_moodle_list(fraction: float) -> bool:
    """Moodle's match_grade_options(..., 'error'): within 0.00001 of an option."""
    return any(abs(fraction - option) < 0.00001 for option in MOODLE_LIST)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return catalog_or_exit(REPO)


@pytest.fixture(scope="module")
def xml_questions(catalog: Catalog) -> list[ReadQuestion]:
    return read_moodle_xml(moodle_xml_text(catalog, []))


@pytest.fixture(scope="module")
def gift_questions(catalog: Catalog) -> list[ReadQuestion]:
    return read_gift(gift_text(catalog, []))


def all_questions(catalog: Catalog) -> list[tuple[Quiz, Question]]:
    return [(quiz, question) for quiz in catalog.quizzes.values() for question in quiz.questions]


def with_quiz(catalog: Catalog, quiz: Quiz) -> Catalog:
    return dataclasses.replace(catalog, quizzes={quiz.module: quiz})


def synthetic_quiz(*questions: dict) -> Quiz:
    return Quiz.model_validate({"module": "x01", "drempel": 70, "vragen": list(questions)})


def read_correct(read: ReadQuestion, question: Question) -> list[str]:
    """The option keys the importer marks correct, found by their texts."""
    if read.qtype == "truefalse":
        return ["juist" if read.correct_true else "onjuist"]
    by_text = {text: key for key, text in question.options.items()}
    return sorted(by_text[html.unescape(answer.text)] for answer in read.answers if answer.fraction > 0)


@pytest.mark.content
def test_every_question_is_in_both_files_once(catalog, xml_questions, gift_questions):
    ids = [question.id for _, question in all_questions(catalog)]
    assert len(ids) == 186
    assert [q.name for q in xml_questions] == ids
    assert [q.idnumber for q in xml_questions] == ids
    text = gift_text(catalog, [])
    assert all(text.count(f"::{gift_escape(question_id)}::") == 1 for question_id in ids)
    assert [q.name for q in gift_questions] == ids


@pytest.mark.content
@pytest.mark.parametrize("reader", ["xml", "gift"])
def test_round_trip_gives_each_quizs_correct_options(catalog, xml_questions, gift_questions, reader):
    read = xml_questions if reader == "xml" else gift_questions
    expected_types = {"enkelvoudig": "multichoice", "meervoudig": "multichoice", "juist-onwaar": "truefalse"}
    for (quiz, question), back in zip(all_questions(catalog), read, strict=True):
        assert back.category == f"$course$/top/AI-geletterdheid/{quiz.module}"
        assert back.qtype == expected_types[question.type], question.id
        if back.qtype == "multichoice":
            assert back.single == (question.type == "enkelvoudig"), question.id
            assert [html.unescape(a.text) for a in back.answers] == list(question.options.values())
        assert read_correct(back, question) == sorted(question.correct), question.id
        assert "<p>" + html.escape(question.text) in back.text
        assert back.general_feedback.startswith("<p>")


@pytest.mark.content
@pytest.mark.parametrize("reader", ["xml", "gift"])
def test_fractions_are_from_moodles_list_and_positive_ones_sum_to_100(xml_questions, gift_questions, reader):
    read = xml_questions if reader == "xml" else gift_questions
    seen = Counter()
    for question in read:
        for answer in question.answers:
            assert in_moodle_list(answer.fraction), (question.name, answer.raw_fraction)
            assert answer.raw_fraction in MOODLE_FRACTIONS or question.qtype == "truefalse"
            seen[answer.raw_fraction] += 1
        if question.qtype == "multichoice":
            positive = sum(a.fraction for a in question.answers if a.fraction > 0)
            # qtype_multichoice save_question_options: round(total, 2) must be 1
            assert round(positive, 2) == 1, question.name
            if question.single:
                assert [a.fraction for a in question.answers].count(1.0) == 1, question.name
    assert {"100", "50", "33.33333", "25", "-50", "-33.33333"} <= set(seen)


def moodle_grade(fractions: list[float], chosen: set[int]) -> float:
    """qtype_multichoice_multi_question::grade_response: the sum of the chosen fractions, clamped to [0, 1]."""
    return min(max(0.0, sum(fractions[i] for i in chosen)), 1.0)


@pytest.mark.content
def test_moodle_partial_credit_equals_ours_for_every_answer_subset(catalog, xml_questions, gift_questions):
    checked = 0
    for (_, question), in_xml, in_gift in zip(all_questions(catalog), xml_questions, gift_questions, strict=True):
        if question.type != "meervoudig":
            continue
        keys = list(question.options)
        for fractions in ([a.fraction for a in in_xml.answers], [a.fraction for a in in_gift.answers]):
            for size in range(len(keys) + 1):
                for subset in itertools.combinations(range(len(keys)), size):
                    ours = score_question(question, [keys[i] for i in subset])
                    theirs = moodle_grade(fractions, set(subset))
                    # Moodle keeps seven decimals: 3 x 0.3333333 = 0.9999999, which it grades as right
                    assert abs(ours - theirs) < 1e-6, (question.id, subset, ours, theirs)
                    assert (theirs > 0.999999) == (ours == 1.0)
                    checked += 1
    assert checked == 41 * 16 * 2


def test_special_characters_come_back_unchanged(catalog):
    special = "a: b # c = d { e } f ~ g \\ h % i [j] & <k> \"l\" 'm'"
    quiz = synthetic_quiz(
        {
            "id": "x01-q01",
            "type": "enkelvoudig",
            "casus": f"Casus {special}",
            "vraag": f"Vraag {special}",
            "opties": {"a": f"%50% {special}", "b": f"[html] {special}", "c": "=gewoon"},
            "juist": "b",
            "uitleg": f"Uitleg {special}",
        },
        {
            "id": "x01-q02",
            "type": "juist-onwaar",
            "vraag": f"Stelling {special}",
            "opties": {"juist": "Juist", "onjuist": "Onjuist"},
            "juist": "juist",
            "uitleg": "Uitleg {wet}`ai-geletterdheid` en ~ # =",
        },
    )
    local = with_quiz(catalog, quiz)
    for read in (read_moodle_xml(moodle_xml_text(local, [])), read_gift(gift_text(local, []))):
        first, second = read
        assert html.unescape(first.text) == f"<p>Casus {special}</p><p>Vraag {special}</p>"
        assert [html.unescape(a.text) for a in first.answers] == list(quiz.questions[0].options.values())
        assert [a.fraction for a in first.answers] == [0.0, 1.0, 0.0]
        assert html.unescape(first.general_feedback).startswith(f"<p>Uitleg {special}</p>")
        assert second.qtype == "truefalse" and second.correct_true is True
        assert second.feedback_true == "Goed." and second.feedback_false == "Niet goed."
        assert "{wet}" not in second.general_feedback  # the role is resolved, as the site shows it


def test_gift_escape_covers_each_special_character():
    assert gift_escape(": # = { } ~ \\") == "\\: \\# \\= \\{ \\} \\~ \\\\"
    assert gift_escape("regel\nregel") == "regel\\nregel"


def test_truefalse_feedback_order_is_wrong_then_right(catalog):
    question = {"vraag": "Stelling", "opties": {"juist": "Juist", "onjuist": "Onjuist"}, "uitleg": "U"}
    for correct, answer in (("juist", "TRUE"), ("onjuist", "FALSE")):
        quiz = synthetic_quiz({"id": "x01-q01", "type": "juist-onwaar", "juist": correct, **question})
        text = gift_text(with_quiz(catalog, quiz), [])
        assert "{" + answer + "#Niet goed.#Goed." in text


@pytest.mark.parametrize("k", [11, 13, 17])
def test_a_meervoudig_question_moodle_cannot_grade_is_a_dutch_error(catalog, k):
    options = {f"o{i:02d}": f"Optie {i}" for i in range(k + 2)}
    quiz = synthetic_quiz(
        {
            "id": "x01-q07",
            "type": "meervoudig",
            "vraag": "V",
            "opties": options,
            "juist": list(options)[:k],
            "uitleg": "U",
        }
    )
    local = with_quiz(catalog, quiz)
    for writer in (moodle_xml_text, gift_text):
        with pytest.raises(MoodleExportError, match=r"vraag x01-q07 \(toets x01\) kan niet naar Moodle") as caught:
            writer(local, [])
        assert isinstance(caught.value, UserError)
        assert f"{k} juiste opties" in str(caught.value)


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20])
def test_every_k_moodle_can_grade_is_written_exactly(catalog, k):
    options = {f"o{i:02d}": f"Optie {i}" for i in range(k + 1)}
    quiz = synthetic_quiz(
        {
            "id": "x01-q01",
            "type": "meervoudig",
            "vraag": "V",
            "opties": options,
            "juist": list(options)[:k],
            "uitleg": "U",
        }
    )
    (read,) = read_moodle_xml(moodle_xml_text(with_quiz(catalog, quiz), []))
    assert all(in_moodle_list(answer.fraction) for answer in read.answers)
    assert abs(read.answers[0].fraction - 1 / k) < 0.00001 and abs(read.answers[-1].fraction + 1 / k) < 0.00001


def test_a_module_without_a_quiz_is_named(catalog):
    with pytest.raises(MoodleExportError, match="geen toets voor module m99"):
        moodle_xml_text(catalog, ["m01", "m99"])


def test_only_the_chosen_modules_in_their_order(catalog):
    read = read_gift(gift_text(catalog, ["m02", "m01"]))
    assert {q.category for q in read[:3]} == {"$course$/top/AI-geletterdheid/m02"}
    assert read[-1].category.endswith("/m01")
    assert len(read) == len(catalog.quizzes["m01"].questions) + len(catalog.quizzes["m02"].questions)


def test_a_juist_onwaar_question_without_juist_and_onjuist_is_named(catalog):
    quiz = synthetic_quiz(
        {"id": "x01-q03", "type": "juist-onwaar", "vraag": "V", "opties": {"ja": "Ja", "nee": "Nee"}, "juist": "ja"}
        | {"uitleg": "U"}
    )
    for writer in (moodle_xml_text, gift_text):
        with pytest.raises(MoodleExportError, match="vraag x01-q03 .*precies 'juist' en 'onjuist'"):
            writer(with_quiz(catalog, quiz), [])


def test_the_xml_is_utf8_with_html_in_cdata(catalog):
    text = moodle_xml_text(catalog, ["m01"])
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<quiz>")
    assert '<questiontext format="html">\n      <text><![CDATA[<p>' in text
    assert "&lt;p&gt;" not in text  # HTML is in CDATA, not escaped twice


def test_a_drawn_quiz_tells_the_moodle_teacher_how_many_random_questions(catalog):
    quiz = catalog.quizzes["m01"]
    drawn = quiz.model_copy(update={"draw": 4})
    info = moodle_xml_text(with_quiz(catalog, drawn), ["m01"])
    assert f"Trekken: 4 van de {len(quiz.questions)} vragen per poging" in info
    assert "4 willekeurige vragen uit deze categorie" in info
    assert "Trekken" not in moodle_xml_text(with_quiz(catalog, quiz), ["m01"])
