"""A learning path as text, Markdown, JSON or CSV: pure functions from Catalog and path to a string."""

from __future__ import annotations

import csv
import io
import json

from ..content import Catalog
from ..dutch import LEVEL_LABELS, count, join_names
from . import ROLE_PATH, LearningPath, duration_text

FORMATS = ("text", "md", "json", "csv")


def role_names(catalog: Catalog, path: LearningPath) -> str:
    """'Beleidsadviseur', 'Beleidsadviseur en Inkoper', 'A, B en C'."""
    return join_names([catalog.roles[role].title for role in path.roles])


def _title(catalog: Catalog, path: LearningPath) -> str:
    """'Beleidsadviseur', or with --afdeling 'Beleidsadviseur, afdeling Werk en Inkomen'."""
    names = role_names(catalog, path)
    return names if path.department is None else f"{names}, afdeling {path.department}"


def _system_reason(path: LearningPath, module_id: str) -> str | None:
    """Why a module is on a department's path when it is not the roles' own path: the AI system(s)."""
    reason = path.reasons.get(module_id)
    return reason if reason is not None and reason != ROLE_PATH else None


def _summary(path: LearningPath) -> str:
    return f"{count(len(path.modules), 'module', 'modules')}, samen {duration_text(path.minutes)} studietijd."


def as_text(catalog: Catalog, path: LearningPath) -> str:
    lines = [f"Leerpad voor {_title(catalog, path)}", _summary(path), ""]
    width = len(str(len(path.modules)))
    for number, module in enumerate(path.modules, start=1):
        lines.append(f"{number:>{width}}. {module.id}  {module.title}")
        indent = " " * (width + 2)
        lines.append(f"{indent}{duration_text(module.duration_minutes)} · niveau {LEVEL_LABELS[module.level]}")
        reason = _system_reason(path, module.id)
        if reason is not None:
            lines.append(f"{indent}Waarom: {reason}")
        lines.append(f"{indent}Na deze module kun je:")
        lines += [f"{indent}- {goal}" for goal in module.learning_goals]
        lines.append("")
    lines.append(f"Totale studietijd: {duration_text(path.minutes)}")
    return "\n".join(lines) + "\n"


def as_markdown(catalog: Catalog, path: LearningPath) -> str:
    lines = [f"# Leerpad {_title(catalog, path)}", "", _summary(path), ""]
    for number, module in enumerate(path.modules, start=1):
        lines.append(
            f"{number}. **{module.title}** ({module.id}): {duration_text(module.duration_minutes)}, "
            f"niveau {LEVEL_LABELS[module.level]}"
        )
        reason = _system_reason(path, module.id)
        if reason is not None:
            lines.append(f"   - *Waarom:* {reason}")
        lines += [f"   - {goal}" for goal in module.learning_goals]
    lines += ["", f"**Totale studietijd:** {duration_text(path.minutes)}"]
    return "\n".join(lines) + "\n"


def as_json(catalog: Catalog, path: LearningPath) -> str:
    modules: list[dict[str, object]] = [
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
    ]
    data: dict[str, object] = {"rollen": [{"id": role, "titel": catalog.roles[role].title} for role in path.roles]}
    if path.department is not None:  # with --afdeling: the department, and why each module is there
        data["afdeling"] = path.department
        for entry in modules:
            entry["reden"] = path.reasons.get(str(entry["id"]), ROLE_PATH)
    data.update({"modules": modules, "aantal_modules": len(path.modules), "studietijd_minuten": path.minutes})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_csv(catalog: Catalog, path: LearningPath) -> str:
    """One row per module; the total is the sum of ``duur_minuten`` (no summary row to trip importers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    reasons = path.department is not None  # with --afdeling a last column "reden"
    writer.writerow(["volgorde", "module", "titel", "duur_minuten", "niveau", "leerdoelen"] + ["reden"] * reasons)
    for number, module in enumerate(path.modules, start=1):
        row: list[object] = [
            number,
            module.id,
            module.title,
            module.duration_minutes,
            module.level,
            " | ".join(module.learning_goals),
        ]
        writer.writerow(row + [path.reasons.get(module.id, ROLE_PATH)] * reasons)
    return out.getvalue()


FORMATTERS = {"text": as_text, "md": as_markdown, "json": as_json, "csv": as_csv}


def render(catalog: Catalog, path: LearningPath, fmt: str) -> str:
    return FORMATTERS[fmt](catalog, path)
