"""Which duties of the table (``docs/plichten.yaml``) apply to a walked outcome. Pure."""

from __future__ import annotations

from ..content.duties import Duty, DutyTable
from ..content.inventory import Features, annex_iii_area
from ..content.model import LegalFacts
from .outcome import DutyOutcome


def applies(duty: Duty, conclusion: str, role: str | None, transparency: tuple[str, ...], features: Features) -> bool:
    """Every condition ``als`` gives must hold."""
    when = duty.when
    area = annex_iii_area(features.annex_iii) if features.annex_iii is not None else None
    return (
        conclusion in when.conclusions
        and (when.roles is None or role in when.roles)
        and (when.transparency is None or when.transparency in transparency)
        and (when.prohibited is None or any(practice in when.prohibited for practice in features.prohibited))
        and (when.annex_iii_areas is None or area in when.annex_iii_areas)
        and (when.except_annex_iii_areas is None or area not in when.except_annex_iii_areas)
    )


def duties_for(
    table: DutyTable,
    legal: LegalFacts,
    conclusion: str,
    role: str | None,
    transparency: tuple[str, ...],
    features: Features,
) -> tuple[DutyOutcome, ...]:
    """The duties that apply, in the order of the table, each with its start date from wetgeving.yaml."""
    return tuple(
        DutyOutcome(
            duty.id,
            duty.article,
            duty.description,
            legal.dates[duty.starts].date if duty.starts is not None else None,
            duty.start_unsettled,
        )
        for duty in table.duties
        if applies(duty, conclusion, role, transparency, features)
    )
