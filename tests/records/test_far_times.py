"""Times outside 2024-01-01 .. tomorrow: refused with the row, and harmless when already stored."""

from __future__ import annotations

import datetime as dt

import pytest

from geletterdheid.records import NewAttempt

from .conftest import write_csv

WIDE = ["medewerker_id", "tijdstip", "t02-q1", "t02-q2"]
LONG = ["medewerker_id", "quiz", "vraag", "antwoord", "tijdstip"]
FAR_FUTURE = dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("moment", ["9999-12-31T23:30:00+00:00", "0001-01-01T00:00", "2023-12-31T23:59"])
def test_a_wide_sheet_with_a_time_out_of_range_names_the_row(cli, tmp_path, staffed_store, db_url, moment):
    rows = [WIDE, ["E1", "2025-01-10T09:00", "a", "juist"], ["E2", moment, "a", "juist"]]
    result = cli("responses", "import", write_csv(tmp_path / "blad.csv", rows), "--db", db_url)
    assert result.code == 1
    assert f"blad.csv, rij 3: tijdstip '{moment}' ligt niet tussen 2024-01-01 en morgen" in result.err
    assert "Interne fout" not in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_a_long_csv_with_a_time_in_year_1_names_the_row(cli, tmp_path, staffed_store, db_url):
    rows = [
        LONG,
        ["E1", "t02", "t02-q1", "a", "0001-01-01T00:00"],
        ["E1", "t02", "t02-q2", "juist", "0001-01-01T00:00"],
    ]
    result = cli("responses", "import", write_csv(tmp_path / "lang.csv", rows), "--db", db_url)
    assert result.code == 1
    assert "lang.csv, rij 2: tijdstip '0001-01-01T00:00' ligt niet tussen 2024-01-01 en morgen" in result.err
    assert "lang.csv, rij 3:" in result.err
    assert staffed_store.counts()["attempts"] == 0


def test_tomorrow_is_accepted_the_day_after_is_not(cli, tmp_path, staffed_store, db_url):
    soon = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=20)).isoformat(timespec="minutes")
    late = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=30)).isoformat(timespec="minutes")
    rows = [WIDE, ["E1", soon, "a", "juist"], ["E2", late, "a", "juist"]]
    result = cli("responses", "import", write_csv(tmp_path / "blad.csv", rows), "--db", db_url, "--skip-invalid")
    assert result.code == 0, result.output
    assert "blad.csv, rij 3: tijdstip" in result.err and "rij 2" not in result.err
    assert len(staffed_store.attempts_of("E1")) == 1 and staffed_store.attempts_of("E2") == []


@pytest.fixture
def far_future_stored(staffed_store, catalog):
    """A pass at 9999-12-31T23:30Z, as an older version stored it (the importer refuses it now)."""
    quiz = catalog.quizzes["t02"]
    staffed_store.record_attempts(
        [NewAttempt.scored("E1", quiz, FAR_FUTURE, "oud", {"t02-q1": ["a"], "t02-q2": ["juist"]})]
    )
    return staffed_store


@pytest.mark.parametrize("layout", ["long", "wide"])
def test_export_survives_a_far_future_time_in_the_store(cli, far_future_stored, db_url, tmp_path, layout):
    out = tmp_path / "export.csv"
    result = cli("export", "--db", db_url, "--layout", layout, "--out", out)
    assert result.code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    assert "Anna de Vries" in text and "Bram Jansen" in text
    if layout == "long":
        assert "E1;Anna de Vries;Burgerzaken;alle-medewerkers|beleidsadviseur;t02;" in text
        assert ";geslaagd;100,0;9999-12-31;1" in text


def test_http_export_survives_a_far_future_time_in_the_store(far_future_stored, catalog, db_url, tmp_path):
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from geletterdheid.server.app import create_app
    from geletterdheid.server.settings import ServerSettings

    settings = ServerSettings(site=tmp_path, db=db_url, secret=b"s" * 32, hr_token="hr-token", sso_header=None)
    app = create_app(settings, catalog, far_future_stored)

    async def get() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.get("/api/export.csv", headers={"Authorization": "Bearer hr-token"})

    # In a thread of its own: a browser test earlier in the session may leave Playwright's event loop
    # running in this one, and asyncio.run() refuses to start inside a running loop.
    with ThreadPoolExecutor(1) as pool:
        response = pool.submit(asyncio.run, get()).result()
    assert response.status_code == 200
    assert ";geslaagd;100,0;9999-12-31;1" in response.content.decode("utf-8-sig")
