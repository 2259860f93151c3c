"""A learning path as text, Markdown, JSON or CSV: pure functions from Catalog and path to a string."""

from __future__ import annotations

import csv
import io
import json

from ..content import Catalog
from ..dutch import LEVEL_LABELS, count, join_names
from . import LearningPath, duration_text

FORMATS = ("text", "md", "json", "csv")


def role_names(catalog: Catalog, path: LearningPath) -> str:
    """'Beleidsadviseur', 'Beleidsadviseur en Inkoper', 'A, B en C'."""
    return join_names([catalog.roles[role].title for role in path.roles])


def _summary(path: LearningPath) -> str:
    return f"{count(len(path.modules), 'module', 'modules')}, samen {duration_text(path.minutes)} studietijd."


def as_text(catalog: Catalog, path: LearningPath) -> str:
    lines = [f"Leerpad voor {role_names(catalog, path)}", _summary(path), ""]
    width = len(str(len(path.modules)))
    for number, module in enumerate(path.modules, start=1):
        lines.append(f"{number:>{width}}. {module.id}  {module.title}")
        indent = " " * (width + 2)
        lines.append(f"{indent}{duration_text(module.duration_minutes)} · niveau {LEVEL_LABELS[module.level]}")
        lines.append(f"{indent}Na deze module kun je:")
        lines += [f"{indent}- {goal}" for goal in module.learning_goals]
        lines.append("")
    lines.append(f"Totale studietijd: {duration_text(path.minutes)}")
    return "\n".join(lines) + "\n"


def as_markdown(catalog: Catalog, path: LearningPath) -> str:
    lines = [f"# Leerpad {role_names(catalog, path)}", "", _summary(path), ""]
    for number, module in enumerate(path.modules, start=1):
        lines.append(
            f"{number}. **{module.title}** ({module.id}): {duration_text(module.duration_minutes)}, "
            f"niveau {LEVEL_LABELS[module.level]}"
        )
        lines += [f"   - {goal}" for goal in module.learning_goals]
    lines += ["", f"**Totale studietijd:** {duration_text(path.minutes)}"]
    return "\n".join(lines) + "\n"


def as_json(catalog: Catalog, path: LearningPath) -> str:
    data = {
        "rollen": [{"id": role, "titel": catalog.roles[role].title} for role in path.roles],
        "modules": [
            {
                "volgorde": number,
                "id": module.id,
                "titel": module.title,
                "duur_minuten": module.duration_minutes,
                "niveau": module.level,
                "leerdoelen": list(module.learning_goals),
                "vereist": list(module.requires),
            }
            for number, module in enumerate(path.modules, start=1)
        ],
        "aantal_modules": len(path.modules),
        "studietijd_minuten": path.minutes,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_csv(catalog: Catalog, path: LearningPath) -> str:
    """One row per module; the total is the sum of ``duur_minuten`` (no summary row to trip importers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["volgorde", "module", "titel", "duur_minuten", "niveau", "leerdoelen"])
    for number, module in enumerate(path.modules, start=1):
        writer.writerow(
            [number, module.id, module.title, module.duration_minutes, module.level, " | ".join(module.learning_goals)]
        )
    return out.getvalue()


FORMATTERS = {"text": as_text, "md": as_markdown, "json": as_json, "csv": as_csv}


def render(catalog: Catalog, path: LearningPath, fmt: str) -> str:
    return FORMATTERS[fmt](catalog, path)
