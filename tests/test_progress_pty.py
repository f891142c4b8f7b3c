"""Confirmation before marking a milestone done early, answered in a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

QUESTION = (
    r"'ml-fundamentals' needs 'numpy-pandas-matplotlib', not done yet\. "
    r"Mark done anyway\? \[y/N\]: "
)


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "MLPATH_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A saved plan, made off a terminal as a script would."""
    subprocess.run(
        [sys.executable, "-m", "mlpath", "plan", "-t", "mle", "-s", "2026-01-05", "--save"],
        env=_env(tmp_path),
        check=True,
        capture_output=True,
    )
    return tmp_path


def _spawn(args: list[str], home: Path) -> pexpect.spawn:
    return pexpect.spawn(
        sys.executable, ["-m", "mlpath", *args], env=_env(home), encoding="utf-8", timeout=20
    )


def _marks(home: Path) -> dict[str, object]:
    state = json.loads((home / "state.json").read_text(encoding="utf-8"))
    marks: dict[str, object] = state["plans"]["mle"]["marks"]
    return marks


def test_yes_marks_it_done(home: Path) -> None:
    child = _spawn(["done", "ml-fundamentals"], home)
    child.expect(QUESTION)
    child.sendline("y")
    child.expect(r"ml-fundamentals: done on \d{4}-\d\d-\d\d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(_marks(home)) == ["ml-fundamentals"]


@pytest.mark.parametrize("answer", ["n", ""])
def test_no_or_enter_changes_nothing(home: Path, answer: str) -> None:
    before = (home / "state.json").read_bytes()
    child = _spawn(["done", "ml-fundamentals"], home)
    child.expect(QUESTION)
    child.sendline(answer)
    child.expect("Nothing changed.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert (home / "state.json").read_bytes() == before


def test_force_does_not_ask_and_prerequisites_met_do_not_ask(home: Path) -> None:
    child = _spawn(["done", "python-basics"], home)  # no prerequisites
    child.expect("python-basics: done on")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = _spawn(["done", "ml-fundamentals", "--force"], home)
    index = child.expect(["Mark done anyway", "ml-fundamentals: done on"])
    assert index == 1
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert set(_marks(home)) == {"python-basics", "ml-fundamentals"}


def test_ctrl_c_at_the_question_leaves_the_state_alone(home: Path) -> None:
    before = (home / "state.json").read_bytes()
    child = _spawn(["done", "ml-fundamentals"], home)
    child.expect(QUESTION)
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus != 0 or child.signalstatus is not None
    assert "Traceback" not in output
    assert (home / "state.json").read_bytes() == before
