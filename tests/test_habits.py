"""Habits: their hours come out of the week while they run, they start after their
milestones, checkpoints count them, and they are followed like milestones."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import profile
from mlpath.catalog import Catalog
from mlpath.checkpoints import checkpoints
from mlpath.habits import count_by, period_start, schedule, weekly_load
from mlpath.models import Cadence, Habit, Plan
from mlpath.planner import build_plan, day_offsets
from mlpath.replanning import replan
from mlpath.state import Mark

D = dt.date
START = D(2027, 1, 4)
SEED = {"start": D(2024, 10, 1), "skip": ["python-basics"], "focus": "cv"}


def habit(hid: str = "h", hours: float = 2, unit: str = "week", **kw: object) -> Habit:
    return Habit.model_validate(
        {"id": hid, "title": hid, "outcome": "o", "cadence": unit, "hours": hours, **kw}
    )


# --- the weekly hours ----------------------------------------------------------------


def test_a_running_habit_takes_its_hours_out_of_the_week_exactly() -> None:
    # 10 h at 10 h/week is one week; then a 2 h/week habit runs, so the 8 h and
    # 16 h milestones go at 8 h/week: one week and two weeks, to the day.
    ids, hours = ["a", "b", "c"], [10, 8, 16]
    timing = schedule(START, ids, hours, 10, [habit(after=["a"])])
    assert timing.offsets == [7, 14, 28]
    assert [o - 7 for o in timing.offsets[1:]] == day_offsets([8, 16], 8)
    assert schedule(START, ids, hours, 10, []).offsets == day_offsets(hours, 10) == [7, 13, 24]
    (running,) = timing.running
    assert running.start == 7 and running.stop is None


def test_a_habit_that_ends_gives_its_hours_back() -> None:
    # Runs for one month (31 days from 2027-01-04): 31 days at 8 h/week, then 10 h/week.
    timing = schedule(START, ["a"], [60], 10, [habit(months=1)])
    done_in_a_month = 31 * 8 / 7
    expected = 31 + math.ceil((60 - done_in_a_month) * 7 / 10)
    assert timing.offsets == [expected]
    assert timing.running[0].stop == 31
    # ... and one that ends with a milestone stops the day after it.
    timing = schedule(START, ["a", "b"], [8, 10], 10, [habit(until="a")])
    assert timing.offsets == [7, 14] and timing.running[0].stop == 7


def test_monthly_and_quarterly_loads() -> None:
    assert weekly_load(habit(hours=3, unit="week")) == 3
    assert weekly_load(habit(hours=2, unit="2 weeks")) == 1
    month = habit(hours=3, unit="month")
    assert month.cadence == Cadence(every=1, unit="month")
    assert weekly_load(month) == pytest.approx(3 * 12 / 52.1786, rel=1e-4)
    quarter = habit(hours=6, unit="3 months")
    assert weekly_load(quarter) == pytest.approx(weekly_load(month) * 2 / 3)


def test_habits_take_at_most_half_of_the_week() -> None:
    first, second = habit("one", hours=3), habit("two", hours=3, after=["a"])
    timing = schedule(START, ["a", "b"], [10, 10], 10, [first, second])
    assert [r.habit.id for r in timing.running] == ["one"]
    assert timing.no_room == ["two"]


@settings(max_examples=60, deadline=None)
@given(
    hours=st.lists(st.integers(1, 200), min_size=1, max_size=12),
    weekly=st.sampled_from([1.0, 2.5, 5.0, 10.0, 17.5, 40.0]),
    loads=st.lists(st.tuples(st.integers(0, 11), st.floats(0.25, 6)), max_size=4),
)
def test_habits_only_ever_slow_milestones_down(
    hours: list[int], weekly: float, loads: list[tuple[int, float]]
) -> None:
    ids = [f"m{i}" for i in range(len(hours))]
    habits = [
        habit(f"h{n}", hours=h, after=[ids[min(at, len(ids) - 1)]])
        for n, (at, h) in enumerate(loads)
    ]
    timing = schedule(START, ids, hours, weekly, habits)
    plain = day_offsets(hours, weekly)
    assert all(a >= b for a, b in zip(timing.offsets, plain, strict=True))
    assert all(b > a for a, b in zip([0, *timing.offsets], timing.offsets, strict=False))
    assert sum(weekly_load(r.habit) for r in timing.running) <= weekly / 2 + 1e-9
    # Never slower than the whole plan at half the pace.
    assert timing.offsets[-1] <= day_offsets(hours, weekly / 2)[-1]


# --- counting --------------------------------------------------------------------------


def test_counts_are_whole_periods() -> None:
    week, month = Cadence(unit="week"), Cadence(unit="month")
    last = D(2030, 1, 1)
    assert count_by(START, last, week, None, START) == 0
    assert count_by(START, last, week, None, D(2027, 1, 10)) == 1
    assert count_by(START, last, week, None, D(2027, 1, 16)) == 1
    assert count_by(START, last, week, None, D(2027, 1, 17)) == 2
    jan31 = D(2027, 1, 31)
    assert period_start(jan31, month, 1) == D(2027, 2, 28)
    assert period_start(jan31, month, 2) == D(2027, 3, 31)
    assert count_by(jan31, last, month, None, D(2027, 2, 27)) == 1
    assert count_by(jan31, last, month, None, D(2027, 2, 26)) == 0
    assert count_by(jan31, last, month, None, D(2027, 12, 30)) == 11
    assert count_by(jan31, last, month, 5, D(2027, 12, 30)) == 5  # a target caps it
    assert count_by(jan31, D(2027, 4, 15), month, None, D(2028, 1, 1)) == 2  # ended


# --- the shipped habits in a plan ---------------------------------------------------------


@pytest.fixture(scope="module")
def seed_plan(catalog: Catalog) -> Plan:
    return build_plan(catalog, profile("mle", **SEED))  # type: ignore[arg-type]


def test_a_habit_starts_the_day_after_its_milestones_end(seed_plan: Plan) -> None:
    ends = {item.milestone.id: item.end for item in seed_plan.items}
    assert [h.habit.id for h in seed_plan.habits] == [
        "paper-a-week",
        "blog-post",
        "project-a-month",
        "study-group-talk",
        "oss-contribution",
    ]
    for planned in seed_plan.habits:
        after = [ends[mid] for mid in planned.habit.after if mid in ends]
        assert after, planned.habit.id
        assert planned.start == max(after) + dt.timedelta(days=1)
    blog = next(h for h in seed_plan.habits if h.habit.id == "blog-post")
    assert blog.start == ends["first-three-projects"] + dt.timedelta(days=1)


def test_milestones_go_at_what_the_habits_leave(seed_plan: Plan) -> None:
    """Between two habit events the plan's milestones go at 10 h/week minus the habits."""
    items = seed_plan.items
    blog = next(h for h in seed_plan.habits if h.habit.id == "blog-post")
    paper = next(h for h in seed_plan.habits if h.habit.id == "paper-a-week")
    project = next(h for h in seed_plan.habits if h.habit.id == "project-a-month")
    between = [i for i in items if blog.start <= i.start and i.end < paper.start]
    assert between  # math-essentials .. pytorch-cnns
    pace = 10 - weekly_load(blog.habit)
    hours = sum(i.milestone.hours for i in between)
    days = (between[-1].end - between[0].start).days + 1
    # Whole days, and the part-day left over before ``between`` carries in.
    assert abs(days - hours * 7 / pace) <= 1
    assert project.start > paper.start


def test_checkpoints_list_the_right_counts(seed_plan: Plan) -> None:
    found = checkpoints(seed_plan)
    assert [(c.months, c.on) for c in found] == [
        (3, D(2024, 12, 31)),
        (6, D(2025, 3, 31)),
        (12, D(2025, 9, 30)),
        (24, D(2026, 9, 30)),
        (36, D(2027, 9, 30)),
    ]
    by_id = {h.habit.id: h for h in seed_plan.habits}
    for cp in found:
        assert cp.milestones_done == sum(1 for i in seed_plan.items if i.end <= cp.on)
        for count in cp.habits:
            h = by_id[count.id]
            expected = 0
            day = h.start
            while True:  # count period ends one by one, the slow way
                nxt = period_start(h.start, h.habit.cadence, expected + 1)
                if nxt - dt.timedelta(days=1) > min(cp.on, h.end):
                    break
                expected += 1
                day = nxt
            if h.habit.target is not None:
                expected = min(expected, h.habit.target)
            assert count.count == expected, (cp.months, count.id)
            assert day >= h.start
    three = found[0]
    assert three.finished == ["numpy-pandas-matplotlib", "ml-fundamentals", "first-three-projects"]
    assert [c.id for c in three.habits] == ["blog-post"]  # the only one started by then
    year = {c.id: c.count for c in found[2].habits}
    assert year["blog-post"] == 9 and year["paper-a-week"] >= 25
    assert {c.id: c.count for c in found[4].habits}["study-group-talk"] == 5  # its target


def test_no_habits_and_no_habit(catalog: Catalog) -> None:
    none = build_plan(catalog, profile("mle", habits="none", **SEED))  # type: ignore[arg-type]
    assert none.habits == [] and {h.reason for h in none.habits_left_out} == {"asked"}
    some = build_plan(
        catalog,
        profile("mle", without_habits=["paper-a-week"], **SEED),  # type: ignore[arg-type]
    )
    assert "paper-a-week" not in {h.habit.id for h in some.habits}
    assert [h.id for h in some.habits_left_out] == ["paper-a-week"]
    assert none.end < some.end


def test_replan_keeps_habits(seed_plan: Plan) -> None:
    first = seed_plan.items[0]
    marks = {first.milestone.id: Mark(status="done", on=first.end + dt.timedelta(days=20))}
    new, moves = replan(seed_plan, marks, first.end + dt.timedelta(days=21))
    assert moves
    assert [h.habit.id for h in new.habits] == [h.habit.id for h in seed_plan.habits]
    ends = {item.milestone.id: item.end for item in new.items}
    for planned in new.habits:
        after = [ends[m] for m in planned.habit.after if m in ends]
        assert planned.start == max(after) + dt.timedelta(days=1)
        assert planned.start > next(
            h.start for h in seed_plan.habits if h.habit.id == planned.habit.id
        )
