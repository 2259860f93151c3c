"""Personal links, single sign-on, server settings and the ``links`` and ``serve`` commands."""

from __future__ import annotations

import csv
import datetime as dt
import io
import socket
import stat
import time

import pytest

from geletterdheid.cli import main
from geletterdheid.records import Employee
from geletterdheid.records.store import Store
from geletterdheid.server.identity import Identifier, IdentityError, make_token, verify_token
from geletterdheid.server.settings import SettingsError, resolve_settings, secret_file_path, secret_fingerprint
from repo_paths import REPO

SECRET = b"een-geheim-van-de-server-0123"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Never read or write a real user's secret, token or database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("GELETTERDHEID_GEHEIM", "GELETTERDHEID_HR_TOKEN", "GELETTERDHEID_DB"):
        monkeypatch.delenv(name, raising=False)


def test_token_names_the_employee_until_it_expires():
    expires = int(time.time()) + 60
    for employee_id in ["E1", "12345", "j.de.vries", "Daniëlle-Ç"]:
        assert verify_token(SECRET, make_token(SECRET, employee_id, expires)) == employee_id
    with pytest.raises(IdentityError, match="verlopen"):
        verify_token(SECRET, make_token(SECRET, "E1", expires), now=expires + 1)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # signature changed
        lambda t: t.replace(t.split(".")[1], str(int(t.split(".")[1]) + 86400)),  # expiry extended
        lambda t: "RTI." + t.split(".", 1)[1],  # other employee (E2), same signature
        lambda t: t.split(".")[0],  # truncated
        lambda t: "",
        lambda t: "a.b.c",
    ],
    ids=["signature", "expiry", "employee", "truncated", "empty", "garbage"],
)
def test_forged_or_damaged_tokens_are_refused(mangle):
    token = make_token(SECRET, "E1", int(time.time()) + 60)
    with pytest.raises(IdentityError, match="ongeldig"):
        verify_token(SECRET, mangle(token))


def test_token_from_another_server_is_refused():
    with pytest.raises(IdentityError):
        verify_token(SECRET, make_token(b"ander-geheim-0123456789", "E1", int(time.time()) + 60))


def test_sso_header_counts_only_when_enabled():
    token = make_token(SECRET, "E1", int(time.time()) + 60)
    without_sso = Identifier(SECRET)
    with pytest.raises(IdentityError):
        without_sso.employee_id({"x-remote-user": "E9"})
    assert without_sso.employee_id({"x-remote-user": "E9", "authorization": f"Bearer {token}"}) == "E1"
    with_sso = Identifier(SECRET, sso_header="X-Remote-User")
    assert with_sso.employee_id({"x-remote-user": "E9"}) == "E9"
    assert with_sso.employee_id({"authorization": f"bearer {token}"}) == "E1"  # links keep working


def test_secret_is_made_once_private_and_shared_by_links_and_serve():
    first = resolve_settings().secret
    path = secret_file_path()
    assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert resolve_settings().secret == first
    assert len(first) >= 32


def test_settings_from_file_and_environment(tmp_path, monkeypatch):
    config = tmp_path / "server.toml"
    config.write_text(
        'hr_token = "uit-het-bestand-0123456789"\nlink_geldig_dagen = 30\n[sso]\nheader = "X-Medewerker"\n',
        encoding="utf-8",
    )
    settings = resolve_settings(config=config)
    assert settings.hr_token == "uit-het-bestand-0123456789" and settings.link_days == 30
    assert settings.sso_header is None  # a header name alone does not switch single sign-on on
    config.write_text(config.read_text(encoding="utf-8") + "aan = true\n", encoding="utf-8")
    assert resolve_settings(config=config).sso_header == "X-Medewerker"
    monkeypatch.setenv("GELETTERDHEID_HR_TOKEN", "uit-de-omgeving-0123456789")
    assert resolve_settings(config=config).hr_token == "uit-de-omgeving-0123456789"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('hr_tokn = "x"\n', "onbekende instelling(en): hr_tokn"),
        ("geheim = \n", "ongeldige TOML"),
        ('geheim = "kort"\n', "te kort"),
        ('hr_token = "kort"\n', "te kort"),
        ("link_geldig_dagen = 0\n", "link_geldig_dagen"),
        ("link_geldig_dagen = 731\n", "1 tot en met 730"),
        ('[sso]\nveld = "naam"\n', "sso.veld 'naam' bestaat niet"),
        ("wachttijd_kop_seconden = 0\n", "wachttijd_kop_seconden moet een getal van 1 tot en met 600"),
    ],
)
def test_bad_settings_are_named_in_dutch(tmp_path, text, message):
    config = tmp_path / "server.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_settings(config=config)


@pytest.fixture
def roster_db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{(tmp_path / 'links.db').as_posix()}"
    with Store.open(url) as store:
        store.upsert_employees(
            [
                Employee("E1", "Anna de Vries", "Burgerzaken", (), "anna@gemeente.example"),
                Employee("E2", '=HYPERLINK("http://x")', "Inkoop", ("inkoper",), None),
            ]
        )
    monkeypatch.setenv("GELETTERDHEID_GEHEIM", SECRET.decode())
    with Store.open(url) as store:  # as 'geletterdheid serve' does when it starts
        store.register_link_secret(
            secret_fingerprint(SECRET), "de omgevingsvariabele op de server", dt.datetime.now(dt.UTC)
        )
    return url


def test_links_command_writes_a_signed_link_per_employee(roster_db, tmp_path, capsys):
    out = tmp_path / "links.csv"
    code = main(
        [
            "--root",
            str(REPO),
            "links",
            "--db",
            roster_db,
            "--basis-url",
            "https://leren.gemeente.example",
            "--geldig-dagen",
            "30",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    assert "2 persoonlijke links geschreven" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert [row["medewerker_id"] for row in rows] == ["E1", "E2"]
    assert rows[1]["naam"].startswith("'=")  # a hostile name cannot run as a formula in Excel
    for row in rows:
        base, _, token = row["link"].partition("#sleutel=")
        assert base == "https://leren.gemeente.example/"
        assert verify_token(SECRET, token) == row["medewerker_id"]
        assert verify_token(SECRET, token, now=time.time() + 29 * 86400) == row["medewerker_id"]
        with pytest.raises(IdentityError):
            verify_token(SECRET, token, now=time.time() + 31 * 86400)


def test_links_for_an_unknown_employee_fail_in_dutch(roster_db, capsys):
    code = main(
        ["--root", str(REPO), "links", "--db", roster_db, "--basis-url", "https://x.example/", "--medewerker", "E404"]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "onbekende medewerker(s): E404" in err and "Traceback" not in err


def test_serve_without_a_built_site_says_what_to_do(tmp_path, roster_db, capsys):
    code = main(["--root", str(REPO), "serve", "--db", roster_db, "--site", str(tmp_path / "leeg"), "--port", "0"])
    assert code == 1
    assert "geen gebouwde website" in capsys.readouterr().err


def test_serve_on_a_port_in_use_says_so(tmp_path, roster_db, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html lang='nl'></html>", encoding="utf-8")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["--root", str(REPO), "serve", "--db", roster_db, "--site", str(site), "--port", str(port)])
    assert code == 1
    assert f"kan niet luisteren op 127.0.0.1:{port}" in capsys.readouterr().err


def _links(db: str, *options: str) -> int:
    return main(["--root", str(REPO), "links", "--db", db, *options])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--basis-url", "http://leren.gemeente.example/"], "moet beginnen met https://"),
        (["--basis-url", "leren.gemeente.example"], "moet beginnen met https://"),
        (["--basis-url", "https://leren.gemeente.example/", "--geldig-dagen", "0"], "tussen 1 en 730"),
        (["--basis-url", "https://leren.gemeente.example/", "--geldig-dagen", "731"], "tussen 1 en 730"),
    ],
    ids=["http", "no-scheme", "zero-days", "too-many-days"],
)
def test_links_refuses_unsafe_addresses_and_odd_lifetimes(roster_db, tmp_path, capsys, options, message):
    out = tmp_path / "links.csv"
    assert _links(roster_db, *options, "--out", str(out)) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_links_on_localhost_over_http_is_allowed_for_trying_out(roster_db, capsys):
    assert _links(roster_db, "--basis-url", "http://localhost:8000/", "--geldig-dagen", "730") == 0
    assert "http://localhost:8000/#sleutel=" in capsys.readouterr().out


def test_links_refuses_a_secret_the_server_does_not_use_and_says_where_it_is(roster_db, monkeypatch, capsys):
    monkeypatch.setenv("GELETTERDHEID_GEHEIM", "een-ander-geheim-op-de-laptop-van-hr")
    assert _links(roster_db, "--basis-url", "https://leren.gemeente.example/") == 1
    err = capsys.readouterr().err
    assert "deze links zouden niet werken" in err
    assert "de omgevingsvariabele GELETTERDHEID_GEHEIM op" in err  # where ours comes from
    assert "dat staat in de omgevingsvariabele op de server" in err  # where the server's is
    assert "wachtwoordkluis" in err and "een-ander-geheim" not in err  # how to share; never the secret itself


def test_links_before_the_server_ever_ran_says_to_start_it_first(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{(tmp_path / 'nieuw.db').as_posix()}"
    with Store.open(url) as store:
        store.upsert_employees([Employee("E1", "Anna de Vries", "Burgerzaken", ())])
    monkeypatch.setenv("GELETTERDHEID_GEHEIM", SECRET.decode())
    assert _links(url, "--basis-url", "https://leren.gemeente.example/") == 1
    assert "start eerst 'geletterdheid serve'" in capsys.readouterr().err


def test_links_opnieuw_gives_a_new_link_and_the_old_one_no_longer_checks_out(roster_db, tmp_path, capsys):
    from geletterdheid.server.identity import verify_token_version

    first, second = tmp_path / "eerst.csv", tmp_path / "opnieuw.csv"
    assert _links(roster_db, "--basis-url", "https://x.example/", "--out", str(first)) == 0
    assert _links(roster_db, "--basis-url", "https://x.example/", "--opnieuw", "E1", "--out", str(second)) == 0
    assert "Eerdere links van E1 werken niet meer" in capsys.readouterr().err
    old = {
        row["medewerker_id"]: row["link"]
        for row in csv.DictReader(io.StringIO(first.read_text("utf-8-sig")), delimiter=";")
    }
    new = list(csv.DictReader(io.StringIO(second.read_text("utf-8-sig")), delimiter=";"))
    assert [row["medewerker_id"] for row in new] == ["E1"]  # --opnieuw alone: only that employee
    assert verify_token_version(SECRET, old["E1"].partition("#sleutel=")[2])[1] == 0
    assert verify_token_version(SECRET, new[0]["link"].partition("#sleutel=")[2]) == ("E1", 1)
    with Store.open(roster_db) as store:
        assert store.key_version("E1") == 1 and store.key_version("E2") == 0


def test_sso_header_that_occurs_twice_is_refused():
    from starlette.datastructures import Headers

    identifier = Identifier(SECRET, sso_header="X-Remote-User")
    twice = Headers(raw=[(b"x-remote-user", b"E1"), (b"x-remote-user", b"E2")])
    with pytest.raises(IdentityError, match="meer dan eens") as caught:
        identifier.claim(twice)
    assert caught.value.status == 400
    once = Headers(raw=[(b"x-remote-user", b"E2")])
    assert identifier.claim(once).value == "E2"


def test_sso_by_email_names_the_roster_field():
    identifier = Identifier(SECRET, sso_header="X-Remote-User", sso_field="email")
    claim = identifier.claim({"x-remote-user": "Anna@Gemeente.example"})
    assert (claim.field, claim.value, claim.key_version) == ("email", "Anna@Gemeente.example", None)


def test_key_version_is_signed_into_the_token():
    expires = int(time.time()) + 60
    from geletterdheid.server.identity import verify_token_version

    token = make_token(SECRET, "E1", expires, key_version=3)
    assert verify_token_version(SECRET, token) == ("E1", 3)
    employee, version, _, signature = token.split(".")
    with pytest.raises(IdentityError, match="ongeldig"):  # lowering the version breaks the signature
        verify_token_version(SECRET, f"{employee}.2.{expires}.{signature}")


def test_failure_limiter_counts_a_sliding_minute_per_client():
    from geletterdheid.server.rate_limit import FailureLimiter

    now = [1000.0]
    limiter = FailureLimiter(clock=lambda: now[0])
    for _ in range(9):
        limiter.failed("203.0.113.1")
    assert limiter.retry_after("203.0.113.1") is None  # nine: still allowed
    limiter.failed("203.0.113.1")
    assert limiter.retry_after("203.0.113.1") == 61
    assert limiter.retry_after("203.0.113.2") is None  # per client
    now[0] += 60.5
    assert limiter.retry_after("203.0.113.1") is None  # a minute later the failures have expired


def test_links_opnieuw_that_cannot_write_its_file_keeps_the_current_link(roster_db, tmp_path, capsys):
    out = tmp_path / "bestaat-niet" / "links.csv"
    assert _links(roster_db, "--basis-url", "https://x.example/", "--opnieuw", "E1", "--out", str(out)) == 1
    assert "Traceback" not in capsys.readouterr().err
    with Store.open(roster_db) as store:
        assert store.key_version("E1") == 0  # the link E1 has still works
