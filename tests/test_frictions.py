"""The first ten minutes and the hundredth day: each friction found by new users, fixed."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import done_marks, export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.planner import build_plan

MLPATH = str(Path(sys.executable).with_name("mlpath"))
PLAN = ["plan", "-t", "mle", "-l", "beginner", "-s", "2027-01-04"]


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [MLPATH, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


# --- first contact ------------------------------------------------------------------


@pytest.mark.parametrize("command", [[MLPATH], [sys.executable, "-m", "mlpath"]])
def test_bare_mlpath_prints_the_help(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: mlpath [OPTIONS] COMMAND [ARGS]...")
    assert "plan" in result.stdout and result.stderr == ""


def test_mistyped_command_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no such command 'stats'; did you mean 'status'?"


def _complete(shell: str, words: str, **env: str) -> list[str]:
    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    protocol = {
        "bash": {"COMP_WORDS": words, "COMP_CWORD": cword},
        "zsh": {"_TYPER_COMPLETE_ARGS": words},
        "fish": {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    }[shell]
    result = _run([], _MLPATH_COMPLETE=f"complete_{shell}", **protocol, **env)
    assert result.returncode == 0, result.stderr
    return re.findall(r"[a-z][a-z0-9-]*[a-z0-9]", result.stdout)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mlpath plan --level ", ["beginner", "intermediate", "advanced"]),
        ("mlpath plan --target ", ["ds", "mle", "researcher"]),
        ("mlpath plan --focus c", ["cv", "compression"]),
        ("mlpath plan --format ", ["markdown", "json", "ics", "html"]),
        ("mlpath resources --phase ka", ["kaggle"]),
        ("mlpath resources --kind bo", ["book"]),
        ("mlpath plan -t researcher --skip paper", ["paper-reading", "paper-reading-practice"]),
    ],
)
def test_completion_of_values(shell: str, words: str, expected: list[str]) -> None:
    found = _complete(shell, words)
    assert all(value in found for value in expected), found
    assert "tests" not in found  # not file names


def test_completion_of_plan_names_and_milestone_ids(tmp_path: Path) -> None:
    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-02-01"}
    assert _run([*PLAN, "--save", "--no-input"], **env).returncode == 0
    assert _run(["done", "python-basics"], **env).returncode == 0
    assert _complete("bash", "mlpath plans --use ", **env) == ["mle"]
    assert _complete("bash", "mlpath done nu", **env) == ["numpy-pandas-matplotlib"]
    assert _complete("bash", "mlpath done python", **env) == []  # already done
    assert _complete("bash", "mlpath undo ", **env) == ["python-basics"]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026/11/30", dt.date(2026, 11, 30)),
        ("2026.12.01", dt.date(2026, 12, 1)),
        ("today", dt.date(2026, 11, 25)),
        ("tomorrow", dt.date(2026, 11, 26)),
        ("monday", dt.date(2026, 11, 30)),
        ("next Monday", dt.date(2026, 11, 30)),
        ("wed", dt.date(2026, 12, 2)),  # today is a Wednesday: the coming one is next week
        ("２０２６年１２月１日", dt.date(2026, 12, 1)),
    ],
)
def test_dates_as_people_write_them(runner: CliRunner, value: str, day: dt.date) -> None:
    args = ["plan", "-t", "ML engineer", "-l", "beginner", "-s", value, "--json"]
    result = runner.invoke(app, args, env={"MLPATH_TODAY": "2026-11-25"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["profile"]["start"] == day.isoformat() and data["profile"]["role"] == "mle"


def test_impossible_date_says_why_without_python_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "-t", "mle", "-s", "2026/11/31"])
    assert result.exit_code == 2
    assert "day is out of range for month" in result.stderr
    assert "isoformat" not in result.stderr


def test_milestones_lists_ids_before_any_plan(runner: CliRunner) -> None:
    result = runner.invoke(app, ["milestones", "--target", "mle", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "python-basics" and rows[0]["core"] is True
    assert rows[2]["prerequisites"] == ["numpy-pandas-matplotlib"] or rows[2]["prerequisites"]
    kaggle = runner.invoke(app, ["milestones", "-t", "mle", "--phase", "kaggle"])
    assert "kaggle-getting-started ★ · intermediate · 30 h" in kaggle.stdout
    schema = runner.invoke(app, ["schema", "milestones"])
    assert json.loads(schema.stdout)["$id"].endswith("milestones.json")


def test_skip_suggestions_and_what_a_skip_means(runner: CliRunner) -> None:
    typo = runner.invoke(app, [*PLAN, "--skip", "pandas"])
    assert typo.exit_code == 2
    assert "did you mean 'numpy-pandas-matplotlib'?" in typo.stderr
    assert len(typo.stderr) < 250  # a suggestion, not a list of every id
    off_path = runner.invoke(app, [*PLAN, "--skip", "ab-testing"])
    assert "note: 'ab-testing' is not on the mle path" in off_path.stderr
    phase = runner.invoke(app, [*PLAN, "--skip", "kaggle"])
    assert "note: skipping phase 'kaggle' leaves out core milestones of mle:" in phase.stderr
    assert "kaggle-getting-started, kaggle-medal" in phase.stderr


# --- reading the plan ------------------------------------------------------------------


@pytest.mark.parametrize("width", ["40", "60", "80", "100"])
@pytest.mark.parametrize("start", ["2026-11-02", "2026-12-20"])
def test_timeline_years_stand_over_their_januaries(
    runner: CliRunner, width: str, start: str
) -> None:
    result = runner.invoke(
        app,
        ["plan", "-t", "mle", "-l", "beginner", "-s", start, "--timeline"],
        env={"COLUMNS": width},
    )
    lines = result.stdout.splitlines()
    months = next(i for i, line in enumerate(lines) if re.search(r"\b(Jan|Feb|Mar)\b", line))
    years, names = lines[months - 1], lines[months]
    assert "2026" not in years  # the start year has no room before January
    for match in re.finditer(r"\d{4}", years):
        assert names[match.start() : match.start() + 3] == "Jan", (years, names)


def test_done_milestones_look_done_everywhere(catalog: Catalog) -> None:
    from mlpath.export import html, ics, markdown

    plan = build_plan(catalog, profile("mle"))
    options = __import__("mlpath.export.options", fromlist=["ExportOptions"]).ExportOptions(
        marks=done_marks("python-basics")
    )
    md = export(markdown.render, plan, catalog, options)
    assert "done, m_python_basics" in md.replace("crit, ", "")  # Mermaid's done state
    assert "| Python basics, notebooks and Git ★ (done 2027-01-04) |" in md
    page = export(html.render, plan, catalog, options)
    assert 'class="bar core done"' in page
    cal = export(ics.render, plan, catalog, options)
    assert "SUMMARY:✓ 1. Python basics" in cal


def test_timeline_marks_done_milestones_and_keeps_the_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-02-01", "COLUMNS": "100"}
    runner.invoke(app, [*PLAN, "--horizon", "1y", "--save"], env=env)
    runner.invoke(app, ["done", "python-basics"], env=env)
    shown = runner.invoke(app, ["show", "--timeline"], env=env)
    assert "▓ done" in shown.stdout
    assert re.search(r"^ 1★Python basics.* ▓", shown.stdout, re.M)
    planned = runner.invoke(app, [*PLAN, "--horizon", "1y", "--timeline"], env=env)
    assert (
        "warning: 12 core milestones end after the horizon" in planned.stderr
    )  # habits share the year


def test_help_speaks_in_words_not_types(runner: CliRunner) -> None:
    for command in ("plan", "done", "status", "replan", "resources", "milestones", "roles"):
        text = runner.invoke(app, [command, "--help"]).stdout
        assert "<str>" not in text and "<float>" not in text and "<list" not in text, command
        assert "{" not in text, command
    plan_help = runner.invoke(app, ["plan", "--help"]).stdout
    for shown in ("--target ROLE", "--start DATE", "--hours-per-week HOURS", "--skip ID"):
        assert shown in plan_help
    assert "Usage: mlpath done [OPTIONS] ID..." in runner.invoke(app, ["done", "--help"]).stdout


@pytest.mark.parametrize(
    "command", [["roles"], ["phases"], ["plans"], ["status"], ["show"], ["replan", "--dry-run"]]
)
def test_piped_outputs_are_plain_text(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-02-01", "COLUMNS": "80"}
    runner.invoke(app, [*PLAN, "--save"], env=env)
    result = runner.invoke(app, command, env=env)
    assert result.exit_code == 0, result.output
    assert not re.search("[┃│┏━─╭]", result.stdout), command
    for line in result.stdout.splitlines():
        assert len(line) <= 80 or re.fullmatch(r" *https?://\S+", line), line
    assert "numpy-pandas-matplotli\n" not in result.stdout  # ids stay whole


def test_roles_role_shows_one(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles", "ds"])
    assert "Data Scientist (--target ds)" in result.stdout
    assert "Machine Learning Engineer" not in result.stdout


# --- following a plan ---------------------------------------------------------------------


def test_done_early_then_replan_puts_done_work_where_it_was_done(
    runner: CliRunner, tmp_path: Path
) -> None:
    env = {"MLPATH_HOME": str(tmp_path)}
    runner.invoke(app, [*PLAN, "--save"], env=env)
    early = ["done", "python-basics", "numpy-pandas-matplotlib", "ml-fundamentals"]
    assert runner.invoke(app, early, env={**env, "MLPATH_TODAY": "2027-01-20"}).exit_code == 0
    replanned = runner.invoke(app, ["replan"], env={**env, "MLPATH_TODAY": "2027-01-21"})
    assert replanned.exit_code == 0
    plan = json.loads(runner.invoke(app, ["show", "--json"], env=env).stdout)
    starts = [item["start"] for item in plan["items"]]
    assert starts == sorted(starts)
    assert [i["end"] for i in plan["items"][:3]] == ["2027-01-20"] * 3
    assert plan["items"][3]["start"] == "2027-01-21"
    status = runner.invoke(app, ["status", "--json"], env={**env, "MLPATH_TODAY": "2027-01-21"})
    doc = json.loads(status.stdout)
    assert doc["position"] == {"state": "on_track", "days": 0}
    assert doc["projected_end"]["planned_pace"] == doc["end"] == plan["summary"]["end"]


def test_changing_a_mark_says_what_changed(runner: CliRunner, tmp_path: Path) -> None:
    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-02-01"}
    runner.invoke(app, [*PLAN, "--save"], env=env)
    runner.invoke(app, ["done", "python-basics", "--on", "2027-01-20"], env=env)
    skipped = runner.invoke(app, ["skip", "python-basics"], env=env)
    assert "python-basics: skipped on 2027-02-01 (was done on 2027-01-20)" in skipped.stdout
    again = runner.invoke(app, ["done", "python-basics", "--on", "2027-01-25"], env=env)
    assert "python-basics: done on 2027-01-25 (was skipped on 2027-02-01)" in again.stdout


def test_sessions_that_hold_fewer_hours_than_the_plan_warn(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "plan.ics"
    args = [*PLAN, "-w", "8", "--sessions", "Sat 10:00-11:00", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "warning: the --sessions hold 1 h a week, less than the plan's 8 h/week" in result.stderr
    enough = runner.invoke(
        app, [*PLAN, "-w", "2", "--sessions", "Sat 10:00-12:00", "-o", str(out), "--force"]
    )
    assert "warning" not in enough.stderr


def test_skipping_later_work_is_not_being_ahead(runner: CliRunner, tmp_path: Path) -> None:
    env = {"MLPATH_HOME": str(tmp_path), "MLPATH_TODAY": "2027-02-01"}
    runner.invoke(app, [*PLAN, "--save"], env=env)
    runner.invoke(app, ["skip", "sql-basics"], env=env)
    doc = json.loads(runner.invoke(app, ["status", "--json"], env=env).stdout)
    # Four weeks in and nothing done: behind, whatever was skipped further on.
    assert doc["position"]["state"] == "behind"
    plans = json.loads(runner.invoke(app, ["plans", "--json"], env=env).stdout)
    assert plans[0]["position"] == doc["position"]


def test_data_show_works_while_an_overlay_is_broken(runner: CliRunner, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "roadmaps.yaml").write_text("remove: {milestones: [sql-basics]}\n")
    env = {"MLPATH_HOME": str(home)}
    broken = runner.invoke(app, ["phases"], env=env)
    assert broken.exit_code == 2
    assert broken.stderr.startswith("error: the problem is in your overlay")
    shown = runner.invoke(app, ["data", "show", "sql-basics"], env=env)
    assert shown.exit_code == 0 and "id: sql-basics" in shown.stdout


def test_japanese_questions_fit_forty_cells(runner: CliRunner) -> None:
    from mlpath.render.cells import cell_width

    result = runner.invoke(app, ["questions", "-t", "mle", "--lang", "ja"], env={"COLUMNS": "40"})
    assert result.exit_code == 0
    assert all(cell_width(line) <= 40 for line in result.stdout.splitlines())
