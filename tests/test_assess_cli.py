"""``mlpath assess`` and the plan's use of what you know, through CliRunner (off a terminal)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import time_machine
from typer.testing import CliRunner

from mlpath.cli import app

START = ["--start", "2027-01-04"]
# A data analyst: Python, pandas, statistics and SQL; no maths or ML yet.
ANALYST = {
    "numpy-pandas-matplotlib": "yes",
    "math-essentials": "partly",
    "ml-fundamentals": "no",
    "sql-basics": "yes",
}

DS_ANALYST = {
    **ANALYST,
    "statistics-for-data-science": "yes",
    "eda-visualisation": "yes",
    "ab-testing": "partly",
    "storytelling-and-dashboards": "partly",
    "big-data-spark": "no",
    "data-warehouse-dbt": "no",
    "bayesian-modelling": "no",
}


def write(tmp_path: Path, answers: dict[str, str], name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def invoke(runner: CliRunner, args: list[str], code: int = 0) -> tuple[str, str]:
    with time_machine.travel(dt.datetime(2027, 1, 4, 12), tick=False):
        result = runner.invoke(app, args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    return result.stdout, result.stderr


def test_answers_file_settles_the_path_and_json_lists_it(runner: CliRunner, tmp_path: Path) -> None:
    out, _ = invoke(
        runner, ["assess", "-t", "researcher", "--answers", str(write(tmp_path, ANALYST)), "--json"]
    )
    data = json.loads(out)
    assert data["known"] == ["python-basics", "numpy-pandas-matplotlib"]
    assert data["partly"] == ["math-essentials"]
    assert "ml-fundamentals" in data["to_learn"] and "nlp-advanced" in data["to_learn"]
    assert data["milestones"] == 30 and data["questions"] == 0 and data["partly_factor"] == 0.5
    phases = {p["phase"]: p for p in data["phases"]}
    assert phases["python-foundations"] == {
        "phase": "python-foundations",
        "level": "beginner",
        "known": 2,
        "partly": 0,
        "total": 2,
    }


def test_yaml_answers_with_bare_yes_and_no_and_phase_ids(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("python-foundations: yes\nmath-for-ml: no\nml-fundamentals: n\n")
    out, _ = invoke(runner, ["assess", "-t", "researcher", "--answers", str(path), "--json"])
    assert json.loads(out)["known"] == ["python-basics", "numpy-pandas-matplotlib"]


def test_result_table_names_phases_levels_and_ids(runner: CliRunner, tmp_path: Path) -> None:
    out, _ = invoke(
        runner, ["assess", "-t", "researcher", "--answers", str(write(tmp_path, ANALYST))]
    )
    assert out.startswith("Placement for AI Researcher (focus nlp): 0 question(s) settled 30")
    assert "Python foundations" in out and "all known" in out
    assert "Known (left out of plans): python-basics, numpy-pandas-matplotlib" in out
    assert "Partly known (kept at 50% of their hours): math-essentials" in out


def test_an_incomplete_file_fails_clearly_off_a_terminal(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, {"python-basics": "yes"})
    _, err = invoke(runner, ["assess", "-t", "ds", "--answers", str(path)], code=2)
    assert err.startswith(f"error: {path} leaves open: numpy-pandas-matplotlib, ")
    assert err.rstrip().endswith("answer them in the file or run on a terminal")
    _, err = invoke(runner, ["assess", "-t", "ds"], code=2)
    assert "assess asks its questions on a terminal; off one, give --answers FILE" in err


def test_bad_answers_files_are_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    cases = [
        ({"pyhton-basics": "yes"}, "did you mean 'python-basics'?"),
        ({"python-basics": "maybe"}, "'maybe' is not an answer; use yes, partly or no"),
        (
            {"ml-fundamentals": "yes", "python-basics": "no"},
            "answers contradict each other: 'ml-fundamentals' (yes) builds on 'python-basics' (no)",
        ),
    ]
    for answers, message in cases:
        _, err = invoke(
            runner, ["assess", "-t", "ds", "--answers", str(write(tmp_path, answers))], 2
        )
        assert message in err
    (tmp_path / "list.yaml").write_text("- python-basics\n")
    _, err = invoke(runner, ["assess", "-t", "ds", "--answers", str(tmp_path / "list.yaml")], 2)
    assert "expected a mapping of milestone id to yes, partly or no" in err
    _, err = invoke(runner, ["assess", "-t", "ds", "--answers", str(tmp_path / "none.yaml")], 2)
    assert "answers file not found" in err


def test_saved_profile_is_used_by_plan_unless_told_otherwise(
    runner: CliRunner, tmp_path: Path, _isolated_home: Path
) -> None:
    answers = str(write(tmp_path, ANALYST))
    _, err = invoke(runner, ["assess", "-t", "researcher", "--answers", answers, "--save"])
    assert f"saved your skill profile in {_isolated_home / 'state.json'}" in err
    skills = json.loads((_isolated_home / "state.json").read_text())["skills"]
    assert skills["role"] == "researcher" and skills["on"] == "2027-01-04"

    out, err = invoke(runner, ["plan", "-t", "researcher", *START])
    assert "note: using your saved skill profile (2 known, 1 partly known" in err
    assert "You said you can do these already: python-basics, numpy-pandas-matplotlib." in out
    assert "Partly known, hours halved: math-essentials." in out

    out, err = invoke(runner, ["plan", "-t", "researcher", "-l", "beginner", *START])
    assert "skill profile" not in err and "You said" not in out


def test_plan_known_partly_and_answers_flags(runner: CliRunner, tmp_path: Path) -> None:
    out, _ = invoke(
        runner,
        [
            "plan",
            "-t",
            "ds",
            *START,
            "--known",
            "python-foundations",
            "--partly",
            "sql-basics",
            "--json",
        ],
    )
    plan = json.loads(out)
    assert plan["profile"]["known"] == ["python-foundations"]
    assert [s["id"] for s in plan["skipped"] if s["reason"] == "known"] == [
        "python-basics",
        "numpy-pandas-matplotlib",
    ]
    sql = next(i for i in plan["items"] if i["milestone"]["id"] == "sql-basics")
    assert sql["partly"] is True and sql["milestone"]["hours"] == 15

    out, _ = invoke(
        runner, ["plan", "-t", "researcher", *START, "--answers", str(write(tmp_path, ANALYST))]
    )
    assert "Left out: 2 you know" in out

    _, err = invoke(runner, ["plan", "-t", "ds", *START, "--known", "nope"], 2)
    assert "unknown milestone or phase 'nope'" in err
    _, err = invoke(
        runner, ["plan", "-t", "ds", *START, "--known", "sql-basics", "--answers", "x.yaml"], 2
    )
    assert "--answers conflicts with --known/--partly" in err


def test_recheck_asks_only_about_known_milestones(
    runner: CliRunner, tmp_path: Path, _isolated_home: Path
) -> None:
    invoke(runner, ["assess", "-t", "ds", "--answers", str(write(tmp_path, DS_ANALYST)), "--save"])
    _, err = invoke(runner, ["assess", "--recheck"], 2)  # off a terminal it cannot ask
    assert "leaves open" not in err and "on a terminal" in err
    answers = {"numpy-pandas-matplotlib": "no", "python-basics": "yes", "sql-basics": "yes"}
    again = write(tmp_path, answers, "again.json")
    out, _ = invoke(runner, ["assess", "--recheck", "--answers", str(again), "--json", "--save"])
    data = json.loads(out)
    assert data["role"] == "ds"
    assert data["known"] == ["python-basics", "sql-basics"]
    assert data["partly"] == []  # each builds on numpy, statistics or EDA: now to learn
    assert "eda-visualisation" in data["to_learn"]


def test_recheck_without_a_profile(runner: CliRunner) -> None:
    _, err = invoke(runner, ["assess", "--recheck"], 2)
    assert "no saved skill profile to re-check; run `mlpath assess --save` first" in err


def test_replan_and_status_use_the_saved_profile(
    runner: CliRunner, tmp_path: Path, _isolated_home: Path
) -> None:
    invoke(runner, ["plan", "-t", "ds", "-l", "beginner", *START, "--save"])
    invoke(runner, ["assess", "-t", "ds", "--answers", str(write(tmp_path, DS_ANALYST)), "--save"])
    _, err = invoke(runner, ["status"])
    assert "note: your skill profile places 5 open milestone(s) of this plan as known:" in err
    _, err = invoke(runner, ["replan"])
    assert "skipped, as your skill profile places them as known: python-basics," in err
    marks = json.loads((_isolated_home / "state.json").read_text())["plans"]["ds"]["marks"]
    assert set(marks) == {
        "python-basics",
        "numpy-pandas-matplotlib",
        "statistics-for-data-science",
        "sql-basics",
        "eda-visualisation",
    }
    _, err = invoke(runner, ["status"])
    assert "skill profile" not in err


def test_older_state_file_without_a_profile_loads(runner: CliRunner, _isolated_home: Path) -> None:
    invoke(runner, ["plan", "-t", "ds", "-l", "beginner", *START, "--save"])
    path = _isolated_home / "state.json"
    data = json.loads(path.read_text())
    del data["skills"]
    path.write_text(json.dumps(data))
    out, err = invoke(runner, ["status"])
    assert "skill profile" not in err and "ds" in out
