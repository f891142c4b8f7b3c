"""``mlpath assess`` and ``plan``'s placement answered in a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

ASK = r"Yes, partly or no\? \[y/p/n, \? details, b back\]: "


def _spawn(args: list[str], home: Path) -> pexpect.spawn:
    env = {**os.environ, "MLPATH_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable, ["-m", "mlpath", *args], env=env, encoding="utf-8", timeout=20
    )


def _question(child: pexpect.spawn, number: int, mid: str) -> None:
    child.expect(rf"Question {number} \(\d+ of \d+ settled\) \[{mid}\] ")
    child.expect(ASK)


def _finish(child: pexpect.spawn) -> tuple[str, int | None]:
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert "Traceback" not in output
    return output, child.exitstatus


def test_bad_keys_details_and_going_back(tmp_path: Path) -> None:
    child = _spawn(["assess", "--target", "researcher"], tmp_path)
    _question(child, 1, "pytorch-cnns")
    child.sendline("b")
    child.expect("This is the first question; there is nothing to go back to.")
    child.expect(ASK)
    child.sendline("x")
    child.expect(r"Please answer y, p or n \(\? shows details, b goes back\)\.")
    child.expect(ASK)
    child.sendline("?")
    child.expect("Outcome: You will be able to write a clean PyTorch training loop")
    child.expect("Topics:")
    child.expect("- Tensors, autograd, Dataset and DataLoader")
    child.expect(ASK)
    child.sendline("n")
    _question(child, 2, "ml-fundamentals")
    child.sendline("b")
    child.expect(r"Back to \[pytorch-cnns\]\.")
    _question(child, 1, "pytorch-cnns")
    child.sendline("no")
    _question(child, 2, "ml-fundamentals")
    child.sendline("N")
    _question(child, 3, "numpy-pandas-matplotlib")
    child.sendline("partly")
    child.expect(
        r"Placement for AI Researcher \(focus nlp\): 3 question\(s\) settled 30 milestones"
    )
    child.expect(r"Known \(left out of plans\): python-basics\r\n")
    child.expect(r"Partly known \(kept at 50% of their hours\): numpy-pandas-matplotlib")
    child.expect(r"Save this as your skill profile, so plan, replan and status use it\? \[Y/n\]: ")
    child.sendline("n")
    child.expect(
        "Not saved. The same plan without questions: mlpath plan --target researcher"
        " --focus nlp --partly numpy-pandas-matplotlib"
    )
    _, status = _finish(child)
    assert status == 0
    assert not (tmp_path / "state.json").exists()


def test_a_quiz_checks_a_yes_and_save_keeps_the_profile(tmp_path: Path) -> None:
    child = _spawn(["assess", "--target", "researcher", "--save"], tmp_path)
    _question(child, 1, "pytorch-cnns")
    child.sendline("n")
    _question(child, 2, "ml-fundamentals")
    child.sendline("y")
    child.expect("Quick check: A model scores 99% on its training data")
    child.expect(r"5\) I don't know")
    child.expect(r"Your answer \[1-5, n: I don't know\]: ")
    child.sendline("7")
    child.expect("Please type a number from 1 to 5.")
    child.expect(r"Your answer \[1-5, n: I don't know\]: ")
    child.sendline("5")
    child.expect(r"The answer is 4\) overfitting; counted as partly known\.")
    _question(child, 3, "math-essentials")
    child.sendline("y")
    child.expect(r"Quick check: What is the derivative of \(3x \+ 1\)\^2 with respect to x\?")
    child.expect(r"Your answer \[1-5, n: I don't know\]: ")
    child.sendline("3")
    child.expect("Right.")
    _question(child, 4, "math-for-research")
    child.sendline("n")
    child.expect(
        r"Placement for AI Researcher \(focus nlp\): 4 question\(s\) settled 30 milestones"
    )
    child.expect("saved your skill profile in")
    _, status = _finish(child)
    assert status == 0
    skills = json.loads((tmp_path / "state.json").read_text())["skills"]
    assert skills["known"] == ["python-basics", "numpy-pandas-matplotlib", "math-essentials"]
    assert skills["partly"] == ["ml-fundamentals"]


def test_ctrl_c_keeps_nothing_and_exits_130(tmp_path: Path) -> None:
    child = _spawn(["assess", "--target", "ds", "--save"], tmp_path)
    _question(child, 1, "ml-fundamentals")
    child.sendline("n")
    _question(child, 2, "statistics-for-data-science")
    child.sendintr()
    child.expect("Interrupted: nothing was saved.")
    _, status = _finish(child)
    assert status == 130
    assert not (tmp_path / "state.json").exists()


def test_plan_offers_questions_and_then_to_save(tmp_path: Path) -> None:
    child = _spawn(["plan", "--target", "researcher", "--start", "2027-01-04"], tmp_path)
    child.expect(r"Answer a few questions so the plan skips what you know, or pick a level\?")
    child.expect(r"\[q\]: ")
    child.sendline("")
    _question(child, 1, "pytorch-cnns")
    child.sendline("n")
    _question(child, 2, "ml-fundamentals")
    child.sendline("n")
    _question(child, 3, "numpy-pandas-matplotlib")
    child.sendline("y")
    child.expect(r"Your answer \[1-5, n: I don't know\]: ")
    child.sendline("2")
    child.expect("Right.")
    _question(child, 4, "math-essentials")
    child.sendline("n")
    child.expect(r"Hours per week \[10\]: ")
    child.sendline("")
    child.expect("You said you can do these already: python-basics, numpy-pandas-matplotlib.")
    child.expect(
        "Same plan, no questions: mlpath plan --target researcher --level beginner"
        " --hours-per-week 10 --start 2027-01-04 --focus nlp --known numpy-pandas-matplotlib"
    )
    child.expect(r"Save this plan .*\? \[y/N\]: ")
    child.sendline("y")
    child.expect("saved plan 'researcher' \\(active\\)")
    _, status = _finish(child)
    assert status == 0
    state = json.loads((tmp_path / "state.json").read_text())
    assert state["skills"]["known"] == ["python-basics", "numpy-pandas-matplotlib"]
    assert state["plans"]["researcher"]["plan"]["profile"]["known"] == [
        "python-basics",
        "numpy-pandas-matplotlib",
    ]


def test_custom_data_without_checks_is_asked_by_outcome(tmp_path: Path) -> None:
    from mlpath.validate import init_data

    data = tmp_path / "data"
    init_data(data, force=False)
    child = _spawn(["assess", "--target", "analyst", "--data-dir", str(data)], tmp_path)
    child.expect(r"Question 1 \(0 of 3 settled\) \[stats-start\] ")
    child.expect("Can you already do this\\? You can summarise a data set and spot outliers.")
    child.expect(ASK)
    child.sendline("y")
    _question(child, 2, "first-model")
    child.sendline("p")
    child.expect(r"Placement for .*: 2 question\(s\) settled 3 milestones")
    child.expect(r"\[Y/n\]: ")
    child.sendline("n")
    _, status = _finish(child)
    assert status == 0


def test_recheck_asks_only_about_what_was_placed_as_known(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps(
            {
                "pytorch-cnns": "no",
                "ml-fundamentals": "no",
                "numpy-pandas-matplotlib": "yes",
                "math-essentials": "partly",
            }
        )
    )
    saved = _spawn(["assess", "-t", "researcher", "--answers", str(answers), "--save"], tmp_path)
    _, status = _finish(saved)
    assert status == 0
    before = json.loads((tmp_path / "state.json").read_text())["skills"]
    assert before["known"] == ["python-basics", "numpy-pandas-matplotlib"]
    assert before["partly"] == ["math-essentials"]
    child = _spawn(["assess", "--recheck", "--save"], tmp_path)
    _question(child, 1, "python-basics")  # known before: one of the two asked again
    child.sendline("y")
    child.expect(r"Your answer \[1-5, n: I don't know\]: ")
    child.sendline("1")  # [0, 4]
    _question(child, 2, "numpy-pandas-matplotlib")
    child.sendline("n")
    child.expect(r"Placement for AI Researcher \(focus nlp\): 2 question\(s\) settled 30")
    _, status = _finish(child)
    assert status == 0
    skills = json.loads((tmp_path / "state.json").read_text())["skills"]
    assert skills["known"] == ["python-basics"]
    assert skills["partly"] == []  # math-essentials builds on NumPy, now to learn


def test_plan_with_a_saved_profile_runs_straight_through(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "pytorch-cnns: no\nml-fundamentals: no\nnumpy-pandas-matplotlib: yes\nmath-essentials: no\n"
    )
    _, status = _finish(
        _spawn(["assess", "-t", "researcher", "--answers", str(answers), "--save"], tmp_path)
    )
    assert status == 0
    child = _spawn(["plan", "--target", "researcher", "--start", "2027-01-04"], tmp_path)
    child.expect("note: using your saved skill profile \\(2 known, 0 partly known")
    output, status = _finish(child)  # no question, no offer to save
    assert status == 0
    assert "You said you can do these already: python-basics, numpy-pandas-matplotlib." in output
    assert "[y/N]" not in output and "Hours per week" not in output
