"""Odd files and names: FIFOs, devices, symlinks, huge files and names past the limit."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import run_cli
from mlpath import cache
from mlpath.catalog import shipped_data_dir
from mlpath.cli import app
from mlpath.errors import StateError
from mlpath.files import NotRegularFileError, TooLargeError, read_regular
from mlpath.progress import load_state

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")
PLAN = ["plan", "--no-input", "-t", "mle", "-l", "beginner", "-s", "2027-01-04"]


# --- one bounded reader of regular files ----------------------------------------


@posix
def test_read_regular_refuses_fifos_devices_and_directories(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        read_regular(fifo, 100)  # returns at once: no writer is waited for
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFileError):
        read_regular(link, 100)
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path, 100)


def test_read_regular_reads_no_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    with pytest.raises(TooLargeError) as info:
        read_regular(path, 100)
    assert info.value.size == 101
    assert read_regular(path, 101) == b"x" * 101


@posix
@pytest.mark.parametrize("where", ["state", "overlay", "cache"])
def test_a_fifo_never_hangs_a_command(tmp_path: Path, _isolated_home: Path, where: str) -> None:
    if where == "cache":
        assert run_cli(PLAN).returncode == 0
        (path,) = [p for p in cache.cache_dir().iterdir() if p.name.startswith("catalog-")]
        path.unlink()
    else:
        path = _isolated_home / ("state.json" if where == "state" else "resources.yaml")
    os.mkfifo(path)
    args = ["status"] if where == "state" else PLAN
    result = run_cli(args, timeout=20)
    if where == "cache":
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode in (1, 2)
        assert f"{path}: not a regular file" in result.stderr
        assert "unexpected" not in result.stderr
    if where == "state":  # a writer must not hang holding the lock either
        result = run_cli([*PLAN, "--save"], timeout=20)
        assert result.returncode == 1
        assert "not a regular file" in result.stderr


@posix
def test_a_state_link_to_dev_zero_is_refused(_isolated_home: Path) -> None:
    (_isolated_home / "state.json").symlink_to("/dev/zero")
    with pytest.raises(StateError, match="not a regular file"):
        load_state()


def test_a_huge_overlay_is_refused_before_the_cache_hashes_it(_isolated_home: Path) -> None:
    import tracemalloc

    from mlpath.catalog import load_catalog
    from mlpath.errors import DataError

    overlay = _isolated_home / "resources.yaml"
    with overlay.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(DataError, match="too large for a data file"):
            load_catalog()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, peak  # refused unread: not even hashed


# --- names over the file system's limit ----------------------------------------


LONG = "n" * 300


@pytest.mark.parametrize(
    "args",
    [
        [*PLAN, "-o", f"{LONG}.md"],
        [*PLAN, "--data-dir", LONG],
        ["validate", LONG],
        ["validate", f"{LONG}/roadmaps.yaml"],
        ["init-data", LONG],
        [*PLAN, "-o", "x.ics", "--sessions", "Mon 19:00-20:00", "--tz", LONG],
        ["resources", "--data-dir", f"a/{LONG}/b"],
    ],
    ids=["-o", "--data-dir", "validate", "validate-file", "init-data", "--tz", "resources"],
)
def test_names_too_long_are_usage_errors(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "unexpected" not in result.stderr
    assert "too long" in result.stderr


def test_a_long_mlpath_home_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["status"], env={"MLPATH_HOME": f"/tmp/{LONG}"})
    assert result.exit_code == 2, result.output
    assert "MLPATH_HOME" in result.stderr and "too long" in result.stderr


def test_sessions_parsing_is_linear_and_values_are_bounded(runner: CliRunner) -> None:
    from mlpath.cli.parsing import parse_sessions

    start = time.perf_counter()
    with pytest.raises(Exception, match="cannot read session"):
        parse_sessions("Mon" + " " * 3000 + "x")
    assert time.perf_counter() - start < 0.5
    result = runner.invoke(app, [*PLAN, "--sessions", "Mon" + " " * 60_000 + "x"])
    assert result.exit_code == 2
    assert "too long" in result.stderr


# --- symlinks in the data directory ---------------------------------------------


@posix
def test_a_symlinked_state_is_not_silently_replaced(
    runner: CliRunner, _isolated_home: Path, tmp_path: Path
) -> None:
    assert runner.invoke(app, [*PLAN, "--save"]).exit_code == 0
    target = tmp_path / "elsewhere.json"
    state = _isolated_home / "state.json"
    target.write_bytes(state.read_bytes())
    state.unlink()
    state.symlink_to(target)
    result = runner.invoke(app, ["plans", "--use", "mle"])
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr
    assert state.is_symlink()
    assert runner.invoke(app, ["status"]).exit_code == 0  # reading through it is fine


@posix
def test_a_lock_symlink_never_creates_files_elsewhere(
    runner: CliRunner, _isolated_home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.lock"
    (_isolated_home / "state.lock").symlink_to(outside)
    result = runner.invoke(app, [*PLAN, "--save"])
    assert result.exit_code == 1
    assert "state.lock" in result.stderr and "symbolic link" in result.stderr
    assert not outside.exists()


# --- outputs are checked before the state changes --------------------------------


@pytest.mark.parametrize("case", ["exists", "no-dir", "too-long"])
def test_plan_save_with_a_bad_output_changes_nothing(
    runner: CliRunner, _isolated_home: Path, tmp_path: Path, case: str
) -> None:
    out = {
        "exists": tmp_path / "plan.md",
        "no-dir": tmp_path / "missing" / "plan.md",
        "too-long": tmp_path / f"{LONG}.md",
    }[case]
    if case == "exists":
        out.write_text("mine\n")
    result = runner.invoke(app, [*PLAN, "--save", "-o", str(out)])
    assert result.exit_code in (1, 2), result.output
    assert not (_isolated_home / "state.json").exists()
    if case == "exists":
        assert out.read_text() == "mine\n"


def test_data_dir_option_is_still_accepted(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "--data-dir", str(shipped_data_dir()), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["profile"]["role"] == "mle"
