"""The terminal timeline: fits the width, shows every milestone, marks today."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from helpers import START, profile
from mlpath.catalog import Catalog, load_catalog
from mlpath.cli import app
from mlpath.models import Plan
from mlpath.planner import build_plan
from mlpath.render.console import THEME
from mlpath.render.timeline import BAR, INSIDE, LATER, TODAY, Scale, axis, timeline
from mlpath.view import plan_view

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    return build_plan(catalog, profile("mle", horizon=dt.date(2028, 6, 1)))


ROW = re.compile(r"^[ \d]\d[★ ]")  # " 7★Title..." or "12 Title..."


def _draw(plan: Plan, width: int, today: dt.date | None) -> list[str]:
    console = Console(width=width, record=True, theme=THEME, color_system=None, file=io.StringIO())
    console.print(timeline(plan_view(plan, _catalog()), width, today))
    return console.export_text().splitlines()


def _rows(lines: list[str], plan: Plan) -> list[str]:
    return [line for line in lines if ROW.match(line)]


@pytest.mark.parametrize("width", [80, 40])
def test_fits_the_width_and_shows_every_milestone(plan: Plan, width: int) -> None:
    lines = _draw(plan, width, dt.date(2027, 9, 15))
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    rows = _rows(lines, plan)
    assert [int(row[:2]) for row in rows] == list(range(1, len(plan.items) + 1))
    for row, item in zip(rows, plan.items, strict=True):
        assert (BAR in row) == item.within_horizon
        assert (LATER in row) != item.within_horizon
    assert any("▼" in line for line in lines)
    assert "2027" in lines[0] and "2028" in lines[0]  # the year row of the axis
    assert any("today 2027-09-15" in line for line in lines)


def test_titles_at_80_columns_are_readable(plan: Plan) -> None:
    rows = _rows(_draw(plan, 80, None), plan)
    assert "Python basics, notebooks a" in rows[0]
    assert "Big data with SQL and Spark" in rows[17]  # short titles are not cut


def test_bars_follow_the_calendar(plan: Plan) -> None:
    rows = _rows(_draw(plan, 80, None), plan)
    starts = [min(row.find(BAR) % 999, row.find(LATER) % 999) for row in rows]
    assert starts == sorted(starts)  # milestones follow each other
    ends = [max(row.rfind(BAR), row.rfind(LATER)) for row in rows]
    assert ends[-1] == 79  # the last one reaches the right edge
    assert starts[0] == rows[0].index(BAR) and rows[0][starts[0] - 1] == " "


def test_today_line_crosses_every_row(plan: Plan) -> None:
    lines = _draw(plan, 80, dt.date(2027, 9, 15))
    marker = next(line for line in lines if "▼" in line)
    column = marker.index("▼")
    for row in _rows(lines, plan):
        assert row[column] in (TODAY, INSIDE)


def test_today_outside_the_plan_is_said_not_drawn(plan: Plan) -> None:
    lines = _draw(plan, 80, dt.date(2026, 1, 1))
    assert not any("▼" in line for line in lines)
    assert "today 2026-01-01 is before the start" in lines[-1]
    lines = _draw(plan, 80, dt.date(2031, 1, 1))
    assert "is after the end" in lines[-1]


def test_month_axis_labels_do_not_collide() -> None:
    first, last = dt.date(2027, 1, 4), dt.date(2027, 12, 20)
    years, months = axis(Scale(first, last, 48), last)
    assert len(years) == len(months) == 48
    labels = months.split()
    assert labels and set(labels) <= {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"} | {
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    }
    assert years.strip() == "2027"


@functools.cache
def _catalog() -> Catalog:
    # Hypothesis cannot take the function-scoped fixture; load once here instead.
    return load_catalog()


@settings(max_examples=25, deadline=None)
@given(
    width=st.integers(20, 160),
    role=st.sampled_from(["ds", "mle", "researcher"]),
    hours=st.integers(1, 100),
    today_offset=st.integers(-100, 2000),
)
def test_any_width_any_plan(width: int, role: str, hours: int, today_offset: int) -> None:
    plan = build_plan(_catalog(), profile(role, hours_per_week=float(hours)))
    lines = _draw(plan, width, START + dt.timedelta(days=today_offset))
    assert all(len(line) <= width for line in lines)
    assert len(_rows(lines, plan)) == len(plan.items)


def test_cli_timeline_marks_today(runner: CliRunner) -> None:
    result = runner.invoke(
        app, [*PLAN, "--timeline"], env={"COLUMNS": "80", "MLPATH_TODAY": "2027-03-01"}
    )
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    assert out[0].startswith("Timeline: Machine Learning Engineer")  # print_timeline's header
    assert all(len(line) <= 80 for line in out)
    assert "today 2027-03-01" in result.stdout
    assert sum(1 for line in out if ROW.match(line)) == 34


def test_timeline_conflicts_with_file_output(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "--timeline", "-o", "plan.md"])
    assert result.exit_code == 2
    assert "--timeline draws in the terminal" in result.stderr
