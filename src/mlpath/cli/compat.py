"""Every use of typer's internals, in one place.

mlpath builds commands lazily (see ``mlpath.cli``), which typer's public API
does not offer, and recent typer releases vendor click as ``typer._click``
while older ones depend on click itself. ``tests/test_compat.py`` fails loudly
when a typer release changes any of this; pyproject pins the tested range.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:  # recent typer releases vendor click
    from typer import _click as click
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older typer depends on click itself
    import click  # type: ignore[no-redef,import-not-found,unused-ignore]
    from click import get_current_context  # type: ignore[no-redef,import-not-found,unused-ignore]

from typer.core import TyperGroup as TyperGroup


def build_command(
    name: str, callback: Callable[..., Any], *, rich_markup_mode: Any, short: bool
) -> click.Command:
    """The click command typer would make for ``callback`` registered as ``name``."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    return get_command_from_info(
        CommandInfo(name=name, callback=callback),
        pretty_exceptions_short=short,
        rich_markup_mode=rich_markup_mode,
    )


def short_help(doc: str, limit: int) -> str:
    """click's first-sentence summary of a docstring, as the command list shows it."""
    make: Callable[[str, int], str] = click.utils.make_default_short_help
    return make(doc, limit)


def is_click_exception(exc: BaseException) -> bool:
    """Exceptions from option parsing, which keep click's exit codes and formatting."""
    return isinstance(exc, click.exceptions.ClickException)


__all__ = [
    "TyperGroup",
    "build_command",
    "click",
    "get_current_context",
    "is_click_exception",
    "short_help",
]
