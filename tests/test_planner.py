"""The planner: selection by level, prerequisite order, calendar arithmetic, horizon, ranking."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import START, profile
from mlpath.catalog import Catalog, topological_order
from mlpath.cli.parsing import parse_horizon
from mlpath.dates import add_months
from mlpath.errors import DataError, UsageError
from mlpath.models import Level
from mlpath.planner import build_plan, day_offsets


def test_beginner_gets_everything_on_the_roadmap_for_the_focus(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    assert plan.profile.focus == "nlp"  # the role's default
    assert all(not i.milestone.focus or "nlp" in i.milestone.focus for i in plan.items)
    assert {s.reason for s in plan.skipped} == {"focus"}


@pytest.mark.parametrize(
    ("level", "dropped"),
    [("intermediate", {Level.beginner}), ("advanced", {Level.beginner, Level.intermediate})],
)
def test_levels_below_the_learner_are_dropped(
    catalog: Catalog, level: str, dropped: set[Level]
) -> None:
    plan = build_plan(catalog, profile("researcher", level))
    assert plan.items
    assert not {i.milestone.level for i in plan.items} & dropped
    level_skips = {s.id for s in plan.skipped if s.reason == "level"}
    expected = {
        mid
        for mid in catalog.roles["researcher"].roadmap
        if catalog.milestones[mid].level in dropped
    }
    assert level_skips == expected


def test_prerequisites_come_before_dependents(catalog: Catalog) -> None:
    for role in catalog.roles:
        for level in Level:
            plan = build_plan(catalog, profile(role, level.value))
            position = {item.milestone.id: n for n, item in enumerate(plan.items)}
            for item in plan.items:
                for pre in item.milestone.prerequisites:
                    if pre in position:
                        assert position[pre] < position[item.milestone.id]


def test_skip_by_milestone_and_by_phase(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle", skip=["python-basics", "kaggle"]))
    ids = [i.milestone.id for i in plan.items]
    assert "python-basics" not in ids
    assert not [i for i in plan.items if i.milestone.phase == "kaggle"]
    asked = {s.id for s in plan.skipped if s.reason == "asked"}
    assert "python-basics" in asked and "kaggle-medal" in asked
    # A skipped prerequisite counts as done: its dependents stay in the plan.
    assert "numpy-pandas-matplotlib" in ids


def test_topological_order_keeps_roadmap_order_where_free() -> None:
    order = topological_order(["c", "a", "b"], {"c": ["b"], "a": [], "b": []})
    assert order == ["a", "b", "c"]
    assert topological_order(["x", "y"], {"x": ["gone"]}) == ["x", "y"]
    with pytest.raises(DataError, match="cycle"):
        topological_order(["a", "b"], {"a": ["b"], "b": ["a"]})


def test_dates_are_back_to_back_from_the_start(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("ds", hours_per_week=7.5))
    assert plan.items[0].start == START
    for before, after in zip(plan.items, plan.items[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
        assert after.start <= after.end
    assert plan.end == plan.items[-1].end
    assert plan.total_hours == sum(i.milestone.hours for i in plan.items)


def test_duration_follows_hours_and_weekly_hours() -> None:
    # 40 h at 10 h/week is exactly four weeks; rounding never drifts over many items.
    assert day_offsets([40], 10) == [28]
    assert day_offsets([10] * 52, 10)[-1] == 364
    assert day_offsets([1, 1, 1], 100) == [1, 2, 3]  # every milestone gets a day
    assert day_offsets([15, 15], 10) == [11, 21]


def test_dates_cross_a_year_boundary_and_a_leap_day(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle", start=dt.date(2027, 12, 20)))
    first = plan.items[0]
    assert first.start == dt.date(2027, 12, 20)
    # python-basics: 25 h at 10 h/week = 17.5 days -> 18 days, ending 2028-01-06.
    assert first.end == dt.date(2028, 1, 6)
    leap = build_plan(catalog, profile("mle", start=dt.date(2028, 2, 20)))
    assert leap.items[0].end == dt.date(2028, 3, 8)  # counts 29 February
    noleap = build_plan(catalog, profile("mle", start=dt.date(2027, 2, 20)))
    assert noleap.items[0].end == dt.date(2027, 3, 9)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2027, 11, 15), 3) == dt.date(2028, 2, 15)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("3m", dt.date(2027, 4, 3)),
        ("6M", dt.date(2027, 7, 3)),
        ("1y", dt.date(2028, 1, 3)),
        ("3y", dt.date(2030, 1, 3)),
        ("12w", dt.date(2027, 3, 28)),
        ("2027-06-30", dt.date(2027, 6, 30)),
    ],
)
def test_parse_horizon(text: str, end: dt.date) -> None:
    assert parse_horizon(text, START) == end


@pytest.mark.parametrize("text", ["5 parsecs", "", "0m", "2026-12-31", "2027-02-30"])
def test_parse_horizon_rejects_nonsense(text: str) -> None:
    with pytest.raises(UsageError):
        parse_horizon(text, START)


def test_horizon_cut_and_warning(catalog: Catalog) -> None:
    horizon = parse_horizon("1y", START)
    plan = build_plan(catalog, profile("mle", horizon=horizon))
    inside = [i for i in plan.items if i.within_horizon]
    beyond = plan.beyond_horizon
    assert inside and beyond
    assert all(i.end <= horizon for i in inside)
    assert all(i.end > horizon for i in beyond)
    fact = plan.shortfall
    assert fact is not None and fact.horizon == horizon
    assert fact.late_core == sum(1 for i in beyond if i.core)
    assert fact.hours_needed is not None and fact.hours_needed > 10
    # The suggested pace really does bring every core milestone inside the horizon.
    faster = build_plan(
        catalog,
        profile("mle", horizon=horizon, hours_per_week=fact.hours_needed),
    )
    assert all(i.within_horizon for i in faster.items if i.core)
    slower = build_plan(
        catalog,
        profile("mle", horizon=horizon, hours_per_week=fact.hours_needed - 0.5),
    )
    assert not all(i.within_horizon for i in slower.items if i.core)


def test_generous_horizon_has_no_warning(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("ds", horizon=parse_horizon("3y", START)))
    assert plan.shortfall is None


def test_plan_is_deterministic(catalog: Catalog) -> None:
    p = profile("researcher", "intermediate", lang="ja", free_only=True, focus="cv")
    assert build_plan(catalog, p) == build_plan(catalog, p)


def test_curated_resources_come_first(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    for item in plan.items:
        curated = item.milestone.resources
        ids = [r.id for r in item.resources]
        assert 1 <= len(ids) <= 3
        assert ids[: min(3, len(curated))] == curated[:3]


def test_free_filter_drops_paid_resources(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle", free_only=True))
    assert all(r.cost != "paid" for i in plan.items for r in i.resources)
    paid_curated = [
        i
        for i in plan.items
        if any(catalog.resources[r].cost == "paid" for r in i.milestone.resources)
    ]
    assert paid_curated  # the filter had something to remove
    assert all(len(i.resources) == 3 for i in plan.items)


def test_language_preference_reorders_and_fills(catalog: Catalog) -> None:
    en = build_plan(catalog, profile("researcher"))
    ja = build_plan(catalog, profile("researcher", lang="ja"))
    count = lambda plan: sum(r.language == "ja" for i in plan.items for r in i.resources)  # noqa: E731
    assert count(ja) > count(en)


def test_ranking_prefers_level_and_focus(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle", focus="cv"))
    cv_item = next(i for i in plan.items if i.milestone.focus == ["cv"])
    assert all(not r.focus or "cv" in r.focus for r in cv_item.resources)


def test_advanced_learner_can_have_an_empty_ds_tail(catalog: Catalog) -> None:
    # Skipping every phase leaves nothing: the plan says so instead of failing.
    plan = build_plan(catalog, profile("ds", skip=list(catalog.phases)))
    assert plan.items == [] and plan.shortfall is None
