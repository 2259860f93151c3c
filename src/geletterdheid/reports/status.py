"""The status of one employee's module, in the Dutch words HR reads. Pure: no store, no clock.

The cycle Art. 4 evidence needs: pass before the deadline, and pass again when the pass is older
than its validity or the module changed so much that an older pass no longer counts.

* ``niet gestart``: no attempt;
* ``niet geslaagd``: tried, never passed;
* ``te laat``: not (yet) passed and the deadline is over (before: niet gestart / niet geslaagd);
* ``geslaagd``: passed, still valid and on a version that counts;
* ``verlopen``: the last pass is older than the validity (``geldig_maanden``);
* ``opnieuw nodig``: passed on a version older than the module's ``opnieuw_vanaf_versie``;
* ``bezig``: a pass that no longer counts (verlopen or opnieuw nodig), and tried again since,
  without passing yet: the employee is re-training.

Attendance at a workshop (``attendance import``) is evidence of a measure under Art. 4 too, and
every report shows it beside the status (:func:`attended`): it does not change the status, which
says whether the quiz was passed, the gemeente's test of "sufficient" AI literacy.

A re-training is never "te laat": the deadline is for the first round, and "verlopen" or
"opnieuw nodig" says more. A pass of unknown version (stored before versions were recorded)
counts as version 1.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from ..content.model import dutch_date

NOT_STARTED = "niet gestart"
IN_PROGRESS = "bezig"
PASSED = "geslaagd"
FAILED = "niet geslaagd"
EXPIRED = "verlopen"
RETRAIN = "opnieuw nodig"
LATE = "te laat"
STATUSES = (NOT_STARTED, IN_PROGRESS, PASSED, FAILED, EXPIRED, RETRAIN, LATE)
#: The statuses after which nothing is open: what "finished the learning path" means.
DONE = frozenset({PASSED})


class Rule(NamedTuple):
    """What holds for one employee and module."""

    deadline: dt.date | None = None
    valid_months: int | None = None
    retrain_from_version: int | None = None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` ``months`` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:  # a pass in year 9999 (stored before imports refused such times) never expires
        return dt.date.max
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(passed_on: dt.date | None, valid_months: int | None) -> dt.date | None:
    """The last day a pass on ``passed_on`` counts (inclusive); None when it does not expire."""
    if passed_on is None or valid_months is None:
        return None
    return add_months(passed_on, valid_months)


def module_status(
    rule: Rule,
    today: dt.date,
    attempts: int,
    last_passed_on: dt.date | None,
    passed_version: int | None,
    tried_since_pass: bool,
) -> str:
    """The status of one module (see the module docstring).

    ``last_passed_on``: the local date of the latest pass; ``passed_version``: the highest module
    version passed on (None: unknown); ``tried_since_pass``: an attempt after the latest pass.
    """
    if last_passed_on is None:
        if rule.deadline is not None and today > rule.deadline:
            return LATE
        return NOT_STARTED if attempts == 0 else FAILED
    outdated = rule.retrain_from_version is not None and (passed_version or 1) < rule.retrain_from_version
    until = valid_until(last_passed_on, rule.valid_months)
    expired = until is not None and today > until
    if not (outdated or expired):
        return PASSED
    if tried_since_pass:
        return IN_PROGRESS
    return RETRAIN if outdated else EXPIRED


def attended(workshop_on: dt.date | None) -> str:
    """What a report says beside the status of a module its employee attended in a workshop ('' if not)."""
    return f"workshop gevolgd op {dutch_date(workshop_on)}" if workshop_on is not None else ""
