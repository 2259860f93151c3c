"""Server settings: command-line options, then environment variables, then a TOML file, then defaults.

Secrets never go on the command line (other users can read it in the process list):

* ``GELETTERDHEID_GEHEIM`` or ``geheim`` in the file: the key that signs personal links. When
  neither is set, a random key is made once and kept in the user's data folder
  (``server-geheim`` next to the default database), readable only by that user, so
  ``geletterdheid links`` and ``geletterdheid serve`` on one machine agree without set-up;
* ``GELETTERDHEID_HR_TOKEN`` or ``hr_token`` in the file: the token HR sends to download the
  export. Without it the export is switched off.

Example file (``--config geletterdheid-server.toml``)::

    site = "/srv/geletterdheid/_build/html"
    db = "postgresql+psycopg://geletterdheid@db.intern/geletterdheid"
    hr_token = "lang-en-willekeurig"
    link_geldig_dagen = 180

    [sso]
    aan = true                 # alleen achter de SSO-proxy van de gemeente
    header = "X-Remote-User"
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..records.errors import RecordsError
from ..records.location import default_database_path

SECRET_ENV = "GELETTERDHEID_GEHEIM"
HR_TOKEN_ENV = "GELETTERDHEID_HR_TOKEN"
SECRET_FILE = "server-geheim"
DEFAULT_SSO_HEADER = "X-Remote-User"
DEFAULT_LINK_DAYS = 180
MAX_BODY_BYTES = 64 * 1024
_FILE_KEYS = {"site", "db", "geheim", "hr_token", "link_geldig_dagen", "sso", "gemeente", "badge_sleutel", "hr"}
_SSO_KEYS = {"aan", "header"}
_HR_KEYS = {"groep_header", "groep"}
DEFAULT_GEMEENTE = "Gemeente Voorbeeld"


class SettingsError(RecordsError):
    """A setting that cannot be used; the message is Dutch and names the setting."""


@dataclass(frozen=True)
class ServerSettings:
    site: Path
    db: str | None
    secret: bytes
    hr_token: str | None
    sso_header: str | None  # None unless single sign-on is switched on
    link_days: int = DEFAULT_LINK_DAYS
    max_body_bytes: int = MAX_BODY_BYTES
    #: The gemeente's name on certificates and badges (``gemeente``; else the project's gemeente.toml).
    gemeente: str = DEFAULT_GEMEENTE
    #: ``badge_sleutel``: the file with the key that signs badges (see certificate/signing_key.py).
    badge_key: str | None = None
    #: ``[hr] groep_header`` and ``groep``: with SSO on, members of this group see /hr/ without a token.
    hr_group_header: str | None = None
    hr_group: str | None = None


def read_config_file(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        with path.open("rb") as stream:
            data = tomllib.load(stream)
    except OSError as exc:
        raise SettingsError(f"{path}: kan het instellingenbestand niet lezen ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: ongeldige TOML: {exc}") from None
    unknown = sorted(set(data) - _FILE_KEYS) + sorted(f"sso.{key}" for key in set(data.get("sso", {})) - _SSO_KEYS)
    hr = data.get("hr")
    unknown += sorted(f"hr.{key}" for key in set(hr if isinstance(hr, dict) else {}) - _HR_KEYS)
    if unknown:
        raise SettingsError(
            f"{path}: onbekende instelling(en): {', '.join(unknown)}; "
            f"bekend zijn: {', '.join(sorted(_FILE_KEYS))}, sso.aan, sso.header, hr.groep_header, hr.groep"
        )
    return data


def secret_file_path() -> Path:
    return default_database_path().parent / SECRET_FILE


def load_secret(configured: str | None = None) -> bytes:
    """The link-signing key: environment, then configuration, then the (created once) key file."""
    value = os.environ.get(SECRET_ENV) or configured
    if value:
        if len(value) < 16:
            raise SettingsError(f"het geheim ({SECRET_ENV}) is te kort; gebruik minstens 16 tekens")
        return value.encode("utf-8")
    path = secret_file_path()
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as stream:
        stream.write(key)
    return key


def resolve_settings(
    *,
    config: Path | None = None,
    site: Path | None = None,
    db: str | None = None,
    sso: bool = False,
    sso_header: str | None = None,
) -> ServerSettings:
    """Combine options, environment and configuration file into settings; raises SettingsError."""
    data = read_config_file(config)
    sso_data = data.get("sso", {})
    sso_on = sso or sso_data.get("aan") is True  # a header name alone does not switch it on
    header = sso_header or sso_data.get("header") or DEFAULT_SSO_HEADER
    link_days = data.get("link_geldig_dagen", DEFAULT_LINK_DAYS)
    if not isinstance(link_days, int) or link_days < 1:
        raise SettingsError("link_geldig_dagen moet een heel getal van minstens 1 zijn")
    hr_token = os.environ.get(HR_TOKEN_ENV) or data.get("hr_token") or None
    if hr_token is not None and len(hr_token) < 16:
        raise SettingsError(f"het HR-token ({HR_TOKEN_ENV}) is te kort; gebruik minstens 16 tekens")
    extra = _certificate_and_hr_settings(data)
    return ServerSettings(
        site=Path(site or data.get("site") or "_build/html"),
        db=db or data.get("db"),
        secret=load_secret(data.get("geheim")),
        hr_token=hr_token,
        sso_header=header if sso_on else None,
        link_days=link_days,
        **extra,
    )


def _certificate_and_hr_settings(data: dict) -> dict:
    """``gemeente``, ``badge_sleutel`` and ``[hr]`` from the settings file, checked."""
    extra: dict = {}
    for key, field in (("gemeente", "gemeente"), ("badge_sleutel", "badge_key")):
        value = data.get(key)
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"{key} moet een tekst zijn")
            extra[field] = value.strip()
    hr = data.get("hr", {})
    if not isinstance(hr, dict):
        raise SettingsError("[hr] moet een tabel zijn met groep_header en groep")
    header, group = hr.get("groep_header"), hr.get("groep")
    if (header is None) != (group is None):
        raise SettingsError("[hr] groep_header en groep horen bij elkaar: geef ze allebei, of geen van beide")
    if header is not None:
        if not isinstance(header, str) or not header.strip() or not isinstance(group, str) or not group.strip():
            raise SettingsError("[hr] groep_header en groep moeten teksten zijn")
        extra["hr_group_header"], extra["hr_group"] = header.strip(), group.strip()
    return extra
