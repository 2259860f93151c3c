"""Which version of the base content a gemeente project last built with, and what changed since.

``init`` and every successful ``build`` write ``basisversie.json`` in the project: the package
version and, per base module, its ``versie`` and title. ``geletterdheid wijzigingen`` compares that
record with the base content installed now and lists the modules that were added, removed, or have
a higher ``versie`` (with the module's own ``wijziging:`` note), so a gemeente knows what to look at
after ``pip install -U geletterdheid``: its aanvullingen may need the same update.

The front matter is read plainly here (id, titel, versie, wijziging); ``geletterdheid check``
validates the base content itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import __version__
from ..errors import UserError

RECORD_FILE = "basisversie.json"


@dataclass(frozen=True)
class BaseModule:
    id: str
    title: str
    version: int
    change: str | None
    path: Path | None = field(default=None, compare=False)  # the module's file (not in the record)


@dataclass(frozen=True)
class Change:
    kind: str  # "nieuw", "gewijzigd" or "verdwenen"
    module_id: str
    title: str
    old_version: int | None
    new_version: int | None
    note: str | None


@dataclass(frozen=True)
class Record:
    package_version: str
    recorded_on: str
    modules: dict[str, BaseModule]


class UnreadableRecord(UserError):
    pass


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    block = text.split("\n---", 2)[0].lstrip("-\n")
    data = yaml.safe_load(block)
    return data if isinstance(data, dict) else {}


def base_modules(base: Path) -> dict[str, BaseModule]:
    """The base content's modules: id -> title, versie (default 1), wijziging and file."""
    found = {}
    for path in sorted((base / "modules").glob("*.md")):
        data = _front_matter(path)
        module_id, version = data.get("id"), data.get("versie", 1)
        if isinstance(module_id, str):
            change = data.get("wijziging")
            found[module_id] = BaseModule(
                module_id,
                str(data.get("titel", module_id)),
                version if isinstance(version, int) else 1,
                str(change) if change else None,
                path,
            )
    return found


def record(project: Path, base: Path, today: dt.date | None = None) -> Path:
    """Write what the project now builds with; atomic, so an interrupted write leaves the old record."""
    data = {
        "pakket": __version__,
        "vastgelegd": (today or dt.date.today()).isoformat(),
        "modules": {m.id: {"titel": m.title, "versie": m.version} for m in base_modules(base).values()},
    }
    target = project / RECORD_FILE
    partial = target.with_name(target.name + ".deel")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, target)
    return target


def recorded(project: Path) -> Record | None:
    path = project / RECORD_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        modules = {
            module_id: BaseModule(module_id, str(entry["titel"]), int(entry["versie"]), None)
            for module_id, entry in data["modules"].items()
        }
        return Record(str(data["pakket"]), str(data["vastgelegd"]), modules)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnreadableRecord(
            f"{path}: dit bestand is beschadigd ({exc}); verwijder het, dan legt de volgende bouw het opnieuw vast"
        ) from exc


def changes(before: Record, now: dict[str, BaseModule]) -> list[Change]:
    """Added, raised and removed base modules, in id order."""
    found = []
    for module_id in sorted(set(before.modules) | set(now)):
        old, new = before.modules.get(module_id), now.get(module_id)
        if old is None and new is not None:
            found.append(Change("nieuw", module_id, new.title, None, new.version, new.change))
        elif new is None and old is not None:
            found.append(Change("verdwenen", module_id, old.title, old.version, None, None))
        elif old is not None and new is not None and new.version > old.version:
            found.append(Change("gewijzigd", module_id, new.title, old.version, new.version, new.change))
    return found


def describe(before: Record, found: list[Change]) -> str:
    """The changes as Dutch lines for the command line."""
    since = f"sinds de vorige bouw ({before.recorded_on}, basisinhoud {before.package_version})"
    if not found:
        return f"Geen wijzigingen in de basisinhoud {since}.\n"
    lines = [f"Wijzigingen in de basisinhoud {since}:"]
    for change in found:
        if change.kind == "gewijzigd":
            what = f"versie {change.old_version} → {change.new_version}"
            lines.append(
                f"- gewijzigd: {change.module_id} {change.title} ({what}){': ' + change.note if change.note else ''}"
            )
        else:
            lines.append(f"- {change.kind}: {change.module_id} {change.title}")
    lines.append("Kijk of jullie aanvullingen en eigen modules hierbij nog kloppen.")
    return "\n".join(lines) + "\n"
