"""Nonsense on the command line: exit 2 and one line saying why, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.catalog import shipped_data_dir
from mlpath.cli import ISSUES_URL, app

PLAN = ["plan", "--no-input", "-t", "mle", "-l", "beginner", "--start", "2027-01-04"]

NONSENSE: list[tuple[list[str], str]] = [
    (["-w", "-5"], "hours per week must be between 1 and 100, got -5"),
    (["-w", "0"], "hours per week must be between 1 and 100, got 0"),
    (["-w", "1e308"], "hours per week must be between 1 and 100, got 1e+308"),
    (["-w", "100.5"], "hours per week must be between 1 and 100, got 100.5"),
    (["-w", "nan"], "hours per week must be between 1 and 100, got nan"),
    (["-w", "inf"], "hours per week must be between 1 and 100, got inf"),
    (["-w", ""], "Invalid value for '--hours-per-week'"),
    (["-w", "ten"], "Invalid value for '--hours-per-week'"),
    (["--start", "2027-02-30"], "invalid start date '2027-02-30' (day is out of range"),
    (["--start", "2027-13-01"], "invalid start date '2027-13-01' (month must be in 1..12)"),
    (["--start", ""], "invalid start date ''; use YYYY-MM-DD"),
    (["--start", "someday"], "invalid start date 'someday'; use YYYY-MM-DD"),
    (["--start", "9999-12-31"], "start date 9999-12-31 is out of range"),
    (["--start", "0001-01-01"], "start date 0001-01-01 is out of range"),
    (["--horizon", "5 parsecs"], "invalid horizon '5 parsecs'"),
    (["--horizon", ""], "invalid horizon ''"),
    (["--horizon", "0m"], "horizon '0m' is empty"),
    (["--horizon", "-3m"], "invalid horizon '-3m'"),
    (["--horizon", "2026-01-01"], "horizon 2026-01-01 is before the start date 2027-01-04"),
    (["--horizon", "2027-02-30"], "invalid horizon '2027-02-30'"),
    (["-t", ""], "unknown target ''"),
    (["-t", "mle\x1b[2J"], "'mle\\x1b[2J' contains control characters"),
    (["-t", "mle\u202e"], "'mle\\u202e' contains control characters"),
    (["-t", "ml\x00e"], "contains control characters"),
    (["-t", "🚀"], "unknown target '🚀'"),
    (["-t", "x" * 10_000], "an argument is too long (10,000 characters; the limit is 4,096)"),
    (["-l", ""], "unknown level ''"),
    (["-l", "expert"], "unknown level 'expert'"),
    (["--focus", ""], "unknown focus ''"),
    (["--focus", "NLP\n"], "contains control characters"),
    (["--lang", "fr"], "unknown language 'fr'"),
    (["--lang", ""], "unknown language ''"),
    (["--skip", ""], "empty --skip value ''"),
    (["--skip", ","], "empty --skip value ','"),
    (["--skip", "python-basics,nope"], "unknown milestone or phase 'nope'"),
    (["--skip", "\uff4d\uff41\uff54\uff48"], "unknown milestone or phase"),
    (["--skip", "\x07"], "contains control characters"),
    (["--format", "pdf", "-o", "-"], "unknown format 'pdf'"),
    (["-o", "plan.docx"], "cannot tell the format of 'plan.docx'"),
    (["--bogus"], "No such option: --bogus"),
    (["-t"], "Option '-t' requires an argument"),
]


def one_error_line(result: object, expected_code: int = 2) -> str:
    code = result.exit_code  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    output: str = result.output  # type: ignore[attr-defined]
    assert code == expected_code, output
    assert "Traceback" not in output
    assert "\x1b" not in output and "\x00" not in output
    lines = stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize(("extra", "reason"), NONSENSE, ids=[" ".join(a) for a, _ in NONSENSE])
def test_plan_options_given_nonsense(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extra: list[str],
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    line = one_error_line(runner.invoke(app, [*PLAN, *extra]))
    assert reason in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["resources", "--phase", ""], "unknown phase ''"),
        (["resources", "--kind", "podcast"], "unknown kind 'podcast'"),
        (["resources", "--level", "\x1b[31m"], "contains control characters"),
        (["resources", "--lang", "xx"], "unknown language 'xx'"),
        (["validate", ""], "PATH is empty"),
        (["init-data", ""], "DIR is empty"),
        (["init-data", " "], "DIR is empty"),
        (["roles", "--data-dir", "/nonexistent/dir"], "/nonexistent/dir: data directory not found"),
        (["nonsense"], "no such command 'nonsense'"),
    ],
)
def test_other_commands_given_nonsense(runner: CliRunner, args: list[str], reason: str) -> None:
    assert reason in one_error_line(runner.invoke(app, args))


def test_full_width_input_is_folded(runner: CliRunner) -> None:
    # What a Japanese IME in full-width mode types for "mle".
    result = runner.invoke(app, [*PLAN[:3], "\uff4d\uff4c\uff45", *PLAN[4:], "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "Machine Learning Engineer" in result.stdout


def test_data_dir_env_pointing_nowhere(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPATH_DATA_DIR", "/nonexistent/data")
    line = one_error_line(runner.invoke(app, ["phases"]))
    assert line == "error: /nonexistent/data: data directory not found"


def test_huge_custom_plan_that_would_overflow_the_calendar(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    assert runner.invoke(app, ["init-data", str(data)]).exit_code == 0
    roadmaps = data / "roadmaps.yaml"
    text = roadmaps.read_text()
    # 600 milestones of 1000 hours at 1 hour a week is about 11,500 years.
    extra = "".join(
        f"  - {{id: m{i}, title: M, phase: modelling, outcome: O, topics: [T], deliverable: D,"
        f" hours: 1000, level: beginner}}\n"
        for i in range(600)
    )
    roadmap = "".join(f"      - m{i}\n" for i in range(600))
    text = text.replace("      - first-model\n", "      - first-model\n" + roadmap)
    roadmaps.write_text(text + extra)
    args = ["plan", "--data-dir", str(data), "-t", "analyst", "-l", "beginner", "-w", "1"]
    line = one_error_line(runner.invoke(app, [*args, "--start", "2027-01-04", "--no-input"]))
    assert line.startswith("error: this plan would end after the year 9999")


@pytest.fixture
def broken_planner(monkeypatch: pytest.MonkeyPatch) -> None:
    import mlpath.planner

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(mlpath.planner, "build_plan", explode)


@pytest.mark.usefixtures("broken_planner")
def test_unexpected_error_says_where_to_report_it(runner: CliRunner) -> None:
    result = runner.invoke(app, PLAN)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "error: unexpected RuntimeError: boom",
        f"This is a bug in mlpath 0.1.0; please report it at {ISSUES_URL} (run again with --debug"
        " to see the traceback).",
    ]


@pytest.mark.usefixtures("broken_planner")
@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_shows_the_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "env":
        monkeypatch.setenv("MLPATH_DEBUG", "1")
    result = runner.invoke(app, ["--debug", *PLAN] if how == "flag" else PLAN)
    assert result.exit_code == 1
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert "RuntimeError: boom" in result.stderr


# --- output files ----------------------------------------------------------------


def plan_to(runner: CliRunner, target: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, [*PLAN, "-o", str(target), *extra])
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr.strip()


def test_output_in_a_missing_directory(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "plan.md"
    assert plan_to(runner, target) == (
        1,
        f"error: {target}: directory {target.parent} does not exist",
    )
    assert not (tmp_path / "no").exists()


def test_output_is_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plans.md"
    target.mkdir()
    code, message = plan_to(runner, target)
    assert code == 1
    assert message.startswith(f"error: {target}: is a directory")
    assert list(target.iterdir()) == []


def test_output_is_an_input_file(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert runner.invoke(app, ["init-data", str(data)]).exit_code == 0
    before = (data / "roadmaps.yaml").read_bytes()
    result = runner.invoke(
        app,
        [
            *["plan", "--no-input", "-t", "analyst", "-l", "beginner", "--start", "2027-01-04"],
            *["--data-dir", str(data), "-o", str(data / "roadmaps.yaml"), "--format", "markdown"],
            "--force",
        ],
    )
    assert result.exit_code == 1
    assert "is one of mlpath's input files" in result.stderr
    assert (data / "roadmaps.yaml").read_bytes() == before


def test_output_is_the_shipped_data(runner: CliRunner) -> None:
    target = shipped_data_dir() / "roadmaps.yaml"
    before = target.read_bytes()
    code, message = plan_to(runner, target, "--format", "markdown", "--force")
    assert code == 1 and "is one of mlpath's input files" in message
    assert target.read_bytes() == before


def test_output_in_a_read_only_directory(runner: CliRunner, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        code, message = plan_to(runner, locked / "plan.md")
        assert (code, message) == (1, f"error: {locked / 'plan.md'}: permission denied")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_output_on_a_filesystem_that_refuses_files(runner: CliRunner) -> None:
    code, message = plan_to(runner, Path("/proc/mlpath-plan.md"))
    assert code == 1
    assert message.startswith("error: /proc/mlpath-plan.md: cannot write")


def test_failed_write_leaves_the_old_file_and_no_temp_files(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("my notes\n")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, message = plan_to(runner, target, "--force")
    assert (code, message) == (1, f"error: {target}: cannot write: No space left on device")
    assert target.read_text() == "my notes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_existing_output_is_kept_without_force(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("my notes\n")
    assert plan_to(runner, target) == (
        1,
        f"error: {target}: already exists; use --force to overwrite it",
    )
    assert target.read_text() == "my notes\n"
