"""Where mlpath keeps the user's files: ``$MLPATH_HOME``, else the platform's directories.

Light on purpose (no pydantic, no YAML): every command asks where overlays and
the cache are before it knows whether it needs anything heavier.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "MLPATH_HOME"
ROADMAPS_FILE = "roadmaps.yaml"
RESOURCES_FILE = "resources.yaml"
OVERLAY_FILES = (ROADMAPS_FILE, RESOURCES_FILE)
TRANSLATIONS_DIR = "ja"
# Linux's limits; a longer name fails with "File name too long" deep inside a command.
NAME_MAX = 255
PATH_MAX = 4096


def check_name_length(path: Path, what: str) -> Path:
    """UsageError (exit 2) for a name the file system would refuse as too long."""
    from mlpath.errors import UsageError

    raw = os.fsencode(path)
    longest = max((len(part) for part in raw.split(b"/")), default=0)
    if longest > NAME_MAX:
        raise UsageError(
            f"{what}: a name in it is too long ({longest} bytes; the limit is {NAME_MAX})"
        )
    if len(raw) > PATH_MAX:
        raise UsageError(f"{what}: too long ({len(raw)} bytes; the limit is {PATH_MAX})")
    return path


def user_data_dir() -> Path:
    """``$MLPATH_HOME`` if set, else the platform's user data directory for mlpath."""
    env = os.environ.get(HOME_ENV)
    if env:
        return check_name_length(Path(env).expanduser(), HOME_ENV)
    from platformdirs import user_data_dir as platform_dir

    return Path(platform_dir("mlpath", appauthor=False))


def user_cache_dir() -> Path:
    """``$MLPATH_HOME/cache`` if ``MLPATH_HOME`` is set, else the platform's user cache dir."""
    env = os.environ.get(HOME_ENV)
    if env:
        return check_name_length(Path(env).expanduser(), HOME_ENV) / "cache"
    from platformdirs import user_cache_dir as platform_dir

    return Path(platform_dir("mlpath", appauthor=False))


def overlay_paths(directory: Path | None = None) -> list[Path]:
    """The overlay files present in ``directory``, by default the user data directory.

    See :mod:`mlpath.overlay` for what they hold and how they merge.
    """
    home = directory or user_data_dir()
    return [home / name for name in OVERLAY_FILES if (home / name).exists()]


def translation_paths(directory: Path) -> list[Path]:
    """The translation files beside a data pair: every ``ja/*.yaml``, in name order.

    A translation file says by its sections what it translates (``resources`` or
    the roadmap's ``phases``, ``roles``, ``milestones``), so the work can be split
    into several files.
    """
    folder = directory / TRANSLATIONS_DIR
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []
