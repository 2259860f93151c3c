"""A gemeente project with its own AI register, for the tests of learning paths in context (issue 15).

Made with ``geletterdheid init`` over the repository's base content, with an ``ai-systemen.yaml`` of:

* ``bijstand-signalen``: high risk (Annex III 5(a), profiling), in pilot in department Werk en Inkomen;
  its role, beleidsadviseur, has m07 and m13 on its own path already;
* ``chatbot-website``: minimal risk with Art. 50(1) and 50(2), used by the role inkoper (and Dienstverlening);
* ``oude-scan``: high risk too, but ``gestopt``, in Burgerzaken (for bestuurder-manager): it adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from classification_support import inventory_text, system
from geletterdheid.cli import main
from geletterdheid.records import Employee

HIGH_RISK = "Risicosignalen bijstand"
CHATBOT = "Digitale assistent"
#: What m07 and m13 (and m06 before them) say in the export's column "reden" for Werk en Inkomen.
HIGH_RISK_REASON = f"AI-systeem: {HIGH_RISK} (hoog-risico)"
CHATBOT_REASON = f"AI-systeem: {CHATBOT} (minimaal; artikel 50(1), 50(2))"
ALL_STAFF_PATH = ["m01", "m02", "m03", "m04"]
#: All staff, plus m07 and m13 of the high-risk system, with m06 (which m07 requires) before them.
WERK_EN_INKOMEN_PATH = ["m01", "m02", "m03", "m04", "m06", "m07", "m13"]

ROSTER = [
    Employee("W1", "Wim de Wit", "Werk en Inkomen", (), "wim@testdorp.example"),
    Employee("W2", "Wendy Wolters", "WERK EN INKOMEN", (), None),  # the same department, as HR typed it
    Employee("B1", "Bea Bakker", "Burgerzaken", (), None),  # the stopped system was used here
    Employee("F1", "Fenna Faber", "Financiën", ("inkoper",), None),  # the chatbot's role
]


def _systems() -> list[dict[str, Any]]:
    high_risk = system(
        "bijstand-signalen",
        bijlage_iii="5(a)",
        profilering=True,
    )
    high_risk.update(naam=HIGH_RISK, status="pilot", afdelingen=["Werk en Inkomen"], rollen=["beleidsadviseur"])
    chatbot = system("chatbot-website", interactie_met_personen=True, synthetische_inhoud=True)
    chatbot.update(naam=CHATBOT, afdelingen=["Dienstverlening"], rollen=["inkoper"])
    stopped = system("oude-scan", bijlage_iii="5(a)", profilering=True)
    stopped.update(naam="Oude fraudescan", status="gestopt", afdelingen=["Burgerzaken"], rollen=["bestuurder-manager"])
    return [high_risk, chatbot, stopped]


def make_gemeente(folder: Path) -> Path:
    """``geletterdheid init`` in ``folder`` (which must not exist yet) and the register above; returns it."""
    assert main(["init", str(folder), "--gemeente", "Gemeente Testdorp"]) == 0
    (folder / "ai-systemen.yaml").write_text(inventory_text(*_systems()), encoding="utf-8")
    return folder
