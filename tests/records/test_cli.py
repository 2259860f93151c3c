"""CLI behaviour users rely on: stats and forget output, exit codes, Dutch messages, never a traceback."""

import subprocess
import sys

import pytest

from geletterdheid.records import NewAttempt

from .conftest import at, write_csv


@pytest.fixture
def answered(staffed_store, catalog):
    quiz = catalog.quizzes["t02"]
    staffed_store.record_attempts(
        [
            NewAttempt.scored("E1", quiz, at("2025-01-10T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["juist"]}),
            NewAttempt.scored("E2", quiz, at("2025-01-10T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["onjuist"]}),
            NewAttempt.scored("E3", quiz, at("2025-01-10T09:00"), "test", {"t02-q1": ["b"], "t02-q2": ["onjuist"]}),
        ]
    )
    return staffed_store


def test_stats_prints_the_item_analysis_and_writes_csv(cli, answered, db_url, tmp_path):
    out = tmp_path / "stats.csv"
    result = cli("stats", "t02", "--db", db_url, "--csv", out)
    assert result.code == 0, result.output
    assert "Itemanalyse toets t02 op 3 eerste pogingen" in result.out
    # q1 = 1,1,0 and q2 = 1,0,0: each is the other's rest. dx1 = 1/3,1/3,-2/3; dx2 = 2/3,-1/3,-1/3;
    # S(dx1.dx2) = 1/3, S(dx1^2) = S(dx2^2) = 2/3, so r = 1/2 -> 50%. Item variances 1/3 each,
    # totals 2,1,0 have variance 1: alpha = 2 * (1 - 2/3) = 0.67.
    table = {line.split()[0]: line.split()[1:] for line in result.out.splitlines() if line.startswith("t02-")}
    assert table["t02-q1"] == ["enkelvoudig", "66,7%", "50,0%"]
    assert table["t02-q2"] == ["juist-onwaar", "33,3%", "50,0%"]
    assert "Betrouwbaarheid (Cronbach's alpha, 'internal consistency'): 0,67" in result.out
    assert "p-waarde (moeilijkheid, 'facility' of 'difficulty')" in result.out
    # three first attempts: too few to judge, said plainly, and no signals
    assert "Te weinig pogingen om de vragen te beoordelen: 3 van de minstens 30 die nodig zijn." in result.out
    data = out.read_bytes().decode("utf-8-sig")
    assert data.splitlines()[0] == "vraag_id;type;eerste_pogingen;p_waarde;onderscheidend_vermogen;signalen"
    assert "t02-q2;juist-onwaar;3;33,3;50,0;te weinig pogingen\r\n" in data


def test_stats_for_an_unknown_quiz(cli, db_url):
    result = cli("stats", "t99", "--db", db_url)
    assert result.code == 1 and "onbekende toets 't99'; bekende toetsen: t01, t02, t03" in result.err


def test_forget_says_what_was_removed(cli, answered, db_url):
    result = cli("forget", "E1", "--db", db_url)
    assert result.code == 0
    assert result.out.strip() == "Verwijderd: medewerker E1 (Anna de Vries, Burgerzaken), 1 poging en 2 antwoorden."
    assert answered.employee("E1") is None and answered.counts()["attempts"] == 2
    again = cli("forget", "E1", "--db", db_url)
    assert again.code == 1 and "onbekende medewerker 'E1'; er is niets verwijderd" in again.err


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["export", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/geen"],
            "kan de database postgresql+psycopg://nobody@127.0.0.1:1/geen niet openen",
        ),
        (["export", "--db", "sqlite:://:"], "ongeldige database-URL"),
        (["progress", "--db", "mysql://h/db"], "database 'mysql' wordt niet ondersteund"),
        (["forget", "E1", "--db", "/geen/map/hier/x.db"], "de map /geen/map/hier voor de database x.db bestaat niet"),
    ],
)
def test_an_unusable_database_gives_a_dutch_message_and_exit_1(cli, args, message):
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith("Fout: ") and message in result.err
    assert "Traceback" not in result.output


def test_a_password_in_the_url_is_not_printed(cli):
    result = cli("export", "--db", "postgresql+psycopg://hr:geheim123@127.0.0.1:1/x")
    assert result.code == 1 and "geheim123" not in result.output


def test_broken_content_is_reported_before_anything_happens(cli, tmp_path, db_url):
    root = tmp_path / "inhoud"
    (root / "modules").mkdir(parents=True)
    result = cli("--root", root, "export", "--db", db_url)  # the later --root wins
    assert result.code == 1
    assert "de map met rollen ontbreekt" in result.err
    assert "fouten in de inhoud.\nLos die eerst op (geletterdheid check)" in result.err


def test_the_installed_command_never_shows_a_traceback(tmp_path, content_root):
    bad = write_csv(
        tmp_path / "a.csv",
        [["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"], ["E1", "t01", "t01-q1", "b", "nooit"]],
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "geletterdheid.cli",
            "--root",
            str(content_root),
            "responses",
            "import",
            str(bad),
            "--db",
            str(tmp_path / "x.db"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "a.csv, rij 2: onbekende medewerker 'E1'; ongeldig tijdstip 'nooit'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_stats_without_attempts_says_so_without_failing(cli, db_url):
    result = cli("stats", "t01", "--db", db_url)
    assert result.code == 0
    assert "Itemanalyse toets t01 op 0 eerste pogingen" in result.out
    assert "Betrouwbaarheid (Cronbach's alpha, 'internal consistency'): -" in result.out
