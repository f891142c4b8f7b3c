"""Data files from a fuzzer: every problem names its file and line; huge text is refused."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import run_cli
from mlpath.catalog import load_catalog, shipped_data_dir
from mlpath.cli import app
from mlpath.errors import DataError
from mlpath.export.markdown import escape
from mlpath.validate import TEMPLATES
from mlpath.yamlfile import read_yaml


def refused_at(path: Path) -> tuple[int, str]:
    """The line a read error names, and the rest of the message."""
    with pytest.raises(DataError) as info:
        read_yaml(path)
    match = re.match(rf"^{re.escape(str(path))}:(\d+): (.*)$", str(info.value))
    assert match, str(info.value)
    return int(match[1]), match[2]


def test_non_utf8_bytes_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(b"version: x\nphases:\n  - id: caf\xe9\n")
    assert refused_at(path) == (3, "not UTF-8 text (byte 30)")


def test_impossible_dates_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "date.yaml"
    path.write_text("version: x\nphases: []\nwhen: 2027-02-30\n")
    line, message = refused_at(path)
    assert line == 3
    assert "day is out of range for month" in message


def test_control_characters_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "ctl.yaml"
    path.write_bytes(b"version: x\n\nphases: \x07\n")
    line, message = refused_at(path)
    assert line == 3
    assert "\x07" not in message


def test_alias_bombs_name_a_line(tmp_path: Path) -> None:
    lines = ['a: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for n in range(1, 10):
        lines.append(f"b{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    line, message = refused_at(path)
    assert 1 <= line <= 10
    assert "too many values once aliases are expanded" in message


def pair(tmp_path: Path, roadmaps: str) -> Path:
    directory = tmp_path / "data"
    shutil.copytree(TEMPLATES, directory)
    (directory / "roadmaps.yaml").write_text(roadmaps, encoding="utf-8")
    return directory


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_wrong_top_level_type_names_a_line(tmp_path: Path, runner: CliRunner, text: str) -> None:
    directory = pair(tmp_path, text)
    result = runner.invoke(app, ["validate", str(directory)])
    assert result.exit_code == 2
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{directory / 'roadmaps.yaml'}:1: expected a mapping"), first


def test_every_validate_problem_line_names_a_line(tmp_path: Path, runner: CliRunner) -> None:
    cases = [
        b"version: x\nphases: \x07\n",
        b"version: \xff\n",
        b"version: 2027-02-30\n",
        b"- 1\n",
        b"",
    ]
    for n, raw in enumerate(cases):
        directory = tmp_path / f"d{n}"
        shutil.copytree(TEMPLATES, directory)
        (directory / "roadmaps.yaml").write_bytes(raw)
        result = runner.invoke(app, ["validate", str(directory)])
        assert result.exit_code == 2
        for line in result.stdout.splitlines()[:-1]:
            where = r"(\d+|line \d+, column \d+)"
            assert re.match(rf"^{re.escape(str(directory))}/\w+\.yaml:{where}: ", line), line


# --- overlays -------------------------------------------------------------------


def test_an_overlay_that_removes_everything_is_named(
    _isolated_home: Path, runner: CliRunner
) -> None:
    catalog = load_catalog()
    ids = ", ".join(catalog.phases)
    overlay = _isolated_home / "roadmaps.yaml"
    overlay.write_text(f"remove:\n  phases: [{ids}]\n", encoding="utf-8")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert re.search(rf"^{re.escape(str(overlay))}:\d+: .*every phase", result.stdout, re.M), (
        result.stdout
    )


@pytest.mark.parametrize("content", ["", "\n", "# nothing yet\n", "---\n"])
def test_an_empty_overlay_is_like_an_empty_mapping(
    _isolated_home: Path, runner: CliRunner, content: str
) -> None:
    (_isolated_home / "resources.yaml").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["roles"])
    assert result.exit_code == 0, result.output


# --- huge text ------------------------------------------------------------------


def test_huge_text_fields_are_refused_with_their_line(tmp_path: Path, runner: CliRunner) -> None:
    directory = tmp_path / "data"
    shutil.copytree(shipped_data_dir(), directory)
    path = directory / "roadmaps.yaml"
    text = path.read_text(encoding="utf-8")
    huge = "x" * 1_000_000  # one long word: wrapping it would take seconds
    text = text.replace('title: "Python basics', f'title: "{huge} Python basics', 1)
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(directory)])
    assert result.exit_code == 2
    assert "at most" in result.stdout
    assert re.search(rf"^{re.escape(str(path))}:\d+: ", result.stdout, re.M)
    assert len(result.stdout) < 5000  # the value is not echoed back whole


# --- Markdown block starts ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> quoted", "\\> quoted"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("12) twelfth", "12\\) twelfth"),
        ("    code", "code"),
        ("===", "\\==="),
        ("a > b - c", "a > b - c"),
    ],
)
def test_block_starts_in_markdown_are_escaped(text: str, expected: str) -> None:
    assert escape(text) == expected


def test_an_outcome_starting_with_a_quote_stays_a_paragraph(
    tmp_path: Path, runner: CliRunner
) -> None:
    directory = tmp_path / "data"
    shutil.copytree(shipped_data_dir(), directory)
    path = directory / "roadmaps.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("id: python-basics")
    at = text.index("outcome:", start)
    end = text.index("\n", at)
    text = text[:at] + 'outcome: "> Quoted outcome"' + text[end:]
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.md"
    args = ["plan", "--no-input", "-t", "mle", "-s", "2027-01-04", "--data-dir", str(directory)]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "\n\\> Quoted outcome\n" in out.read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_validate_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "roadmaps.yaml"
    os.mkfifo(fifo)
    result = run_cli(["validate", str(fifo)])
    assert result.returncode == 2
    assert f"{fifo}: not a regular file" in result.stdout
