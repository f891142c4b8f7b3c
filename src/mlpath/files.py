"""Writing files safely: never clobber without permission, never leave half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from mlpath.errors import OutputError


def atomic_write(path: Path, data: str | bytes, *, backup: Path | None = None) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same directory, fsync, rename.

    With ``backup``, the previous version of ``path`` (if any) is kept there first.
    A crash at any point leaves either the old file or the new one, never a mix.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent if str(path.parent) else Path()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            # Keep the permissions the user gave the file they are replacing.
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            if backup is not None:
                _copy(path, backup)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        _fsync_dir(directory)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _copy(source: Path, target: Path) -> None:
    atomic_write(target, source.read_bytes())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the directory entry is synced.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_output(path: Path, data: str, *, force: bool, inputs: tuple[Path, ...] = ()) -> Path:
    """Write a user-requested output file, with clear errors instead of tracebacks."""
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name such as {path / 'plan.md'}")
    for source in inputs:
        with contextlib.suppress(OSError):
            if path.exists() and path.samefile(source):
                raise OutputError(f"{path}: is one of mlpath's input files; choose another name")
    if path.exists() and not force:
        raise OutputError(f"{path}: already exists; use --force to overwrite it")
    if not path.parent.exists() and str(path.parent):
        raise OutputError(f"{path}: directory {path.parent} does not exist")
    try:
        atomic_write(path, data)
    except PermissionError:
        raise OutputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path
