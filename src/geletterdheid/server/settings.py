"""Server settings: command-line options, then environment variables, then a TOML file, then defaults.

Secrets never go on the command line (other users can read it in the process list):

* ``GELETTERDHEID_GEHEIM`` or ``geheim`` in the file: the key that signs personal links. When
  neither is set, a random key is made once and kept in the user's data folder
  (``server-geheim`` next to the default database), readable only by that user, so
  ``geletterdheid links`` and ``geletterdheid serve`` on one machine agree without set-up;
* ``GELETTERDHEID_HR_TOKEN`` or ``hr_token`` in the file: the token HR sends to download the
  export. Without it the export is switched off.
* ``GELETTERDHEID_TRAINER_TOKEN`` or ``trainer_token`` in the file: the token trainers use for the
  trainer handbooks at /trainer/ (the HR token opens them too).

The toets (a site built in toets mode) has its own table: attempts per quiz per day (0: no
limit), minutes to wait after a submitted attempt, and minutes a started attempt stays valid::

    [toets]
    per_dag = 3
    wachttijd_minuten = 10
    geldig_minuten = 120

Example file (``--config geletterdheid-server.toml``)::

    site = "/srv/geletterdheid/_build/html"
    db = "postgresql+psycopg://geletterdheid@db.intern/geletterdheid"
    hr_token = "lang-en-willekeurig"
    link_geldig_dagen = 180

    wachttijd_kop_seconden = 10      # headers of a request must arrive within this time
    wachttijd_bericht_seconden = 10  # and its body within this time
    wachttijd_database_seconden = 15 # a SQLite database locked by another process: then 503

    [sso]
    aan = true                 # alleen achter de SSO-proxy van de gemeente
    header = "X-Remote-User"
    veld = "email"             # the header holds the e-mail address (default: medewerker_id)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import secrets
import socket
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from ..records.errors import RecordsError
from ..records.location import default_database_path
from .identity import SSO_FIELDS, SsoField
from .toets import ToetsRules

SECRET_ENV = "GELETTERDHEID_GEHEIM"
HR_TOKEN_ENV = "GELETTERDHEID_HR_TOKEN"
TRAINER_TOKEN_ENV = "GELETTERDHEID_TRAINER_TOKEN"
SECRET_FILE = "server-geheim"
DEFAULT_SSO_HEADER = "X-Remote-User"
DEFAULT_LINK_DAYS = 180
MAX_BODY_BYTES = 64 * 1024
MAX_LINK_DAYS = 730
#: Seconds a client has for a request's headers, and then for its body (slow_clients.py).
HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
#: Shorter than nginx's default proxy_read_timeout (60 s): the employee gets our 503, not a 504.
DB_TIMEOUT = 15.0
_FILE_KEYS = {
    "site",
    "db",
    "geheim",
    "hr_token",
    "link_geldig_dagen",
    "sso",
    "trainer_token",
    "trainer_map",
    "toets",
    "gemeente",
    "badge_sleutel",
    "hr",
    "wachttijd_kop_seconden",
    "wachttijd_bericht_seconden",
    "wachttijd_database_seconden",
}
_SSO_KEYS = {"aan", "header", "veld"}
_TOETS_KEYS = {"per_dag", "wachttijd_minuten", "geldig_minuten"}
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
    toets: ToetsRules = field(default_factory=ToetsRules)
    trainer_token: str | None = None
    #: The trainer handbooks (``trainer-*.pdf``), served at /trainer/; default: ``pdf`` beside the site.
    trainer_folder: Path | None = None
    sso_field: SsoField = "medewerker_id"  # which roster field the SSO header's value is
    secret_source: str = ""  # where the link secret comes from, in Dutch (for messages)
    header_timeout: float = HEADER_TIMEOUT
    body_timeout: float = BODY_TIMEOUT
    #: How long a submission waits for a SQLite database another process holds locked, before 503.
    db_timeout: float = DB_TIMEOUT
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
    toets = data.get("toets", {})
    if not isinstance(toets, dict):
        raise SettingsError(
            f"{path}: 'toets' moet een tabel zijn: [toets] met per_dag, wachttijd_minuten, geldig_minuten"
        )
    unknown += sorted(f"toets.{key}" for key in set(toets) - _TOETS_KEYS)
    hr = data.get("hr")
    unknown += sorted(f"hr.{key}" for key in set(hr if isinstance(hr, dict) else {}) - _HR_KEYS)
    if unknown:
        raise SettingsError(
            f"{path}: onbekende instelling(en): {', '.join(unknown)}; "
            f"bekend zijn: {', '.join(sorted(_FILE_KEYS))}, sso.aan, sso.header, sso.veld, hr.groep_header, hr.groep, "
            f"{', '.join(f'toets.{key}' for key in sorted(_TOETS_KEYS))}"
        )
    return data


def secret_file_path() -> Path:
    return default_database_path().parent / SECRET_FILE


def load_secret(configured: str | None = None) -> bytes:
    """The link-signing key: environment, then configuration, then the (created once) key file."""
    return load_secret_and_source(configured)[0]


def load_secret_and_source(configured: str | None = None, config: Path | None = None) -> tuple[bytes, str]:
    """The link-signing key and where it is kept, in Dutch ("de omgevingsvariabele ...")."""
    value = os.environ.get(SECRET_ENV)
    source = f"de omgevingsvariabele {SECRET_ENV} op {socket.gethostname()}"
    if not value and configured:
        value = configured
        source = f"'geheim' in het instellingenbestand {config or '(onbekend)'} op {socket.gethostname()}"
    if value:
        if len(value) < 16:
            raise SettingsError(f"het geheim ({SECRET_ENV}) is te kort; gebruik minstens 16 tekens")
        return value.encode("utf-8"), source
    path = secret_file_path()
    source = f"het bestand {path} op {socket.gethostname()}"
    try:
        return path.read_bytes().strip(), source
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32).encode("ascii")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_bytes().strip(), source
    with os.fdopen(fd, "wb") as stream:
        stream.write(key)
    return key, source


def secret_fingerprint(secret: bytes) -> str:
    """Tells secrets apart without revealing them: an HMAC of a fixed text (stored in the database)."""
    return hmac.new(secret, b"geletterdheid-link-secret-fingerprint", hashlib.sha256).hexdigest()[:32]


def _positive_seconds(data: dict, key: str, default: float) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1 <= value <= 600:
        raise SettingsError(f"{key} moet een getal van 1 tot en met 600 (seconden) zijn")
    return float(value)


def resolve_settings(
    *,
    config: Path | None = None,
    site: Path | None = None,
    db: str | None = None,
    sso: bool = False,
    sso_header: str | None = None,
    toets_per_day: int | None = None,
    toets_cooldown_minutes: int | None = None,
    toets_valid_minutes: int | None = None,
    trainer_folder: Path | None = None,
    sso_field: str | None = None,
) -> ServerSettings:
    """Combine options, environment and configuration file into settings; raises SettingsError."""
    data = read_config_file(config)
    sso_data = data.get("sso", {})
    sso_on = sso or sso_data.get("aan") is True  # a header name alone does not switch it on
    header = sso_header or sso_data.get("header") or DEFAULT_SSO_HEADER
    link_days = data.get("link_geldig_dagen", DEFAULT_LINK_DAYS)
    if isinstance(link_days, bool) or not isinstance(link_days, int) or not 1 <= link_days <= MAX_LINK_DAYS:
        raise SettingsError(f"link_geldig_dagen moet een heel getal van 1 tot en met {MAX_LINK_DAYS} zijn")
    field = sso_field or sso_data.get("veld") or "medewerker_id"
    if field not in SSO_FIELDS:
        raise SettingsError(f"sso.veld '{field}' bestaat niet; kies uit {', '.join(SSO_FIELDS)}")
    field = cast(SsoField, field)
    secret, secret_source = load_secret_and_source(data.get("geheim"), config)
    hr_token = os.environ.get(HR_TOKEN_ENV) or data.get("hr_token") or None
    if hr_token is not None and len(hr_token) < 16:
        raise SettingsError(f"het HR-token ({HR_TOKEN_ENV}) is te kort; gebruik minstens 16 tekens")
    trainer_token = os.environ.get(TRAINER_TOKEN_ENV) or data.get("trainer_token") or None
    if trainer_token is not None and len(trainer_token) < 16:
        raise SettingsError(f"het trainerstoken ({TRAINER_TOKEN_ENV}) is te kort; gebruik minstens 16 tekens")
    toets_data = data.get("toets", {})

    def whole(value: object, default: int, name: str, least: int) -> int:
        value = default if value is None else value
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            raise SettingsError(f"{name} moet een heel getal van minstens {least} zijn")
        return value

    rules = ToetsRules(
        per_day=whole(
            toets_per_day, toets_data.get("per_dag", ToetsRules.per_day), "per_dag in [toets] (--toets-per-dag)", 0
        ),
        cooldown=dt.timedelta(
            minutes=whole(
                toets_cooldown_minutes,
                toets_data.get("wachttijd_minuten", ToetsRules.cooldown // dt.timedelta(minutes=1)),
                "wachttijd_minuten in [toets] (--toets-wachttijd)",
                0,
            )
        ),
        valid_for=dt.timedelta(
            minutes=whole(
                toets_valid_minutes,
                toets_data.get("geldig_minuten", ToetsRules.valid_for // dt.timedelta(minutes=1)),
                "geldig_minuten in [toets] (--toets-geldig)",
                1,
            )
        ),
    )
    site_folder = Path(site or data.get("site") or "_build/html")
    trainer = trainer_folder or data.get("trainer_map")
    extra = _certificate_and_hr_settings(data)
    return ServerSettings(
        toets=rules,
        trainer_token=trainer_token,
        trainer_folder=Path(trainer) if trainer else site_folder.parent / "pdf",
        site=site_folder,
        db=db or data.get("db"),
        secret=secret,
        hr_token=hr_token,
        sso_header=header if sso_on else None,
        link_days=link_days,
        sso_field=field,
        secret_source=secret_source,
        header_timeout=_positive_seconds(data, "wachttijd_kop_seconden", HEADER_TIMEOUT),
        body_timeout=_positive_seconds(data, "wachttijd_bericht_seconden", BODY_TIMEOUT),
        db_timeout=_positive_seconds(data, "wachttijd_database_seconden", DB_TIMEOUT),
        **extra,
    )


def _certificate_and_hr_settings(data: dict) -> dict:
    """``gemeente``, ``badge_sleutel`` and ``[hr]`` from the settings file, checked."""
    extra: dict = {}
    for key, name in (("gemeente", "gemeente"), ("badge_sleutel", "badge_key")):
        value = data.get(key)
        if value is not None:
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"{key} moet een tekst zijn")
            extra[name] = value.strip()
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
