"""Prompts answered in a real pseudo-terminal, as a person would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _spawn(args: list[str], home: Path, **extra: str) -> pexpect.spawn:
    env = {**os.environ, "MLPATH_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100", **extra}
    return pexpect.spawn(
        sys.executable, ["-m", "mlpath", *args], env=env, encoding="utf-8", timeout=20
    )


def test_prompts_for_everything_not_given(tmp_path: Path) -> None:
    child = _spawn(["plan"], tmp_path)
    child.expect(r"Target role \(ds, mle, researcher, kd\) \[mle\]: ")
    child.sendline("mel")  # a typo is explained and asked again
    child.expect("did you mean 'mle'")
    child.expect(r"Target role .*: ")
    child.sendline("AI researcher")  # a title as people say it
    child.expect(r"or pick a level\? \(q = questions, l = level\) \[q\]: ")
    child.sendline("l")
    child.expect(r"Your level \(beginner, intermediate, advanced\) \[beginner\]: ")
    child.sendline("intermediate")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("0")
    child.expect("between 1 and 100")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("about 12 hours")  # natural input
    child.expect(r"Start date \[\d{4}-\d\d-\d\d\]: ")
    child.sendline("2027/1/32")  # no such day: the reason, not Python's words
    child.expect(r"day is out of range for month")
    child.expect(r"Start date .*: ")
    child.sendline("2027/01/04")
    child.expect("AI Researcher")
    child.expect("level intermediate")
    child.expect("12 h/week")
    child.expect(
        "Same plan, no questions: mlpath plan --target researcher --level intermediate"
        " --hours-per-week 12 --start 2027-01-04 --focus nlp"
    )
    child.expect(r"Save this plan .*\? \[y/N\]: ")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_defaults_are_taken_with_enter(tmp_path: Path) -> None:
    child = _spawn(["plan", "--target", "ds", "--start", "2027-01-04"], tmp_path)
    child.expect(r"or pick a level\? .*\[q\]: ")
    child.sendline("level")
    child.expect(r"Your level .*\[beginner\]: ")
    child.sendline("")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("")
    child.expect("level beginner")
    child.expect(r"\[y/N\]: ")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_no_input_never_prompts(tmp_path: Path) -> None:
    child = _spawn(["plan", "--target", "mle", "--no-input", "--start", "2027-01-04"], tmp_path)
    child.expect("no --level given")
    child.expect("10 h/week")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_at_a_prompt_exits_cleanly(tmp_path: Path) -> None:
    child = _spawn(["plan"], tmp_path)
    child.expect("Target role")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output and "Aborted" not in output


def test_readme_example_runs_without_a_prompt(tmp_path: Path) -> None:
    # The README's first command, typed on a terminal: no question, straight to the chart.
    args = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
    child = _spawn([*args, "--timeline"], tmp_path)
    index = child.expect([r"\? |\]: ", "Timeline: Machine Learning Engineer"])
    assert index == 1, "the README example stopped at a prompt"
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_while_marking_exits_130(tmp_path: Path) -> None:
    env_args = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
    saved = _spawn([*env_args, "--save"], tmp_path)
    saved.expect(pexpect.EOF)
    saved.close()
    child = _spawn(["done", "ml-fundamentals"], tmp_path, MLPATH_TODAY="2027-02-01")
    child.expect(r"Mark done anyway\? \[y/N\]: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130 and "Aborted" not in output
