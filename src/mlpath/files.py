"""Reading and writing files safely.

Reading: only regular files, and never more than a size limit (a FIFO would
hang, a link to ``/dev/zero`` would fill memory). Writing: never clobber
without permission, never leave half a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from mlpath.dirs import check_name_length
from mlpath.errors import OutputError

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class NotRegularFileError(OSError):
    """A FIFO, device or socket where a regular file was expected."""


class TooLargeError(OSError):
    """A file over the size limit of what is reading it."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        reason = f"too large ({_mb(size, '.1f')}; the limit is {_mb(limit, 'g')})"
        super().__init__(errno.EFBIG, reason)
        self.filename = str(path)
        self.size, self.limit = size, limit


def _mb(size: int, spec: str) -> str:
    return f"{size / 2**20:{spec}} MB" if size >= 2**20 else f"{size:,} bytes"


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
        raise NotRegularFileError(errno.EINVAL, f"not a regular file ({kind})", str(path))


def read_regular(path: Path, limit: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else or over ``limit`` bytes.

    The type and size are checked before the file is opened (so a FIFO is never
    opened, and a huge file never read) and again on the open file, which cannot
    change under us; at most ``limit`` bytes are ever read. Raises OSError:
    NotRegularFileError, TooLargeError, IsADirectoryError, FileNotFoundError...
    """
    _check_regular(path, os.stat(path, follow_symlinks=follow_symlinks))
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        _check_regular(path, info)
        if info.st_size > limit:
            raise TooLargeError(path, info.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1  # one byte more tells a file that grew past the limit
        want = info.st_size + 1  # usually one read of the whole file, no copy to join
        while left > 0:
            chunk = os.read(fd, min(left, max(want, 1 << 16)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            want = 1 << 16
        if left <= 0:
            raise TooLargeError(path, limit + 1, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def atomic_write(
    path: Path, data: str | bytes, *, backup: Path | None = None, private: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same directory, fsync, rename.

    With ``backup``, the previous version of ``path`` (if any) is kept there first.
    A crash at any point leaves either the old file or the new one, never a mix.
    ``private`` keeps the file readable and writable by its owner only.
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
        # mkstemp made the file 0600: private files keep that.
        if path.exists():
            if not private:  # keep the permissions the user gave the file they replace
                with contextlib.suppress(OSError):
                    os.chmod(tmp, path.stat().st_mode & 0o7777)
            if backup is not None:
                _copy(path, backup)
        elif not private:
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


def check_output(path: Path, *, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Everything that would stop :func:`write_output`, checked before anything is changed."""
    check_name_length(path, str(path))
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
    if not os.access(path.parent if str(path.parent) else Path(), os.W_OK):
        raise OutputError(f"{path}: permission denied (cannot write in {path.parent})")


def write_output(path: Path, data: str, *, force: bool, inputs: tuple[Path, ...] = ()) -> Path:
    """Write a user-requested output file, with clear errors instead of tracebacks."""
    check_output(path, force=force, inputs=inputs)
    try:
        atomic_write(path, data)
    except PermissionError:
        raise OutputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path
