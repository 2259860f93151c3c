"""From the parsed gemeente.toml to a GemeenteConfig, collecting every problem with its line.

The keys are fixed (README, "Een eigen gemeente-project"). An unknown key or table is a problem
too: a typo such as ``kleu`` would otherwise be dropped silently and the site built without it.
"""

from __future__ import annotations

import datetime
import difflib
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..problems import Problem
from .design_tokens import DesignTokens, background, read_tokens
from .model import Contact, ForumSettings, GemeenteConfig, Governance, TrainingSettings, TrainingTerms
from .toml_lines import KeyLines, KeyPath
from .values import (
    MINIMUM_CONTRAST,
    colour_problem,
    content_id_problem,
    contrast_ratio,
    email_problem,
    format_ratio,
    url_problem,
)

#: The tables (and ``forum = false``) allowed at the top of the file, and the keys in each.
TABLES: dict[str, tuple[str, ...]] = {
    "gemeente": ("naam", "logo", "website"),
    "forum": ("basis_url", "onderwerpen"),
    "contact": ("ai_loket", "fg"),
    "voettekst": ("privacy", "toegankelijkheid"),
    "huisstijl": ("kleur", "tokens"),
    "inhoud": ("weglaten",),
    "opleiding": ("deadline", "geldig_maanden", "rollen"),
    "resultaten": ("url",),
    "governance": ("eigenaar", "budget", "evaluatie_datum"),
}
#: The keys of one role's table ``[opleiding.rollen.<rol>]``.
ROLE_TRAINING_KEYS = ("deadline", "geldig_maanden")
#: Twenty years: anything longer is a typo (months written as days, say).
MAX_VALID_MONTHS = 240
CONTACT_KEYS = ("naam", "email")
LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
TOKENS_SUFFIXES = (".css",)


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "een getal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een tabel"
    if isinstance(value, datetime.date | datetime.time):
        return "een datum"
    return type(value).__name__


def _where(path: KeyPath) -> str:
    """How a key is named in a message: 'kleur' in [huisstijl], or [forum.onderwerpen]."""
    return f"'{path[-1]}' in [{'.'.join(path[:-1])}]" if len(path) > 1 else f"'{path[0]}'"


class _Checker:
    def __init__(self, root: Path, file: Path, lines: KeyLines):
        self.root = root
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.file, self.lines.line_of(path), message))

    # -- shapes ------------------------------------------------------------------------------
    def unknown_keys(self, table: KeyPath, data: Mapping[str, Any], known: Sequence[str]) -> None:
        for key in data:
            if key in known:
                continue
            path = (*table, key)
            if isinstance(data[key], dict):  # a table: named by its full header, as the user wrote it
                message = f"onbekende tabel [{'.'.join(path)}]"
                spell = "[" + ".".join(table) + ("." if table else "") + "{}]"
            else:
                message = f"onbekende sleutel '{key}'" + (f" in [{'.'.join(table)}]" if table else "")
                spell = "'{}'"
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if table and key in TABLES:
                # `forum = false` under [gemeente] belongs to [gemeente]: TOML puts a key in the table above it.
                message += f"; {key} = ... hoort bovenaan het bestand, vóór de eerste [tabel]"
            elif close:
                message += f"; bedoel je {spell.format(close[0])}?"
            else:
                message += f"; toegestaan: {', '.join(known)}"
            self.problem(path, message)

    def table(self, data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
        value = data.get(name, {})
        if isinstance(value, dict):
            self.unknown_keys((name,), value, TABLES[name])
            return value
        self.problem((name,), f"'{name}' moet een tabel zijn: een kop [{name}] met daaronder sleutel = waarde")
        return {}

    def text(self, path: KeyPath, value: object, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.problem(path, f"{_where(path)} ontbreekt; dat is verplicht")
            return None
        if not isinstance(value, str):
            self.problem(path, f"{_where(path)} moet tekst zijn (tussen aanhalingstekens), niet {_type_name(value)}")
            return None
        if not value.strip():
            self.problem(path, f"{_where(path)} mag niet leeg zijn")
            return None
        return value.strip()

    def url(self, path: KeyPath, value: object, *, required: bool = False) -> str | None:
        text = self.text(path, value, required=required)
        if text is not None and (reason := url_problem(text)):
            self.problem(path, f"{_where(path)}: {reason}")
            return None
        return text

    def project_path(self, path: KeyPath, value: object, suffixes: Sequence[str]) -> Path | None:
        """A file inside the project folder (the build copies it into the site, so never outside)."""
        text = self.text(path, value)
        if text is None:
            return None
        candidate = Path(text)
        allowed = ", ".join(suffixes)
        if candidate.is_absolute() or text.startswith("~"):
            self.problem(path, f"{_where(path)}: '{text}' moet een pad binnen de projectmap zijn, vanaf gemeente.toml")
            return None
        resolved = (self.root / candidate).resolve()
        if not resolved.is_relative_to(self.root):
            self.problem(path, f"{_where(path)}: '{text}' ligt buiten de projectmap; zet het bestand in de projectmap")
            return None
        if candidate.suffix.lower() not in suffixes:
            self.problem(path, f"{_where(path)}: '{text}' heeft niet de goede soort; toegestaan: {allowed}")
            return None
        if not resolved.is_file():
            self.problem(path, f"{_where(path)}: het bestand '{text}' bestaat niet in {self.root}")
            return None
        return resolved

    # -- the tables --------------------------------------------------------------------------
    def forum(self, data: Mapping[str, Any]) -> ForumSettings | None:
        value = data.get("forum")
        if value is None:
            if any(isinstance(table, dict) and "forum" in table for table in data.values()):
                return None  # misplaced under a table: unknown_keys said where it belongs
            self.problem(
                ("forum",),
                "[forum] ontbreekt: geef met basis_url het adres van het forum, "
                "of zet forum = false bovenaan als je gemeente geen forum heeft",
            )
            return None
        if value is False:
            return None
        if not isinstance(value, dict):
            self.problem(("forum",), "forum moet false zijn (geen forum) of een tabel [forum] met basis_url")
            return None
        table = self.table(data, "forum")
        base = self.url(("forum", "basis_url"), table.get("basis_url"), required=True)
        if base is not None and not base.endswith(("/", "=")):
            self.problem(
                ("forum", "basis_url"),
                f"'basis_url' in [forum] moet eindigen op '/' (of op '=' bij een adres met ?): "
                f"de onderwerp-id komt er direct achter, zoals {base}/generatieve-ai",
            )
            base = None
        per_topic = self.topic_urls(table.get("onderwerpen", {}))
        return ForumSettings(base, MappingProxyType(per_topic)) if base is not None else None

    def topic_urls(self, value: object) -> dict[str, str]:
        path: KeyPath = ("forum", "onderwerpen")
        if not isinstance(value, dict):
            self.problem(
                path, "'onderwerpen' in [forum] moet een tabel zijn: [forum.onderwerpen] met onderwerp-id = adres"
            )
            return {}
        urls: dict[str, str] = {}
        for topic, url in value.items():
            if reason := content_id_problem(topic, "onderwerp-id"):
                self.problem((*path, topic), f"[forum.onderwerpen]: {reason}")
            elif (checked := self.url((*path, topic), url)) is not None:
                urls[topic] = checked
        return urls

    def contacts(self, data: Mapping[str, Any]) -> dict[str, Contact]:
        contacts: dict[str, Contact] = {}
        for key, value in self.table(data, "contact").items():
            if key not in TABLES["contact"]:
                continue
            path: KeyPath = ("contact", key)
            if not isinstance(value, dict):
                self.problem(path, f'{_where(path)} moet zo: {key} = {{ naam = "...", email = "..." }}')
                continue
            self.unknown_keys(path, value, CONTACT_KEYS)
            name = self.text((*path, "naam"), value.get("naam"), required=True)
            email = self.text((*path, "email"), value.get("email"), required=True)
            if email is not None and (reason := email_problem(email)):
                self.problem((*path, "email"), f"{_where((*path, 'email'))}: {reason}")
                email = None
            if name is not None and email is not None:
                contacts[key] = Contact(name, email)
        return contacts

    def footer(self, data: Mapping[str, Any]) -> dict[str, str]:
        links: dict[str, str] = {}
        for key, value in self.table(data, "voettekst").items():
            if key in TABLES["voettekst"] and (url := self.url(("voettekst", key), value)) is not None:
                links[key] = url
        return links

    def colour(self, value: object) -> str | None:
        path: KeyPath = ("huisstijl", "kleur")
        text = self.text(path, value)
        if text is not None and (reason := colour_problem(text)):
            self.problem(path, reason)
            return None
        return text.lower() if text is not None else None

    def tokens(self, style: Mapping[str, Any], colour: str | None) -> DesignTokens | None:
        """The design tokens file, checked in itself (its own path:line) and against ``kleur``."""
        path = self.project_path(("huisstijl", "tokens"), style.get("tokens"), TOKENS_SUFFIXES)
        if path is None:
            return None
        tokens = read_tokens(path)
        if isinstance(tokens, list):
            self.problems.extend(tokens)
            return None
        page = background(tokens)
        if colour is not None and page is not None and (ratio := contrast_ratio(colour, page)) < MINIMUM_CONTRAST:
            self.problem(
                ("huisstijl", "kleur"),
                f"kleur {colour} heeft een contrast van {format_ratio(ratio)} met de achtergrond {page} uit het "
                f"tokenbestand; WCAG 1.4.3 vraagt minstens {format_ratio(MINIMUM_CONTRAST)}",
            )
        return tokens

    def leave_out(self, value: object) -> tuple[str, ...]:
        path: KeyPath = ("inhoud", "weglaten")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(
                path,
                f"'weglaten' in [inhoud] moet een lijst van module-ids zijn, zoals [\"m16\"], niet {_type_name(value)}",
            )
            return ()
        ids: list[str] = []
        for item in value:
            if not isinstance(item, str):
                self.problem(
                    path, f"'weglaten' in [inhoud]: {item!r} is geen module-id; zet ids tussen aanhalingstekens"
                )
            elif reason := content_id_problem(item, "module-id"):
                self.problem(path, f"'weglaten' in [inhoud]: {reason}")
            elif item in ids:
                self.problem(path, f"'weglaten' in [inhoud]: '{item}' staat er twee keer")
            else:
                ids.append(item)
        return tuple(ids)

    def deadline(self, path: KeyPath, value: object) -> datetime.date | None:
        if value is None:
            return None
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            self.problem(
                path,
                f"{_where(path)} moet een datum zijn zoals 2027-03-31 (zonder aanhalingstekens en zonder tijd), "
                f"niet {'een tijdstip' if isinstance(value, datetime.datetime) else _type_name(value)}",
            )
            return None
        return value

    def valid_months(self, path: KeyPath, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_VALID_MONTHS:
            self.problem(
                path, f"{_where(path)} moet een heel aantal maanden zijn van 1 tot en met {MAX_VALID_MONTHS}, zoals 24"
            )
            return None
        return value

    def terms(self, table: KeyPath, data: Mapping[str, Any]) -> TrainingTerms:
        return TrainingTerms(
            self.deadline((*table, "deadline"), data.get("deadline")),
            self.valid_months((*table, "geldig_maanden"), data.get("geldig_maanden")),
        )

    def training(self, data: Mapping[str, Any]) -> TrainingSettings:
        table = self.table(data, "opleiding")
        roles = table.get("rollen", {})
        path: KeyPath = ("opleiding", "rollen")
        if not isinstance(roles, dict):
            self.problem(
                path, "'rollen' in [opleiding] moet een tabel zijn: [opleiding.rollen.<rol>] met deadline = ..."
            )
            roles = {}
        per_role: dict[str, TrainingTerms] = {}
        for role_id, value in roles.items():
            role_path: KeyPath = (*path, role_id)
            if reason := content_id_problem(role_id, "rol-id"):
                self.problem(role_path, f"[opleiding.rollen]: {reason}")
            elif not isinstance(value, dict):
                self.problem(
                    role_path, f"[opleiding.rollen.{role_id}] moet een tabel zijn met deadline en geldig_maanden"
                )
            else:
                self.unknown_keys(role_path, value, ROLE_TRAINING_KEYS)
                per_role[role_id] = self.terms(role_path, value)
        return TrainingSettings(self.terms(("opleiding",), table), MappingProxyType(per_role))

    def governance(self, data: Mapping[str, Any]) -> Governance:
        """``[governance]``: eigenaar and budget as text on one line, evaluatie_datum a TOML date."""
        table = self.table(data, "governance")
        owner = self.one_line(("governance", "eigenaar"), table.get("eigenaar"))
        budget = self.one_line(("governance", "budget"), table.get("budget"))
        evaluation = self.deadline(("governance", "evaluatie_datum"), table.get("evaluatie_datum"))
        return Governance(owner, budget, evaluation)

    def one_line(self, path: KeyPath, value: object) -> str | None:
        text = self.text(path, value)
        if text is not None and any(unicodedata.category(char) == "Cc" for char in text):
            self.problem(path, f"{_where(path)} moet op één regel passen, zonder tabs of stuurtekens")
            return None
        return text

    def results_url(self, value: object) -> str | None:
        """``[resultaten] url``: a path on the host of the site (the site never contacts another host)."""
        path: KeyPath = ("resultaten", "url")
        text = self.text(path, value)
        if text is not None and (not text.startswith("/") or text.startswith("//") or "://" in text):
            self.problem(
                path,
                f"'url' in [resultaten] moet een pad op de eigen server zijn, zoals \"/api/pogingen\", niet {text!r}: "
                "de website mag geen andere server benaderen",
            )
            return None
        return text

    def gemeente(self, data: Mapping[str, Any]) -> tuple[str | None, Path | None, str | None]:
        if "gemeente" not in data:
            self.problem(
                ("gemeente",), '[gemeente] ontbreekt; zet bovenaan: [gemeente] en daaronder naam = "Gemeente ..."'
            )
            return None, None, None
        if not isinstance(data["gemeente"], dict):
            self.table(data, "gemeente")  # says it must be a table; "naam ontbreekt" would only add noise
            return None, None, None
        table = self.table(data, "gemeente")
        name = self.text(("gemeente", "naam"), table.get("naam"), required=True)
        if name is not None and any(unicodedata.category(char) == "Cc" for char in name):  # "\n" written as escape
            self.problem(
                ("gemeente", "naam"), "'naam' in [gemeente] moet op één regel passen, zonder tabs of stuurtekens"
            )
            name = None
        logo = self.project_path(("gemeente", "logo"), table.get("logo"), LOGO_SUFFIXES)
        website = self.url(("gemeente", "website"), table.get("website"))
        return name, logo, website


def check_config(data: Mapping[str, Any], lines: KeyLines, root: Path, file: Path) -> GemeenteConfig | list[Problem]:
    """The config, or every problem found in ``data`` (each at its line in ``file``)."""
    checker = _Checker(root, file, lines)
    checker.unknown_keys((), data, tuple(TABLES))
    name, logo, website = checker.gemeente(data)
    forum = checker.forum(data)
    contacts = checker.contacts(data)
    footer = checker.footer(data)
    style = checker.table(data, "huisstijl")
    colour = checker.colour(style.get("kleur"))
    tokens = checker.tokens(style, colour)
    leave_out = checker.leave_out(checker.table(data, "inhoud").get("weglaten"))
    training = checker.training(data)
    results_url = checker.results_url(checker.table(data, "resultaten").get("url"))
    governance = checker.governance(data)
    if checker.problems or name is None:
        return checker.problems
    return GemeenteConfig(
        root=root,
        name=name,
        logo=logo,
        website=website,
        forum=forum,
        contacts=MappingProxyType(contacts),
        footer=MappingProxyType(footer),
        colour=colour,
        tokens=tokens,
        leave_out=leave_out,
        training=training,
        results_url=results_url,
        governance=governance,
        key_lines=MappingProxyType(dict(lines.lines)),
    )
