"""The lock that keeps two mlpath processes from interleaving updates of the state file."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mlpath.errors import StateError

# Commands hold the lock for milliseconds; a writer waits this long before giving up.
LOCK_WAIT_SECONDS = 5.0


@contextlib.contextmanager
def locked(lock: Path, state: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock`` while ``state`` is read, changed and saved."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic replace still protects the file
        yield
        return
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        # Never through a link: that would create or lock a file outside the directory.
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as exc:
        if lock.is_symlink():
            raise StateError(
                f"{lock}: is a symbolic link; mlpath will not follow it. Remove it and try again"
            ) from None
        raise StateError(f"{state}: cannot save: {exc.strerror or exc}") from None
    try:
        _wait_for(fcntl, fd, state)
        yield
    finally:
        os.close(fd)


def _wait_for(fcntl: Any, fd: int, state: Path) -> None:
    """Take the lock, polling with a growing pause, for at most LOCK_WAIT_SECONDS."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    delay = 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StateError(
                    f"{state}: another mlpath is updating it (waited {LOCK_WAIT_SECONDS:g} s);"
                    " try again"
                ) from None
        time.sleep(delay)
        delay = min(delay * 2, 0.1)
