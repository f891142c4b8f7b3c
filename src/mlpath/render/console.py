"""The rich consoles mlpath writes to.

Rich already honours NO_COLOR, TERM=dumb and the terminal's width; piped
output gets no colour and a width of 80 columns unless COLUMNS says otherwise.
"""

from __future__ import annotations

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
    return Console(theme=THEME, highlight=False, emoji=False)


def stderr() -> Console:
    return Console(theme=THEME, highlight=False, emoji=False, stderr=True)


def safe(text: str) -> str:
    """Text from data files, made inert: no rich markup and no terminal control codes."""
    from rich.markup import escape

    cleaned = "".join(ch if ch.isprintable() or ch == "\n" else "\ufffd" for ch in text)
    return escape(cleaned)
