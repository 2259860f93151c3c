"""`geletterdheid responses import` with the long CSV: scoring, idempotency, every invalid row, all-or-nothing."""

import os
import subprocess
import sys

import pytest

from geletterdheid.records.store import Store

from .conftest import write_csv

HEADER = ["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]
T1 = "2025-01-31T10:00"
# E1 answers t01 with 1 + 1 + 1 + 0 = 75% (passes 70); E3's rows are interleaved with E1's.
GOOD = [
    ["E1", "t01", "t01-q1", "b", T1],
    ["E3", "t01", "t01-q1", "a", T1],
    ["E1", "t01", "t01-q2", "onjuist", T1],
    ["E1", "t01", "t01-q3", "a|c|d", T1],
    ["E3", "t01", "t01-q3", "a|b", T1],
    ["E1", "t01", "t01-q4", "c", T1],
]


def snapshot(db_url):
    with Store.open(db_url) as store:
        return store.counts(), [
            (a.employee_id, a.quiz_id, a.score_percent) for e in store.employees() for a in store.attempts_of(e.id)
        ]


def test_long_csv_is_scored_and_stored(cli, tmp_path, staffed_store, db_url):
    result = cli("responses", "import", write_csv(tmp_path / "antwoorden.csv", [HEADER, *GOOD]), "--db", db_url)
    assert result.code == 0, result.output
    assert "antwoorden.csv (lang): 2 pogingen gelezen, 2 nieuw opgeslagen, 0 al eerder opgeslagen." in result.out
    [e1] = staffed_store.attempts_of("E1")
    assert (e1.quiz_id, e1.score_percent, e1.passed, e1.source) == ("t01", 75.0, True, "lang:antwoorden.csv")
    [e3] = staffed_store.attempts_of("E3")
    # q1 wrong, q2 unanswered, q3 a (+1/3) and b (-1/3) = 0, q4 unanswered
    assert (e3.score_percent, e3.passed) == (0.0, False)
    assert staffed_store.answers_of(e3.id)["t01-q2"] == ("t01-q2", "", 0.0)


def test_reimporting_the_same_file_adds_nothing(cli, tmp_path, staffed_store, db_url):
    path = write_csv(tmp_path / "antwoorden.csv", [HEADER, *GOOD])
    cli("responses", "import", path, "--db", db_url)
    before = snapshot(db_url)
    result = cli("responses", "import", path, "--db", db_url)
    assert result.code == 0
    assert "0 nieuw opgeslagen, 2 al eerder opgeslagen" in result.out
    assert snapshot(db_url) == before


def test_excel_nl_semicolons_bom_and_dutch_dates(cli, tmp_path, staffed_store, db_url):
    rows = [
        HEADER,
        ["E1", "t01", "t01-q1", "b", "31-1-2025 10:00"],
        ["E1", "t01", "t01-q2", "onjuist", "31-01-2025 10:00:00"],
    ]
    path = write_csv(tmp_path / "excel.csv", rows, delimiter=";", encoding="utf-8-sig")
    assert cli("responses", "import", path, "--db", db_url).code == 0
    [attempt] = staffed_store.attempts_of("E1")  # both rows are one attempt
    assert attempt.score_percent == 50.0
    # and it is the same attempt as the ISO spelling of that time
    iso = [[*row[:4], "2025-01-31T09:00:00Z"] for row in rows[1:]]
    again = write_csv(tmp_path / "iso.csv", [HEADER, *iso])
    assert "0 nieuw opgeslagen, 1 al eerder opgeslagen" in cli("responses", "import", again, "--db", db_url).out


INVALID = [
    (["E99", "t01", "t01-q1", "b", T1], "onbekende medewerker 'E99'"),
    (["", "t01", "t01-q1", "b", T1], "medewerker_id is leeg"),
    (["E1", "t99", "t01-q1", "b", T1], "onbekende toets 't99'"),
    (["E1", "t01", "t01-q9", "b", T1], "vraag 't01-q9' hoort niet bij de toets van module t01"),
    (["E1", "t01", "t02-q1", "a", T1], "vraag 't02-q1' hoort niet bij de toets van module t01"),
    (["E1", "t01", "t01-q1", "x", T1], "onbekend antwoord 'x' bij vraag t01-q1; geldige antwoorden: a, b, c"),
    (["E1", "t01", "t01-q1", "b", "gisteren"], "ongeldig tijdstip 'gisteren'"),
    (["E1", "t01", "t01-q1", "b", "2025-02-30T10:00"], "ongeldig tijdstip '2025-02-30T10:00'"),
    (["E1", "t01", "t01-q1", "a", T1], "vraag 't01-q1' staat al eerder in het bestand voor dezelfde poging"),
    (["E1", "t01", "t01-q1"], "te weinig kolommen (3 in plaats van 5)"),
]


@pytest.mark.parametrize("row, reason", INVALID, ids=[str(i) for i in range(len(INVALID))])
def test_an_invalid_row_is_named_and_the_store_stays_as_it_was(cli, tmp_path, staffed_store, db_url, row, reason):
    cli(
        "responses",
        "import",
        write_csv(tmp_path / "eerder.csv", [HEADER, ["E2", "t01", "t01-q1", "b", T1]]),
        "--db",
        db_url,
    )
    before = snapshot(db_url)
    result = cli("responses", "import", write_csv(tmp_path / "antwoorden.csv", [HEADER, *GOOD, row]), "--db", db_url)
    assert result.code == 1
    assert f"antwoorden.csv, rij 8: {reason}" in result.err
    assert "Niets geïmporteerd" in result.err and "Traceback" not in result.output
    assert snapshot(db_url) == before


def test_every_reason_of_a_row_is_given(cli, tmp_path, staffed_store, db_url):
    path = write_csv(tmp_path / "a.csv", [HEADER, ["E99", "t01", "t01-q1", "x", "morgen"]])
    err = cli("responses", "import", path, "--db", db_url).err
    assert "a.csv, rij 2: onbekende medewerker 'E99'; ongeldig tijdstip 'morgen'" in err
    assert "onbekend antwoord 'x'" in err


def test_quiz_option_restricts_the_file_to_one_quiz(cli, tmp_path, staffed_store, db_url):
    path = write_csv(tmp_path / "a.csv", [HEADER, *GOOD])
    result = cli("responses", "import", path, "--db", db_url, "--quiz", "t02")
    assert result.code == 1 and "toets 't01' is niet de gekozen toets 't02' (--quiz)" in result.err
    assert cli("responses", "import", path, "--db", db_url, "--quiz", "t01").code == 0
    assert "onbekende toets 'zz' (--quiz)" in cli("responses", "import", path, "--db", db_url, "--quiz", "zz").err


def test_skip_invalid_leaves_out_whole_attempts_with_a_bad_row(cli, tmp_path, staffed_store, db_url):
    # E3's attempt has one bad row: storing the rest would score E3 too low, so all of it is left out.
    rows = [HEADER, *GOOD, ["E3", "t01", "t01-q2", "misschien", T1], ["E99", "t01", "t01-q1", "b", T1]]
    result = cli("responses", "import", write_csv(tmp_path / "a.csv", rows), "--db", db_url, "--skip-invalid")
    assert result.code == 0
    assert "a.csv, rij 8: onbekend antwoord 'misschien'" in result.err
    assert "a.csv, rij 9: onbekende medewerker 'E99'" in result.err
    assert "1 poging gelezen, 1 nieuw opgeslagen" in result.out
    assert "1 poging niet geïmporteerd omdat een rij ervan ongeldig is" in result.out
    assert staffed_store.attempts_of("E3") == [] and len(staffed_store.attempts_of("E1")) == 1


def test_unknown_layout_and_missing_file_are_explained(cli, tmp_path, db_url):
    odd = write_csv(tmp_path / "raar.csv", [["naam", "score"], ["Anna", "8"]])
    result = cli("responses", "import", odd, "--db", db_url)
    assert result.code == 1 and "raar.csv: onbekende indeling" in result.err
    result = cli("responses", "import", tmp_path / "weg.csv", "--db", db_url)
    assert result.code == 1 and "weg.csv: bestand niet gevonden" in result.err
    assert "Traceback" not in result.output


def test_two_processes_importing_the_same_file_at_once_store_each_attempt_once(
    tmp_path, staffed_store, db_url, content_root
):
    rows = [HEADER] + [
        [e, "t01", q, key, f"2025-03-{day:02d}T10:00"]
        for e in ("E1", "E2", "E3")
        for day in range(1, 29)
        for q, key in (("t01-q1", "b"), ("t01-q3", "a"))
    ]
    path = write_csv(tmp_path / "groot.csv", rows)
    command = [
        sys.executable,
        "-m",
        "geletterdheid.cli",
        "--root",
        str(content_root),
        "responses",
        "import",
        str(path),
        "--db",
        db_url,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    added = sorted(int(out.split(" nieuw opgeslagen")[0].rsplit(" ", 1)[1]) for out, _ in outputs)
    assert added[1] + added[0] == 84  # together they stored every attempt exactly once
    assert staffed_store.counts()["attempts"] == 84


def test_row_order_does_not_matter(cli, tmp_path, staffed_store, db_url):
    # Sorted by question instead of by attempt: every attempt is spread over the file.
    shuffled = sorted(GOOD, key=lambda row: (row[2], row[0]))
    result = cli("responses", "import", write_csv(tmp_path / "per-vraag.csv", [HEADER, *shuffled]), "--db", db_url)
    assert result.code == 0
    assert [a.score_percent for a in staffed_store.attempts_of("E1")] == [75.0]
    assert [a.score_percent for a in staffed_store.attempts_of("E3")] == [0.0]


def test_one_moment_written_two_ways_is_one_attempt(cli, tmp_path, staffed_store, db_url):
    rows = [
        HEADER,
        ["E1", "t01", "t01-q1", "b", "2025-01-31T10:00"],
        ["E1", "t01", "t01-q2", "onjuist", "2025-01-31T09:00Z"],
        [" E1 ", "t01", "t01-q3", " a | c | d ", "31-1-2025 10:00"],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "a.csv", rows), "--db", db_url)
    assert result.code == 0, result.output
    assert "1 poging gelezen" in result.out
    [attempt] = staffed_store.attempts_of("E1")
    assert attempt.score_percent == 75.0


def test_blank_and_spaced_rows_take_the_careful_path_and_still_import(cli, tmp_path, staffed_store, db_url):
    rows = [HEADER, *GOOD[:2], [], ["", "", "", "", ""], *GOOD[2:]]
    result = cli("responses", "import", write_csv(tmp_path / "a.csv", rows, delimiter=";"), "--db", db_url)
    assert result.code == 0, result.output
    assert "2 pogingen gelezen, 2 nieuw opgeslagen" in result.out
