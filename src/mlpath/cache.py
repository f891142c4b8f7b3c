"""A cache of the validated catalogue, so most runs skip YAML parsing and validation.

Reading the cache is what makes a command start fast: for the shipped data it
takes about 2 ms where parsing and validating the YAML takes about 30 ms (and
importing PyYAML another 12 ms). Pickle is used because it is the fastest of
the formats measured (``model_validate_json`` of a cached JSON copy is no
faster and needs the same models); the cache directory belongs to the user, as
do the data files it stands for.

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
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

NO_CACHE_ENV = "MLPATH_NO_CACHE"
# Bump when the layout of a cache file changes.
FORMAT = b"mlpath-cache 1\n"


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
    """Hash of the code signature and the bytes of every source file (raises OSError)."""
    digest = hashlib.sha256(_code_signature())
    for source in sources:
        data = source.read_bytes()
        digest.update(f"\n{source}\n{len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def cache_file(sources: Sequence[Path]) -> Path:
    names = "\n".join(str(Path(os.path.abspath(s))) for s in sources)
    return cache_dir() / f"catalog-{hashlib.sha256(names.encode()).hexdigest()[:20]}.pickle"


def _read(path: Path, key: str, kind: type[T]) -> T | None:
    header = FORMAT + key.encode() + b"\n"
    try:
        with path.open("rb") as handle:
            if handle.read(len(header)) != header:
                return None  # missing, from other data, or from another mlpath
            payload = handle.read()
    except OSError:
        return None
    try:
        with gc_paused():
            value = pickle.loads(payload)
    except Exception:  # a corrupt cache is ignored and rebuilt, whatever is wrong with it
        return None
    return value if isinstance(value, kind) else None


def _write(path: Path, key: str, value: object) -> None:
    from mlpath.files import atomic_write

    payload = FORMAT + key.encode() + b"\n" + pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    # A cache that cannot be written (read-only home, full disk) only costs speed.
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, payload)


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
