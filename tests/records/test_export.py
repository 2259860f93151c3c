"""`geletterdheid export` and `progress`: contents, Excel-NL bytes, formula neutralisation, filters, pseudonyms."""

import csv
import datetime as dt
import io
import itertools
import re
from types import MappingProxyType

import pytest

from geletterdheid.project.model import TrainingSettings, TrainingTerms
from geletterdheid.records import Employee, NewAttempt

from .conftest import ROSTER, at

KEY = "een-geheime-sleutel-van-HR-1234"


@pytest.fixture
def history(staffed_store, catalog):
    """E1 (beleidsadviseur) passed t01 on the second try and failed t02 once; E3 (inkoper) took t02,
    which inkopers need not take; E2 did nothing."""
    t01, t02 = catalog.quizzes["t01"], catalog.quizzes["t02"]
    staffed_store.record_attempts(
        [
            NewAttempt.scored("E1", t01, at("2025-01-10T09:00"), "test", {"t01-q1": ["b"]}),  # 25%
            NewAttempt.scored(
                "E1",
                t01,
                at("2025-01-31T23:30"),
                "test",  # 75%
                {"t01-q1": ["b"], "t01-q2": ["onjuist"], "t01-q3": ["a", "c", "d"]},
            ),
            NewAttempt.scored("E1", t01, at("2025-02-05T09:00"), "test", {"t01-q1": ["b"]}),  # 25%
            NewAttempt.scored("E1", t02, at("2025-02-01T09:00"), "test", {}),  # 0%
            NewAttempt.scored(
                "E3", t02, at("2025-02-01T09:00"), "test", {"t02-q1": ["a"], "t02-q2": ["juist"]}
            ),  # 100%
        ]
    )
    return staffed_store


def read(text: str, delimiter: str = ";") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_long_export_lists_every_required_module_and_attempted_extras(cli, history, db_url):
    result = cli("export", "--db", db_url)
    assert result.code == 0, result.output
    rows = {(r["medewerker_id"], r["module_id"]): r for r in read(result.out)}
    assert list(rows) == [("E1", "t01"), ("E1", "t02"), ("E2", "t01"), ("E3", "t01"), ("E3", "t03"), ("E3", "t02")]
    assert rows["E1", "t01"] == {
        "medewerker_id": "E1",
        "naam": "Anna de Vries",
        "afdeling": "Burgerzaken",
        "rollen": "alle-medewerkers|beleidsadviseur",
        "module_id": "t01",
        "module_titel": "Wat is AI?",
        "verplicht": "ja",
        "status": "geslaagd",
        "beste_score": "75,0",
        "geslaagd_op": "2025-01-31",  # 23:30 Dutch time is the 31st, though it is the 31st 22:30 UTC too
        "pogingen": "3",
        "geldig_tot": "",  # no gemeente.toml: a pass stays valid
        "deadline": "",
        "workshop": "",  # no workshop attended
        "reden": "leerpad",  # on the path of the roles (no AI system adds it)
    }
    assert (rows["E1", "t02"]["status"], rows["E1", "t02"]["beste_score"], rows["E1", "t02"]["pogingen"]) == (
        "niet geslaagd",
        "0,0",
        "1",
    )
    assert (rows["E2", "t01"]["status"], rows["E2", "t01"]["beste_score"], rows["E2", "t01"]["geslaagd_op"]) == (
        "niet gestart",
        "",
        "",
    )
    assert rows["E3", "t03"]["verplicht"] == "ja" and rows["E3", "t03"]["status"] == "niet gestart"
    assert (rows["E3", "t02"]["verplicht"], rows["E3", "t02"]["status"]) == ("nee", "geslaagd")
    assert rows["E3", "t02"]["reden"] == ""  # not required: no reason


def test_wide_export_has_one_row_per_employee_and_a_column_per_module(cli, history, db_url):
    result = cli("export", "--db", db_url, "--layout", "wide", "--dialect", "rfc4180")
    rows = read(result.out, ",")
    assert list(rows[0]) == [
        "medewerker_id",
        "naam",
        "afdeling",
        "rollen",
        "t01",
        "t02",
        "t03",
        "verplicht_aantal",
        "verplicht_geslaagd",
        "workshops",
    ]
    by_id = {r["medewerker_id"]: r for r in rows}
    assert [by_id["E1"][m] for m in ("t01", "t02", "t03")] == ["geslaagd", "niet geslaagd", ""]
    assert [by_id["E3"][m] for m in ("t01", "t02", "t03")] == ["niet gestart", "geslaagd", "niet gestart"]
    assert (by_id["E1"]["verplicht_aantal"], by_id["E1"]["verplicht_geslaagd"]) == ("2", "1")


def test_excel_nl_bytes_have_bom_semicolons_crlf_and_decimal_commas(cli, history, db_url, tmp_path):
    out = tmp_path / "hr.csv"
    result = cli("export", "--db", db_url, "--out", out)
    assert result.code == 0 and f"Export geschreven naar {out}: 3 medewerkers." in result.out
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfmedewerker_id;naam;afdeling;rollen;module_id;")
    assert data.count(b"\r\n") == 7 and b"\n" not in data.replace(b"\r\n", b"")
    # geldig_tot, deadline and workshop empty; reden last
    assert ";75,0;2025-01-31;3;;;;leerpad\r\n" in data.decode("utf-8-sig")
    assert "Daniëlle Çelik".encode() in data


def test_rfc4180_bytes_have_commas_no_bom_and_decimal_points(cli, history, db_url, tmp_path):
    out = tmp_path / "hr.csv"
    cli("export", "--db", db_url, "--out", out, "--dialect", "rfc4180")
    data = out.read_bytes()
    assert data.startswith(b"medewerker_id,naam,afdeling,rollen,")
    assert b",75.0,2025-01-31,3,,,,leerpad\r\n" in data


HOSTILE = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 1234",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab",
    "\rCR",
    "=cmd|' /C calc'!A0",
]


def test_formula_cells_are_neutralised_so_hostile_names_stay_text(cli, store, db_url, tmp_path):
    store.upsert_employees([Employee(f"=X{i}", name, f"+Afd{i}", (), None) for i, name in enumerate(HOSTILE)])
    for layout in ("long", "wide"):
        out = tmp_path / f"{layout}.csv"
        assert cli("export", "--db", db_url, "--out", out, "--layout", layout).code == 0
        rows = read(out.read_bytes().decode("utf-8-sig"))  # keep the CR inside a quoted cell
        names = [row["naam"] for row in rows]
        assert sorted(names) == sorted("'" + name for name in HOSTILE)
        for row in rows:
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (layout, cell)


def test_long_export_writes_what_csv_writer_writes_for_the_long_rows(history, catalog, tmp_path):
    """The long layout joins pre-formatted cell groups itself (issue 4): it must give the very
    bytes csv.writer gives for the plain rows of export_reference.long_rows(), quoting included."""
    from geletterdheid.reports.completion import completions
    from geletterdheid.reports.hr_export import LONG_HEADER, ExportOptions, export, export_people
    from geletterdheid.reports.spreadsheet import DIALECTS, write_rows

    from .export_reference import long_rows

    history.upsert_employees(
        [
            Employee("E4", 'Jan "Sjaak"; Smit', "Zaken, Recht", ("inkoper",), None),
            Employee("E5;x", "Regel\nbreuk\r", "=Afd", ("beleidsadviseur",), None),
        ]
    )
    history.record_attempts([NewAttempt.scored("E5;x", catalog.quizzes["t02"], at("2025-03-30T00:59"), "test", {})])
    # Nothing set, one deadline for all (both written in one go), then deadlines per role and a
    # validity of one month (worked out per role set), so te laat and verlopen are in the bytes too.
    trainings = [
        TrainingSettings(),
        TrainingSettings(TrainingTerms(dt.date(2025, 6, 30))),
        TrainingSettings(
            TrainingTerms(dt.date(2025, 6, 30), 1), MappingProxyType({"inkoper": TrainingTerms(dt.date(2025, 1, 15))})
        ),
    ]
    statuses: set[str] = set()
    for today, training in itertools.product((dt.date(2025, 2, 15), dt.date(2026, 1, 1)), trainings):
        for dialect in DIALECTS.values():
            for key in (None, KEY.encode()):
                out = tmp_path / "long.csv"
                options = ExportOptions("long", None, key, k=2, training=training, today=today)
                export(history, catalog, out, dialect, options=options)
                people, hide = export_people(history.employees(), options)
                expected = io.StringIO(newline="")
                items = completions(catalog, people, history.module_progress(), training, today)
                write_rows(expected, dialect, LONG_HEADER, long_rows(catalog, items, dialect, hide))
                assert out.read_bytes().decode("utf-8") == ("\ufeff" if dialect.bom else "") + expected.getvalue()
                statuses |= {row["status"] for row in read(expected.getvalue(), dialect.delimiter)}
    assert {"te laat", "verlopen", "geslaagd", "niet gestart", "niet geslaagd"} <= statuses


def test_neutralise_leaves_ordinary_text_alone():
    from geletterdheid.reports.spreadsheet import neutralise

    assert neutralise("Anna de Vries") == "Anna de Vries"
    assert neutralise("Jan-Willem") == "Jan-Willem"  # a '-' inside is harmless
    assert neutralise("") == ""


def test_department_filter(cli, history, db_url):
    rows = read(cli("export", "--db", db_url, "--afdeling", "inkoop").out)
    assert {r["medewerker_id"] for r in rows} == {"E3"}
    result = cli("export", "--db", db_url, "--afdeling", "Nergens")
    assert result.code == 0 and "geen medewerkers van afdeling 'Nergens'" in result.err


def test_pseudonymised_export_hides_ids_and_names_with_a_stable_keyed_hash(cli, history, db_url, monkeypatch):
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY)
    first = cli("export", "--db", db_url, "--pseudonimiseer")
    assert first.code == 0
    for employee in ROSTER:
        assert employee.id not in {r["medewerker_id"] for r in read(first.out)}
        assert employee.name not in first.out
    rows = read(first.out)
    assert all(r["medewerker_id"].startswith("p-") and r["naam"] == r["medewerker_id"] for r in rows)
    assert cli("export", "--db", db_url, "--pseudonimiseer").out == first.out  # same key, same pseudonyms
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", KEY + "-anders")
    other = read(cli("export", "--db", db_url, "--pseudonimiseer").out)
    assert {r["medewerker_id"] for r in other}.isdisjoint({r["medewerker_id"] for r in rows})


def test_pseudonymising_without_a_usable_key_fails_clearly_and_writes_nothing(
    cli, history, db_url, monkeypatch, tmp_path
):
    out = tmp_path / "hr.csv"
    result = cli("export", "--db", db_url, "--pseudonimiseer", "--out", out)
    assert result.code == 1 and "GELETTERDHEID_PSEUDONIEM_SLEUTEL" in result.err
    monkeypatch.setenv("GELETTERDHEID_PSEUDONIEM_SLEUTEL", "kort")
    assert "te kort" in cli("export", "--db", db_url, "--pseudonimiseer", "--out", out).err
    assert not out.exists()


def test_out_file_is_replaced_whole_and_no_temporary_file_stays(cli, history, db_url, tmp_path):
    out = tmp_path / "hr.csv"
    out.write_text("oude inhoud")
    assert cli("export", "--db", db_url, "--out", out).code == 0
    assert "oude inhoud" not in out.read_text(encoding="utf-8-sig")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".hr.csv")] == []


def test_a_failed_export_leaves_the_old_file_untouched(cli, store, db_url, tmp_path, monkeypatch):
    out = tmp_path / "hr.csv"
    out.write_text("vorige export")
    # An employee whose role the content no longer has: the export refuses before writing.
    store.upsert_employees([Employee("E5", "Oud", "IT", ("wethouder",), None)])
    result = cli("export", "--db", db_url, "--out", out)
    assert result.code == 1 and "E5 (wethouder)" in result.err and "Importeer de personeelslijst opnieuw" in result.err
    assert out.read_text() == "vorige export"
    assert list(tmp_path.glob(".hr.csv*")) == []


def table_rows(text: str, title: str) -> dict[str, list[str]]:
    """The rows of the table whose header starts with ``title``: first cell -> other cells."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    rows = {}
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        if not line.startswith("-"):
            cells = re.split(r"\s{2,}", line.strip())
            rows[cells[0]] = cells[1:]
    return rows


def test_progress_by_department(cli, history, db_url):
    result = cli("progress", "--db", db_url)
    assert result.code == 0
    lines = table_rows(result.out, "Afdeling  ")
    # Burgerzaken: E1 needs t01+t02 (passed t01), E2 needs t01 (nothing): 1 of 3. Inkoop: E3 0 of 2.
    # Nobody finished a whole learning path.
    assert lines["Burgerzaken"] == ["2", "0", "3", "1", "33,3%", "0"]
    assert lines["Inkoop"] == ["1", "0", "2", "0", "0,0%", "0"]
    assert lines["Totaal"] == ["3", "0", "5", "1", "20,0%", "0"]
    assert "Leerpad af: medewerkers die alle verplichte modules hebben gehaald" in result.out


def test_progress_by_role_counts_everyone_under_all_staff_by_title(cli, history, db_url):
    out = cli("progress", "--db", db_url, "--by", "rol").out
    lines = table_rows(out, "Rol  ")
    assert lines["Alle medewerkers"] == ["3", "0", "5", "1", "20,0%", "0"]
    assert lines["Beleidsadviseur"] == ["1", "0", "2", "1", "50,0%", "0"]
    assert lines["Inkoper"] == ["1", "0", "2", "0", "0,0%", "0"]


def test_progress_on_an_empty_store_says_what_to_do(cli, db_url):
    result = cli("progress", "--db", db_url)
    assert result.code == 0 and "importeer eerst de personeelslijst" in result.out
