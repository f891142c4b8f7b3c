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
# About 80 saved plans; a bigger file would take seconds and hundreds of MB to load.
MAX_STATE_BYTES = 10 * 1024 * 1024


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
            parse_state(_read(backup), backup)
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
    except RecursionError:
        raise StateError(f"{path}: not valid JSON for mlpath (nested too deeply)") from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise StateError(f"{path}: not an mlpath state file (no 'schema_version' field)")
    version = data["schema_version"]
    if type(version) is not int:  # ``true`` and ``1.0`` equal 1, but mlpath never writes them
        raise StateError(f"{path}: invalid state: schema_version: must be an integer")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise StateError(
            f"{path}: written by a newer mlpath (schema {version}; this one reads"
            f" {SCHEMA_VERSION}); upgrade mlpath"
        )
    try:
        return State.model_validate(upgrade(data))
    except ValidationError as exc:
        raise StateError(f"{path}: invalid state: {_describe(exc)}") from None
    except RecursionError:
        raise StateError(f"{path}: invalid state: nested too deeply") from None


def _read(path: Path) -> bytes:
    """The state file's bytes (OSError; StateError for a file that is not one or too large)."""
    from mlpath.files import NotRegularFileError, TooLargeError, read_regular

    try:
        return read_regular(path, MAX_STATE_BYTES)
    except IsADirectoryError:
        raise StateError(f"{path}: is a directory, expected mlpath's state file") from None
    except NotRegularFileError as exc:
        raise StateError(f"{path}: {exc.strerror}, expected mlpath's state file") from None
    except TooLargeError as exc:
        raise StateError(
            f"{path}: {exc.strerror}; move it aside and save the plans you follow again"
        ) from None


def load_state(path: Path | None = None) -> State:
    """The saved state, or an empty one when nothing was saved yet."""
    path = path or state_path()
    try:
        raw = _read(path)
    except FileNotFoundError:
        return State()
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
    text = dump_state(state)
    if len(text.encode("utf-8")) > MAX_STATE_BYTES:
        raise StateError(
            f"{path}: not saved: with this many saved plans the file would be too large"
            f" (over {MAX_STATE_BYTES / 2**20:g} MB)"
        )
    if path.is_symlink():
        # Replacing the link would leave its target stale; writing through it, a file elsewhere.
        raise StateError(
            f"{path}: is a symbolic link; mlpath saves only to a regular file there."
            f" Replace the link with a copy of {os.path.realpath(path)} and try again"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text, backup=backup_path(path))
    except OSError as exc:
        raise StateError(f"{path}: cannot save: {exc.strerror or exc}") from None
    return path


def _remove_stale_temps(path: Path) -> None:
    # Only called under the lock: a temp file now is the leftover of a killed writer.
    for leftover in path.parent.glob(f".{path.name}*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def updating(path: Path | None = None) -> Iterator[list[State]]:
    """Load under the lock, let the caller replace ``box[0]``, save if it changed."""
    path = path or state_path()
    from mlpath.statelock import locked

    with locked(path.parent / LOCK_FILE, path):
        _remove_stale_temps(path)
        box = [load_state(path)]
        original = box[0]
        yield box
        if box[0] is not original:
            save_state(box[0], path)
