"""Choosing the language: --lang, then MLPATH_LANG, then the locale, then English."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from mlpath.i18n import pick_language

LOCALE = ("MLPATH_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(
    ("env", "explicit", "expected"),
    [
        ({}, None, "en"),
        ({"LANG": "ja_JP.UTF-8"}, None, "ja"),
        ({"LANG": "ja_JP.UTF-8"}, "en", "en"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, None, "en"),  # LC_ALL decides first
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, None, "ja"),
        ({"LANGUAGE": "fr:ja:en", "LANG": "en_US.UTF-8"}, None, "ja"),
        ({"MLPATH_LANG": "ja", "LANG": "en_US.UTF-8"}, None, "ja"),
        ({"MLPATH_LANG": "de", "LANG": "ja_JP"}, None, "ja"),
    ],
)
def test_pick_language(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], explicit: str | None, expected: str
) -> None:
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert pick_language(explicit) == expected


def test_lang_chooses_the_data_language_everywhere(runner: CliRunner) -> None:
    args = ["plan", "-t", "mle", "-l", "beginner", "-s", "2027-01-04"]
    english = runner.invoke(app, args, env={"LANG": "en_US.UTF-8"})
    japanese = runner.invoke(app, args, env={"LANG": "ja_JP.UTF-8"})
    forced = runner.invoke(app, ["--lang", "en", *args], env={"LANG": "ja_JP.UTF-8"})
    assert "Python basics, notebooks and Git" in english.stdout
    assert "機械学習エンジニア (mle)" in japanese.stdout
    assert "Python の基本" in japanese.stdout
    assert "Machine Learning Engineer (mle)" in forced.stdout
    bad = runner.invoke(app, ["status", "--lang", "fr"])
    assert bad.exit_code == 2 and "unknown language 'fr'" in bad.stderr
