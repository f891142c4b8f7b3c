"""Saved plans through the CLI: save -> status -> done -> replan, with frozen dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import time_machine
from typer.testing import CliRunner

from mlpath.cli import app

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


@contextmanager
def on(day: str) -> Iterator[None]:
    with time_machine.travel(dt.datetime.fromisoformat(f"{day}T12:00:00"), tick=False):
        yield


def run(
    runner: CliRunner,
    args: list[str],
    day: str = "2027-01-04",
    code: int = 0,
    env: dict[str, str] | None = None,
) -> tuple[str, str]:
    with on(day):
        result = runner.invoke(app, args, env=env)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    return result.stdout, result.stderr


@pytest.fixture
def saved(runner: CliRunner) -> None:
    run(runner, [*PLAN, "--save"])


def state_file(home: Path) -> Path:
    return home / "state.json"


def test_round_trip_save_status_done_replan(runner: CliRunner, _isolated_home: Path) -> None:
    out, err = run(runner, [*PLAN, "--save"])
    assert "34 milestones" in out  # the plan is still printed
    assert f"saved plan 'mle' (active) in {state_file(_isolated_home)}" in err
    assert json.loads(state_file(_isolated_home).read_text())["active"] == "mle"

    out, _ = run(runner, ["status"], "2027-01-12")
    assert "Today, 2027-01-12: on track" in out
    assert "Now: Python basics, notebooks and Git" in out
    assert "The Python Tutorial" in out  # the current milestone's resources
    assert "Next: NumPy, pandas and matplotlib" in out
    assert "Overall: 0% · 0/34 milestones · 0/1555 h" in out

    out, _ = run(runner, ["done", "python-basics"], "2027-02-01")
    assert "python-basics: done on 2027-02-01" in out
    assert "1 of 34 milestones done (2% of the hours) · 11 days behind" in out

    out, _ = run(runner, ["status"], "2027-02-01")
    assert "Today, 2027-02-01: 11 days behind" in out
    assert "Python foundations: 56% · 1/2 milestones · 25/45 h" in out
    assert "Done: python-basics (2027-02-01)" in out
    assert "Projected end: 2030-10-14 at the planned pace (10 h/week)" in out
    assert "at your pace so far (6.0 h/week)" in out

    out, _ = run(runner, ["replan"], "2027-02-02")
    assert "33 milestones moved" in out
    assert (
        "NumPy, pandas and matplotlib (numpy-pandas-matplotlib)\n"
        "  2027-02-02 → 2027-02-15 (was 2027-01-22 → 2027-02-04, +11 d)"
    ) in out
    assert "The plan now ends 2030-10-15 (was 2030-10-03, +12 days)." in out

    out, _ = run(runner, ["status"], "2027-02-02")
    assert "Today, 2027-02-02: on track" in out
    data = json.loads(run(runner, ["status", "--json"], "2027-02-20")[0])
    assert data["plan"] == "mle" and data["today"] == "2027-02-20"
    assert data["position"] == {"state": "behind", "days": 5}  # numpy ended 02-15, not done
    assert data["milestones"][0] == {
        **data["milestones"][0],
        "id": "python-basics",
        "status": "done",
        "on": "2027-02-01",
        "start": "2027-01-04",
    }
    assert data["current"]["id"] == "numpy-pandas-matplotlib"
    assert data["current"]["start"] == "2027-02-02"


def test_status_json_is_machine_readable_with_iso_dates(runner: CliRunner, saved: None) -> None:
    data = json.loads(run(runner, ["status", "--json"], "2027-01-10")[0])
    assert data["position"] == {"state": "on_track", "days": 0}
    assert data["overall"]["milestones"] == 34 and data["overall"]["percent"] == 0.0
    assert data["projected_end"] == {"planned_pace": "2030-10-03", "observed_pace": None}
    assert data["pace"] == {"planned_hours_per_week": 10.0, "observed_hours_per_week": None}
    for phase in data["phases"]:
        assert set(phase) >= {"phase", "milestones", "done", "hours", "percent"}
    assert [m["start"] for m in data["milestones"]][:2] == ["2027-01-04", "2027-01-22"]


def test_done_early_shows_ahead_and_before_start_counts_down(
    runner: CliRunner, saved: None
) -> None:
    out, _ = run(runner, ["status"], "2026-12-30")
    assert "starts in 5 days" in out and "First: Python basics" in out
    out, _ = run(runner, ["done", "python-basics", "--on", "2027-01-15"], "2027-01-16")
    assert "6 days ahead" in out


def test_done_before_prerequisites_needs_force_off_a_terminal(
    runner: CliRunner, saved: None, _isolated_home: Path
) -> None:
    before = state_file(_isolated_home).read_bytes()
    _, err = run(runner, ["done", "ml-fundamentals"], "2027-02-01", code=2)
    assert (
        "error: 'ml-fundamentals' needs 'numpy-pandas-matplotlib', not done yet;"
        " mark those first, or use --force" in err
    )
    assert state_file(_isolated_home).read_bytes() == before
    # Prerequisites marked in the same command count.
    out, _ = run(runner, ["done", "ml-fundamentals", "numpy-pandas-matplotlib", "python-basics"])
    assert out.count(": done on 2027-01-04") == 3
    out, _ = run(runner, ["done", "first-three-projects", "--force"])
    assert "first-three-projects: done" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["done", "pyhton-basics"],
            "unknown milestone 'pyhton-basics' in plan 'mle'; did you mean 'python-basics'?",
        ),
        (["skip", "zzz"], "unknown milestone 'zzz' in plan 'mle' (`mlpath show` lists the ids)"),
        (["done", "nlp-advanced-cv"], "unknown milestone"),
        (["done", "python-basics", "--on", "2027-02-30"], "invalid date '2027-02-30'"),
        (["done", "python-basics", "--on", "2027-01-05"], "--on 2027-01-05 is in the future"),
        (["status", "--name", "ml"], "unknown plan 'ml'; did you mean 'mle'?"),
        (["replan", "-w", "0"], "hours per week must be between 1 and 100"),
        (["replan", "--from", "soon"], "invalid --from date 'soon'"),
        (["plans", "--use", "nope"], "unknown plan 'nope'"),
        (["plan", "-t", "ds", "--name", "x"], "--name needs --save (or --show)"),
        (["plan", "-t", "ds", "--save", "--name", "a b"], "invalid plan name 'a b'"),
    ],
)
def test_bad_progress_input_is_a_usage_error(
    runner: CliRunner, saved: None, args: list[str], message: str
) -> None:
    out, err = run(runner, args, "2027-01-04", code=2)
    assert message in err and out == ""


def test_milestone_left_out_of_the_plan_is_explained(runner: CliRunner) -> None:
    run(runner, ["plan", "-t", "mle", "-l", "intermediate", "-s", "2027-01-04", "--save"])
    _, err = run(runner, ["done", "python-basics"], code=2)
    assert "'python-basics' is not in plan 'mle' (left out: below your level)" in err


def test_skip_and_undo(runner: CliRunner, saved: None) -> None:
    out, _ = run(runner, ["skip", "python-basics"], "2027-01-05")
    assert "python-basics: skipped on 2027-01-05" in out
    assert "0 of 33 milestones done" in out
    out, _ = run(runner, ["done", "numpy-pandas-matplotlib"], "2027-01-05")  # prerequisite skipped
    assert "numpy-pandas-matplotlib: done" in out
    out, _ = run(runner, ["undo", "python-basics", "numpy-pandas-matplotlib"], "2027-01-06")
    assert "python-basics: unmarked (was skipped on 2027-01-05)" in out
    assert "0 of 34 milestones done" in out
    _, err = run(runner, ["undo", "python-basics"], "2027-01-06")
    assert "note: 'python-basics' was not marked done or skipped" in err
    _, err = run(runner, ["skip", "python-basics", "--on", "2027-01-06"], "2027-01-06")
    _, err = run(runner, ["skip", "python-basics", "--on", "2027-01-06"], "2027-01-06")
    assert "already skipped on 2027-01-06" in err


def test_saving_over_a_plan_with_progress_needs_force(runner: CliRunner, saved: None) -> None:
    run(runner, [*PLAN, "--save", "-w", "12"])  # no progress yet: replaced quietly
    run(runner, ["done", "python-basics"])
    _, err = run(runner, [*PLAN, "--save"], code=2)
    assert "a saved plan 'mle' already has progress (1 milestone(s) marked)" in err
    run(runner, [*PLAN, "--save", "--force"])
    assert "0 of 34 milestones done" in run(runner, ["show"])[0]


def test_named_plans_listing_and_switching(runner: CliRunner, saved: None) -> None:
    run(runner, ["plan", "-t", "ds", "-s", "2027-01-04", "--save", "--name", "data-sci"])
    out, err = run(runner, ["plans"], "2027-01-10")
    assert "* data-sci: Data Scientist (beginner)" in out
    assert "  mle: Machine Learning Engineer (beginner)" in out
    assert "marks the active plan" in err
    assert "Data Scientist" in run(runner, ["status"])[0]
    assert run(runner, ["plans", "--use", "mle"])[1].strip() == "active plan: mle"
    assert "Machine Learning Engineer" in run(runner, ["status"])[0]
    assert "Data Scientist" in run(runner, ["status", "--name", "data-sci"])[0]
    data = json.loads(run(runner, ["plans", "--json"])[0])
    assert [(p["name"], p["active"]) for p in data] == [("mle", True), ("data-sci", False)]


def test_replan_dry_run_and_new_pace(runner: CliRunner, saved: None, _isolated_home: Path) -> None:
    before = state_file(_isolated_home).read_bytes()
    out, _ = run(runner, ["replan", "--dry-run", "--from", "2027-03-01"], "2027-01-10")
    assert "Dry run: nothing was saved." in out
    assert state_file(_isolated_home).read_bytes() == before
    out, _ = run(runner, ["replan", "-w", "20"], "2027-01-04")
    assert "The plan now ends" in out and "-746 days" in out
    assert "20 h/week" in run(runner, ["status"])[0]
    out, _ = run(runner, ["replan", "-w", "20"], "2027-01-04")
    assert "Nothing moved" in out


def test_show_and_markdown_export_tick_done_items(
    runner: CliRunner, saved: None, tmp_path: Path
) -> None:
    run(runner, ["done", "python-basics"], "2027-01-20")
    out, _ = run(runner, ["show"], "2027-01-21")
    assert "✓ 2027-01-20" in out and "▶ now" in out
    target = tmp_path / "plan.md"
    _, err = run(runner, ["show", "-o", str(target)], "2027-01-21")
    assert f"wrote {target}" in err
    text = target.read_text(encoding="utf-8")
    first, second = text.split("\n## 1. ")[1], text.split("\n## 2. ")[1]
    assert "- [x] **Deliverable:**" in first.split("\n## ")[0]
    assert "- [ ] **Deliverable:**" in second.split("\n## ")[0]
    assert text.count("- [x] **Deliverable:**") == 1
    # The same through `plan --show`, on stdout.
    out, _ = run(runner, ["plan", "--show", "-o", "-"], "2027-01-21")
    assert out == text
    _, err = run(runner, ["show", "-o", str(target)], code=1)
    assert "already exists; use --force" in err


def test_show_writes_every_format_of_the_saved_plan(
    runner: CliRunner, saved: None, tmp_path: Path
) -> None:
    run(runner, ["done", "python-basics"], "2027-01-20")
    out, _ = run(runner, ["show", "--json"], "2027-01-21")
    data = json.loads(out)
    assert data["items"][0]["milestone"]["id"] == "python-basics"
    assert data["items"][0]["start"] == "2027-01-04"
    target = tmp_path / "plan.ics"
    run(
        runner, ["plan", "--show", "-o", str(target), "--sessions", "Mon 19:00-20:00"], "2027-01-21"
    )
    text = target.read_text(encoding="utf-8")
    # Milestones, one recurring event per habit, and the session.
    assert text.count("BEGIN:VEVENT") == len(data["items"]) + len(data["habits"]) + 1
    out, _ = run(runner, ["show", "--timeline"], "2027-01-21")
    assert "Python basics" in out and "today 2027-01-21" in out
    _, err = run(runner, ["show", "--timeline", "--json"], code=2)
    assert "--timeline draws in the terminal" in err


def test_no_saved_plan_is_a_clear_state_error(runner: CliRunner) -> None:
    for command in (["status"], ["done", "python-basics"], ["show"], ["replan"]):
        _, err = run(runner, command, code=1)
        assert "no saved plan yet; save one with `mlpath plan --target mle --save`" in err
    assert "No saved plans yet" in run(runner, ["plans"])[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema_version": 1, "plans": {"mle": ', "not valid JSON (line 1"),
        (
            '{"schema_version": 1, "plans": {"mle": {"created": "yesterday"}}}',
            "invalid state: plans.mle",
        ),
        ('{"version": 3}', "not an mlpath state file"),
    ],
)
def test_corrupt_or_foreign_state_exits_1_naming_the_file_and_keeps_it(
    runner: CliRunner, _isolated_home: Path, content: str, message: str
) -> None:
    path = state_file(_isolated_home)
    path.write_text(content, encoding="utf-8")
    for command in (["status"], ["done", "python-basics"], [*PLAN, "--save"], ["plans"]):
        _out, err = run(runner, command, code=1)
        assert err.startswith(f"error: {path}: ")
        assert message in err and "move it aside" in err
        assert path.read_text(encoding="utf-8") == content


def test_corrupt_state_with_a_backup_says_how_to_restore(
    runner: CliRunner, saved: None, _isolated_home: Path
) -> None:
    run(runner, ["done", "python-basics"])
    path = state_file(_isolated_home)
    path.write_text("{ oops", encoding="utf-8")
    _, err = run(runner, ["status"], code=1)
    assert f"copy {path}.bak over it" in err


def test_plan_saved_from_older_data_still_loads_and_reports_missing_milestones(
    runner: CliRunner, saved: None, _isolated_home: Path
) -> None:
    path = state_file(_isolated_home)
    state = json.loads(path.read_text(encoding="utf-8"))
    plan = state["plans"]["mle"]["plan"]
    plan["data_version"] = "2025.01"
    plan["items"][1]["milestone"]["id"] = "old-numpy-course"  # since removed from the data
    state["plans"]["mle"]["marks"] = {
        "old-numpy-course": {"status": "done", "on": "2027-01-20"},
        "never-existed": {"status": "done", "on": "2027-01-20"},
    }
    path.write_text(json.dumps(state), encoding="utf-8")
    out, err = run(runner, ["status"], "2027-01-21")
    assert "not in the current data (version 2026.11; the plan was made with 2025.01):" in err
    assert "old-numpy-course" in err
    assert "marks milestones that are not in this plan, ignored: never-existed" in err
    assert "Done: old-numpy-course (2027-01-20)" in out
    out, _ = run(
        runner, ["done", "old-numpy-course", "--on", "2027-01-21", "--force"], "2027-01-21"
    )
    assert "old-numpy-course: done on 2027-01-21" in out
    data = json.loads(run(runner, ["status", "--json"], "2027-01-21")[0])
    assert data["missing_from_data"] == ["old-numpy-course"]
    assert data["data_version"] == "2025.01"


def test_narrow_terminal_gets_blocks_not_squeezed_tables(runner: CliRunner, saved: None) -> None:
    run(runner, ["done", "python-basics"], "2027-01-20")
    narrow = {"COLUMNS": "40"}
    for command in (["status"], ["show"], ["plans"], ["replan", "--dry-run"]):
        out, _ = run(runner, command, "2027-02-10", env=narrow)
        assert out.strip()
        # Piped: plain text; only a URL, which must stay whole, may pass the margin.
        too_wide = [
            line
            for line in out.splitlines()
            if len(line) > 40 and not re.fullmatch(r" *https?://\S+", line)
        ]
        assert not too_wide, command
        assert "…" not in out and "┃" not in out and "│" not in out, command
    out, _ = run(runner, ["status"], "2027-02-10", env=narrow)
    assert "Python foundations: 56% · 1/2 milestones" in out


def test_unusable_home_is_a_state_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    monkeypatch.setenv("MLPATH_HOME", str(not_a_dir))
    _, err = run(runner, [*PLAN, "--save"], code=1)
    assert f"error: {not_a_dir / 'state.json'}: cannot save:" in err
    _, err = run(runner, ["status"], code=1)
    assert f"error: {not_a_dir / 'state.json'}: cannot read:" in err
