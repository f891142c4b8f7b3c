"""Narrow and plain terminals, and hostile titles in every output format.

Data text may hold Markdown, table pipes, HTML, rich markup and terminal
control sequences; none of it may take effect in any output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pexpect
import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from mlpath.export import FORMATS
from mlpath.validate import TEMPLATES

ANSI = re.compile(r"\x1b|\x9b")
MLPATH = str(Path(sys.executable).with_name("mlpath"))

# Every trick at once: Markdown, a table pipe, HTML, an ANSI colour, an 8-bit CSI,
# rich markup, a link, a heading, a right-to-left override, and a line break.
HOSTILE = (
    "**Bold** | pipe <script>alert(1)</script> \x1b[31mred\x1b[0m \x9b2J [red]markup[/red]"
    " [x](javascript:alert(1)) `code` # h \u202egnp.exe \r\n- item"
)
HOSTILE_YAML = json.dumps(HOSTILE)  # JSON strings are valid double-quoted YAML


@pytest.fixture
def hostile_data(tmp_path: Path) -> Path:
    data = tmp_path / "hostile"
    shutil.copytree(TEMPLATES, data)
    roadmaps, resources = data / "roadmaps.yaml", data / "resources.yaml"
    text = roadmaps.read_text()
    for old in ('"Python from zero"', '"Foundations"', '"Data Analyst"', '"Ten small scripts'):
        start = text.index(old)
        end = text.index("\n", start)
        text = text[:start] + HOSTILE_YAML + text[end:]
    roadmaps.write_text(text)
    text = resources.read_text()
    for old in ('"The Python Tutorial"', '"Python Software Foundation"', '"a weekend"'):
        text = text.replace(old, HOSTILE_YAML)
    resources.write_text(text)
    return data


def test_hostile_data_is_valid_data(runner: CliRunner, hostile_data: Path) -> None:
    # Validation must not reject it: escaping is the output's job, not the user's.
    result = runner.invoke(app, ["validate", str(hostile_data)])
    assert result.exit_code == 0, result.output


def plan_args(data: Path) -> list[str]:
    return [
        *["plan", "--data-dir", str(data), "-t", "analyst", "-l", "beginner"],
        *["--start", "2027-01-04", "--no-input"],
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_export_format_escapes_hostile_titles(
    runner: CliRunner, hostile_data: Path, fmt: str
) -> None:
    result = runner.invoke(app, [*plan_args(hostile_data), "--format", fmt, "-o", "-"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not ANSI.search(out)
    assert "\u202e" not in out
    if fmt in ("markdown", "html"):
        assert "<script>" not in out
    if fmt == "markdown":
        assert r"\*\*Bold\*\* \| pipe &lt;script>" in out
        assert r"\[x\](javascript:alert(1))" in out
        # The summary table keeps five cells per row despite the pipe in the title.
        row = next(line for line in out.splitlines() if line.startswith("| 1 |"))
        assert len(re.findall(r"(?<!\\)\|", row)) == 6
    elif fmt == "html":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
        assert 'href="javascript' not in out
    elif fmt == "json":
        data = json.loads(out)
        # Escaped, yet the same text once parsed.
        assert data["items"][0]["milestone"]["title"]["en"] == HOSTILE
    elif fmt == "ics":
        unfolded = re.sub(r"\r?\n ", "", out).splitlines()
        summary = next(line for line in unfolded if line.startswith("SUMMARY:1. "))
        # The title's line break became a space instead of ending the content line.
        assert summary == "SUMMARY:1. " + " ".join(
            "".join(ch for ch in HOSTILE if ch.isprintable() or ch == "\n").split()
        )


def test_terminal_shows_hostile_titles_inert(runner: CliRunner, hostile_data: Path) -> None:
    for args in (
        plan_args(hostile_data),
        [*plan_args(hostile_data), "--timeline"],
        ["resources", "--data-dir", str(hostile_data)],
        ["roles", "--data-dir", str(hostile_data)],
        ["phases", "--data-dir", str(hostile_data)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert not ANSI.search(result.output)
        assert "\u202e" not in result.output
    plan = runner.invoke(app, plan_args(hostile_data)).stdout
    assert "[red]markup[/red]" in plan  # rich markup shown, not applied
    assert "**Bold** | pipe <script>alert(1)</script>" in plan


def test_validate_output_quotes_hostile_values(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "d"
    shutil.copytree(TEMPLATES, data)
    roadmaps = data / "roadmaps.yaml"
    roadmaps.write_text(
        roadmaps.read_text().replace("  - id: python-start", '  - id: "\\e[2Jpython"')
    )
    result = runner.invoke(app, ["validate", str(data)])
    assert result.exit_code == 2
    assert not ANSI.search(result.output)
    assert "\\x1b[2Jpython" in result.stdout


# --- narrow and plain terminals ------------------------------------------------------


COMMANDS = [
    ["plan", "-t", "mle", "-l", "beginner", "--start", "2027-01-04", "--no-input"],
    ["plan", "-t", "ds", "-l", "beginner", "--start", "2027-01-04", "--horizon", "6m"],
    ["resources", "--phase", "kaggle"],
    ["roles"],
    ["phases"],
    ["validate"],
]


LONE_URL = re.compile(r" *https?://\S+")


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:2]) for a in COMMANDS])
def test_forty_columns_with_no_color(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERM", "dumb")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert not ANSI.search(result.output)
    lines = result.stdout.splitlines()
    # A URL cannot be wrapped without breaking it: piped plans give each long one
    # a line of its own, and only such a line may pass the margin.
    too_wide = [
        line
        for line in lines
        if len(line) > 40 and args[0] != "validate" and not LONE_URL.fullmatch(line)
    ]
    assert not too_wide
    # Readable: words are wrapped whole, not cut into one-letter columns.
    words = re.findall(r"[A-Za-z]{3,}", result.stdout)
    assert len(words) > 10
    if args[0] == "plan" and "mle" in args:
        assert "Python basics, notebooks and Git" in " ".join(
            line.strip(" │|") for line in lines
        ).replace("  ", " ")


def spawn(args: list[str], env_extra: dict[str, str], columns: int = 40) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env.update(env_extra)
    child = pexpect.spawn(
        MLPATH, args, env=env, dimensions=(50, columns), encoding="utf-8", timeout=30
    )
    out: str = child.read()
    child.close()
    assert child.exitstatus == 0, out
    return out


@pytest.mark.parametrize(
    "env", [{"NO_COLOR": "1", "TERM": "xterm-256color"}, {"TERM": "dumb"}], ids=["no-color", "dumb"]
)
def test_real_forty_column_terminal_gets_plain_fitting_output(env: dict[str, str]) -> None:
    out = spawn(COMMANDS[0], env)
    assert not ANSI.search(out)
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "2027-01-04" in out


def test_real_colour_terminal_still_gets_colour() -> None:
    # The control for the test above: the same run on a colour terminal has codes.
    out = spawn(COMMANDS[0], {"TERM": "xterm-256color"}, columns=100)
    assert ANSI.search(out)
