"""The learner's saved plans and progress: the state file, loaded and saved safely.

One JSON file holds every named plan (one of them active), each with a full
snapshot of the plan as built, so a plan keeps working when the shipped data
changes. Writes are atomic and keep the previous version as ``.bak``; a file
that cannot be read is reported, never overwritten. No typer, no rich.
The state's shape and the pure operations on it are in ``mlpath.state``; an
older file is upgraded when read and written in the new shape on the next
save, the previous version kept as ``.bak``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mlpath.dirs import user_data_dir
from mlpath.errors import StateError
from mlpath.state import SCHEMA_VERSION, State, upgrade

STATE_FILE = "state.json"
LOCK_FILE = "state.lock"


# --- where the state lives -------------------------------------------------


def state_path(home: Path | None = None) -> Path:
    return (home or user_data_dir()) / STATE_FILE


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


# --- reading ---------------------------------------------------------------


def _restore_hint(path: Path) -> str:
    backup = backup_path(path)
    if backup.is_file():
        try:
            parse_state(backup.read_bytes(), backup)
        except StateError:
            pass
        else:
            return f"to restore the previous version, copy {backup} over it"
    return (
        "move it aside to start afresh (mlpath will not overwrite it);"
        f" there is no usable backup at {backup}"
    )


def _describe(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in err["loc"]) or "(top level)"
    message = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
    more = exc.error_count() - 1
    return f"{where}: {message}" + (f" (and {more} more problem(s))" if more else "")


def parse_state(raw: bytes, path: Path) -> State:
    """Validate the bytes of a state file; every failure is a StateError naming ``path``."""
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StateError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise StateError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise StateError(f"{path}: not an mlpath state file (no 'schema_version' field)")
    version = data["schema_version"]
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise StateError(
            f"{path}: written by a newer mlpath (schema {version}; this one reads"
            f" {SCHEMA_VERSION}); upgrade mlpath"
        )
    try:
        return State.model_validate(upgrade(data))
    except ValidationError as exc:
        raise StateError(f"{path}: invalid state: {_describe(exc)}") from None


def load_state(path: Path | None = None) -> State:
    """The saved state, or an empty one when nothing was saved yet."""
    path = path or state_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return State()
    except IsADirectoryError:
        raise StateError(f"{path}: is a directory, expected mlpath's state file") from None
    except OSError as exc:
        raise StateError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return parse_state(raw, path)
    except StateError as exc:
        raise StateError(f"{exc}; {_restore_hint(path)}") from None


# --- writing ---------------------------------------------------------------


def dump_state(state: State) -> str:
    return json.dumps(state.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def save_state(state: State, path: Path | None = None) -> Path:
    """Write atomically, keeping the previous version as ``state.json.bak``."""
    from mlpath.files import atomic_write

    path = path or state_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, dump_state(state), backup=backup_path(path))
    except OSError as exc:
        raise StateError(f"{path}: cannot save: {exc.strerror or exc}") from None
    return path


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock so two mlpath processes never interleave read-modify-write."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic replace still protects the file
        yield
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StateError(f"{directory / STATE_FILE}: cannot save: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StateError(
                f"{directory / STATE_FILE}: another mlpath is updating it; try again"
            ) from None
        yield
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    # Only called under the lock: a temp file now is the leftover of a killed writer.
    for leftover in path.parent.glob(f".{path.name}*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def updating(path: Path | None = None) -> Iterator[list[State]]:
    """Load under the lock, let the caller replace ``box[0]``, save if it changed."""
    path = path or state_path()
    with _locked(path.parent):
        _remove_stale_temps(path)
        box = [load_state(path)]
        original = box[0]
        yield box
        if box[0] is not original:
            save_state(box[0], path)
