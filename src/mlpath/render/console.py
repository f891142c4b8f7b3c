"""The rich consoles mlpath writes to.

Rich honours the terminal's width; piped output gets no colour and a width
of 80 columns unless COLUMNS says otherwise. Two gaps are closed here: with
NO_COLOR rich still sends bold, dim and hyperlink codes, and on TERM=dumb it
assumes 80 columns whatever the terminal's real width. Plain means plain.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, TextIO

from rich.console import Console
from rich.theme import Theme

THEME = Theme(
    {
        "muted": "dim",
        "accent": "bold cyan",
        "good": "green",
        "warn": "yellow",
        "bad": "bold red",
        "phase": "magenta",
    }
)


def stdout() -> Console:
    # Made per call, not cached: width, colour and the stream are read from the
    # environment at creation, and tests change those between invocations.
    return Console(theme=THEME, highlight=False, emoji=False, **_plain_settings(sys.stdout))


def stderr() -> Console:
    return Console(
        theme=THEME, highlight=False, emoji=False, stderr=True, **_plain_settings(sys.stderr)
    )


def _plain_settings(stream: TextIO) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    dumb = os.environ.get("TERM", "").lower() in ("dumb", "unknown")
    if os.environ.get("NO_COLOR") or dumb:
        settings["color_system"] = None  # no escape codes at all, links included
    if dumb:
        # Rich uses its own size only when given both width and height.
        size = os.terminal_size((80, 25))
        with contextlib.suppress(AttributeError, ValueError, OSError):
            size = os.get_terminal_size(stream.fileno())
        columns = os.environ.get("COLUMNS", "")
        settings["width"] = int(columns) if columns.isdigit() and int(columns) else size.columns
        settings["height"] = size.lines
    return settings


def safe(text: str) -> str:
    """Text from data files, made inert: no rich markup and no terminal control codes."""
    from rich.markup import escape

    from mlpath.textsafe import visible

    return escape(visible(text, keep="\n"))
