"""The status of one module (reports.status): every status and every boundary, as HR reads them."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

import pytest

from geletterdheid.project.model import TrainingSettings, TrainingTerms
from geletterdheid.reports.status import (
    EXPIRED,
    FAILED,
    IN_PROGRESS,
    LATE,
    NOT_STARTED,
    PASSED,
    RETRAIN,
    Rule,
    add_months,
    module_status,
    valid_until,
)

DEADLINE = dt.date(2027, 3, 31)
PASSED_ON = dt.date(2025, 1, 15)


def status(rule: Rule, today: dt.date, attempts=1, passed_on=PASSED_ON, version=1, tried_since=False) -> str:
    return module_status(rule, today, attempts, passed_on, version, tried_since)


def test_not_started_before_the_deadline_and_te_laat_after_it():
    rule = Rule(deadline=DEADLINE)
    assert status(rule, DEADLINE, attempts=0, passed_on=None) == NOT_STARTED  # the deadline day itself is in time
    assert status(rule, DEADLINE + dt.timedelta(days=1), attempts=0, passed_on=None) == LATE


def test_failed_before_the_deadline_and_te_laat_after_it():
    rule = Rule(deadline=DEADLINE)
    assert status(rule, DEADLINE, attempts=3, passed_on=None) == FAILED
    assert status(rule, DEADLINE + dt.timedelta(days=1), attempts=3, passed_on=None) == LATE


def test_without_a_deadline_nobody_is_late():
    assert status(Rule(), dt.date(2099, 1, 1), attempts=0, passed_on=None) == NOT_STARTED


def test_a_pass_is_valid_through_its_last_day_and_verlopen_the_day_after():
    rule = Rule(valid_months=24)
    assert valid_until(PASSED_ON, 24) == dt.date(2027, 1, 15)
    assert status(rule, dt.date(2027, 1, 15)) == PASSED
    assert status(rule, dt.date(2027, 1, 16)) == EXPIRED


def test_without_a_validity_a_pass_stays_valid():
    assert valid_until(PASSED_ON, None) is None
    assert status(Rule(), dt.date(2099, 1, 1)) == PASSED


def test_a_pass_on_an_older_version_needs_retraining_and_one_on_the_new_version_counts():
    rule = Rule(retrain_from_version=2)
    assert status(rule, PASSED_ON, version=1) == RETRAIN
    assert status(rule, PASSED_ON, version=None) == RETRAIN  # unknown version: counted as version 1
    assert status(rule, PASSED_ON, version=2) == PASSED
    assert status(rule, PASSED_ON, version=3) == PASSED


def test_retraining_that_has_started_is_bezig():
    assert status(Rule(retrain_from_version=2), PASSED_ON, version=1, tried_since=True) == IN_PROGRESS
    assert status(Rule(valid_months=1), dt.date(2026, 1, 1), tried_since=True) == IN_PROGRESS
    # trying again while the pass still counts changes nothing
    assert status(Rule(valid_months=24), dt.date(2025, 6, 1), tried_since=True) == PASSED


def test_an_expired_or_outdated_pass_is_never_te_laat():
    rule = Rule(deadline=DEADLINE, valid_months=1, retrain_from_version=2)
    after = DEADLINE + dt.timedelta(days=1)
    assert status(rule, after, version=1) == RETRAIN  # the more specific reason wins
    assert status(Rule(deadline=DEADLINE, valid_months=1), after) == EXPIRED


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
        (dt.date(2025, 12, 15), 12, dt.date(2026, 12, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected


def test_a_role_of_its_own_goes_before_the_general_terms_and_the_strictest_role_wins():
    training = TrainingSettings(
        TrainingTerms(DEADLINE, 24),
        MappingProxyType(
            {"inkoper": TrainingTerms(dt.date(2027, 6, 30)), "jurist": TrainingTerms(dt.date(2026, 12, 31), 12)}
        ),
    )
    assert training.terms_for(("alle-medewerkers",)) == TrainingTerms(DEADLINE, 24)
    # more time for inkopers, the general validity
    assert training.terms_for(("alle-medewerkers", "inkoper")) == TrainingTerms(dt.date(2027, 6, 30), 24)
    assert training.terms_for(("alle-medewerkers", "inkoper", "jurist")) == TrainingTerms(dt.date(2026, 12, 31), 12)


def test_a_pass_at_the_end_of_the_calendar_never_expires_rather_than_failing():
    from geletterdheid.reports.status import add_months

    assert add_months(dt.date(9999, 12, 31), 24) == dt.date.max
