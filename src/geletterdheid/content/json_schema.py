"""JSON Schemas for editors, generated from the content model.

The shipped files in ``schema/`` let editors get completion and checking in their editor
(e.g. VS Code's YAML extension). A test keeps them equal to what the model generates.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .duties import DutyTable
from .inventory import Inventory
from .model import LegalFacts, Module, Quiz, Role, TopicFile
from .system_modules import SystemModules
from .tree import DecisionTree

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "module.schema.json": (Module, "Front matter van een module (modules/*.md)"),
    "quiz.schema.json": (Quiz, "Toets (quizzes/<module-id>.yaml)"),
    "rol.schema.json": (Role, "Front matter van een rol (docs/rollen/*.md)"),
    "onderwerpen.schema.json": (TopicFile, "Onderwerpen met forumlinks (docs/onderwerpen.yaml)"),
    "wetgeving.schema.json": (LegalFacts, "Wettelijke datums en bedragen (docs/wetgeving.yaml)"),
    "ai-systemen.schema.json": (Inventory, "AI-register van een gemeente (ai-systemen.yaml)"),
    "beslisboom.schema.json": (DecisionTree, "Beslisboom risicoklasse en transparantie (docs/beslisboom.yaml)"),
    "plichten.schema.json": (DutyTable, "Plichten per uitkomst van de beslisboom (docs/plichten.yaml)"),
    "systeemmodules.schema.json": (
        SystemModules,
        "Modules per uitkomst van de beslisboom, voor wie een AI-systeem gebruikt (docs/systeemmodules.yaml)",
    ),
}


def render_schemas() -> dict[str, str]:
    rendered = {}
    for filename, (model, title) in SCHEMAS.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            **{k: v for k, v in schema.items() if k not in ("title", "description")},
        }
        rendered[filename] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return rendered


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in render_schemas().items():
        path = directory / filename
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
