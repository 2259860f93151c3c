"""Answers as people type them ("B", " b ", "Juist", "waar", "ONWAAR") import alike in every format."""

import datetime as dt

import pytest

from geletterdheid.quiz.scoring import score_quiz

from .conftest import write_csv, write_xlsx
from .test_responses_sheets import ENGLISH

#: E1's answers to t01 as a trainer types them, and the keys they mean.
TYPED = {"t01-q1": " B ", "t01-q2": "ONWAAR", "t01-q3": "A, C;d", "t01-q4": "a"}
MEANT = {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"], "t01-q4": ["a"]}
WHEN = "2025-02-03T14:00"


def _long(path):
    rows = [["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]]
    rows += [["E1", "t01", question, typed, WHEN] for question, typed in TYPED.items()]
    return write_csv(path / "lang.csv", rows)


def _wide(path):
    return write_csv(
        path / "breed.csv", [["medewerker_id", "tijdstip", *TYPED], ["E1", WHEN, *TYPED.values()]], delimiter=";"
    )


def _forms(path):
    # Forms cells hold option texts; a trainer who fixes a Forms export by hand types keys or juist/waar
    when = dt.datetime(2025, 2, 3, 14, 0)
    row = [1, when, when, "anna@gemeente.example", "Anna", 3, "", "b", "", "", "Waar", "a; c; D", "A"]
    return write_xlsx(path / "forms.xlsx", [ENGLISH, row])


@pytest.mark.parametrize("write", [_long, _wide, _forms], ids=["lang", "breed", "forms"])
def test_letters_in_any_case_and_true_false_words_mean_the_option_keys(
    cli, tmp_path, staffed_store, db_url, catalog, write
):
    result = cli("responses", "import", write(tmp_path), "--db", db_url)
    assert result.code == 0, result.output
    [attempt] = staffed_store.attempts_of("E1")
    answers = staffed_store.answers_of(attempt.id)
    meant = dict(MEANT, **({"t01-q2": ["juist"]} if write is _forms else {}))  # Forms row says "Waar"
    assert {qid: answer.chosen for qid, answer in answers.items()} == {
        qid: "|".join(keys) for qid, keys in meant.items()
    }
    assert attempt.score_percent == score_quiz(catalog.quizzes["t01"], meant).score_percent


@pytest.mark.parametrize(
    ("typed", "key"),
    [("Juist", "juist"), ("JUIST", "juist"), ("waar", "juist"), ("Waar", "juist")]
    + [("onjuist", "onjuist"), ("Onjuist", "onjuist"), ("onwaar", "onjuist"), ("ONWAAR", "onjuist")],
)
def test_every_way_of_writing_true_or_false(catalog, typed, key):
    from geletterdheid.records.responses.common import option_keys

    question = catalog.quizzes["t02"].questions[1]
    assert question.type == "juist-onwaar"
    assert option_keys(question, typed) == [key]


def test_a_key_that_is_still_no_option_is_named_as_typed(cli, tmp_path, staffed_store, db_url):
    rows = [["medewerker_id", "tijdstip", "t01-q1", "t01-q2"], ["E1", WHEN, " B ", "misschien"], ["E2", WHEN, "Z", ""]]
    result = cli("responses", "import", write_csv(tmp_path / "blad.csv", rows), "--db", db_url)
    assert result.code == 1
    assert "blad.csv, rij 2: kolom D: onbekend antwoord 'misschien' bij vraag t01-q2" in result.err
    assert "blad.csv, rij 3: kolom C: onbekend antwoord 'Z' bij vraag t01-q1" in result.err
    assert staffed_store.counts()["attempts"] == 0
