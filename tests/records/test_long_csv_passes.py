"""The long CSV's two parsers agree: wherever the quick pass decides, the thorough pass (row by row,
the one that names problems) gives the same attempts and finds nothing wrong.

The quick pass is the one that runs on almost every file, so a disagreement would store other
scores than the thorough rules say, silently. Each case also pins whether the quick pass decides,
so the comparison cannot pass by the quick pass always giving up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geletterdheid.records.model import NewAttempt
from geletterdheid.records.responses import long_csv
from geletterdheid.records.responses.common import Directory, ParsedResponses
from geletterdheid.records.sheets import read_table

HEADER = ["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]
T1, T2 = "2025-01-31T10:00", "2025-02-03T09:15:00+01:00"
E1_T01 = [
    ["E1", "t01", "t01-q1", "b", T1],
    ["E1", "t01", "t01-q2", "onjuist", T1],
    ["E1", "t01", "t01-q3", "a|c|d", T1],
    ["E1", "t01", "t01-q4", "c", T1],
]
E3_T01 = [["E3", "t01", "t01-q1", "a", T2], ["E3", "t01", "t01-q3", "a|b", T2]]


def _csv_text(rows: list[list[str]], delimiter: str = ",", quote_all: bool = False) -> str:
    def cell(value: str) -> str:
        if quote_all or any(ch in value for ch in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(cell(value) for value in row) + "\r\n" for row in rows)


# name -> (file text, encoding, does the quick pass decide?)
CASES: dict[str, tuple[str, str, bool]] = {
    "plain": (_csv_text([HEADER, *E1_T01, *E3_T01]), "utf-8", True),
    "every-cell-quoted": (_csv_text([HEADER, *E1_T01, *E3_T01], quote_all=True), "utf-8", True),
    "bom": (_csv_text([HEADER, *E1_T01]), "utf-8-sig", True),
    "semicolons-and-dutch-dates": (
        _csv_text(
            [
                HEADER,
                ["E1", "t01", "t01-q1", "b", "31-1-2025 10:00"],
                ["E1", "t01", "t01-q2", "juist", "31-1-2025 10:00"],
            ],
            delimiter=";",
        ),
        "cp1252",
        True,
    ),
    "empty-answers": (
        _csv_text([HEADER, ["E1", "t01", "t01-q1", "", T1], ["E1", "t01", "t01-q3", "", T1], *E3_T01]),
        "utf-8",
        True,
    ),
    "rows-of-one-attempt-apart": (_csv_text([HEADER, *E1_T01[:2], *E3_T01, *E1_T01[2:]]), "utf-8", True),
    "stray-spaces": (
        _csv_text([HEADER, [" E1", "t01 ", "t01-q1", " b ", T1], ["E1", "t01", "t01-q2", "onjuist", f" {T1}"]]),
        "utf-8",
        False,
    ),
    "one-moment-written-two-ways": (
        _csv_text([HEADER, ["E1", "t01", "t01-q1", "b", T1], ["E1", "t01", "t01-q2", "juist", "31-01-2025 10:00"]]),
        "utf-8",
        False,
    ),
    "blank-and-short-rows": (_csv_text([HEADER, E1_T01[0], [""], E1_T01[1]]) + "\r\n", "utf-8", False),
    "quoted-delimiter-and-quote-in-answer": (
        _csv_text([HEADER, ["E1", "t01", "t01-q1", 'b,"c"', T1], *E3_T01]),
        "utf-8",
        False,
    ),
    "question-answered-twice": (_csv_text([HEADER, *E1_T01, E1_T01[0]]), "utf-8", False),
    "unknown-employee": (_csv_text([HEADER, ["E9", "t01", "t01-q1", "b", T1], *E3_T01]), "utf-8", False),
}


@pytest.fixture
def people() -> Directory:
    return Directory([("E1", "anna@gemeente.example"), ("E2", None), ("E3", None)])


def _file(tmp_path: Path, name: str) -> Path:
    text, encoding, _ = CASES[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(text.encode(encoding))
    return path


def _attempts(parsed: ParsedResponses) -> list[NewAttempt]:
    return sorted(parsed.attempts, key=lambda attempt: (attempt.employee_id, attempt.quiz_id, attempt.taken_at))


@pytest.mark.parametrize("name", sorted(CASES))
def test_quick_and_thorough_pass_agree(tmp_path, catalog, people, name):
    path = _file(tmp_path, name)
    quick = long_csv.parse_quick(read_table(path), catalog, people, None)
    thorough = long_csv.parse_thorough(read_table(path), catalog, people, None)
    assert (quick is not None) == CASES[name][2], "the quick pass decided" if quick else "the quick pass gave up"
    if quick is not None:
        assert thorough.problems == [] and thorough.dropped_attempts == 0
        assert quick.problems == [] and quick.dropped_attempts == 0
        assert _attempts(quick) == _attempts(thorough)
        assert quick.format_name == thorough.format_name


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_gives_the_thorough_result(tmp_path, catalog, people, name):
    """Whichever pass decides, the import sees what the thorough rules say."""
    path = _file(tmp_path, name)
    parsed = long_csv.parse(read_table(path), catalog, people, None)
    thorough = long_csv.parse_thorough(read_table(path), catalog, people, None)
    assert _attempts(parsed) == _attempts(thorough)
    assert parsed.problems == thorough.problems


def test_the_comparison_sees_a_difference(tmp_path, catalog, people):
    """A sanity check of the comparison itself: another quiz's answers make other attempts."""
    one = _file(tmp_path, "plain")
    other = tmp_path / "other.csv"
    other.write_text(_csv_text([HEADER, *E1_T01[:3], ["E1", "t01", "t01-q4", "a", T1], *E3_T01]), encoding="utf-8")
    quick = long_csv.parse_quick(read_table(one), catalog, people, None)
    changed = long_csv.parse_thorough(read_table(other), catalog, people, None)
    assert quick is not None and _attempts(quick) != _attempts(changed)
