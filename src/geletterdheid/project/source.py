"""Reading gemeente.toml: its size, its encoding and its TOML syntax, each as a Dutch ``path:line`` problem.

tomllib's own messages are English and, for a key given twice, point at "end of document"; the
common ones are said again in Dutch here, and a duplicate is placed with the key scanner.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from pathlib import Path
from typing import Any

from ..problems import Problem
from .problems import MissingProjectFile, ProjectConfigError
from .toml_lines import KeyLines, scan_key_lines

#: A project file is a few dozen lines; anything this big is the wrong file, and reading it whole would hurt.
MAX_BYTES = 1024 * 1024

_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

# tomllib's message (its start) -> what to do, in Dutch.
_SYNTAX_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "Invalid value",
        'ongeldige waarde: zet tekst tussen aanhalingstekens ("..."), schrijf true of false '
        'met kleine letters en een lijst als ["a", "b"]',
    ),
    ("Expected '=' after a key", "hier ontbreekt '=' tussen de sleutel en de waarde"),
    ("Unterminated string", "een tekst mist het aanhalingsteken aan het eind"),
    # A newline inside "...": the closing quote is missing at the end of that line.
    ("Illegal character '\\n'", "een tekst mist het aanhalingsteken aan het eind"),
    ("Illegal character", "hier staat een teken dat in TOML niet mag (een tab of stuurteken in tekst?)"),
    (
        "Expected newline or end of document after a statement",
        "na een waarde mag op dezelfde regel alleen commentaar staan (na een #)",
    ),
    ("Invalid statement", "deze regel is geen 'sleutel = waarde' en geen [tabel]"),
    (
        "Invalid initial character for a key part",
        "hier kan geen sleutel beginnen; let op: een { ... } moet op één regel staan",
    ),
    ("Unclosed array", "een lijst [ ... ] mist de ] aan het eind"),
    ("Unclosed inline table", "een { ... } mist de } aan het eind of staat niet op één regel"),
    ("Cannot overwrite a value", "deze sleutel staat er twee keer; haal er één weg"),
    ("Cannot declare", "deze [tabel] staat er twee keer; zet alles van die tabel onder één kop"),
)


def _parts(path: tuple[str, ...]) -> str:
    return ".".join(path)


def syntax_problem(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """The Dutch problem for a TOML syntax error, at the line tomllib gives (or the duplicate's line)."""
    english = str(exc)
    match = _POSITION.search(english)
    detail = english[: match.start()] if match else english
    if match and match.group(1):
        line, column = int(match.group(1)), int(match.group(2))
    else:  # "at end of document"
        line, column = max(1, len(text.splitlines())), 0
    if detail.startswith(("Cannot overwrite a value", "Cannot declare")):
        found = scan_key_lines(text)
        if found.duplicates:
            key, where = found.duplicates[0]
            first = found.line_of(key)
            return Problem(path, where, f"'{_parts(key)}' staat er twee keer (ook op regel {first}); haal er één weg")
    dutch = next((said for prefix, said in _SYNTAX_MESSAGES if detail.startswith(prefix)), None)
    place = f" (kolom {column})" if column else ""
    if dutch is None:
        return Problem(path, line, f"geen geldige TOML{place}: {detail}")
    return Problem(path, line, f"geen geldige TOML{place}: {dutch}")


def read_project_file(path: Path) -> tuple[dict[str, Any], KeyLines]:
    """The parsed gemeente.toml and the line of each key; raises ProjectConfigError with a Dutch reason."""
    if not path.exists():
        raise MissingProjectFile(path)
    if not path.is_file():
        raise ProjectConfigError(path, [Problem(path, 1, f"{path.name} is een map; het moet een tekstbestand zijn")])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ProjectConfigError(
                path,
                [
                    Problem(
                        path,
                        1,
                        f"het bestand is {size} bytes; een projectbestand is hooguit 1 MB. Is dit het goede bestand?",
                    )
                ],
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ProjectConfigError(path, [Problem(path, 1, f"kan het bestand niet lezen ({exc.strerror})")]) from exc
    if raw.startswith(codecs.BOM_UTF8):  # Windows editors may add one; TOML itself does not allow it
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProjectConfigError(
            path,
            [
                Problem(
                    path, line, f"het bestand is geen UTF-8-tekst (teken 0x{raw[exc.start]:02x}); sla het op als UTF-8"
                )
            ],
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProjectConfigError(path, [syntax_problem(path, text, exc)]) from exc
    except RecursionError as exc:  # lists in lists thousands deep: tomllib's parser is recursive
        raise ProjectConfigError(path, [Problem(path, 1, "geen geldige TOML: lijsten zijn te diep genest")]) from exc
    return data, scan_key_lines(text)
