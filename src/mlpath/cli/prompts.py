"""Questions asked on an interactive terminal for options the user did not give."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import typer

from mlpath.errors import UsageError

T = TypeVar("T")


def interactive() -> bool:
    """Prompt only when a person can answer: stdin and stderr are both terminals."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def ask(question: str, default: str | None, convert: Callable[[str], T]) -> T:
    """Ask until the answer converts; the prompt goes to stderr so stdout stays clean."""
    while True:
        answer = typer.prompt(question, default=default, err=True, show_default=default is not None)
        try:
            return convert(str(answer))
        except UsageError as exc:
            from mlpath.cli.context import current

            current().terminal.info(f"  {exc}")
