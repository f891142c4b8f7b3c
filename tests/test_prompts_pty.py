"""Prompts answered in a real pseudo-terminal, as a person would."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {**os.environ, "MLPATH_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable, ["-m", "mlpath", *args], env=env, encoding="utf-8", timeout=20
    )


def test_prompts_for_everything_not_given(tmp_path: Path) -> None:
    child = _spawn(["plan"], tmp_path)
    child.expect(r"Target role \(ds, mle, researcher\) \[mle\]: ")
    child.sendline("mel")  # a typo is explained and asked again
    child.expect("did you mean 'mle'")
    child.expect(r"Target role .*: ")
    child.sendline("researcher")
    child.expect(r"Your level \(beginner, intermediate, advanced\) \[beginner\]: ")
    child.sendline("intermediate")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("0")
    child.expect("between 1 and 100")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("12")
    child.expect(r"Start date \[\d{4}-\d\d-\d\d\]: ")
    child.sendline("2027-01-04")
    child.expect("AI Researcher")
    child.expect("level intermediate")
    child.expect("12 h/week")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_defaults_are_taken_with_enter(tmp_path: Path) -> None:
    child = _spawn(["plan", "--target", "ds", "--start", "2027-01-04"], tmp_path)
    child.expect(r"Your level .*\[beginner\]: ")
    child.sendline("")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("")
    child.expect("level beginner")
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
    assert child.exitstatus in (1, 130)
    assert "Traceback" not in output
