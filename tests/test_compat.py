"""typer's internals that mlpath relies on: if a typer release changes them, fail here first."""

from __future__ import annotations

import pytest
import typer

from mlpath.cli import compat


def test_click_is_reachable_with_what_mlpath_uses() -> None:
    assert issubclass(compat.TyperGroup, compat.click.core.Command)
    # The methods MlpathGroup overrides or calls.
    for method in ("list_commands", "get_command", "format_commands", "invoke", "main"):
        assert callable(getattr(compat.TyperGroup, method)), method
    assert callable(getattr(compat.TyperGroup, "add_command", None))
    assert callable(compat.get_current_context)
    assert issubclass(compat.click.exceptions.UsageError, compat.click.exceptions.ClickException)
    assert compat.click.exceptions.NoArgsIsHelpError


def test_build_command_makes_a_working_click_command(capsys: pytest.CaptureFixture[str]) -> None:
    def hello(name: str = typer.Option("x", "--name", help="Who.")) -> None:
        """Say hello. More text."""
        typer.echo(f"hello {name}")

    command = compat.build_command("hello", hello, rich_markup_mode=None, short=True)
    assert isinstance(command, compat.click.core.Command)
    assert [p.name for p in command.params] == ["name"]
    command.main(["--name", "y"], standalone_mode=False)
    assert capsys.readouterr().out == "hello y\n"


def test_short_help_and_click_exceptions() -> None:
    assert compat.short_help("Say hello. More text.", 40) == "Say hello."
    assert compat.is_click_exception(compat.click.exceptions.UsageError("x"))
    assert not compat.is_click_exception(ValueError("x"))


def test_current_context_inside_a_command() -> None:
    seen = []

    def probe() -> None:
        seen.append(compat.get_current_context(silent=True))

    command = compat.build_command("probe", probe, rich_markup_mode=None, short=True)
    command.main([], standalone_mode=False)
    assert isinstance(seen[0], compat.click.Context)
    assert compat.get_current_context(silent=True) is None
