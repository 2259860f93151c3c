"""geletterdheid rapport: the dossier's figures are those of export and progress, the period is
checked in Dutch, rapport.json follows its schema, the page and the PDF are accessible, the files private."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import stat
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from geletterdheid.cli import main
from geletterdheid.content import catalog_or_exit
from geletterdheid.records.store import Store
from geletterdheid.records.workshops import attended_modules
from geletterdheid.reports.completion import completions
from geletterdheid.reports.dossier import Dossier, Period, dossier_of, end_of
from geletterdheid.reports.dossier_commands import PeriodError, parse_period
from geletterdheid.reports.dossier_html import render_html
from geletterdheid.reports.dossier_json import as_data
from geletterdheid.reports.dossier_pdf import compile_pdf
from geletterdheid.reports.hr_export import ExportOptions, export
from geletterdheid.reports.progress import progress_by
from geletterdheid.reports.spreadsheet import DIALECTS
from pdf_support import assert_tagged_dutch_pdf_ua, struct_elements
from repo_paths import REPO

sys.path.insert(0, str(REPO / "bench"))
from synthetic import fill_municipality

#: The last day of the fixture's year of attempts; the dossier is made the day after.
END = dt.date(2026, 11, 30)
YEAR = Period(dt.date(2025, 12, 1), END)
SCHEMA = REPO / "schema" / "rapport.schema.json"


@pytest.fixture(scope="module")
def real_catalog():
    """The shipped content, with the first three systems of the example AI inventory."""
    catalog = catalog_or_exit(REPO)
    assert catalog.inventory is not None
    three = catalog.inventory.model_copy(update={"systems": catalog.inventory.systems[:3]})
    return dataclasses.replace(catalog, inventory=three)


@pytest.fixture
def gemeente(db_url, real_catalog):
    """120 employees in six departments with a year of attempts, leavers and four workshops."""
    with Store.open(db_url) as store:
        fill_municipality(store, real_catalog, employees=120, end=END)
        yield store


def _dossier(store: Store, catalog, period: Period = YEAR) -> Dossier:
    return dossier_of(store, catalog, period, "Gemeente Testdorp", today=period.end + dt.timedelta(days=1))


def _export_rows(store: Store, catalog, day: dt.date, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "export.csv"
    export(store, catalog, out, DIALECTS["rfc4180"], options=ExportOptions(today=day, include_left=True))
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def _finished_from_export(rows: list[dict[str, str]], day: dt.date) -> tuple[Counter[str], Counter[str]]:
    """Per department: employees in service on ``day`` and those with every required module geslaagd,
    read from the long HR export (with --ook-uit-dienst, so the day someone left is in it)."""
    everyone: dict[str, tuple[str, bool]] = {}
    for row in rows:
        if row["uit_dienst"] and dt.date.fromisoformat(row["uit_dienst"]) <= day:
            continue
        department, done = everyone.get(row["medewerker_id"], (row["afdeling"], True))
        if row["verplicht"] == "ja" and row["status"] != "geslaagd":
            done = False
        everyone[row["medewerker_id"]] = (department, done)
    employees = Counter(department for department, _ in everyone.values())
    finished = Counter(department for department, done in everyone.values() if done)
    return employees, finished


def _as_progress(lines) -> dict[str, tuple[int, int]]:
    return {line.group: (line.employees, line.finished) for line in lines}


def _of_dossier(lines) -> dict[str, tuple[int, int]]:
    return {line.group: (line.employees, line.finished) for line in lines}


def test_the_figures_are_those_of_export_and_progress(gemeente, real_catalog, tmp_path):
    dossier = _dossier(gemeente, real_catalog)
    # progress, as cmd_progress computes it, on the period's last day
    items = list(
        completions(
            real_catalog,
            gemeente.employees(),
            gemeente.module_progress(),
            today=END,
            attended=attended_modules(gemeente),
        )
    )
    titles = {role_id: role.title for role_id, role in real_catalog.roles.items()}
    by_department = progress_by(items, "afdeling", titles)
    by_role = progress_by(items, "rol", titles)
    assert _of_dossier(dossier.departments) == _as_progress(by_department[:-1])
    assert _of_dossier(dossier.roles) == _as_progress(by_role[:-1])
    assert (dossier.total.employees, dossier.total.finished) == (
        by_department[-1].employees,
        by_department[-1].finished,
    )
    assert (dossier.required, dossier.passed) == (by_department[-1].required, by_department[-1].passed)
    # and the HR export's rows give the same
    employees, finished = _finished_from_export(_export_rows(gemeente, real_catalog, END, tmp_path), END)
    assert {line.group: (line.employees, line.finished) for line in dossier.departments} == {
        department: (employees[department], finished[department]) for department in employees
    }
    assert 0 < dossier.total.finished < dossier.total.employees  # a test that can tell a wrong count
    assert dossier.trend[-1].finished == dossier.total.finished  # the trend ends where the coverage is


def test_a_past_period_has_the_figures_the_export_had_on_its_last_day(gemeente, real_catalog, tmp_path):
    day = dt.date(2026, 6, 30)
    dossier = _dossier(gemeente, real_catalog, Period(dt.date(2026, 1, 1), day))
    later = [
        attempt.id
        for employee in gemeente.employees(include_left=True)
        for attempt in gemeente.attempts_of(employee.id)
        if attempt.taken_at >= end_of(day)
    ]
    assert later, "the fixture has attempts after the period"
    for attempt_id in later:  # the records as they stood on that day
        gemeente.void_attempt(attempt_id, "test: na de periode")
    employees, finished = _finished_from_export(_export_rows(gemeente, real_catalog, day, tmp_path), day)
    assert {line.group: (line.employees, line.finished) for line in dossier.departments} == {
        department: (employees[department], finished[department]) for department in employees
    }
    assert dossier.total.finished == sum(finished.values())
    assert all(dt.date(2026, 1, 1) <= w.held_on <= day for w in dossier.workshops) and dossier.workshops


def test_a_small_group_shows_its_size_not_its_results(gemeente, real_catalog):
    dossier = dossier_of(gemeente, real_catalog, YEAR, "Gemeente Testdorp", today=END, k=10)
    small = [line for line in dossier.roles if line.employees < dossier.k]
    assert small, "the fixture has a role with fewer than ten employees"
    assert any(line.finished is not None for line in dossier.roles)
    assert all(line.finished is None and line.percent is None for line in small)
    page = render_html(dossier)
    assert f"niet getoond (minder dan {dossier.k})" in page
    assert "Medewerker 1" not in page and "E00001" not in page  # no names or personnel numbers


def test_the_json_follows_its_schema(gemeente, real_catalog):
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    data = as_data(_dossier(gemeente, real_catalog))
    assert list(validator.iter_errors(data)) == []
    assert data["uitvoeren"]["afdelingen"][0].keys() == {"afdeling", "medewerkers", "leerpad_afgerond", "percentage"}
    assert data["uitvoeren"]["rollen"][0].keys() == {"rol", "medewerkers", "leerpad_afgerond", "percentage"}
    assert data["uitvoeren"]["herinneringen"]["verstuurd"] is None  # not recorded anywhere: not invented
    assert data["wettelijke_grondslag"]["url"].startswith("https://eur-lex.europa.eu/")
    broken = json.loads(json.dumps(data))
    broken["uitvoeren"]["afdelingen"][0]["percentage"] = "24,6%"
    del broken["evalueren"]["governance"]
    assert len(list(validator.iter_errors(broken))) == 2


def test_every_module_says_its_version_and_on_which_versions_people_passed(gemeente, real_catalog):
    dossier = _dossier(gemeente, real_catalog)
    m01 = next(module for module in dossier.modules if module.id == "m01")
    assert m01.version == real_catalog.modules["m01"].version
    assert m01.passes_by_version == ((real_catalog.modules["m01"].version, m01.passes_by_version[0][1]),)
    assert m01.passes_by_version[0][1] > 0
    assert "Geslaagd per versie" in render_html(dossier)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-01-01", "--periode moet VAN..TOT zijn, twee datums met twee punten ertussen"),
        ("2026-01-01...2026-02-01", "--periode: de einddatum '.2026-02-01' is geen datum"),
        ("2026-01-01..", "--periode: geef een begin- en een einddatum"),
        ("2026-13-01..2026-12-31", "--periode: de begindatum '2026-13-01' is geen datum; schrijf JJJJ-MM-DD"),
        ("2026-01-01..31-12-2026", "--periode: de einddatum '31-12-2026' is geen datum"),
        ("2026-06-01..2026-01-01", "de begindatum 1 juni 2026 ligt na de einddatum 1 januari 2026"),
        ("2026-01-01..2027-01-01", "de einddatum 1 januari 2027 ligt na vandaag (1 december 2026)"),
    ],
)
def test_a_wrong_period_is_explained_in_dutch(text, message):
    with pytest.raises(PeriodError) as caught:
        parse_period(text, dt.date(2026, 12, 1))
    assert message in str(caught.value)


def test_a_period_is_two_days_inclusive_and_defaults_to_the_last_twelve_months():
    assert parse_period(" 2026-01-01 .. 2026-03-31 ", dt.date(2026, 12, 1)) == Period(
        dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    )
    assert parse_period(None, dt.date(2026, 12, 1)) == Period(dt.date(2025, 12, 2), dt.date(2026, 12, 1))
    assert [month for month, _ in Period(dt.date(2026, 1, 15), dt.date(2026, 3, 2)).months()] == [
        dt.date(2026, 1, 15),
        dt.date(2026, 2, 1),
        dt.date(2026, 3, 1),
    ]


def test_the_cli_refuses_a_wrong_period_before_writing_anything(tmp_path, capsys):
    code = main(["--root", str(REPO), "rapport", "--periode", "2026-02-30..2026-03-01", "--out", str(tmp_path / "d")])
    assert code == 1
    assert "Fout: --periode: de begindatum '2026-02-30' is geen datum" in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_the_cli_writes_three_private_files(db_url, real_catalog, tmp_path, capsys):
    with Store.open(db_url) as store:
        fill_municipality(store, real_catalog, employees=60, end=END)
    out = tmp_path / "dossier"
    code = main(
        ["--root", str(REPO), "rapport", "--db", db_url, "--periode", "2026-01-01..2026-11-30", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    assert "Dossier over 1 januari 2026 tot en met 30 november 2026 geschreven naar" in capsys.readouterr().out
    assert sorted(path.name for path in out.iterdir()) == ["rapport.html", "rapport.json", "rapport.pdf"]
    for path in out.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    data = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    assert data["periode"] == {"van": "2026-01-01", "tot": "2026-11-30"}
    assert data["gemeente"] == "Gemeente Voorbeeld"


def test_the_page_cites_article_4_and_says_it_is_the_gemeentes_own_record(gemeente, real_catalog):
    soup = BeautifulSoup(render_html(_dossier(gemeente, real_catalog)), "html.parser")
    assert soup.html["lang"] == "nl"
    link = soup.find("a", string=lambda text: text and text.startswith("artikel 4 van de AI-verordening"))
    assert link is not None and link["href"].startswith("https://eur-lex.europa.eu/eli/reg/2024/1689/")
    text = soup.get_text(" ")
    assert "eigen verslag van de gemeente, geen certificaat" in text
    assert [h2.get_text() for h2 in soup.find_all("h2")][1:] == [
        "Stap 1. Identificeren: de AI-systemen",
        "Stap 2. Doelen: het leerpad per rol",
        "Stap 3. Uitvoeren: de maatregelen",
        "Stap 4. Evalueren",
    ]
    assert not soup.find_all(["script", "link", "img", "iframe"])  # nothing loaded from anywhere


def test_each_chart_has_a_title_a_description_and_a_table_with_its_figures(gemeente, real_catalog):
    dossier = _dossier(gemeente, real_catalog)
    soup = BeautifulSoup(render_html(dossier), "html.parser")
    charts = soup.find_all("svg")
    assert len(charts) == 3
    for chart in charts:
        assert chart["role"] == "img"
        title, desc = chart.find("title"), chart.find("desc")
        assert title.get_text() and desc.get_text().startswith("Percentage per")
        assert chart["aria-labelledby"] == f"{title['id']} {desc['id']}"
        table = chart.find_parent("figure").find_next_sibling("div").find("table")
        assert table is not None and table.find("caption")
    trend = soup.find("caption", id="tabel-trend").find_parent("table")
    november = [row for row in trend.find_all("tr") if row.th and row.th.get_text() == "nov 2026"]
    assert november and november[0].find_all("td")[1].get_text() == str(dossier.total.finished)


def test_the_pdf_is_tagged_dutch_pdf_ua_with_its_charts_described(gemeente, real_catalog):
    dossier = _dossier(gemeente, real_catalog)
    reader = assert_tagged_dutch_pdf_ua(
        compile_pdf(dossier),
        "Dossier AI-geletterdheid: Gemeente Testdorp, 1 december 2025 tot en met 30 november 2026",
    )
    figures = [element for element in struct_elements(reader) if element.get("/S") == "/Figure"]
    alts = [str(element.get("/Alt", "")) for element in figures]
    assert len([alt for alt in alts if "Percentage per" in alt]) == 3, alts
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "geen certificaat" in text and "Stap 4. Evalueren" in text


def test_when_the_pdf_cannot_be_made_no_file_is_written_or_replaced(db_url, tmp_path, capsys, monkeypatch):
    from geletterdheid.reports import dossier_pdf

    def broken(_dossier):
        raise dossier_pdf.DossierPdfError("Typst kon het dossier niet maken: test")

    out = tmp_path / "dossier"
    out.mkdir()
    (out / "rapport.json").write_text("het vorige dossier", encoding="utf-8")
    monkeypatch.setattr(dossier_pdf, "compile_pdf", broken)
    code = main(["--root", str(REPO), "rapport", "--db", db_url, "--out", str(out)])
    assert code == 1
    assert "Fout: Typst kon het dossier niet maken: test" in capsys.readouterr().err
    assert [path.name for path in out.iterdir()] == ["rapport.json"]  # no temporary files left either
    assert (out / "rapport.json").read_text(encoding="utf-8") == "het vorige dossier"


def test_reminder_lists_made_are_measures_in_the_dossier(db_url, real_catalog, tmp_path, capsys):
    """`herinneringen` records that a list was made (when, for how many people; no names): the dossier
    lists those of its period. Whether the mails went out is the gemeente's mail system: never claimed."""
    from geletterdheid.records.reminder_lists import record_reminder_list, reminder_lists_made

    with Store.open(db_url) as store:
        fill_municipality(store, real_catalog, employees=30, end=END)
        record_reminder_list(store, dt.date(2026, 3, 2), 12, None, made_at=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC))
        record_reminder_list(store, dt.date(2025, 6, 1), 40, None, made_at=dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC))
    code = main(["--root", str(REPO), "herinneringen", "--db", db_url, "--out", str(tmp_path / "lijst.csv"),
                 "--afdeling", "Burgerzaken"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with Store.open(db_url) as store:
        made = reminder_lists_made(store)
        assert [(line.reference_day, line.employees) for line in made[:2]] == [
            (dt.date(2025, 6, 1), 40),
            (dt.date(2026, 3, 2), 12),
        ]
        assert made[-1].department == "Burgerzaken" and made[-1].made_at.date() == dt.datetime.now(dt.UTC).date()
        dossier = dossier_of(store, real_catalog, YEAR, "Gemeente Testdorp", today=END + dt.timedelta(days=1))
    # The June 2025 list is before the period; the one made now is after its end.
    assert [(line.made_on, line.employees) for line in dossier.reminder_lists] == [(dt.date(2026, 3, 2), 12)]
    data = as_data(dossier)["uitvoeren"]["herinneringen"]
    assert data["verstuurd"] is None
    assert data["lijsten"] == [{"datum": "2026-03-02", "medewerkers": 12, "afdeling": None}]
    assert "Herinneringslijsten gemaakt: 2 maart 2026 (12 medewerkers)." in render_html(dossier)
