"""Hostile data files: each is refused with a clear one-line reason, fast, never a traceback."""

from __future__ import annotations

import shutil
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from mlpath import yamlfile
from mlpath.catalog import load_catalog
from mlpath.cli import app
from mlpath.errors import DataError
from mlpath.validate import TEMPLATES
from mlpath.yamlfile import MAX_FILE_BYTES, read_yaml


def refused(path: Path) -> str:
    with pytest.raises(DataError) as info:
        read_yaml(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "\n" not in message
    return message


def data_dir_with(tmp_path: Path, roadmaps: bytes) -> Path:
    directory = tmp_path / "data"
    shutil.copytree(TEMPLATES, directory)
    (directory / "roadmaps.yaml").write_bytes(roadmaps)
    return directory


def test_python_tags_are_rejected_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(f'version: !!python/object/apply:os.system ["touch {marker}"]\n')
    message = refused(path)
    assert message == (
        f"{path}:line 1, column 10: YAML error: tag '!!python/object/apply:os.system'"
        " is not allowed; data files hold plain YAML values only"
    )
    assert not marker.exists()
    path.write_text("a: !!python/object:collections.OrderedDict {}\n")
    assert "'!!python/object:collections.OrderedDict' is not allowed" in refused(path)


def test_empty_file(tmp_path: Path, runner: CliRunner) -> None:
    directory = data_dir_with(tmp_path, b"")
    result = runner.invoke(app, ["validate", str(directory)])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == (
        f"{directory / 'roadmaps.yaml'}:1: expected a mapping at the top level, got an empty file"
    )


def test_list_where_a_mapping_is_expected(tmp_path: Path) -> None:
    directory = data_dir_with(tmp_path, b"- phases\n- roles\n")
    with pytest.raises(DataError) as info:
        load_catalog(directory)
    assert info.value.problems == [
        f"{directory / 'roadmaps.yaml'}:1: expected a mapping at the top level, got a list"
    ]


def test_section_of_the_wrong_shape(tmp_path: Path) -> None:
    directory = data_dir_with(tmp_path, b'version: "1"\nphases: {a: 1}\nroles: 3\nmilestones: x\n')
    with pytest.raises(DataError) as info:
        load_catalog(directory)
    assert [p.split(": ", 1)[1] for p in info.value.problems] == [
        "top level: field 'phases': Input should be a valid list",
        "top level: field 'roles': Input should be a valid list",
        "top level: field 'milestones': Input should be a valid list",
    ]


def test_ten_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(b"version: x\n# " + b"x" * (10 * 1024 * 1024) + b"\n")
    start = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - start < 0.5
    assert message == f"{path}: too large for a data file (10.0 MB; the limit is 8 MB)"
    assert path.stat().st_size > MAX_FILE_BYTES


def test_file_just_under_the_limit_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    text = "version: x\nnotes:\n" + "".join(f"  - {i:06} {'x' * 200}\n" for i in range(32_000))
    path.write_text(text)
    assert MAX_FILE_BYTES * 0.7 < path.stat().st_size < MAX_FILE_BYTES
    assert len(read_yaml(path).data["notes"]) == 32_000


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "{a: " * 100_000 + "}" * 100_000,
        "".join(" " * i + "a:\n" for i in range(2000)),
        "- " * 100_000 + "x",
    ],
    ids=["flow-lists", "flow-maps", "block-maps", "block-lists"],
)
def test_deep_nesting_is_a_yaml_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    assert "YAML error" in refused(path)


def test_deep_nesting_within_yaml_limits_fails_validation_cleanly(tmp_path: Path) -> None:
    deep = "[" * 900 + "]" * 900
    directory = data_dir_with(tmp_path, f'version: "1"\nphases: {deep}\n'.encode())
    with pytest.raises(DataError) as info:
        load_catalog(directory)
    assert all(p.startswith(str(directory / "roadmaps.yaml")) for p in info.value.problems)


def test_deep_nesting_with_the_pure_python_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without libyaml the composer recurses in Python: RecursionError must not escape.
    monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 1500 + "]" * 1500)
    assert refused(path) == f"{path}:1: YAML error: nested too deeply"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"version: \xff\xfe\n", "not UTF-8 text (byte 9)"),
        ("version: caf\u00e9\n".encode("latin-1"), "not UTF-8 text (byte 12)"),
        ("version: x\n".encode("utf-16"), "not UTF-8 text (byte 0)"),
    ],
)
def test_non_utf8_bytes(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(raw)
    assert refused(path) == f"{path}:1: {reason}"


def test_control_characters_in_yaml_text(tmp_path: Path, runner: CliRunner) -> None:
    directory = data_dir_with(tmp_path, b"version: \x1b[31mred\x00\n")
    result = runner.invoke(app, ["validate", str(directory)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\x00" not in result.output
    assert "YAML error" in result.stdout


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_fast_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs())  # 9**10 = 3.5 billion strings once expanded
    tracemalloc.start()
    start = time.perf_counter()
    try:
        message = refused(path)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    elapsed = time.perf_counter() - start
    assert "too many values once aliases are expanded" in message
    assert elapsed < 0.5, elapsed
    assert peak < 5 * 1024 * 1024, peak


def test_aliases_that_stay_small_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(billion_laughs(levels=3))  # about 7,000 values
    assert len(read_yaml(path).data["l3"]) == 9


def test_recursive_alias(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a\n  b: *a\n")
    assert refused(path) == f"{path}:1: an alias refers to the collection that holds it"


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text("milestones:\n  - id: a\n    hours: 10\n    hours: 20\n")
    assert refused(path) == f"{path}:4: key 'hours' appears twice in one mapping (first at line 3)"


def test_impossible_dates_in_yaml(tmp_path: Path) -> None:
    path = tmp_path / "date.yaml"
    path.write_text("version: 2027-02-30\n")
    assert (
        refused(path) == f"{path}:1: YAML error: cannot read a value: day is out of range for month"
    )


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("version: x\n")
    path.chmod(0)
    try:
        if path.stat().st_mode and _can_read(path):
            pytest.skip("running as a user who can read anything")
        assert refused(path) == f"{path}: cannot read: Permission denied"
    finally:
        path.chmod(0o644)


def _can_read(path: Path) -> bool:
    try:
        path.read_bytes()
    except OSError:
        return False
    return True


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "roadmaps.yaml").mkdir()
    assert refused(tmp_path / "roadmaps.yaml").endswith("is a directory, expected a YAML file")
