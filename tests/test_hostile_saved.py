"""Hostile data in saved plans: status, show, plans and every --json, on a terminal and piped.

The text arrives in the state file through a plan saved from hostile data, and
through a hand-edited state file; in neither case may it drive the terminal or
break the output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from test_terminal_output import ANSI, HOSTILE, MLPATH, hostile_data  # noqa: F401

BIDI = "\u202e"
SAVE = ["--start", "2027-01-04", "--no-input", "--save", "--name", "evil"]


@pytest.fixture
def saved(runner: CliRunner, hostile_data: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    monkeypatch.setenv("MLPATH_TODAY", "2027-02-01")
    args = ["plan", "--data-dir", str(hostile_data), "-t", "analyst", "-l", "beginner", *SAVE]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    done = runner.invoke(app, ["done", "python-start", "--on", "2027-01-10"])
    assert done.exit_code == 0, done.output
    return hostile_data


def _commands(data: Path) -> list[list[str]]:
    d = ["--data-dir", str(data)]
    return [
        ["status", *d],
        ["status", "--json", *d],
        ["show", *d],
        ["show", "--timeline", *d],
        ["show", "--json", *d],
        ["plans", *d],
        ["plans", "--json"],
        ["plan", "--show", "--json", *d],
    ]


def test_piped_saved_plan_outputs_are_inert(runner: CliRunner, saved: Path) -> None:
    for args in _commands(saved):
        result = runner.invoke(app, args, env={"MLPATH_TODAY": "2027-02-01"})
        assert result.exit_code == 0, (args, result.output)
        assert not ANSI.search(result.output), args
        assert BIDI not in result.output, args
        assert "\x1b" not in result.output and "\r" not in result.stdout.replace("\r\n", "")
        if "--json" in args:
            json.loads(result.stdout)  # escaped, still valid


def test_status_json_keeps_the_text_once_parsed(runner: CliRunner, saved: Path) -> None:
    result = runner.invoke(app, ["status", "--json", "--as-of", "2027-02-01"])
    assert result.exit_code == 0, result.output
    assert "\\u202e" in result.stdout and "\\u009b" in result.stdout
    data = json.loads(result.stdout)
    assert data["milestones"][0]["title"]["en"] == HOSTILE
    assert data["today"] == "2027-02-01"


def test_real_terminal_shows_saved_hostile_text_inert(saved: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update({"TERM": "xterm-256color", "MLPATH_TODAY": "2027-02-01"})
    for args in _commands(saved):
        child = pexpect.spawn(
            MLPATH, args, env=env, dimensions=(60, 100), encoding="utf-8", timeout=30
        )
        out = child.read()
        child.close()
        assert child.exitstatus == 0, (args, out)
        # Colour codes are the program's own; the data's ESC [31m and 8-bit CSI are not.
        assert "\x1b[31mred" not in out and "\x9b" not in out, args
        assert BIDI not in out, args
        assert "\x1b]8;;javascript" not in out, args


def test_hand_edited_plan_name_with_markup(runner: CliRunner, saved: Path) -> None:
    home = Path(os.environ["MLPATH_HOME"])
    state = json.loads((home / "state.json").read_text())
    state["plans"]["x[/bold]"] = state["plans"].pop("evil")
    state["active"] = "x[/bold]"
    (home / "state.json").write_text(json.dumps(state))
    for args in (["status"], ["show"], ["plans"]):
        result = runner.invoke(app, [*args, "--data-dir", str(saved)])
        assert result.exit_code == 0, (args, result.output)
        assert "x[/bold]" in result.stdout


@pytest.mark.parametrize(
    "url",
    ["https://[::1]/", "https://example.com/x][link=javascript:alert(1)]CLICK"],
    ids=["ipv6", "link-injection"],
)
def test_urls_are_never_markup(runner: CliRunner, tmp_path: Path, url: str) -> None:
    from mlpath.validate import TEMPLATES

    data = tmp_path / "d"
    shutil.copytree(TEMPLATES, data)
    resources = data / "resources.yaml"
    text = resources.read_text()
    start = text.index("url:")
    end = text.index("\n", start)
    resources.write_text(text[:start] + f"url: {json.dumps(url)}" + text[end:])
    assert runner.invoke(app, ["validate", str(data)]).exit_code == 0
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    args = ["--data-dir", str(data)]
    plan = ["plan", "-t", "analyst", "-l", "beginner", "--start", "2027-01-04", "--no-input"]
    for command in ([*plan, *args], ["resources", *args], [*plan, "--timeline", *args]):
        child = pexpect.spawn(
            MLPATH, command, env=env, dimensions=(60, 120), encoding="utf-8", timeout=30
        )
        out = child.read()
        child.close()
        assert child.exitstatus == 0, (command, out)
        assert "MarkupError" not in out and "Traceback" not in out
        targets = re.findall(r"\x1b\]8;[^;]*;([^\x1b\x07]*)", out)
        assert all(t == "" or t.startswith("https://") for t in targets), targets
