"""The one way commands speak: results to stdout, messages to stderr with one prefix style.

Every message passes through :func:`mlpath.textsafe.escaped`, so an argument or
a data text quoted in a message can never drive the terminal. Rich is not
imported here: messages are plain lines, and a command that prints only
messages stays fast.
"""

from __future__ import annotations

import sys
from typing import TextIO

from mlpath.textsafe import escaped

PREFIXES = {"note": "note: ", "warn": "warning: ", "error": "error: ", "info": ""}


class Terminal:
    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self._out = out
        self._err = err

    @property
    def out(self) -> TextIO:
        # Looked up at each use: CliRunner swaps sys.stdout per invocation.
        return self._out or sys.stdout

    @property
    def err(self) -> TextIO:
        return self._err or sys.stderr

    def result(self, text: str) -> None:
        """A line of the command's result (stdout); the caller made it safe for its format."""
        self.out.write(text if text.endswith("\n") else text + "\n")
        self.out.flush()

    def _message(self, kind: str, text: str) -> None:
        for line in text.splitlines() or [""]:
            self.err.write(PREFIXES[kind] + escaped(line) + "\n")
        self.err.flush()

    def info(self, text: str) -> None:
        """A plain message: what was saved or written, what to do next."""
        self._message("info", text)

    def note(self, text: str) -> None:
        self._message("note", text)

    def warn(self, text: str) -> None:
        self._message("warn", text)

    def error(self, text: str) -> None:
        self._message("error", text)
