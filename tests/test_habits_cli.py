"""Habits through the CLI and the files: options, done/undo/status, iCalendar, validate, state."""

from __future__ import annotations

import datetime as dt
import json
import os
import textwrap
from pathlib import Path

import ics
import pytest
import time_machine
from dateutil.rrule import rrulestr
from icalendar import Calendar
from typer.testing import CliRunner

from helpers import export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.export.ics import render
from mlpath.export.options import ExportOptions
from mlpath.habits import period_start
from mlpath.planner import build_plan

SEED_ARGS = ["plan", "-t", "mle", "--skip", "python-basics", "--focus", "cv", "-w", "10"]
SEED_ARGS += ["-s", "2024-10-01", "--no-input"]
STAMP = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)


def run(
    runner: CliRunner, args: list[str], day: str = "2025-06-01", code: int = 0, *, err: bool = True
) -> str:
    """stdout, then stderr unless ``err`` is False (to parse JSON)."""
    with time_machine.travel(dt.datetime.fromisoformat(f"{day}T12:00:00"), tick=False):
        result = runner.invoke(app, args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    return result.stdout + (result.stderr if err else "")


# --- plan options and outputs ---------------------------------------------------------


def test_plan_prints_habits_and_checkpoints(runner: CliRunner) -> None:
    out = run(runner, SEED_ARGS)
    assert "Habits:" in out and "Checkpoints:" in out
    assert "A blog post a month: every month, 3 h each" in out
    assert "A study-group talk a quarter: every 3 months" in out
    assert "1 year · 2025-09-30" in out and "3 years · 2027-09-30" in out


def test_habits_none_and_no_habit(runner: CliRunner) -> None:
    out = run(runner, [*SEED_ARGS, "--habits", "none"])
    assert "Habits:" not in out and "Habits left out: paper-a-week (left out as asked)" in out
    out = run(runner, [*SEED_ARGS, "--no-habit", "paper-a-week,blog-post", "--json"], err=False)
    data = json.loads(out)
    assert [h["habit"]["id"] for h in data["habits"]] == [
        "project-a-month",
        "study-group-talk",
        "oss-contribution",
    ]
    assert data["profile"]["without_habits"] == ["paper-a-week", "blog-post"]
    out = run(runner, [*SEED_ARGS, "--no-habit", "blog"], code=2)
    assert "unknown habit of mle 'blog'; did you mean 'blog-post'?" in out
    out = run(runner, [*SEED_ARGS, "--habits", "some"], code=2)
    assert "--habits takes all or none" in out


def test_markdown_and_html_list_habits_and_checkpoints(runner: CliRunner, tmp_path: Path) -> None:
    run(runner, [*SEED_ARGS, "-o", str(tmp_path / "p.md")])
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "## Habits" in md and "## Checkpoints" in md and "### 6 months · 2025-03-31" in md
    assert "| A blog post a month (`blog-post`) | every month |" in md
    run(runner, [*SEED_ARGS, "-o", str(tmp_path / "p.html")])
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert '<tr id="habit-paper-a-week">' in page and '<tr id="checkpoint-36m">' in page


# --- iCalendar -------------------------------------------------------------------------


def test_one_rrule_event_per_habit_that_reimports_without_duplicates(catalog: Catalog) -> None:
    plan = build_plan(
        catalog,
        profile("mle", start=dt.date(2024, 10, 1), skip=["python-basics"], focus="cv"),
    )
    first = export(render, plan, catalog, ExportOptions(stamp=STAMP))
    again = export(render, plan, catalog, ExportOptions(stamp=STAMP + dt.timedelta(days=3)))
    events = [e for e in Calendar.from_ical(first).walk("VEVENT") if "RRULE" in e]
    assert len(events) == len(plan.habits) == 5
    for event, planned in zip(events, plan.habits, strict=True):
        assert event.decoded("DTSTART") == planned.start
        rule = rrulestr(
            event["RRULE"].to_ical().decode(),
            dtstart=dt.datetime.combine(planned.start, dt.time()),
        )
        days = [when.date() for when in rule]
        # Exactly the occurrences the plan counts, on the days mlpath counts from.
        assert len(days) == planned.count
        assert days == [
            period_start(planned.start, planned.habit.cadence, k) for k in range(planned.count)
        ]
        assert days[-1] <= planned.end
    # Re-importing: the same UIDs, so a calendar updates the events in place.
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")]
    assert len(set(uids)) == len(uids) == len(plan.items) + 5
    merged = {e.uid for e in ics.Calendar(first).events} | {
        e.uid for e in ics.Calendar(again).events
    }
    assert len(merged) == len(uids)


# --- following habits --------------------------------------------------------------------


def test_done_counts_habit_occurrences_and_status_shows_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    run(runner, [*SEED_ARGS, "--save"], "2024-10-01")
    out = run(runner, ["done", "blog-post", "--on", "2025-01-10"], "2025-03-01")
    assert "blog-post: one done on 2025-01-10 (1 of 2 expected by today)" in out
    run(runner, ["done", "blog-post"], "2025-03-01")
    out = run(runner, ["status"], "2025-03-01")
    assert "A blog post a month: 2 of 2 expected by today (every month)" in out
    assert "A study-group talk" not in out  # not started by then
    data = json.loads(run(runner, ["status", "--json"], "2025-03-01", err=False))
    assert [h["id"] for h in data["habits"]] == ["paper-a-week", "blog-post"]
    blog = data["habits"][1]
    assert blog == {
        "id": "blog-post",
        "title": {"en": "A blog post a month", "ja": "月 1 本のブログ記事"},
        "start": "2024-12-14",
        "end": data["end"],
        "cadence": {"every": 1, "unit": "month"},
        "done": 2,
        "expected": 2,
        "planned": blog["planned"],
    }
    run(runner, ["show", "-o", str(tmp_path / "p.md")], "2025-03-01")
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "| A blog post a month (`blog-post`) | every month |" in md and "| 2 done / " in md
    out = run(runner, ["undo", "blog-post"], "2025-03-01")
    assert "blog-post: removed the one done on 2025-03-01 (1 occurrence left)" in out
    out = run(runner, ["skip", "blog-post"], "2025-03-01", code=2)
    assert "'blog-post' is a habit" in out
    out = run(runner, ["replan"], "2025-03-02")
    data = json.loads(run(runner, ["plan", "--show", "--json"], "2025-03-02", err=False))
    assert len(data["habits"]) == 5
    state = json.loads((Path(os.environ["MLPATH_HOME"]) / "state.json").read_text())
    assert state["schema_version"] == 3
    assert state["plans"]["mle"]["habit_log"] == {"blog-post": ["2025-01-10"]}


def test_a_schema_2_state_file_still_loads(runner: CliRunner, catalog: Catalog) -> None:
    from mlpath.progress import load_state

    plan = build_plan(catalog, profile("ds", habits="none"))
    data = plan.model_dump(mode="json")
    del data["habits"], data["habits_left_out"]
    del data["profile"]["habits"], data["profile"]["without_habits"]
    saved = {"created": "2027-01-04", "plan": data, "marks": {}, "replans": []}
    path = Path(os.environ["MLPATH_HOME"]) / "state.json"
    path.write_text(json.dumps({"schema_version": 2, "active": "ds", "plans": {"ds": saved}}))
    state = load_state(path)
    assert state.schema_version == 3 and state.plans["ds"].habit_log == {}
    assert state.plans["ds"].plan.habits == []
    out = run(runner, ["status"], "2027-02-01")
    assert "Habit " not in out


# --- data ----------------------------------------------------------------------------------


def test_validate_names_dangling_habit_references(runner: CliRunner) -> None:
    overlay = Path(os.environ["MLPATH_HOME"]) / "roadmaps.yaml"
    overlay.write_text(
        textwrap.dedent(
            """\
            habits:
              - id: kata
                title: "A kata a week"
                outcome: "Practice."
                cadence: 2 weeks
                hours: 1
                after: [no-such-milestone]
            roles: []
            """
        )
    )
    out = run(runner, ["validate"], code=2)
    assert f"{overlay}:7: habit 'kata': field 'after': unknown milestone 'no-such-milestone'" in out


def test_custom_habits_plan(runner: CliRunner, catalog: Catalog) -> None:
    overlay = Path(os.environ["MLPATH_HOME"]) / "roadmaps.yaml"
    role = catalog.roles["ds"].model_dump(mode="json", exclude_defaults=True)
    role["habits"] = ["kata", "blog-post"]
    overlay.write_text(
        json.dumps(
            {
                "habits": [
                    {
                        "id": "kata",
                        "title": "A kata every two weeks",
                        "outcome": "Practice.",
                        "cadence": "2 weeks",
                        "hours": 1,
                    }
                ],
                "roles": [role],
            }
        )
    )
    out = run(runner, ["plan", "-t", "ds", "-s", "2027-01-04", "--no-input", "--json"], err=False)
    data = json.loads(out)
    assert [h["habit"]["id"] for h in data["habits"]] == ["kata", "blog-post"]
    assert data["habits"][0]["start"] == "2027-01-04"
    assert data["habits"][0]["hours_per_week"] == 0.5


@pytest.mark.parametrize("cadence", ["fortnight", "0 weeks", "3 years"])
def test_bad_cadences_are_data_errors(cadence: str) -> None:
    from pydantic import ValidationError

    from mlpath.models import Habit

    with pytest.raises(ValidationError):
        Habit.model_validate(
            {"id": "x", "title": "x", "outcome": "x", "cadence": cadence, "hours": 1}
        )


def test_completion_offers_habits_to_done_and_undo(tmp_path: Path) -> None:
    from test_frictions import PLAN, _complete, _run

    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-06-01"}
    assert _run([*PLAN, "--save", "--no-input"], **env).returncode == 0
    assert _complete("bash", "mlpath done blog", **env) == ["blog-post"]
    assert _complete("bash", "mlpath skip blog", **env) == []
    assert _complete("bash", "mlpath undo blog", **env) == []
    assert _run(["done", "blog-post"], **env).returncode == 0
    assert _complete("bash", "mlpath undo blog", **env) == ["blog-post"]
