"""Helpers for the classification tests: kenmerken with plain defaults, and inventory files as gemeenten write them."""

from __future__ import annotations

import copy
from typing import Any

import yaml

from geletterdheid.content.inventory import Features

#: An AI system of a supplier that does none of the things the tree asks about.
PLAIN: dict[str, Any] = {
    "is_ai_systeem": True,
    "zelf_ontwikkeld": False,
    "verboden": [],
    "bijlage_iii": None,
    "bijlage_i_product": False,
    "profilering": False,
    "uitzondering_6_3": None,
    "interactie_met_personen": False,
    "synthetische_inhoud": False,
    "emotieherkenning_of_biometrische_categorisering": False,
    "deepfake": False,
    "publieke_tekst_zonder_redactie": False,
}


def features(**changes: Any) -> Features:
    return Features.model_validate({**PLAIN, **changes})


def system(system_id: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": system_id,
        "naam": f"Systeem {system_id}",
        "leverancier": "Voorbeeld B.V.",
        "doel": "Een doel in één zin.",
        "status": "in-gebruik",
        "afdelingen": ["Dienstverlening"],
        "rollen": ["alle-medewerkers"],
        "kenmerken": copy.deepcopy({**PLAIN, **changes}),  # shared lists would be dumped as YAML anchors
    }


def inventory_text(*systems: dict[str, Any]) -> str:
    return yaml.safe_dump({"systemen": list(systems)}, allow_unicode=True, sort_keys=False)


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first ``needle`` (after the first ``after``, if given)."""
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1
