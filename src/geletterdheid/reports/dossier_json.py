"""The dossier as JSON (``rapport.json``): the same figures as the page and the PDF, for other tools.
Pure. The shape is schema/rapport.schema.json (README, "Het dossier voor bestuur en toezicht")."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..content.model import dutch_date
from ..content.tree import sources
from .dossier import SCHEMA_VERSION, CoverageLine, Dossier

LEGAL_BASIS_ARTICLE = "4"
REMINDERS_NOT_RECORDED = (
    "geletterdheid herinneringen maakt een lijst voor een mailing; de gemeente verstuurt de mails zelf. "
    "Daarom staat hier wanneer een lijst is gemaakt en voor hoeveel medewerkers, niet of de mails zijn "
    "verstuurd, en hoeveel medewerkers op de einddatum nog verplichte modules open hadden."
)


def reminder_lists_sentence(dossier: Dossier) -> str:
    """The reminder lists of the period in one Dutch sentence (the HTML page and the PDF say the same)."""
    if not dossier.reminder_lists:
        return "In deze periode is geen herinneringslijst gemaakt."
    made = [
        f"{dutch_date(line.made_on)} ({line.employees} medewerkers"
        + (f", afdeling {line.department}" if line.department else "")
        + ")"
        for line in dossier.reminder_lists
    ]
    return "Herinneringslijsten gemaakt: " + ", ".join(made) + "."


def legal_basis() -> dict[str, str]:
    """Art. 4 AI Act with its EUR-Lex link."""
    (source,) = sources([LEGAL_BASIS_ARTICLE])
    return {"artikel": LEGAL_BASIS_ARTICLE, "label": source.label, "url": source.url}


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _coverage(line: CoverageLine, key: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {key: line.group} if key else {}
    data.update({"medewerkers": line.employees, "leerpad_afgerond": line.finished, "percentage": line.percent})
    return data


def as_data(dossier: Dossier) -> dict[str, Any]:
    governance = dossier.governance
    return {
        "schema_versie": SCHEMA_VERSION,
        "gemeente": dossier.gemeente,
        "periode": {"van": dossier.period.start.isoformat(), "tot": dossier.period.end.isoformat()},
        "gemaakt_op": dossier.made_on.isoformat(),
        "geletterdheid_versie": dossier.package_version,
        "wettelijke_grondslag": legal_basis(),
        "kleinste_groep": dossier.k,
        "identificeren": {
            "systemen": [
                {
                    "id": s.id,
                    "naam": s.name,
                    "leverancier": s.supplier,
                    "doel": s.purpose,
                    "status": s.status,
                    "afdelingen": list(s.departments),
                    "rollen": list(s.roles),
                    "risicoklasse": s.risk_class,
                    "rol_gemeente": s.gemeente_role,
                    "transparantie": list(s.transparency),
                    "gebruikers": s.users,
                }
                for s in dossier.systems
            ],
            "toelichting": dossier.inventory_note,
        },
        "doelen": {
            "leerpaden": [
                {
                    "rol": p.role_id,
                    "rol_titel": p.role_title,
                    "modules": [
                        {"id": m.id, "titel": m.title, "studietijd_minuten": m.minutes, "versie": m.version}
                        for m in p.modules
                    ],
                    "studietijd_minuten": p.minutes,
                }
                for p in dossier.paths
            ]
        },
        "uitvoeren": {
            "modules": [
                {
                    "id": m.id,
                    "titel": m.title,
                    "versie": m.version,
                    "laatst_gecontroleerd": m.last_checked.isoformat(),
                    "opnieuw_controleren_uiterlijk": m.review_due.isoformat(),
                    "geslaagd_per_versie": [{"versie": v, "aantal": n} for v, n in m.passes_by_version],
                }
                for m in dossier.modules
            ],
            "workshops": [
                {
                    "naam": w.name,
                    "datum": w.held_on.isoformat(),
                    "modules": list(w.modules),
                    "duur_minuten": w.minutes,
                    "deelnemers": w.participants,
                }
                for w in dossier.workshops
            ],
            "forum": {"aanwezig": dossier.forum, "onderwerpen": dossier.forum_topics},
            "herinneringen": {
                "verstuurd": None,
                "lijsten": [
                    {"datum": line.made_on.isoformat(), "medewerkers": line.employees, "afdeling": line.department}
                    for line in dossier.reminder_lists
                ],
                "open_op_einddatum": dossier.open_reminders,
                "toelichting": REMINDERS_NOT_RECORDED,
            },
            "afdelingen": [_coverage(line, "afdeling") for line in dossier.departments],
            "rollen": [_coverage(line, "rol") for line in dossier.roles],
            "totaal": _coverage(dossier.total, None),
            "verplichte_modules": dossier.required,
            "verplichte_modules_geslaagd": dossier.passed,
            "trend": [
                {
                    "maand": t.month,
                    "tot_en_met": t.last_day.isoformat(),
                    "medewerkers": t.employees,
                    "leerpad_afgerond": t.finished,
                    "percentage": t.percent,
                    "pogingen": t.attempts,
                    "geslaagd": t.passes,
                }
                for t in dossier.trend
            ],
        },
        "evalueren": {
            "slagingspercentages": [
                {
                    "module": r.module_id,
                    "titel": r.title,
                    "deelnemers": r.tried,
                    "geslaagd": r.passed,
                    "pogingen": r.attempts,
                    "percentage": r.percent,
                }
                for r in dossier.pass_rates
            ],
            "itemanalyse": [
                {"module": c.module_id, "eerste_pogingen": c.first_attempts, "genoeg_pogingen": c.enough}
                for c in dossier.items
            ],
            "vragen_met_signaal": [
                {
                    "module": f.module_id,
                    "vraag": f.question_id,
                    "signalen": list(f.flags),
                    "p_waarde": f.facility,
                    "onderscheidend_vermogen": f.discrimination,
                }
                for f in dossier.flagged
            ],
            "modules_over_controledatum": [m.id for m in dossier.overdue_modules],
            "open_acties": list(dossier.open_actions),
            "governance": {
                "eigenaar": governance.owner,
                "budget": governance.budget,
                "evaluatie_datum": _day(governance.evaluation_on),
            },
        },
    }


def as_json(dossier: Dossier) -> str:
    return json.dumps(as_data(dossier), ensure_ascii=False, indent=2) + "\n"
