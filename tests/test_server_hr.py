"""HR in the browser's terms, over HTTP: the token form, the session cookie, progress per department,
the export download, and SSO with an HR group."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest

from certificate_support import pass_path, tiny_site
from server_support import HR_TOKEN, new_store_url, running_server


def login(server, token: str = HR_TOKEN, **headers: str) -> httpx.Response:
    return httpx.post(server.url + "hr/aanmelden", data={"token": token}, headers=headers)


def text_of(response: httpx.Response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.text).split())


def test_without_a_session_hr_sees_the_login_form(own_server):
    page = httpx.get(own_server.url + "hr/")
    assert page.status_code == 200
    assert '<label for="token">HR-token</label>' in page.text and "Voortgang per afdeling" not in page.text
    for address in ("hr", "hr/aanmelden", "hr/afmelden"):  # typed, bookmarked or reloaded
        assert httpx.get(own_server.url + address, follow_redirects=True).url.path == "/hr/"


@pytest.mark.parametrize(
    ("token", "status", "message"),
    [("fout-token", 403, "Dit HR-token is niet juist."), ("", 400, "Vul het HR-token in.")],
    ids=["wrong", "empty"],
)
def test_a_wrong_token_gets_a_dutch_message_and_no_cookie(own_server, token, status, message):
    response = login(own_server, token)
    assert response.status_code == status
    assert message in text_of(response)
    assert "set-cookie" not in response.headers


def test_the_right_token_gives_a_strict_http_only_session_cookie(own_server):
    response = login(own_server)
    assert response.status_code == 303 and response.headers["location"] == "/hr/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("gl_hr=")
    assert {"HttpOnly", "Path=/hr/", "SameSite=strict"} <= {part.strip() for part in cookie.split(";")}
    assert "Secure" not in cookie  # plain http on loopback; behind HTTPS the cookie is Secure


def test_a_form_posted_from_another_site_is_refused(own_server):
    response = login(own_server, Origin="https://kwaadwillend.example")
    assert response.status_code == 403
    assert "set-cookie" not in response.headers


def test_with_a_session_hr_sees_finished_employees_per_department_and_downloads_the_export(own_server):
    pass_path(own_server, "E2")  # Bram (Sociaal Domein) finishes; Anna (Burgerzaken) has not started
    with httpx.Client(base_url=own_server.url, follow_redirects=True) as client:
        page = client.post("hr/aanmelden", data={"token": HR_TOKEN})
        assert page.status_code == 200 and str(page.url).endswith("/hr/")
        text = text_of(page)
        assert "Voortgang per afdeling" in text
        assert "Burgerzaken 0 van 1 (0%)" in text and "Sociaal Domein 1 van 1 (100%)" in text
        assert "Totaal 1 van 2 (50%)" in text
        for layout, first in (("long", "medewerker_id;naam;afdeling"), ("wide", "medewerker_id;naam;afdeling")):
            assert f'href="/hr/export.csv?layout={layout}"' in page.text
            export = client.get(f"hr/export.csv?layout={layout}")
            assert export.status_code == 200
            assert export.headers["content-type"].startswith("text/csv")
            assert f'filename="geletterdheid-{layout}-' in export.headers["content-disposition"]
            rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
            assert ";".join(rows[0]).startswith(first)
            assert {row[1] for row in rows[1:]} == {"Anna de Vries", "Bram Jansen"}
        assert 'href="/hr/export.xlsx?layout=long"' in page.text
        workbook = client.get("hr/export.xlsx?layout=long")
        assert workbook.status_code == 200 and workbook.content[:2] == b"PK"  # an Office Open XML file (a zip)
        assert workbook.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(workbook.content)).active
        names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert names == {"Anna de Vries", "Bram Jansen"}
        bad = client.get("hr/export.csv?layout=schuin")
        assert bad.status_code == 400 and "Onbekende indeling" in bad.json()["fout"]
        out = client.post("hr/afmelden")
        assert out.status_code == 200 and "HR-token" in text_of(out)
        assert "HR-token" in text_of(client.get("hr/"))  # the session is over


@pytest.mark.parametrize(
    "cookie",
    ["", "9999999999.0000", "1.abc", "kapot"],
    ids=["empty", "forged", "expired-forged", "damaged"],
)
def test_the_export_needs_a_valid_session(own_server, cookie):
    response = httpx.get(own_server.url + "hr/export.csv", cookies={"gl_hr": cookie} if cookie else None)
    assert response.status_code == 403
    assert "Log eerst in" in response.json()["fout"]


def test_behind_sso_members_of_the_hr_group_need_no_token(tmp_path):
    config = tmp_path / "server.toml"
    config.write_text('[sso]\naan = true\n\n[hr]\ngroep_header = "X-Remote-Groups"\ngroep = "hr"\n', encoding="utf-8")
    site = tiny_site(tmp_path / "site")
    with running_server(site, new_store_url(tmp_path), "--config", str(config)) as server:
        member = {"X-Remote-User": "E9", "X-Remote-Groups": "medewerkers, hr"}
        page = httpx.get(server.url + "hr/", headers=member)
        assert page.status_code == 200 and "Voortgang per afdeling" in page.text
        assert "Afmelden" not in page.text  # the gemeente's SSO signs out, not us
        assert httpx.get(server.url + "hr/export.csv", headers=member).status_code == 200
        learner = httpx.get(server.url + "api/mijn-voortgang", headers={"X-Remote-User": "E2"})
        assert learner.status_code == 200 and learner.json()["naam"] == "Bram Jansen"  # SSO for learners too
        for headers in (
            {"X-Remote-User": "E9", "X-Remote-Groups": "medewerkers, hrm"},
            {"X-Remote-Groups": "hr"},
            [("X-Remote-User", "E9"), ("X-Remote-Groups", "medewerkers"), ("X-Remote-Groups", "hr")],
        ):
            refused = httpx.get(server.url + "hr/", headers=headers)
            assert "Voortgang per afdeling" not in refused.text and "HR-token" in refused.text
            assert httpx.get(server.url + "hr/export.csv", headers=headers).status_code == 403


def test_an_hr_group_without_its_header_is_a_setting_error(tmp_path, capsys):
    from geletterdheid.cli import main

    config = tmp_path / "server.toml"
    config.write_text('[hr]\ngroep = "hr"\n', encoding="utf-8")
    code = main(["serve", "--config", str(config), "--site", str(tiny_site(tmp_path / "site"))])
    assert code == 1
    assert "groep_header en groep horen bij elkaar" in capsys.readouterr().err


def test_a_form_marked_cross_site_by_the_browser_is_refused(own_server):
    response = login(own_server, **{"Sec-Fetch-Site": "cross-site", "Origin": "null"})
    assert response.status_code == 403
    assert "Dit formulier komt niet van deze website." in text_of(response)
    assert login(own_server, **{"Sec-Fetch-Site": "same-origin", "Origin": "null"}).status_code == 303


def test_after_ten_wrong_tokens_in_a_minute_even_the_right_one_waits(tmp_path):
    with running_server(tiny_site(tmp_path / "site"), new_store_url(tmp_path)) as server:
        statuses = [login(server, f"fout-{attempt}").status_code for attempt in range(10)]
        assert statuses == [403] * 10
        blocked = login(server)
        assert blocked.status_code == 429 and blocked.headers["retry-after"] == "60"
        assert "Te veel verkeerde pogingen. Wacht een minuut" in text_of(blocked)
        assert "set-cookie" not in blocked.headers
