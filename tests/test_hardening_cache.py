"""The catalogue cache under attack: planted files never run code or smuggle data in.

A cache file that another local user could have written, or that does not
carry the integrity check only this user's mlpath can compute, is ignored and
rebuilt from the data files.
"""

from __future__ import annotations

import os
import pickle
import shutil
import stat
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import run_cli
from mlpath import cache
from mlpath.catalog import Catalog, load_catalog
from mlpath.cli import app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX owners and modes")


def the_cache_file() -> Path:
    (path,) = [p for p in cache.cache_dir().iterdir() if not p.name.startswith(".")]
    return path


def plant(payload: bytes) -> Path:
    """Replace the pickled part of the genuine cache file, keeping everything before it."""
    path = the_cache_file()
    genuine = path.read_bytes()
    start = genuine.index(b"\x80" + bytes([pickle.HIGHEST_PROTOCOL]))
    path.write_bytes(genuine[:start] + payload)
    return path


class Evil:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_is_never_run(data: Path, tmp_path: Path, parses: list[Path]) -> None:
    load_catalog(data)
    marker = tmp_path / "pwned"
    plant(pickle.dumps(Evil(marker), pickle.HIGHEST_PROTOCOL))
    assert load_catalog(data).version == "2026.11"
    assert not marker.exists()
    assert len(parses) == 4  # rebuilt from the data files


def crafted(catalog: Catalog) -> Catalog:
    """A well-formed catalogue no validation would accept: negative hours, a javascript: link."""
    milestone = catalog.milestones["python-basics"].model_copy(update={"hours": -40})
    rid = catalog.milestones["python-basics"].resources[0]
    resource = catalog.resources[rid].model_copy(update={"url": "javascript:alert(1)"})
    milestones = {**catalog.milestones, "python-basics": milestone}
    resources = {**catalog.resources, rid: resource}
    return Catalog(
        catalog.version,
        catalog.phases,
        catalog.roles,
        milestones,
        resources,
        catalog.sources,
    )


def test_a_crafted_catalogue_never_reaches_the_output(
    data: Path, tmp_path: Path, runner: CliRunner
) -> None:
    genuine = load_catalog(data)
    plant(pickle.dumps(crafted(genuine), pickle.HIGHEST_PROTOCOL))
    again = load_catalog(data)
    assert again.milestones["python-basics"].hours > 0
    assert all("javascript" not in str(r.url) for r in again.resources.values())
    out = tmp_path / "plan.md"
    plant(pickle.dumps(crafted(genuine), pickle.HIGHEST_PROTOCOL))
    args = ["plan", "--no-input", "-t", "mle", "-s", "2027-01-04", "--data-dir", str(data)]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "javascript:" not in text and "-40 h" not in text


@pytest.mark.parametrize("what", ["directory", "file"])
def test_a_cache_others_can_write_is_refused_and_rebuilt(
    data: Path, parses: list[Path], what: str
) -> None:
    load_catalog(data)
    target = cache.cache_dir() if what == "directory" else the_cache_file()
    target.chmod(0o777 if what == "directory" else 0o666)
    load_catalog(data)
    assert len(parses) == 4  # not trusted: parsed again
    load_catalog(data)
    assert len(parses) == 4  # rewritten privately, then trusted again
    assert stat.S_IMODE(the_cache_file().stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(cache.cache_dir().stat().st_mode) & 0o022 == 0


def test_a_cache_owned_by_someone_else_is_refused(
    data: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_catalog(data)
    owner = the_cache_file().stat().st_uid
    assert owner == os.getuid()
    cache.cache_dir().chmod(0o777)
    monkeypatch.setattr(os, "getuid", lambda: owner + 1)
    load_catalog(data)
    assert len(parses) == 4
    # Someone else's shared directory is neither used nor changed.
    assert stat.S_IMODE(cache.cache_dir().stat().st_mode) == 0o777


def test_the_ownership_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x")
    path.chmod(0o600)
    assert cache.private(path.stat())
    path.chmod(0o620)
    assert not cache.private(path.stat())
    path.chmod(0o602)
    assert not cache.private(path.stat())
    path.chmod(0o644)
    assert cache.private(path.stat())
    monkeypatch.setattr(os, "getuid", lambda: path.stat().st_uid + 1)
    assert not cache.private(path.stat())


def test_the_secret_key_is_private_to_the_user(data: Path, _isolated_home: Path) -> None:
    load_catalog(data)
    key = _isolated_home / cache.KEY_FILE
    info = key.lstat()
    assert stat.S_ISREG(info.st_mode)
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert info.st_uid == os.getuid()


def test_a_readable_key_is_replaced_and_old_caches_are_rebuilt(
    data: Path, parses: list[Path], _isolated_home: Path
) -> None:
    load_catalog(data)
    key = _isolated_home / cache.KEY_FILE
    old = key.read_bytes()
    key.chmod(0o644)  # others could have read it: it no longer proves anything
    load_catalog(data)
    assert len(parses) == 4
    assert key.read_bytes() != old
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["fifo", "symlink to /dev/zero", "symlink"])
def test_a_cache_file_that_is_not_a_regular_file_is_skipped(tmp_path: Path, kind: str) -> None:
    args = ["plan", "--no-input", "-t", "mle", "-s", "2027-01-04"]
    assert run_cli(args).returncode == 0
    path = the_cache_file()
    copy = tmp_path / "copy"
    shutil.copy(path, copy)
    genuine = copy.read_bytes()
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(copy)  # even a genuine cache is not followed through a link
    else:
        path.symlink_to("/dev/zero")
    result = run_cli(args, timeout=20)  # in a child process: a hang fails, never blocks
    assert result.returncode == 0, result.stderr
    assert not path.is_symlink() and path.is_file()  # rebuilt as a private regular file
    assert copy.read_bytes() == genuine
