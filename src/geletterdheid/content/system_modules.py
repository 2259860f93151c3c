"""Which modules an AI system's outcome calls for (``docs/systeemmodules.yaml``).

A gemeente's ``ai-systemen.yaml`` says which departments and roles use each system; the decision
tree gives each system a risk class, the Art. 50 duties it triggers and the gemeente's role. This
table turns that outcome into modules, so that whoever works with a high-risk system learns what
Art. 26 asks of them (see curriculum/). :func:`check_system_modules` checks the references the
model cannot: known modules, known risk classes and Art. 50 paragraphs the tree can find.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from pydantic import Field

from ..problems import Problem
from .articles import UnknownProvision, parse_provision
from .strict import ContentId, Strict
from .tree import RISK_CLASSES
from .yamlsource import LineMap, Loc

_PARAGRAPH = re.compile(r"\(\d+\)")  # one paragraph, "(1)": a point of it is not a duty of its own


class SystemModules(Strict):
    """``docs/systeemmodules.yaml``: risicoklasse, Art. 50 duty and role of the gemeente -> module ids."""

    risk_classes: dict[str, list[ContentId]] = Field(
        alias="risicoklassen",
        description="Per risicoklasse (geen-ai, verboden, hoog-risico, minimaal) de modules; [] voor geen. "
        "Elke risicoklasse staat erin, zodat te zien is dat de keuze gemaakt is",
    )
    transparency: dict[str, list[ContentId]] = Field(
        alias="transparantie",
        default_factory=dict,
        description='Per lid van artikel 50 dat de beslisboom kan vinden (bv. "50(1)") de modules',
    )
    provider: dict[str, list[ContentId]] = Field(
        alias="aanbieder",
        default_factory=dict,
        description="Per risicoklasse de modules die erbij komen als de gemeente aanbieder is (artikel 3, punt 3)",
    )

    def modules_for(self, risk_class: str, transparency: Collection[str], role: str | None) -> list[str]:
        """The module ids an outcome calls for, without duplicates, in the table's order."""
        found = [*self.risk_classes.get(risk_class, [])]
        for duty in transparency:
            found += self.transparency.get(duty, [])
        if role == "aanbieder":
            found += self.provider.get(risk_class, [])
        return list(dict.fromkeys(found))


def check_system_modules(
    table: SystemModules,
    lines: LineMap,
    path: Path,
    modules: Collection[str],
    transparency_duties: Collection[str] | None,
) -> list[Problem]:
    """Unknown modules and risk classes, missing risk classes, and keys of ``transparantie`` that are not
    a paragraph of Art. 50 or that the tree never finds (``transparency_duties``; None: no tree to ask)."""
    problems: list[Problem] = []

    def at(loc: Loc, message: str) -> None:
        problems.append(Problem(path, lines.line(loc), message))

    def check_modules(section: str, key: str, module_ids: list[str]) -> None:
        for index, module_id in enumerate(module_ids):
            if module_id not in modules:
                at((section, key, index), f"onbekende module '{module_id}' bij {section} '{key}'")

    for section, entries in (("risicoklassen", table.risk_classes), ("aanbieder", table.provider)):
        for key, module_ids in entries.items():
            if key not in RISK_CLASSES:
                at((section, key), f"onbekende risicoklasse '{key}' (bekend: {', '.join(RISK_CLASSES)})")
            check_modules(section, key, module_ids)
    missing = [risk_class for risk_class in RISK_CLASSES if risk_class not in table.risk_classes]
    if missing:
        at(
            ("risicoklassen",),
            f"risicoklasse {', '.join(missing)} ontbreekt: zet elke risicoklasse erin, met [] als er geen "
            "modules bij horen",
        )
    for key, module_ids in table.transparency.items():
        try:
            provision = parse_provision(key)
        except UnknownProvision as exc:
            at(("transparantie", key), f"'{key}': {exc}")
        else:
            if provision.kind != "artikel" or provision.number != "50" or not _PARAGRAPH.fullmatch(provision.detail):
                at(("transparantie", key), f"'{key}' is geen lid van artikel 50, zoals \"50(1)\"")
            elif transparency_duties is not None and key not in transparency_duties:
                at(
                    ("transparantie", key),
                    f"de beslisboom vindt '{key}' nooit (de stappen van 'transparantie' vinden: "
                    f"{', '.join(sorted(transparency_duties))})",
                )
        check_modules("transparantie", key, module_ids)
    return problems
