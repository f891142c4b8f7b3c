"""Shared fixtures. No test touches the real home directory or depends on today's date."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.catalog import Catalog, load_catalog, shipped_data_dir


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every user-data location at a temporary directory."""
    home = tmp_path_factory.mktemp("mlpath-home")
    monkeypatch.setenv("MLPATH_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("MLPATH_DATA_DIR", raising=False)
    monkeypatch.delenv("MLPATH_DEBUG", raising=False)
    monkeypatch.delenv("MLPATH_TODAY", raising=False)
    # The machine's locale must not choose the language the tests read.
    for name in ("MLPATH_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    yield home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return shipped_data_dir()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of the shipped data pair."""
    directory = tmp_path / "data"
    shutil.copytree(shipped_data_dir(), directory)
    # The pair alone, so counts of parsed files are about the data files; the
    # translations' part in the cache key has its own test.
    shutil.rmtree(directory / "ja", ignore_errors=True)
    return directory


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every YAML file the catalogue loader parses, in order."""
    from mlpath import catalog as catalog_module

    seen: list[Path] = []
    real = catalog_module.read_yaml

    def counting(path: Path) -> catalog_module.Document:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(catalog_module, "read_yaml", counting)
    return seen
