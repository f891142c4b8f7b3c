"""A cache of the validated catalogue, so most runs skip YAML parsing and validation.

Reading the cache is what makes a command start fast: for the shipped data it
takes about 2 ms where parsing and validating the YAML takes about 30 ms (and
importing PyYAML another 12 ms). Pickle is used because it is the fastest of
the formats measured (``model_validate_json`` of a cached JSON copy is no
faster and needs the same models).

Pickle can run code, so nothing is unpickled that this user's mlpath did not
write: the cache directory and file must belong to the user, be writable by
no one else and be a regular file (not a link), and the file must carry a
keyed hash (HMAC-SHA256) made with a secret key that only the user can read
(``cache.key`` in the user data directory, mode 0600). Another local user who
can write to the cache location cannot make that hash, so a planted file is
ignored and rebuilt, never loaded; this also keeps out well-formed catalogues
that were never validated. A directory that others can write to is never read;
the user's own loses those write bits before a rewrite, anyone else's is not used.

Never stale: the key hashes the bytes of every data file the catalogue came
from (the shipped pair or ``--data-dir``, plus any overlays), mlpath's version
and its domain modules' source files, and the Python and pydantic versions; a
change to any of them is a miss. One cache file per set of data files, named
by their paths, so files do not pile up. An unreadable, truncated or otherwise
corrupt cache file is ignored and rewritten; writes are atomic, so a
concurrent run never reads half a file. ``MLPATH_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import hmac
import os
import pickle
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

NO_CACHE_ENV = "MLPATH_NO_CACHE"
KEY_FILE = "cache.key"
KEY_BYTES = 32
# Bump when the layout of a cache file changes.
FORMAT = b"mlpath-cache 2\n"
MAX_CACHE_BYTES = 1 << 30


def cache_dir() -> Path:
    """``$MLPATH_HOME/cache`` if ``MLPATH_HOME`` is set, else the platform's user cache dir."""
    from mlpath.dirs import user_cache_dir

    return user_cache_dir()


def enabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("", "0", "false", "no")


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the catalogue is built, and none over it after.

    Building tens of thousands of objects would otherwise trigger collections
    that traverse all of them again and again, and every later collection
    would traverse them once more (measured: 4x slower at 100x the shipped
    data). The catalogue lives as long as the command, so it is moved out of
    the collector's sight (``gc.freeze``); reference counting still frees it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _code_signature() -> bytes:
    """What the cached objects' shape and validity depend on besides the data files."""
    import pydantic.version

    from mlpath import __version__

    parts = [FORMAT, __version__.encode(), sys.version.encode(), pydantic.version.VERSION.encode()]
    # The domain modules (models, catalog, overlays...) define what a valid catalogue is
    # and how it is pickled; stat them rather than hash them: editing one changes its mtime.
    package = Path(__file__).parent
    with os.scandir(package) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return b"\n".join(parts)


def content_key(sources: Sequence[Path]) -> str:
    """Hash of the code signature and the bytes of every source file (raises OSError).

    A source that is not a regular file or is over the data files' size limit
    raises before a byte of it is read.
    """
    from mlpath.files import read_regular
    from mlpath.yamlfile import MAX_FILE_BYTES

    digest = hashlib.sha256(_code_signature())
    for source in sources:
        data = read_regular(source, MAX_FILE_BYTES)
        digest.update(f"\n{source}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


# --- trust -------------------------------------------------------------------------


def private(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else (the file or directory of a cache)."""
    return _mine(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _mine(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()  # Windows: ACLs, not modes


def _private_dir(directory: Path, *, create: bool, tighten: bool = False) -> bool:
    """Whether ``directory`` (not a link) is the user's alone; created 0700 when asked.

    With ``tighten``, a directory the user owns but others may write to (made
    under umask 002, say) loses those write bits instead of disabling the cache
    for good; whatever others put in it meanwhile fails the file checks.
    """
    if create:
        with contextlib.suppress(OSError):
            directory.mkdir(mode=0o700, parents=True)
    try:
        info = os.lstat(directory)
        if tighten and stat.S_ISDIR(info.st_mode) and not private(info) and _mine(info):
            os.chmod(directory, stat.S_IMODE(info.st_mode) & ~0o022)
            info = os.lstat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and private(info)


def _read_private(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a private regular file (links not followed), else None."""
    from mlpath.files import read_regular

    try:
        info = os.lstat(path)
        if not (stat.S_ISREG(info.st_mode) and private(info)):
            return None
        return read_regular(path, limit, follow_symlinks=False)
    except OSError:
        return None


def secret_key(*, create: bool) -> bytes | None:
    """The user's cache key: 32 random bytes that only the user can read, made on first use.

    A key that others could have read or replaced proves nothing: it is
    replaced by a new one (every cache file is then rebuilt once).
    """
    from mlpath.dirs import user_data_dir

    home = user_data_dir()
    if not _private_dir(home, create=create):
        return None
    path = home / KEY_FILE
    key = _read_private(path, KEY_BYTES)
    with contextlib.suppress(OSError):
        if key is not None and len(key) == KEY_BYTES and not path.stat().st_mode & 0o077:
            return key
    if not create:
        return None
    from mlpath.files import atomic_write

    key = os.urandom(KEY_BYTES)  # not `secrets`: importing it costs ~10 ms at start-up
    try:
        atomic_write(path, key, private=True)
    except OSError:
        return None
    return key


def _seal(secret: bytes, header: bytes, payload: bytes | memoryview) -> bytes:
    # HMAC-SHA256: SHA-256 has hardware support on most CPUs, twice BLAKE2b's speed here.
    mac = hmac.new(secret, header, "sha256")
    mac.update(payload)
    return mac.hexdigest().encode()


def cache_file(sources: Sequence[Path]) -> Path:
    names = "\n".join(str(Path(os.path.abspath(s))) for s in sources)
    return cache_dir() / f"catalog-{hashlib.sha256(names.encode()).hexdigest()[:20]}.pickle"


# A file: FORMAT, the content key and the seal (hex) on a line each, then the pickle.
_SEAL_LINE = 64 + 1


def _read(path: Path, key: str, kind: type[T]) -> T | None:
    header = FORMAT + key.encode() + b"\n"
    if not _private_dir(path.parent, create=False):
        return None
    raw = _read_private(path, MAX_CACHE_BYTES)
    if raw is None or not raw.startswith(header):
        return None  # missing, untrusted, from other data, or from another mlpath
    secret = secret_key(create=False)
    view = memoryview(raw)  # no copies of a file that can be tens of MB
    seal, payload = view[len(header) : len(header) + _SEAL_LINE], view[len(header) + _SEAL_LINE :]
    if secret is None or not hmac.compare_digest(seal, _seal(secret, header, payload) + b"\n"):
        return None  # not written by this user's mlpath: never unpickled
    try:
        with gc_paused():
            value = pickle.loads(payload)
    except Exception:  # a corrupt cache is ignored and rebuilt, whatever is wrong with it
        return None
    return value if isinstance(value, kind) else None


def _write(path: Path, key: str, value: object) -> None:
    from mlpath.files import atomic_write

    # A cache that cannot be written (read-only home, full disk, a directory others
    # can write to) only costs speed.
    secret = secret_key(create=True)
    if secret is None or not _private_dir(path.parent, create=True, tighten=True):
        return
    header = FORMAT + key.encode() + b"\n"
    from mlpath.modelbase import share_texts

    share_texts(value)
    payload = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError):
        atomic_write(path, header + _seal(secret, header, payload) + b"\n" + payload, private=True)


def load_or_build(sources: Sequence[Path], build: Callable[[], T], kind: type[T]) -> T:
    """The value cached for ``sources``, or ``build()`` (then cached) when there is none.

    ``build`` must be deterministic in the sources' bytes. Its errors pass
    through unchanged, and nothing is cached when it fails.
    """
    if not enabled():
        with gc_paused():
            return build()
    try:
        key = content_key(sources)
    except OSError:  # a missing or unreadable file: let build() report it in its own words
        with gc_paused():
            return build()
    path = cache_file(sources)
    cached = _read(path, key, kind)
    if cached is not None:
        return cached
    with gc_paused():
        value = build()
    _write(path, key, value)
    return value
