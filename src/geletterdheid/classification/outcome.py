"""What a walk through the decision tree gives: the outcome for one system. Plain frozen data, for
the command line and (later) the site page, which shows the route (``path``) step by step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

StepKind = Literal["vraag", "conclusie", "transparantie"]


@dataclass(frozen=True)
class Step:
    """One node visited. ``answer`` is ``ja``/``nee`` for a question or transparency step, None for the
    conclusion. ``found`` names what this system's kenmerk pointed at, as provisions: the points of
    Art. 5(1) it breaks, its Annex III point, its Art. 6(3) exception, the Art. 50 duty it triggers."""

    node: str
    kind: StepKind
    kenmerk: str | None
    answer: Literal["ja", "nee"] | None
    articles: tuple[str, ...]
    found: tuple[str, ...] = ()
    #: The answer as the reader sees it (a question's ``antwoord``), or None.
    answer_text: str | None = None


@dataclass(frozen=True)
class DutyOutcome:
    """One duty that applies: its provision, what to do, and from when (None: not settled, see ``unsettled``)."""

    duty_id: str
    article: str
    description: str
    starts: dt.date | None
    unsettled: str | None = None


@dataclass(frozen=True)
class Outcome:
    """The classification of one system. ``role`` is None for a system that is not an AI system:
    then the AI Act gives the gemeente no role (Art. 3(1), 3(3), 3(4))."""

    risk_class: str
    conclusion: str
    transparency: tuple[str, ...]
    role: str | None
    duties: tuple[DutyOutcome, ...]
    path: tuple[Step, ...]
