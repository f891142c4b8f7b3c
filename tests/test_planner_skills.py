"""Plans built from a skill profile: known milestones left out, partly known ones shortened."""

from __future__ import annotations

from helpers import profile
from mlpath.catalog import Catalog
from mlpath.models import Plan
from mlpath.planner import build_plan
from mlpath.view import plan_view
from mlpath.words import summary_lines as _summary_lines


def summary_lines(plan: Plan, catalog: Catalog) -> list[str]:
    return _summary_lines(plan_view(plan, catalog))


def test_known_milestones_and_their_prerequisites_are_left_out_as_known(
    catalog: Catalog,
) -> None:
    plan = build_plan(catalog, profile("researcher", known=["ml-fundamentals", "sql-basics"]))
    ids = {item.milestone.id for item in plan.items}
    known = {s.id for s in plan.skipped if s.reason == "known"}
    assert {"ml-fundamentals", "python-basics", "numpy-pandas-matplotlib"} <= known
    assert not known & ids
    assert "math-essentials" in ids
    assert any(
        "You said you can do these already: " in line for line in summary_lines(plan, catalog)
    )


def test_partly_known_milestones_stay_with_half_the_hours(catalog: Catalog) -> None:
    full = build_plan(catalog, profile("ds"))
    plan = build_plan(catalog, profile("ds", partly=["ml-fundamentals"]))
    items = {item.milestone.id: item for item in plan.items}
    assert items["ml-fundamentals"].partly and items["ml-fundamentals"].milestone.hours == 20
    assert not items["first-three-projects"].partly
    assert full.total_hours - plan.total_hours == 20 + 25 + 20  # itself, python, numpy
    assert "Partly known, hours halved: ml-fundamentals." in summary_lines(plan, catalog)


def test_phase_ids_work_like_skip(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("ds", known=["python-foundations"]))
    known = [s.id for s in plan.skipped if s.reason == "known"]
    assert known == ["python-basics", "numpy-pandas-matplotlib"]


def test_a_level_names_every_milestone_it_assumes_and_flags_core_ones(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("ds", "advanced"))
    level = [s for s in plan.skipped if s.reason == "level"]
    assert sum(s.core for s in level) == 18
    lines = summary_lines(plan, catalog)
    assumed = next(line for line in lines if line.startswith("Assumed known at level advanced: "))
    assert all(s.id in assumed for s in level)
    assert any(line.startswith("That includes 18 core milestones of this path: ") for line in lines)


def test_markdown_names_what_was_left_out_and_marks_partly_known(catalog: Catalog) -> None:
    from mlpath.export.markdown import render

    plan = build_plan(catalog, profile("ds", known=["sql-basics"], partly=["ml-fundamentals"]))
    text = render(plan_view(plan, catalog))
    assert "\nYou said you can do these already: python-basics, numpy-pandas-matplotlib," in text
    assert "\nPartly known, hours halved: ml-fundamentals.\n" in text
    assert (
        "*Phase: Classical machine learning · 20 h · beginner · `ml-fundamentals` · core ·" in text
    )
    assert "partly known: hours halved*" in text
