"""The badge signing key file and the settings of certificates and the HR page."""

from __future__ import annotations

import stat

import pytest

from certificate_support import tiny_site
from geletterdheid.certificate.signing_key import KEY_ENV, SigningKeyError, key_path, load_or_create, public_jwks
from geletterdheid.cli import main
from geletterdheid.server.settings import SettingsError, resolve_settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch, tmp_path):
    """Never read or write a real user's key, secret or database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("GELETTERDHEID_GEHEIM", "een-geheim-van-de-server-0123")
    for name in ("GELETTERDHEID_HR_TOKEN", "GELETTERDHEID_DB", KEY_ENV):
        monkeypatch.delenv(name, raising=False)


def test_the_key_is_made_once_private_next_to_the_server_secret_and_kept(tmp_path):
    path = key_path()
    assert path == tmp_path / "data" / "geletterdheid" / "badge-sleutel.pem"
    first = load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_or_create(path)
    assert again.thumbprint() == first.thumbprint()  # earlier badges keep verifying
    published = public_jwks(again)["keys"][0]
    assert published["kid"] == first.thumbprint() and published["crv"] == "Ed25519" and "d" not in published


def test_the_key_file_can_be_chosen(tmp_path, monkeypatch):
    chosen = tmp_path / "elders" / "sleutel.pem"
    assert key_path(str(chosen)) == chosen  # badge_sleutel in the settings file
    monkeypatch.setenv(KEY_ENV, str(tmp_path / "omgeving.pem"))
    assert key_path(str(chosen)) == tmp_path / "omgeving.pem"  # the environment wins


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"geen sleutel", "geen geldige Ed25519-sleutel"), (b"", "geen geldige Ed25519-sleutel")],
    ids=["garbage", "empty"],
)
def test_a_damaged_key_file_is_named_in_dutch(tmp_path, content, message):
    path = tmp_path / "kapot.pem"
    path.write_bytes(content)
    with pytest.raises(SigningKeyError, match=message):
        load_or_create(path)


def test_serve_with_a_damaged_key_file_stops_with_a_dutch_message(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "kapot.pem"
    broken.write_bytes(b"-----BEGIN PRIVATE KEY-----\nkapot\n-----END PRIVATE KEY-----\n")
    monkeypatch.setenv(KEY_ENV, str(broken))
    code = main(["serve", "--site", str(tiny_site(tmp_path / "site")), "--db", f"sqlite:///{tmp_path / 'db.sqlite'}"])
    assert code == 1
    assert "kapot.pem: dit is geen geldige Ed25519-sleutel" in capsys.readouterr().err


def test_certificate_and_hr_settings_from_the_file(tmp_path):
    config = tmp_path / "server.toml"
    config.write_text(
        'gemeente = "Gemeente Utrecht"\nbadge_sleutel = "/srv/geletterdheid/badge.pem"\n\n'
        '[hr]\ngroep_header = "X-Remote-Groups"\ngroep = "hr"\n',
        encoding="utf-8",
    )
    settings = resolve_settings(config=config)
    assert settings.gemeente == "Gemeente Utrecht"
    assert settings.badge_key == "/srv/geletterdheid/badge.pem"
    assert (settings.hr_group_header, settings.hr_group) == ("X-Remote-Groups", "hr")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("gemeente = 12", "gemeente moet een tekst zijn"),
        ('badge_sleutel = ""', "badge_sleutel moet een tekst zijn"),
        ('[hr]\ngroep = "hr"', "groep_header en groep horen bij elkaar"),
        ('[hr]\ngroep_header = "X"\ngroep = 3', "moeten teksten zijn"),
        ('[hr]\ngroepen = "hr"', "onbekende instelling(en): hr.groepen"),
        ('hr = "ja"', "[hr] moet een tabel zijn"),
    ],
    ids=["gemeente", "badge-key", "group-alone", "group-not-text", "unknown-key", "hr-not-table"],
)
def test_bad_certificate_and_hr_settings_are_named_in_dutch(tmp_path, text, message):
    config = tmp_path / "server.toml"
    config.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        resolve_settings(config=config)
    assert message in str(caught.value)


def test_certificates_name_the_gemeente_of_the_project_unless_the_settings_file_does(tmp_path):
    from geletterdheid.server.commands import _with_project_gemeente

    project = tmp_path / "testdorp"
    project.mkdir()
    (project / "gemeente.toml").write_text(
        '[gemeente]\nnaam = "Gemeente Testdorp"\n[forum]\nbasis_url = "https://forum.testdorp.nl/c/"\n',
        encoding="utf-8",
    )
    assert _with_project_gemeente(resolve_settings(), project).gemeente == "Gemeente Testdorp"
    assert _with_project_gemeente(resolve_settings(), None).gemeente == "Gemeente Voorbeeld"
    config = tmp_path / "server.toml"
    config.write_text('gemeente = "Gemeente Utrecht"\n', encoding="utf-8")
    assert _with_project_gemeente(resolve_settings(config=config), project).gemeente == "Gemeente Utrecht"
