"""Saved state at the edges: extreme dates, odd JSON, huge files, many writers at once."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import time_machine
from typer.testing import CliRunner

from mlpath import progress, statelock
from mlpath.cli import app
from mlpath.errors import StateError
from mlpath.progress import State, load_state, save_state

PLAN = ["plan", "--no-input", "-t", "mle", "-l", "beginner"]


def run(runner: CliRunner, args: list[str], code: int = 0) -> str:
    with time_machine.travel(dt.datetime(2027, 6, 1, 12), tick=False):
        result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    assert "unexpected" not in result.stderr
    return result.stdout + result.stderr


def test_marks_a_century_ago_keep_status_working(runner: CliRunner) -> None:
    run(runner, [*PLAN, "-s", "1900-01-01", "--save"])
    run(runner, ["done", "sequence-models", "--force", "--on", "1900-01-02"])
    for command in (["status"], ["plans"], ["show"], ["status", "--json"]):
        run(runner, command)


@contextmanager
def hand_edited(runner: CliRunner, home: Path) -> Iterator[dict[str, Any]]:
    """Save the mle plan, then let the test edit it as a user would in an editor."""
    run(runner, [*PLAN, "-s", "2027-01-04", "--save"])
    path = home / "state.json"
    data = json.loads(path.read_text())
    yield data["plans"]["mle"]
    path.write_text(json.dumps(data))


def test_hand_edited_dates_near_the_ends_of_the_calendar(
    runner: CliRunner, _isolated_home: Path
) -> None:
    with hand_edited(runner, _isolated_home) as saved:
        saved["plan"]["items"][-1]["end"] = "9999-12-30"
        saved["plan"]["profile"]["start"] = "0001-01-01"
        saved["marks"] = {"python-basics": {"status": "done", "on": "0001-01-02"}}
    for command in (["status"], ["plans"], ["show"]):
        run(runner, command)


def test_replan_past_the_year_9999_is_a_usage_error(
    runner: CliRunner, _isolated_home: Path
) -> None:
    # A large custom roadmap: 420 milestones of 1,000 hours, 8,000 years at 1 h/week.
    with hand_edited(runner, _isolated_home) as saved:
        items = saved["plan"]["items"]
        for item in items:
            item["milestone"]["hours"] = 1000
        saved["plan"]["items"] = [
            {**item, "milestone": {**item["milestone"], "id": f"{item['milestone']['id']}-{n}"}}
            for n in range(15)
            for item in items
        ]
    out = run(runner, ["replan", "--from", "2999-12-01", "-w", "1"], code=2)
    assert "after the year 9999" in out
    out = run(runner, ["replan", "--from", "2999-12-01", "-w", "1", "--dry-run"], code=2)
    assert "after the year 9999" in out


# --- odd JSON -------------------------------------------------------------------


def test_deeply_nested_json_is_reported_like_any_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"schema_version": 1, "plans": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(StateError, match="not valid JSON"):
        load_state(path)


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_schema_version_must_be_the_integer_one(tmp_path: Path, version: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(f'{{"schema_version": {version}, "plans": {{}}}}')
    with pytest.raises(StateError, match="schema_version"):
        load_state(path)


def test_a_huge_state_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with path.open("wb") as handle:
        handle.truncate(progress.MAX_STATE_BYTES + 1)
    with pytest.raises(StateError, match="too large"):
        load_state(path)


def test_a_save_that_would_pass_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "MAX_STATE_BYTES", 10)
    with pytest.raises(StateError, match="too large"):
        save_state(State(), tmp_path / "state.json")
    assert not (tmp_path / "state.json").exists()


# --- the lock waits --------------------------------------------------------------

WRITER = """
import sys
from mlpath.progress import State, updating
for _ in range(3):
    with updating() as box:
        box[0] = State()
        import time; time.sleep(0.05)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")
def test_concurrent_writers_all_succeed() -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER], stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        for _ in range(8)
    ]
    errors = [proc.communicate(timeout=60)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 8, errors


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")
def test_the_lock_gives_up_after_waiting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statelock, "LOCK_WAIT_SECONDS", 0.3)
    path = tmp_path / "state.json"
    with progress.updating(path):
        import time

        start = time.monotonic()
        with pytest.raises(StateError, match="another mlpath"), progress.updating(path):
            pass  # pragma: no cover
        assert time.monotonic() - start >= 0.25
