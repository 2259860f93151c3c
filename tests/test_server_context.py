"""Learning paths in context (issue 15) on the server: mijn voortgang, the certificate's "path complete"
and /hr/ follow the AI systems of the gemeente's register, on SQLite and PostgreSQL.

The gemeente project (tests/context_support.py) has a high-risk system in Werk en Inkomen."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterator

import httpx
import pytest

from certificate_support import bearer, tiny_site
from context_support import ALL_STAFF_PATH, HIGH_RISK_REASON, ROSTER, WERK_EN_INKOMEN_PATH, make_gemeente
from geletterdheid.content import catalog_or_exit
from geletterdheid.project.assemble import assemble
from geletterdheid.records.store import Store
from server_support import HR_TOKEN, RunningServer, postgres_schema_url, running_server


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def context_server(request, tmp_path_factory) -> Iterator[RunningServer]:
    folder = tmp_path_factory.mktemp("context-server")
    project = make_gemeente(folder / "testdorp")
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{(folder / 'server.db').as_posix()}"
        else:
            url = stack.enter_context(postgres_schema_url())
        with Store.open(url) as store:
            store.upsert_employees(ROSTER)
        server = stack.enter_context(running_server(tiny_site(folder / "site"), url, root=project))
        server.project = project  # type: ignore[attr-defined]
        yield server


def progress(server: RunningServer, employee_id: str) -> dict:
    response = httpx.get(server.url + "api/mijn-voortgang", headers=bearer(employee_id), timeout=30)
    assert response.status_code == 200, response.text
    return response.json()


def pass_modules(server: RunningServer, employee_id: str, module_ids: list[str]) -> None:
    catalog = catalog_or_exit(assemble(server.project))  # type: ignore[attr-defined]
    for module_id in module_ids:
        quiz = catalog.quizzes[module_id]
        answers = {question.id: list(question.correct) for question in quiz.questions}
        response = httpx.post(
            server.url + "api/pogingen", json={"quiz": module_id, "antwoorden": answers}, headers=bearer(employee_id)
        )
        assert response.status_code == 201 and response.json()["geslaagd"] is True


def test_mijn_voortgang_shows_the_high_risk_systems_modules_and_why(context_server):
    body = progress(context_server, "W1")
    assert [module["id"] for module in body["modules"]] == WERK_EN_INKOMEN_PATH
    reasons = {module["id"]: module["reden"] for module in body["modules"]}
    assert reasons["m07"] == reasons["m13"] == HIGH_RISK_REASON and reasons["m01"] == "leerpad"
    assert [module["id"] for module in progress(context_server, "B1")["modules"]] == ALL_STAFF_PATH


def test_the_path_is_complete_only_with_the_systems_modules(context_server):
    pass_modules(context_server, "W2", ALL_STAFF_PATH)
    body = progress(context_server, "W2")
    assert body["gehaald"] == 4 and body["totaal"] == 7
    assert body["compleet"] is False and body["certificaat"] is None
    missing = httpx.get(context_server.url + "api/mijn-voortgang/certificaat.pdf", headers=bearer("W2"))
    assert missing.status_code == 404
    pass_modules(context_server, "W2", ["m06", "m07", "m13"])
    body = progress(context_server, "W2")
    assert body["compleet"] is True and body["certificaat"] is not None
    # elsewhere the all-staff modules are the whole path
    pass_modules(context_server, "B1", ALL_STAFF_PATH)
    assert progress(context_server, "B1")["compleet"] is True


def test_hr_sees_the_same_paths_per_department_and_in_the_export(context_server):
    pass_modules(context_server, "W2", WERK_EN_INKOMEN_PATH)
    pass_modules(context_server, "B1", ALL_STAFF_PATH)
    pass_modules(context_server, "W1", ALL_STAFF_PATH)  # not m06, m07, m13: not finished
    with httpx.Client(base_url=context_server.url, follow_redirects=True) as client:
        page = client.post("hr/aanmelden", data={"token": HR_TOKEN})
        text = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
        assert "Werk en Inkomen 0 van 1 (0%)" in text and "WERK EN INKOMEN 1 van 1 (100%)" in text
        # (on PostgreSQL the schema also holds server_support.ROSTER: Anna in Burgerzaken, who did nothing)
        assert re.search(r"Burgerzaken 1 van [12] ", text), text
        export = client.get("hr/export.csv?layout=long")
        rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
        w1 = {row["module_id"]: row for row in rows if row["medewerker_id"] == "W1"}
        assert list(w1) == WERK_EN_INKOMEN_PATH
        assert (w1["m07"]["status"], w1["m07"]["reden"]) == ("niet gestart", HIGH_RISK_REASON)
