"""The project's exceptions. Each carries the exit status the CLI should use."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class MlpathError(Exception):
    """Base class: a problem we can explain to the user without a traceback."""

    exit_code = 1


class UsageError(MlpathError):
    """Bad input on the command line (exit 2)."""

    exit_code = 2


class DataError(MlpathError):
    """A data file is missing, unreadable or invalid (exit 2: bad input)."""

    exit_code = 2

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]


class OutputError(MlpathError):
    """A result could not be written where the user asked (exit 1)."""

    exit_code = 1


class StateError(MlpathError):
    """The saved progress file is missing, corrupt or inconsistent (exit 1)."""

    exit_code = 1


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """The closest choice to a mistyped value, if any is close enough."""
    matches = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return matches[0] if matches else None


def closest(value: str, choices: Iterable[str], n: int = 3, cutoff: float = 0.5) -> list[str]:
    """Up to ``n`` choices that contain ``value``, else the most similar ones."""
    options = list(choices)
    text = value.strip().lower()
    containing = [c for c in options if text and text in c]
    if containing:
        return containing[:n]
    scored = sorted(
        ((difflib.SequenceMatcher(None, text, c).ratio(), c) for c in options), reverse=True
    )
    if not scored or scored[0][0] < cutoff:
        return []
    # A clear winner (a typo) is the one answer; otherwise the few that are as close.
    best = scored[0][0]
    return [c for ratio, c in scored[:n] if ratio >= max(cutoff, best - 0.1)]


def unknown_choice(what: str, value: str, choices: Iterable[str]) -> UsageError:
    """ "unknown target 'mel'; did you mean 'mle'? choices: ds, mle, researcher"."""
    options = list(choices)
    message = f"unknown {what} {value!r}"
    suggestion = did_you_mean(value, options)
    if suggestion:
        message += f"; did you mean {suggestion!r}?"
    message += f"{'' if suggestion else ';'} choices: {', '.join(options)}"
    return UsageError(message)
