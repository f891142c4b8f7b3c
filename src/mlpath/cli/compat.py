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


def readable_help(command: click.Command, metavars: dict[str, str]) -> None:
    """Help that shows ``--on DATE`` and ``ID...`` instead of typer's ``<str>`` and ``{ID}...``.

    Options get a metavar from ``metavars`` (by parameter name) unless they
    declare one; arguments drop typer's type label and braces.
    """
    for param in command.params:
        if param.param_type_name == "option":
            flag = getattr(param, "is_flag", False)
            if not flag and param.metavar is None and param.name in metavars:
                param.metavar = metavars[param.name]
        elif param.param_type_name == "argument":
            _plain_argument(param)


def _plain_argument(param: Any) -> None:
    name = param.metavar or (param.name or "ARG").upper()
    shown = name if param.nargs == 1 else f"{name}..."
    usage = shown if param.required else f"[{shown}]"
    # Instance attributes shadow typer's own formatting of this one parameter.
    param.display_type_rich = lambda ctx: None
    param._usage_display_name = lambda: usage
    param._rich_display_name = lambda: shown
    param.make_metavar = lambda *args, **kwargs: usage


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
    "readable_help",
    "short_help",
]
