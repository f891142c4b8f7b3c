"""Commands through CliRunner: output, exit codes and messages for good and bad input."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from mlpath import __version__
from mlpath.catalog import Catalog
from mlpath.cli import app

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"mlpath {__version__}"


def test_help_lists_commands(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("plan", "resources", "roles", "phases"):
        assert command in result.stdout


def test_plan_prints_dated_milestones(runner: CliRunner) -> None:
    result = runner.invoke(app, PLAN)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Machine Learning Engineer" in out
    assert "2027-01-04" in out and "2027-01-21" in out  # python-basics: 25 h -> 18 days
    assert "Deliverable" in out
    assert "The Python Tutorial" in out
    assert "34 milestones, 1555 hours" in out
    assert result.stderr == ""


def test_plan_accepts_aliases_and_case(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "-t", "ML-Engineer", "-l", "Advanced", "-s", "2027-01-04"])
    assert result.exit_code == 0, result.output
    assert "level advanced" in result.stdout


def test_plan_horizon_lists_later_milestones_and_warns(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "--horizon", "6m"])
    assert result.exit_code == 0
    assert "After the horizon (2027-07-03)" in result.stdout
    # Warnings are messages: stderr, one line, the same wording for every output.
    assert re.search(
        r"^warning: \d+ core milestones end after the horizon \(2027-07-03\);"
        r" about \d+(\.5)? hours per week would reach them$",
        result.stderr,
        re.MULTILINE,
    )
    assert "warning" not in result.stdout


def test_missing_level_off_a_terminal_defaults_with_a_note(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "--target", "ds", "--start", "2027-01-04"])
    assert result.exit_code == 0
    assert "level beginner" in result.stdout
    assert "no --level given" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan"], "missing --target; choices: ds, mle, researcher"),
        (
            ["plan", "-t", "mel"],
            "unknown target 'mel'; did you mean 'mle'? choices: ds, mle, researcher",
        ),
        (["plan", "-t", "mle", "-l", "expert"], "unknown level 'expert'"),
        (["plan", "-t", "mle", "-s", "2027-02-30"], "invalid start date '2027-02-30'"),
        (["plan", "-t", "mle", "-s", "some day"], "use YYYY-MM-DD"),
        (["plan", "-t", "mle", "-s", "2026/11/31"], "day is out of range for month"),
        (["plan", "-t", "mle", "-w", "-5"], "hours per week must be between 1 and 100"),
        (["plan", "-t", "mle", "-w", "0"], "hours per week must be between 1 and 100"),
        (["plan", "-t", "mle", "-w", "500"], "hours per week must be between 1 and 100"),
        (["plan", "-t", "mle", "--horizon", "5 parsecs"], "invalid horizon '5 parsecs'"),
        (["plan", "-t", "mle", "--focus", "nlpp"], "did you mean 'nlp'?"),
        (["plan", "-t", "mle", "--skip", "pyhton-basics"], "did you mean 'python-basics'?"),
        (["plan", "-t", "mle", "--lang", "fr"], "unknown language 'fr'"),
        (["resources", "--phase", "deep-learnin"], "did you mean 'deep-learning'?"),
        (["resources", "--kind", "movie"], "unknown kind 'movie'"),
    ],
)
def test_bad_input_is_a_usage_error_without_traceback(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_unknown_phase_lists_valid_phases(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "--phase", "astrology"])
    assert result.exit_code == 2
    assert "python-foundations" in result.stderr and "community-career" in result.stderr


def test_non_numeric_hours_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["plan", "-t", "mle", "-w", "lots"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_resources_filters(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "--phase", "deep-learning"])
    assert result.exit_code == 0
    assert "Practical Deep Learning for Coders" in result.stdout
    result = runner.invoke(app, ["resources", "--kind", "conference", "--json"])
    data = json.loads(result.stdout)
    assert data and all(r["kind"] == "conference" for r in data)
    assert {"NeurIPS", "JSAI"} <= {w for r in data for w in r["title"]["en"].split()}


def test_resources_language_cost_and_search(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "--language", "ja", "--json"])
    ja = json.loads(result.stdout)
    assert ja and all(r["language"] == "ja" for r in ja)
    result = runner.invoke(app, ["resources", "--free", "--level", "advanced", "--json"])
    free = json.loads(result.stdout)
    assert free and all(r["cost"] != "paid" and r["level"] == "advanced" for r in free)
    result = runner.invoke(app, ["resources", "--search", "distillation", "--json"])
    ids = {r["id"] for r in json.loads(result.stdout)}
    assert "paper-hinton-distillation" in ids


def test_resources_with_no_match_says_so(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resources", "--search", "zzzz-no-such-thing"])
    assert result.exit_code == 0
    assert "No resources match" in result.stderr


def test_roles_side_by_side(runner: CliRunner) -> None:
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0
    out = result.stdout
    for text in ("Data Scientist", "--target mle", "--target kd", "Salary (Japan)", "Salary (US)"):
        assert text in out
    data = json.loads(runner.invoke(app, ["roles", "--json"]).stdout)
    assert [r["id"] for r in data] == ["ds", "mle", "researcher", "kd"]
    assert all(r["beginner_path_hours"] > 0 for r in data)


def test_phases_lists_ids_and_counts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["phases", "--json"])
    data = json.loads(result.stdout)
    assert [p["id"] for p in data][:2] == ["python-foundations", "math-for-ml"]
    assert all(p["resources"] > 0 and p["milestones"] > 0 for p in data)
    assert "deep-learning" in runner.invoke(app, ["phases"]).stdout


def test_bad_data_file_is_one_clear_error(runner: CliRunner, tmp_path, data_dir) -> None:
    (tmp_path / "resources.yaml").write_bytes((data_dir / "resources.yaml").read_bytes())
    roadmaps = (data_dir / "roadmaps.yaml").read_text(encoding="utf-8")
    (tmp_path / "roadmaps.yaml").write_text(
        roadmaps.replace("hours: 25", "hours: -25", 1), encoding="utf-8"
    )
    result = runner.invoke(app, [*PLAN, "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert "roadmaps.yaml:" in line and "'python-basics'" in line and "'hours'" in line


def test_piped_plan_is_plain_text_with_urls(runner: CliRunner) -> None:
    result = runner.invoke(app, PLAN, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    out = result.stdout
    assert "┃" not in out and "\x1b[" not in out  # no table, no escape codes
    lines = out.splitlines()
    assert " 1. Python basics, notebooks and Git ★" in lines
    assert "    2027-01-04 → 2027-01-21 · 25 h ·" in lines  # wrapped at 40 columns
    assert "https://docs.python.org/3/tutorial/" in out  # links spelled out in files
    # Only a URL alone on its line may pass the margin: it cannot be wrapped.
    assert all(len(line) <= 40 for line in lines if not re.fullmatch(r" *https?://\S+", line))
    assert "34 milestones, 1555 hours," in out


def test_narrow_terminal_gets_blocks_not_a_squeezed_table(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import profile
    from mlpath.planner import build_plan
    from mlpath.render.plan import print_plan
    from mlpath.view import plan_view

    monkeypatch.setenv("COLUMNS", "40")
    print_plan(plan_view(build_plan(catalog, profile("mle")), catalog))
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert "1. 2027-01-04 → 2027-01-21 · 25 h" in lines
    assert "┃" not in "\n".join(lines)


def test_wide_terminal_gets_the_table(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from helpers import profile
    from mlpath.planner import build_plan
    from mlpath.render.plan import print_plan
    from mlpath.view import plan_view

    monkeypatch.setenv("COLUMNS", "100")
    print_plan(plan_view(build_plan(catalog, profile("mle")), catalog))
    out = capsys.readouterr().out
    assert "┃  # ┃ Dates" in out
    assert "34 milestones, 1555 hours" in out
    assert all(len(line) <= 100 for line in out.splitlines())


def test_piped_resources_are_plain_text_with_urls(runner: CliRunner, catalog: Catalog) -> None:
    result = runner.invoke(app, ["resources", "--phase", "kaggle"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    count = len(catalog.resources_by_phase["kaggle"])
    assert lines[0] == f"Resources for Kaggle competitions ({count})"
    assert "Kaggle Learn" in lines
    assert "  https://www.kaggle.com/learn" in lines
    assert "┃" not in result.stdout


def test_resources_table_on_a_terminal(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlpath.query import ResourceQuery, filter_resources
    from mlpath.render.tables import print_resources
    from mlpath.view import resource_view

    monkeypatch.setenv("COLUMNS", "100")
    found = filter_resources(catalog, ResourceQuery(phase="kaggle"))
    print_resources([resource_view(r, "en") for r in found], "Resources for Kaggle competitions")
    out = capsys.readouterr().out
    assert f"Resources for Kaggle competitions ({len(found)})" in out
    assert "┃ Resource" in out and "Kaggle Learn" in out
