"""The learning-path logic (pure) on the fixture tree: order, union, totals, unknown roles."""

from __future__ import annotations

import pytest

from geletterdheid.curriculum import (
    UnknownRole,
    duration_text,
    learning_path,
    prerequisite_closure,
    required_module_ids,
)
from handboek_root_expected import MINUTES, PATHS


@pytest.mark.parametrize("role", sorted(PATHS))
def test_path_per_role_puts_prerequisites_first(fixture_catalog, role):
    assert required_module_ids(fixture_catalog, [role]) == PATHS[role]


def test_prerequisite_order_beats_numbering(fixture_catalog):
    # m02 has the lower number, but requires m04; m05 requires m02 and m03.
    path = required_module_ids(fixture_catalog, ["beleidsadviseur"])
    assert path.index("m04") < path.index("m02") < path.index("m05")
    assert path.index("m03") < path.index("m05")
    for position, module_id in enumerate(path):
        for required in fixture_catalog.modules[module_id].requires:
            assert path.index(required) < position


def test_path_of_several_roles_is_their_union_without_duplicates(fixture_catalog):
    union = learning_path(fixture_catalog, ["inkoper", "jurist-privacy"])
    assert union.module_ids == ["m01", "m03", "m04", "m06"]
    assert learning_path(fixture_catalog, ["beleidsadviseur", "inkoper"]).module_ids == PATHS["beleidsadviseur"]
    assert learning_path(fixture_catalog, ["inkoper", "inkoper"]).roles == ("inkoper",)


def test_all_staff_modules_are_in_every_path(fixture_catalog):
    for role in PATHS:
        assert required_module_ids(fixture_catalog, [role])[0] == "m01"
    assert required_module_ids(fixture_catalog, []) == ["m01"]


def test_total_study_time(fixture_catalog):
    path = learning_path(fixture_catalog, ["beleidsadviseur"])
    assert path.minutes == sum(MINUTES[m] for m in PATHS["beleidsadviseur"]) == 135
    assert duration_text(path.minutes) == "2 uur en 15 minuten"


@pytest.mark.parametrize(
    "minutes, text",
    [(1, "1 minuut"), (45, "45 minuten"), (60, "1 uur"), (61, "1 uur en 1 minuut"), (150, "2 uur en 30 minuten")],
)
def test_duration_in_plain_dutch(minutes, text):
    assert duration_text(minutes) == text


def test_unknown_role_names_the_valid_ones(fixture_catalog):
    with pytest.raises(UnknownRole) as raised:
        learning_path(fixture_catalog, ["inkoper", "wethouder"])
    assert raised.value.unknown == ["wethouder"]
    assert raised.value.valid == ["alle-medewerkers", "beleidsadviseur", "inkoper", "jurist-privacy"]
    assert str(raised.value) == (
        "onbekende rol 'wethouder'. Geldige rollen zijn: alle-medewerkers, beleidsadviseur, inkoper, jurist-privacy."
    )


def test_prerequisite_closure_follows_requires_transitively(fixture_catalog):
    assert prerequisite_closure(fixture_catalog, "m05") == {"m02", "m03", "m04", "m01"}
    assert prerequisite_closure(fixture_catalog, "m02") == {"m04"}
    assert prerequisite_closure(fixture_catalog, "m01") == set()
