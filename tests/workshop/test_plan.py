"""The session plan: blocks that add up to the session length, and homework instead of overrunning."""

from __future__ import annotations

import datetime as dt

import pytest

from geletterdheid.curriculum import required_modules
from geletterdheid.workshop.plan import BREAK_FROM_MINUTES, PlanError, plan_workshop


@pytest.mark.parametrize("minutes", [45, 60, 90, 120, 180, 240, 480])
def test_every_role_path_gives_a_schedule_that_adds_up(catalog, minutes):
    for role_id in catalog.roles:
        modules = required_modules(catalog, [role_id])
        plan = plan_workshop(catalog, modules, minutes)
        assert plan.blocks[0].start == 0 and plan.blocks[-1].end == minutes, role_id
        assert all(a.end == b.start for a, b in zip(plan.blocks, plan.blocks[1:], strict=False)), role_id
        assert all(block.minutes > 0 for block in plan.blocks), role_id
        assert sum(block.minutes for block in plan.blocks) == minutes
        assert any(b.kind == "pauze" for b in plan.blocks) == (minutes >= BREAK_FROM_MINUTES)
        # Every module is either taught or homework, and the taught ones keep the path's order.
        taught = [m.id for m in plan.taught]
        assert taught == [m.id for m in modules][: len(taught)]
        whole = {h.module_id for h in plan.homework if h.part == "module"}
        assert set(taught) | whole == {m.id for m in modules} and not set(taught) & whole
        # A quiz is taken in the session or given as homework, never silently dropped.
        in_session = {b.module_id for b in plan.blocks if b.kind == "toets"}
        quiz_homework = {h.module_id for h in plan.homework if h.part == "toets"}
        with_quiz = {m.id for m in plan.taught if catalog.quizzes.get(m.id)}
        assert in_session | quiz_homework == with_quiz and not in_session & quiz_homework


def test_a_long_session_teaches_everything_with_its_quizzes(catalog):
    modules = required_modules(catalog, ["alle-medewerkers"])
    plan = plan_workshop(catalog, modules, 480)
    assert plan.homework == ()
    assert [b.module_id for b in plan.blocks if b.kind == "toets"] == [m.id for m in modules]
    first = plan.blocks[1]
    assert first.kind == "kernpunten" and first.minutes == modules[0].trainer.explain_minutes


def test_two_hours_for_all_staff_says_what_becomes_homework(catalog):
    modules = required_modules(catalog, ["alle-medewerkers"])
    plan = plan_workshop(catalog, modules, 120, dt.date(2026, 12, 14), dt.time(13, 30))
    assert plan.homework, "four modules with their quizzes do not fit in two hours"
    assert plan.clock(plan.blocks[-1].end) == "15:30"
    assert plan.at(0) == dt.datetime(2026, 12, 14, 13, 30)
    kinds = [b.kind for b in plan.blocks]
    assert kinds[0] == "welkom" and kinds[-1] == "afsluiting" and kinds.count("pauze") == 1


def test_a_session_too_short_for_one_module_is_refused_with_the_minimum(catalog):
    modules = required_modules(catalog, ["alle-medewerkers"])
    with pytest.raises(PlanError, match=r"te kort.*Neem minstens \d+ minuten"):
        plan_workshop(catalog, modules, 30)


def test_a_module_without_trainer_notes_is_planned_from_its_length(catalog):
    module = catalog.modules["m01"].model_copy(update={"trainer": None})
    plan = plan_workshop(catalog, [module], 90)
    assert plan.without_notes == ("m01",)
    assert sum(b.minutes for b in plan.blocks) == 90
    assert {b.kind for b in plan.blocks if b.module_id == "m01"} >= {"kernpunten", "casus"}
