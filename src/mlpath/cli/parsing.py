"""Turn option strings into typed values, with errors that say what would be right."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import TYPE_CHECKING

from mlpath.errors import UsageError, unknown_choice

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Level, Phase, Role

LEVELS = ("beginner", "intermediate", "advanced")
LANGS = ("en", "ja")
MIN_HOURS, MAX_HOURS = 1.0, 100.0
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2999, 12, 31)


def normalize(value: str) -> str:
    """Trim, fold and lower a user's value; control characters are refused outright.

    NFKC folds full-width input from Japanese keyboards to ASCII.
    Format characters (bidi overrides, zero-width joiners) count as control
    characters: they can make an id look like another one.
    """
    if any(unicodedata.category(ch) in _INVISIBLE for ch in value):
        raise UsageError(f"{value!r} contains control characters")
    return unicodedata.normalize("NFKC", value).strip().lower()


_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def parse_target(catalog: Catalog, value: str) -> Role:
    role = catalog.role(normalize(value))
    if role is None:
        raise unknown_choice("target", value.strip(), catalog.roles)
    return role


def parse_level(value: str) -> Level:
    from mlpath.models import Level

    text = normalize(value)
    if text not in LEVELS:
        raise unknown_choice("level", value.strip(), LEVELS)
    return Level(text)


def parse_date(value: str, what: str = "start date") -> dt.date:
    text = value.strip()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        reason = str(exc) if text and text[0].isdigit() and len(text) == 10 else "not a date"
        raise UsageError(f"invalid {what} {value!r} ({reason}); use YYYY-MM-DD") from None
    if not (MIN_DATE <= day <= MAX_DATE):
        # Far-future dates would overflow Python's calendar once a plan is laid out.
        raise UsageError(
            f"{what} {day.isoformat()} is out of range; use a date between"
            f" {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}"
        )
    return day


def check_hours(hours: float) -> float:
    if not (MIN_HOURS <= hours <= MAX_HOURS):
        raise UsageError(
            f"hours per week must be between {MIN_HOURS:g} and {MAX_HOURS:g}, got {hours:g}"
        )
    return hours


def parse_lang(value: str | None) -> str | None:
    if value is None:
        return None
    text = normalize(value)
    if text not in LANGS:
        raise unknown_choice("language", value.strip(), LANGS)
    return text


def parse_focus(value: str | None) -> str | None:
    from mlpath.models import FOCUSES

    if value is None:
        return None
    text = normalize(value)
    if text not in FOCUSES:
        raise unknown_choice("focus", value.strip(), FOCUSES)
    return text


def parse_phase(catalog: Catalog, value: str) -> Phase:
    text = normalize(value)
    if text not in catalog.phases:
        raise unknown_choice("phase", value.strip(), catalog.phases)
    return catalog.phases[text]


def parse_skips(catalog: Catalog, values: list[str]) -> list[str]:
    """Milestone or phase ids, comma-separated or repeated."""
    ids: list[str] = []
    for value in values:
        if not value.replace(",", "").strip():
            raise UsageError(f"empty --skip value {value!r}; give milestone or phase ids")
        for part in value.split(","):
            text = normalize(part)
            if not text:
                continue
            if text not in catalog.milestones and text not in catalog.phases:
                raise unknown_choice(
                    "milestone or phase", part.strip(), [*catalog.phases, *catalog.milestones]
                )
            ids.append(text)
    return ids
