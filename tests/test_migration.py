"""A state file written by mlpath 0.1.0 (schema 1) loads, converts on its next write, loses nothing.

The fixture was saved by 0.1.0 itself: plan 'mle' with a one-year horizon
(its warning said 5 core milestones end after 2027-01-04 and 15 hours a week
would reach them), plan 'ds-evenings' with a done and a skipped milestone and
a replan.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from mlpath.progress import load_state

FIXTURE = Path(__file__).parent / "fixtures" / "state-0.1.0.json"


@pytest.fixture
def old_state(monkeypatch: pytest.MonkeyPatch) -> Path:
    home = Path(os.environ["MLPATH_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    path = home / "state.json"
    shutil.copyfile(FIXTURE, path)
    monkeypatch.setenv("MLPATH_TODAY", "2026-06-01")
    return path


def test_fixture_is_schema_1() -> None:
    data = json.loads(FIXTURE.read_text())
    assert data["schema_version"] == 1
    assert "warnings" in data["plans"]["mle"]["plan"]


def test_old_file_loads_with_every_plan_mark_and_replan(old_state: Path) -> None:
    old = json.loads(old_state.read_text())
    state = load_state(old_state)
    assert state.schema_version == 3 and state.active == old["active"] == "mle"
    assert set(state.plans) == {"mle", "ds-evenings"}
    evenings = state.plans["ds-evenings"]
    assert {k: (m.status, m.on.isoformat()) for k, m in evenings.marks.items()} == {
        k: (v["status"], v["on"]) for k, v in old["plans"]["ds-evenings"]["marks"].items()
    }
    assert [r.model_dump(mode="json") for r in evenings.replans] == old["plans"]["ds-evenings"][
        "replans"
    ]
    for name, saved in state.plans.items():
        items = old["plans"][name]["plan"]["items"]
        assert [i.milestone.id for i in saved.plan.items] == [i["milestone"]["id"] for i in items]
        assert [i.start.isoformat() for i in saved.plan.items] == [i["start"] for i in items]
    # The horizon warning became a fact with the same numbers.
    fact = state.plans["mle"].plan.shortfall
    assert fact is not None
    assert (fact.late_core, fact.horizon.isoformat(), fact.hours_needed) == (5, "2027-01-04", 15.0)
    assert state.plans["ds-evenings"].plan.shortfall is None
    assert old_state.read_bytes() == FIXTURE.read_bytes()  # reading never writes


def test_the_saved_horizon_warning_is_shown_as_before(runner: CliRunner, old_state: Path) -> None:
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    assert (
        "warning: 5 core milestones end after the horizon (2027-01-04);"
        " about 15 hours per week would reach them"
    ) in result.stderr
    markdown = runner.invoke(app, ["show", "-o", "-"])
    assert "> **Warning:** 5 core milestones end after the horizon (2027-01-04)" in markdown.stdout


def test_next_write_converts_and_keeps_the_old_file_as_backup(
    runner: CliRunner, old_state: Path
) -> None:
    result = runner.invoke(app, ["done", "python-basics", "--on", "2026-05-01"])
    assert result.exit_code == 0, result.output
    new = json.loads(old_state.read_text())
    assert new["schema_version"] == 3
    assert "warnings" not in new["plans"]["mle"]["plan"]
    assert "role_title" not in new["plans"]["mle"]["plan"]
    assert new["plans"]["mle"]["marks"] == {"python-basics": {"status": "done", "on": "2026-05-01"}}
    assert new["plans"]["ds-evenings"]["marks"].keys() == {
        "python-basics",
        "numpy-pandas-matplotlib",
    }
    backup = old_state.with_name("state.json.bak")
    assert backup.read_bytes() == FIXTURE.read_bytes()
    # And the converted file reads back the same.
    assert load_state(old_state).plans["ds-evenings"] == load_state(backup).plans["ds-evenings"]


def test_status_as_of_a_day(runner: CliRunner, old_state: Path) -> None:
    early = runner.invoke(app, ["status", "--json", "--as-of", "2026-01-01"])
    late = runner.invoke(app, ["status", "--json", "--as-of", "2027-03-01"])
    assert early.exit_code == late.exit_code == 0, early.output + late.output
    early_doc, late_doc = json.loads(early.stdout), json.loads(late.stdout)
    assert early_doc["today"] == "2026-01-01" and late_doc["today"] == "2027-03-01"
    assert early_doc["position"] == {"state": "not_started", "days": 4}
    assert late_doc["position"]["state"] == "behind"
    bad = runner.invoke(app, ["status", "--as-of", "2026/13/01"])
    assert bad.exit_code == 2 and "error: invalid --as-of date" in bad.stderr
