"""The catalogue cache: a hit skips parsing, a change is never missed, damage is repaired."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from mlpath import cache
from mlpath.catalog import Catalog, load_catalog
from mlpath.errors import DataError


def cache_files() -> list[Path]:
    directory = cache.cache_dir()
    return sorted(directory.iterdir()) if directory.is_dir() else []


def test_cache_lives_under_mlpath_home() -> None:
    assert cache.cache_dir() == Path(os.environ["MLPATH_HOME"]) / "cache"


def test_second_load_reads_the_cache_and_gives_the_same_catalogue(
    data: Path, parses: list[Path]
) -> None:
    first = load_catalog(data)
    assert len(parses) == 2
    assert len(cache_files()) == 1
    second = load_catalog(data)
    assert len(parses) == 2  # nothing parsed again
    assert second is not first
    assert second.milestones == first.milestones
    assert second.resources == first.resources
    assert second.roles == first.roles
    assert second.resources_by_phase == first.resources_by_phase
    assert second.sources == first.sources


def test_a_changed_file_is_never_served_stale(data: Path, parses: list[Path]) -> None:
    roadmaps = data / "roadmaps.yaml"
    assert load_catalog(data).milestones["python-basics"].title.en.startswith("Python basics")
    text = roadmaps.read_text(encoding="utf-8")
    # Same length and the same modification time: only the content says it changed.
    stat = roadmaps.stat()
    roadmaps.write_text(text.replace("Python basics", "Pithon basics", 1), encoding="utf-8")
    os.utime(roadmaps, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert roadmaps.stat().st_size == stat.st_size
    assert load_catalog(data).milestones["python-basics"].title.en.startswith("Pithon basics")
    assert len(parses) == 4
    assert len(cache_files()) == 1  # replaced, not piled up


def test_a_changed_translation_is_never_served_stale(data: Path) -> None:
    (data / "ja").mkdir()
    ja = data / "ja" / "roadmaps.yaml"
    ja.write_text("phases:\n  kaggle:\n    title: カグル\n", encoding="utf-8")
    assert load_catalog(data).phases["kaggle"].title.ja == "カグル"
    ja.write_text("phases:\n  kaggle:\n    title: コンペ\n", encoding="utf-8")
    assert load_catalog(data).phases["kaggle"].title.ja == "コンペ"
    ja.unlink()
    assert load_catalog(data).phases["kaggle"].title.ja is None


def test_each_data_directory_has_its_own_cache_file(data: Path) -> None:
    load_catalog(data)
    load_catalog()
    assert len(cache_files()) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:200] + b"\x00garbage" + b[208:],  # a corrupt pickle behind a good header
        lambda b: b"not a cache at all",
    ],
    ids=["empty", "truncated", "corrupt", "foreign"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    data: Path, parses: list[Path], damage: Callable[[bytes], bytes]
) -> None:
    expected = load_catalog(data)
    (path,) = cache_files()
    path.write_bytes(damage(path.read_bytes()))
    assert load_catalog(data).milestones == expected.milestones
    assert len(parses) == 4  # parsed again
    assert load_catalog(data).resources == expected.resources
    assert len(parses) == 4  # and the repaired cache is used


def test_a_cache_of_another_type_is_not_trusted(data: Path, parses: list[Path]) -> None:
    load_catalog(data)
    (path,) = cache_files()
    header = path.read_bytes().split(b"\n", 2)
    path.write_bytes(header[0] + b"\n" + header[1] + b"\n" + pickle.dumps({"not": "a catalogue"}))
    assert load_catalog(data).version == "2026.11"
    assert len(parses) == 4


def test_errors_are_the_same_and_nothing_is_cached(data: Path) -> None:
    (data / "roadmaps.yaml").write_text("version: 1\nphases: [\n", encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(DataError) as info:
            load_catalog(data)
        messages.append(info.value.problems)
    assert messages[0] == messages[1]
    assert "YAML error" in messages[0][0]
    assert cache_files() == []


def test_a_missing_file_is_reported_as_before(data: Path) -> None:
    (data / "resources.yaml").unlink()
    with pytest.raises(DataError, match=r"resources\.yaml: file not found"):
        load_catalog(data)


def test_an_unwritable_cache_only_costs_speed(data: Path, parses: list[Path]) -> None:
    cache.cache_dir().parent.mkdir(parents=True, exist_ok=True)
    cache.cache_dir().write_text("a file where the cache directory should be")
    assert load_catalog(data).version == "2026.11"
    assert load_catalog(data).version == "2026.11"
    assert len(parses) == 4


def test_no_cache_when_turned_off(
    data: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    load_catalog(data)
    load_catalog(data)
    assert len(parses) == 4
    assert cache_files() == []


def test_cache_file_is_written_whole(data: Path) -> None:
    load_catalog(data)
    (path,) = cache_files()
    assert path.read_bytes().startswith(cache.FORMAT)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_load_or_build_passes_build_errors_through(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("x")

    def build() -> str:
        raise DataError("broken on purpose")

    with pytest.raises(DataError, match="broken on purpose"):
        cache.load_or_build([source], build, str)
    assert cache_files() == []


def test_load_or_build_keys_on_every_source(tmp_path: Path) -> None:
    sources = [tmp_path / "a", tmp_path / "b"]
    for path in sources:
        path.write_text("1")
    calls: list[int] = []

    def build() -> str:
        calls.append(1)
        return "".join(p.read_text() for p in sources)

    assert cache.load_or_build(sources, build, str) == "11"
    assert cache.load_or_build(sources, build, str) == "11"
    sources[1].write_text("2")
    assert cache.load_or_build(sources, build, str) == "12"
    assert len(calls) == 2


@pytest.mark.parametrize("with_home", [True, False], ids=["MLPATH_HOME", "platform"])
def test_overlays_and_saved_plans_share_the_user_data_directory(
    with_home: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mlpath import dirs, progress

    if not with_home:
        monkeypatch.delenv("MLPATH_HOME")
    home = dirs.user_data_dir()
    assert progress.state_path().parent == home
    assert dirs.overlay_paths() == []
    home.mkdir(parents=True, exist_ok=True)
    (home / "resources.yaml").write_text("version: x\n")
    assert dirs.overlay_paths() == [home / "resources.yaml"]


def test_models_round_trip_through_pickle_unchanged(catalog: Catalog) -> None:
    import pickle

    from helpers import profile
    from mlpath.planner import build_plan

    plan = build_plan(catalog, profile("researcher", focus="cv"))
    restored = pickle.loads(pickle.dumps(plan, pickle.HIGHEST_PROTOCOL))
    assert restored == plan
    assert restored.model_dump(mode="json") == plan.model_dump(mode="json")
    # A copy with changes keeps its own fields-set: the shared one is never mutated.
    changed = restored.profile.model_copy(update={"hours_per_week": 12.0})
    assert changed.hours_per_week == 12.0 and restored.profile.hours_per_week == 10.0
    again = pickle.loads(pickle.dumps(restored.profile))
    assert again.model_fields_set == set(type(again).model_fields)


def test_equal_texts_are_stored_once(tmp_path: Path) -> None:
    from mlpath.modelbase import Text, share_texts

    a, b = Text(en="Same words"), Text(en="Same words")
    holder = {"x": [a, b], "y": {"z": Text(en="Same words", ja="同じ")}}
    share_texts(holder)
    assert holder["x"][0] is holder["x"][1]
    assert holder["y"]["z"] is not holder["x"][0]  # a different Japanese text stays apart
    first = load_catalog()
    again = load_catalog()  # from the cache
    assert again.milestones == first.milestones
    titles = {}
    for m in again.milestones.values():
        for topic in m.topics:
            titles.setdefault((topic.en, topic.ja), set()).add(id(topic))
    assert all(len(ids) == 1 for ids in titles.values())
