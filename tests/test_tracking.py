"""Schedule arithmetic: behind/ahead, pace, projections, per-phase progress, re-planning."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import START, profile
from mlpath.catalog import Catalog
from mlpath.export.documents import status_doc
from mlpath.models import Plan
from mlpath.planner import build_plan
from mlpath.replanning import replan
from mlpath.state import Mark
from mlpath.tracking import planned_hours, report, schedule_window

D = dt.date
# The mle beginner plan at 10 h/week from 2027-01-04 begins:
#   python-basics            2027-01-04 -> 2027-01-21  25 h
#   numpy-pandas-matplotlib  2027-01-22 -> 2027-02-04  20 h
#   ml-fundamentals          2027-02-05 -> 2027-03-04  40 h


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    # Milestones only: the dates below are the constant-pace arithmetic (habits: test_habits.py).
    return build_plan(catalog, profile(habits="none"))


def done(**days: dt.date) -> dict[str, Mark]:
    return {mid.replace("_", "-"): Mark(status="done", on=day) for mid, day in days.items()}


def test_fixture_dates_are_what_the_tests_assume(plan: Plan) -> None:
    first = [(i.milestone.id, i.start, i.end, i.milestone.hours) for i in plan.items[:3]]
    assert first == [
        ("python-basics", D(2027, 1, 4), D(2027, 1, 21), 25),
        ("numpy-pandas-matplotlib", D(2027, 1, 22), D(2027, 2, 4), 20),
        ("ml-fundamentals", D(2027, 2, 5), D(2027, 3, 4), 40),
    ]


def test_nothing_done_inside_the_first_milestone_is_on_track(plan: Plan) -> None:
    r = report(plan, {}, D(2027, 1, 12))
    assert (r.position, r.days) == ("on_track", 0)
    assert r.current is not None and r.current.milestone.id == "python-basics"
    assert r.upcoming is not None and r.upcoming.milestone.id == "numpy-pandas-matplotlib"
    assert r.observed_pace is None and r.end_at_observed_pace is None
    # At the planned pace the plan's own end date is still reachable.
    assert r.end_at_planned_pace == plan.end


def test_nothing_done_after_a_milestone_ended_is_behind_by_the_overdue_days(plan: Plan) -> None:
    r = report(plan, {}, D(2027, 2, 2))  # python-basics ended 2027-01-21
    assert (r.position, r.days) == ("behind", 12)
    assert r.end_at_planned_pace == plan.end + dt.timedelta(days=12)


def test_the_last_day_of_a_milestone_is_still_on_track(plan: Plan) -> None:
    assert report(plan, {}, D(2027, 1, 21)).position == "on_track"
    assert report(plan, {}, D(2027, 1, 22)).position == "on_track"  # one day of grace
    assert (report(plan, {}, D(2027, 1, 23)).days, "behind") == (2, "behind")


def test_done_late_stays_behind_by_the_delay_while_keeping_the_pace(plan: Plan) -> None:
    marks = done(python_basics=D(2027, 2, 1))  # due 2027-01-21: 11 days late
    assert (
        report(plan, marks, D(2027, 2, 1)).position,
        report(plan, marks, D(2027, 2, 1)).days,
    ) == (
        "behind",
        11,
    )
    later = report(plan, marks, D(2027, 2, 10))
    assert (later.position, later.days) == ("behind", 11)
    # Once the next milestone should be finished too, the gap grows again.
    much_later = report(plan, marks, D(2027, 3, 1))
    assert much_later.position == "behind" and much_later.days > 11


def test_done_early_is_ahead(plan: Plan) -> None:
    marks = done(python_basics=D(2027, 1, 15))
    r = report(plan, marks, D(2027, 1, 15))
    assert (r.position, r.days) == ("ahead", 6)
    assert report(plan, marks, D(2027, 1, 20)).days == 6  # still 6 at the planned pace
    assert r.end_at_planned_pace == plan.end - dt.timedelta(days=6)


def test_before_the_start_counts_down(plan: Plan) -> None:
    r = report(plan, {}, D(2026, 12, 25))
    assert (r.position, r.days) == ("not_started", 10)
    assert r.end_at_planned_pace == plan.end


def test_everything_done_is_finished_on_the_last_mark(plan: Plan) -> None:
    marks = {item.milestone.id: Mark(status="done", on=D(2027, 6, 1)) for item in plan.items}
    marks[plan.items[0].milestone.id] = Mark(status="skipped", on=D(2027, 6, 2))
    r = report(plan, marks, D(2027, 6, 3))
    assert r.position == "finished" and r.current is None
    assert r.finished_on == D(2027, 6, 2)
    assert r.end_at_planned_pace is None
    assert r.overall.fraction == 1.0


def test_observed_pace_and_projection(plan: Plan) -> None:
    marks = done(python_basics=D(2027, 1, 17))  # 25 h in 14 days: 12.5 h/week
    r = report(plan, marks, D(2027, 1, 17))
    assert r.observed_pace == pytest.approx(12.5)
    remaining = plan.total_hours - 25
    assert r.end_at_observed_pace == D(2027, 1, 17) + dt.timedelta(
        days=math.ceil(remaining * 7 / 12.5)
    )
    assert (r.position, r.days) == ("ahead", 4)
    assert r.end_at_planned_pace == plan.end - dt.timedelta(days=4)
    assert r.end_at_observed_pace < r.end_at_planned_pace


def test_skipped_milestones_leave_the_totals_and_count_as_resolved(plan: Plan) -> None:
    marks = {"python-basics": Mark(status="skipped", on=D(2027, 1, 4))}
    r = report(plan, marks, D(2027, 1, 4))
    assert r.overall.done == 0 and r.overall.skipped == 1
    assert r.overall.fraction == 0.0
    assert r.phases[0].key == "python-foundations"
    assert r.phases[0].hours - r.phases[0].skipped_hours == 20
    assert r.position == "ahead"  # the plan's 18 days for it are free now
    assert r.current is not None and r.current.milestone.id == "numpy-pandas-matplotlib"


def test_phase_tallies_add_up_to_the_overall(plan: Plan) -> None:
    marks = done(python_basics=D(2027, 1, 20), ml_fundamentals=D(2027, 2, 20))
    r = report(plan, marks, D(2027, 2, 20))
    assert sum(t.hours for t in r.phases) == r.overall.hours == plan.total_hours
    assert sum(t.done_hours for t in r.phases) == r.overall.done_hours == 65
    assert [t.key for t in r.phases][:2] == ["python-foundations", "classical-ml"]
    foundations = r.phases[0]
    assert (foundations.done, foundations.milestones) == (1, 2)
    assert foundations.fraction == pytest.approx(25 / 45)


def test_unknown_marks_and_missing_milestones_are_reported_not_fatal(plan: Plan) -> None:
    marks = {**done(python_basics=D(2027, 1, 20)), "gone": Mark(status="done", on=D(2027, 1, 1))}
    known = {item.milestone.id for item in plan.items} - {"ml-fundamentals"}
    r = report(plan, marks, D(2027, 1, 20), known_ids=known)
    assert r.stray == ["gone"] and "gone" not in r.marks
    assert r.missing == ["ml-fundamentals"]
    assert status_doc("mle", r).model_dump(mode="json")["unknown_marks"] == ["gone"]


def test_json_form_uses_iso_dates(plan: Plan) -> None:
    found = report(plan, done(python_basics=D(2027, 2, 1)), D(2027, 2, 1))
    data = status_doc("mle", found).model_dump(mode="json")
    assert data["today"] == "2027-02-01"
    assert data["position"] == {"state": "behind", "days": 11}
    assert data["milestones"][0]["status"] == "done" and data["milestones"][0]["on"] == "2027-02-01"
    assert data["current"]["id"] == "numpy-pandas-matplotlib"
    assert data["current"]["resources"]
    dt.date.fromisoformat(data["projected_end"]["planned_pace"])


def test_planned_hours_curve_and_its_inverse(plan: Plan) -> None:
    items = plan.items[:2]
    assert planned_hours(items, D(2027, 1, 3).toordinal()) == 0
    assert planned_hours(items, D(2027, 1, 21).toordinal()) == pytest.approx(25)
    assert planned_hours(items, D(2027, 2, 4).toordinal()) == pytest.approx(45)
    first, last = schedule_window(items, 25)
    assert first == last == D(2027, 1, 21).toordinal()
    assert schedule_window(items, 0) == (-math.inf, D(2027, 1, 3).toordinal())
    assert schedule_window(items, 45) == (D(2027, 2, 4).toordinal(), math.inf)


# --- re-planning -------------------------------------------------------------


def test_replan_keeps_done_dates_and_redates_the_rest_from_the_day(plan: Plan) -> None:
    marks = done(python_basics=D(2027, 2, 1))
    new, moves = replan(plan, marks, D(2027, 2, 2))
    # Done late: it now ends the day it was done, and starts where it started.
    assert new.items[0].start == plan.items[0].start and new.items[0].end == D(2027, 2, 1)
    rest = new.items[1:]
    assert rest[0].start == D(2027, 2, 2) and rest[0].end == D(2027, 2, 15)
    assert [i.milestone.id for i in rest] == [i.milestone.id for i in plan.items[1:]]
    for before, after in itertools.pairwise(rest):
        assert after.start == before.end + dt.timedelta(days=1)
    assert len(moves) == len(plan.items) - 1
    assert moves[0].id == "numpy-pandas-matplotlib" and moves[0].shift == 11
    # The planner's own rounding: whole days from the cumulative hours.
    assert new.end == D(2027, 2, 2) + dt.timedelta(
        days=math.ceil((plan.total_hours - 25) * 0.7) - 1
    )
    # Right after the re-plan the learner is on track again.
    after = report(new, marks, D(2027, 2, 2), restart=D(2027, 2, 2))
    assert after.position == "on_track"
    assert after.end_at_planned_pace == new.end


def test_replan_with_more_hours_shortens_and_with_nothing_done_moves_the_start(plan: Plan) -> None:
    new, moves = replan(plan, {}, D(2027, 3, 1), hours_per_week=20)
    assert new.profile.start == D(2027, 3, 1) and new.profile.hours_per_week == 20
    assert new.items[0].start == D(2027, 3, 1)
    assert (new.end - new.profile.start).days < (plan.end - plan.profile.start).days
    assert len(moves) == len(plan.items)


def test_replan_on_schedule_moves_nothing(plan: Plan) -> None:
    new, moves = replan(plan, {}, START)
    assert moves == [] and new.items == plan.items


def test_replan_recomputes_the_horizon_warning(catalog: Catalog) -> None:
    horizon_plan = build_plan(catalog, profile(horizon=D(2027, 12, 31), habits="none"))
    assert horizon_plan.shortfall is not None and horizon_plan.shortfall.hours_needed == 28.5
    new, _ = replan(horizon_plan, {}, D(2027, 6, 1))
    assert new.shortfall is not None and new.shortfall.horizon == D(2027, 12, 31)
    late = [i for i in new.items if i.core and not i.within_horizon]
    assert new.shortfall.late_core == len(late) > 0
    assert new.shortfall.hours_needed is not None and new.shortfall.hours_needed > 15
    assert not all(item.within_horizon for item in new.items)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    done_count=st.integers(0, 28),
    skip_every=st.integers(2, 9),
    offset=st.integers(-30, 1500),
    pace=st.sampled_from([None, 1.0, 7.5, 10.0, 40.0]),
)
def test_replan_and_report_invariants(
    plan: Plan, done_count: int, skip_every: int, offset: int, pace: float | None
) -> None:
    day = START + dt.timedelta(days=offset)
    marks: dict[str, Mark] = {}
    for n, item in enumerate(plan.items[:done_count]):
        status = "skipped" if n % skip_every == 0 else "done"
        marks[item.milestone.id] = Mark(status=status, on=day)  # type: ignore[arg-type]
    new, moves = replan(plan, marks, day, pace)
    assert sorted(i.milestone.id for i in new.items) == sorted(i.milestone.id for i in plan.items)
    assert new.total_hours == plan.total_hours
    old = {i.milestone.id: i for i in plan.items}
    open_items = [i for i in new.items if i.milestone.id not in marks]
    for item in new.items:
        if item.milestone.id in marks:
            # Marked work sits where it was marked, otherwise unchanged.
            mark_day = max(marks[item.milestone.id].on, plan.profile.start)
            assert item.end == mark_day and item.start <= item.end
            before = old[item.milestone.id]
            assert item.model_copy(update={"start": before.start, "end": before.end}) == before
    starts = [item.start for item in new.items]
    assert starts == sorted(starts)
    if open_items:
        assert open_items[0].start == day
    for before, after in itertools.pairwise(open_items):
        assert after.start == before.end + dt.timedelta(days=1)
    assert {m.id for m in moves} <= {i.milestone.id for i in open_items}

    r = report(new, marks, day, restart=day)  # as `mlpath status` right after `replan`
    assert 0.0 <= r.overall.fraction <= 1.0
    assert r.days >= 0
    assert r.position in ("on_track", "behind", "ahead", "not_started", "finished")
    if open_items:
        assert r.position != "finished" and r.end_at_planned_pace is not None
        assert r.position != "behind"  # a fresh re-plan is never behind
