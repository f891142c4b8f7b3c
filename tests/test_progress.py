"""The state file: where it lives, round trips, backups, corrupt files, interrupted writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from helpers import profile
from mlpath.catalog import Catalog
from mlpath.dirs import user_data_dir
from mlpath.errors import StateError, UsageError
from mlpath.planner import build_plan
from mlpath.progress import backup_path, dump_state, load_state, save_state, state_path, updating
from mlpath.state import (
    SavedPlan,
    State,
    activate,
    apply_marks,
    check_name,
    pick,
    unresolved_prerequisites,
    with_plan,
)

D = dt.date


@pytest.fixture
def saved(catalog: Catalog) -> SavedPlan:
    return SavedPlan(created=D(2027, 1, 1), plan=build_plan(catalog, profile()))


@pytest.fixture
def state(saved: SavedPlan) -> State:
    return with_plan(State(), "mle", saved)


def with_done(state: State, mid: str) -> State:
    return with_plan(state, "mle", apply_marks(state.plans["mle"], [mid], "done", D(2027, 1, 9))[0])


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_home_is_mlpath_home_or_the_platform_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLPATH_HOME", str(tmp_path / "custom"))
    assert state_path() == tmp_path / "custom" / "state.json"
    monkeypatch.delenv("MLPATH_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert user_data_dir() == tmp_path / "xdg" / "mlpath"
    assert user_data_dir().name == "mlpath"


def test_nothing_saved_is_an_empty_state_and_pick_explains(tmp_path: Path) -> None:
    empty = load_state(tmp_path / "state.json")
    assert empty.plans == {} and empty.active is None
    with pytest.raises(StateError, match="no saved plan yet; save one with `mlpath plan"):
        pick(empty, None)


def test_round_trip_keeps_everything(state: State, tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    name, saved = pick(state, None)
    state = with_plan(state, name, apply_marks(saved, ["python-basics"], "done", D(2027, 1, 20))[0])
    save_state(state, path)
    loaded = load_state(path)
    assert loaded == state
    assert loaded.active == "mle"
    assert loaded.plans["mle"].marks["python-basics"].on == D(2027, 1, 20)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 3
    assert data["plans"]["mle"]["plan"]["data_version"] == "2026.11"
    assert data["plans"]["mle"]["marks"]["python-basics"] == {"status": "done", "on": "2027-01-20"}


def test_every_save_keeps_the_previous_version_as_backup(state: State, tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    save_state(state, path)
    first = path.read_bytes()
    assert not backup_path(path).exists()
    changed = with_plan(
        state, "mle", apply_marks(state.plans["mle"], ["python-basics"], "done", D(2027, 1, 9))[0]
    )
    save_state(changed, path)
    assert backup_path(path).read_bytes() == first
    assert load_state(path) == changed
    assert leftovers(tmp_path) == []


def test_names_marks_and_prerequisites(state: State, saved: SavedPlan) -> None:
    assert check_name("ds-2027.v2") == "ds-2027.v2"
    for bad in ("", "-x", "a b", "x" * 41, "../etc"):
        with pytest.raises(UsageError, match="invalid plan name"):
            check_name(bad)
    with pytest.raises(UsageError, match="unknown plan 'mel'; did you mean 'mle'"):
        pick(state, "mel")
    with pytest.raises(UsageError):
        activate(state, "nope")
    assert unresolved_prerequisites(saved, "numpy-pandas-matplotlib", frozenset()) == [
        "python-basics"
    ]
    assert (
        unresolved_prerequisites(saved, "numpy-pandas-matplotlib", frozenset({"python-basics"}))
        == []
    )
    marked = apply_marks(saved, ["python-basics"], "skipped", D(2027, 1, 5))[0]
    assert unresolved_prerequisites(marked, "numpy-pandas-matplotlib", frozenset()) == []
    assert apply_marks(marked, ["python-basics"], None, D(2027, 1, 5))[0].marks == {}


# --- files that cannot be read ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"schema_version": 1, "plans": {', "not valid JSON (line 1, column 33"),
        (b"", "not valid JSON (line 1, column 1"),
        (b"\xff\xfe junk", "not UTF-8 text (byte 0)"),
        (b"[1, 2]", "not an mlpath state file (no 'schema_version' field)"),
        (b'{"plans": {}}', "not an mlpath state file"),
        (b'{"schema_version": 7, "plans": {}}', "written by a newer mlpath (schema 7"),
        (b'{"schema_version": "one", "plans": {}}', "invalid state: schema_version"),
        (b'{"schema_version": 1, "plans": {}, "extra": 1}', "invalid state: extra: unknown field"),
        (b'{"schema_version": 1, "active": "ds", "plans": {}}', "active plan 'ds' is not among"),
        (
            b'{"schema_version": 1, "plans": {"x": {"created": "2027-13-01"}}}',
            "invalid state: plans.x.created",
        ),
    ],
)
def test_unreadable_state_is_a_state_error_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    with pytest.raises(StateError) as caught:
        load_state(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "no usable backup" in text
    assert caught.value.exit_code == 1


def test_corrupt_state_points_at_a_good_backup_and_is_never_overwritten(
    state: State, tmp_path: Path
) -> None:
    path = tmp_path / "state.json"
    save_state(state, path)
    save_state(state, path)  # now there is a backup
    path.write_bytes(b'{"schema_version": 1, "plans": {"mle": tru')
    with pytest.raises(StateError, match=f"copy {backup_path(path)} over it"):
        load_state(path)
    with pytest.raises(StateError), updating(path) as box:
        box[0] = State()  # pragma: no cover - never reached
    assert path.read_bytes() == b'{"schema_version": 1, "plans": {"mle": tru'


def test_a_second_writer_is_refused_while_one_holds_the_lock(state: State, tmp_path: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("POSIX locks")
    path = tmp_path / "state.json"
    save_state(state, path)
    with updating(path) as box:
        with pytest.raises(StateError, match="another mlpath is updating it"), updating(path):
            pass  # pragma: no cover
        box[0] = activate(box[0], "mle").model_copy(update={"active": None})
    assert load_state(path).active is None


# --- interrupted writes -------------------------------------------------------


@pytest.mark.parametrize("where", ["os.replace", "os.fsync"])
def test_interrupted_save_leaves_the_old_file_and_no_temp_files(
    state: State, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = tmp_path / "state.json"
    save_state(state, path)
    before = path.read_bytes()
    changed = with_plan(
        state, "mle", apply_marks(state.plans["mle"], ["python-basics"], "done", D(2027, 1, 9))[0]
    )

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C mid-write

    monkeypatch.setattr(where, crash)
    with pytest.raises(KeyboardInterrupt):
        save_state(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_state(path) == state
    assert leftovers(tmp_path) == []


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mlpath.progress import load_state, save_state
    path = Path(sys.argv[1])
    versions = [load_state(path), load_state(Path(sys.argv[2]))]
    save_state(versions[0], path)
    print("ready", flush=True)
    n = 1
    while True:
        save_state(versions[n % 2], path)
        n += 1
    """
)


def test_sigkill_mid_write_never_leaves_a_half_file(state: State, tmp_path: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("needs SIGKILL")
    path = tmp_path / "state.json"
    # A large state (many plans) so a write takes long enough to be caught midway.
    big = state
    for n in range(8):
        big = with_plan(big, f"copy{n}", state.plans["mle"], activate=False)
    other = tmp_path / "other.json"
    save_state(big, path)
    save_state(with_plan(big, "extra", state.plans["mle"]), other)
    good = {dump_state(load_state(path)), dump_state(load_state(other))}
    for delay in (0.05, 0.13, 0.31):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(other)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert dump_state(load_state(path)) in good
    # A killed writer may leave its temp file; the next update sweeps it away.
    with updating(path):
        pass
    assert leftovers(tmp_path) == []
