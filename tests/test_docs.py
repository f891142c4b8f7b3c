"""The README stays true: every command documented, CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

from mlpath.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    missing = [name for name in COMMANDS if not re.search(rf"`mlpath {name}[ `]", README)]
    assert not missing


def test_ci_runs_the_readme_test_command() -> None:
    setup = re.search(r"pip install -e '\.\[test\]' && (python -m pytest[^\n`]*)", README)
    assert setup is not None
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]'" in ci
    assert re.search(rf"^{re.escape(setup.group(1))}$", ci, re.M)


def test_readme_example_is_real_output() -> None:
    """The 30-second example is what the command prints (today's marker line aside)."""
    from typer.testing import CliRunner

    from mlpath.cli import app

    block = README.split(
        "$ mlpath plan --target mle --level beginner --start 2027-01-04 --timeline\n"
    )[1]
    shown = block.split("```")[0].rstrip("\n").splitlines()
    result = CliRunner().invoke(
        app,
        ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04", "--timeline"],
        env={"COLUMNS": "80"},
    )
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    assert printed[: len(shown)] == shown
