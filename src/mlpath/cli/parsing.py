"""Turn option strings into typed values, with errors that say what would be right."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from mlpath.errors import UsageError, did_you_mean, unknown_choice

# Only the times are matched by a pattern, anchored at the end; the days are what
# precedes them. (A lazy days group followed by \s+ backtracked quadratically.)
_TIMES = re.compile(r"\s(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_DAYS = re.compile(r"[A-Za-z, ]+")
MAX_TZ_CHARS = 64  # the longest IANA name has 32
SESSION_FORMAT = (
    'sessions look like "Mon,Wed 19:00-21:00" (days Mon..Sun, 24-hour times);'
    ' separate several with ";", e.g. "Mon,Wed 19:00-21:00; Sat 10:00-12:30"'
)


if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import Session
    from mlpath.models import Level, Phase, Role

HORIZON_PRESETS = ("3m", "6m", "1y", "2y", "3y")
_HORIZON_RE = re.compile(r"^\s*(\d{1,3})\s*([wmy])\s*$", re.IGNORECASE)
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


DATE_FORMS = "YYYY-MM-DD (or YYYY/MM/DD, today, tomorrow, a weekday such as monday)"


def parse_date(value: str, what: str = "start date", today: dt.date | None = None) -> dt.date:
    """A date as people type it; relative words count from ``today`` (the run's today)."""
    from mlpath.dates import read_day

    if today is None:
        from mlpath.cli.context import current

        today = current().today
    try:
        found = read_day(value, today)
    except ValueError as exc:  # well formed, but no such day: say why
        raise UsageError(f"invalid {what} {value.strip()!r} ({exc}); use {DATE_FORMS}") from None
    if found is None:
        raise UsageError(f"invalid {what} {value.strip()!r}; use {DATE_FORMS}")
    day = found
    if not (MIN_DATE <= day <= MAX_DATE):
        # Far-future dates would overflow Python's calendar once a plan is laid out.
        raise UsageError(
            f"{what} {day.isoformat()} is out of range; use a date between"
            f" {MIN_DATE.isoformat()} and {MAX_DATE.isoformat()}"
        )
    return day


def past_the_calendar() -> UsageError:
    """For a plan laid out past the year 9999 (custom data with huge totals at 1 h/week)."""
    return UsageError(
        "this plan would end after the year 9999; use more hours per week or fewer milestones"
    )


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


def parse_milestone(catalog: Catalog, value: str) -> str:
    text = normalize(value)
    if text not in catalog.milestones:
        raise unknown_choice("milestone", value.strip(), catalog.milestones)
    return text


def parse_skips(catalog: Catalog, values: list[str], flag: str = "--skip") -> list[str]:
    """Milestone or phase ids, comma-separated or repeated."""
    ids: list[str] = []
    for value in values:
        if not value.replace(",", "").strip():
            raise UsageError(f"empty {flag} value {value!r}; give milestone or phase ids")
        for part in value.split(","):
            text = normalize(part)
            if not text:
                continue
            if text not in catalog.milestones and text not in catalog.phases:
                raise unknown_id(catalog, part)
            ids.append(text)
    return ids


def unknown_id(catalog: Catalog, value: str, where: str = "") -> UsageError:
    """The error for an id that is neither a milestone nor a phase, with the closest ones."""
    from mlpath.errors import closest

    guesses = closest(normalize(value), [*catalog.phases, *catalog.milestones])
    hint = f"; did you mean {' or '.join(map(repr, guesses))}?" if guesses else ""
    return UsageError(
        f"{where}unknown milestone or phase {value.strip()!r}{hint}"
        " (`mlpath milestones --target ROLE` lists the ids, `mlpath phases` the phases)"
    )


def skip_notes(catalog: Catalog, role: Role, skip: list[str]) -> list[str]:
    """What a user should know about their --skip: ids off the path, core milestones removed."""
    notes: list[str] = []
    on_path = set(role.roadmap)
    core = list(role.core)
    for sid in skip:
        if sid in catalog.milestones and sid not in on_path:
            notes.append(f"{sid!r} is not on the {role.id} path; --skip {sid} changes nothing")
        elif sid in catalog.phases:
            removed = [mid for mid in core if catalog.milestones[mid].phase == sid]
            if removed:
                notes.append(
                    f"skipping phase {sid!r} leaves out core milestones of {role.id}:"
                    f" {', '.join(removed)}"
                )
            elif not any(catalog.milestones[mid].phase == sid for mid in role.roadmap):
                notes.append(f"phase {sid!r} has no milestone on the {role.id} path")
    return notes


def parse_horizon(text: str, start: dt.date) -> dt.date:
    """The last day of the horizon: ``3m``, ``1y``, ``12w`` from ``start``, or an ISO date."""
    match = _HORIZON_RE.match(text)
    if match:
        count, unit = int(match.group(1)), match.group(2).lower()
        if count == 0:
            raise UsageError(f"horizon {text!r} is empty; use e.g. 3m, 6m, 1y, 2y or 3y")
        if unit == "w":
            end = start + dt.timedelta(weeks=count)
        else:
            from mlpath.dates import add_months

            end = add_months(start, count * (12 if unit == "y" else 1))
        return end - dt.timedelta(days=1)
    try:
        end = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"invalid horizon {text!r}; use {', '.join(HORIZON_PRESETS)} (or Nw/Nm/Ny)"
            " or a date such as 2027-12-31"
        ) from None
    if end < start:
        raise UsageError(f"horizon {end.isoformat()} is before the start date {start.isoformat()}")
    return end


def parse_sessions(text: str) -> tuple[Session, ...]:
    """``"Mon,Wed 19:00-21:00; Sat 10:00-12:00"`` -> sessions; UsageError explains the format."""
    sessions: list[Session] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        sessions.append(_parse_one(part))
    if not sessions:
        raise UsageError(f"--sessions is empty; {SESSION_FORMAT}")
    return tuple(sessions)


def _parse_one(text: str) -> Session:
    from mlpath.export.options import WEEKDAYS, Session

    match = _TIMES.search(text)
    day_text = text[: match.start()].strip() if match else ""
    if match is None or not _DAYS.fullmatch(day_text):
        raise UsageError(f"cannot read session {text.strip()!r}; {SESSION_FORMAT}")
    h1, m1, h2, m2 = match.groups()
    days: list[str] = []
    for raw in day_text.split(","):
        name = raw.strip().lower()[:3]
        if name not in WEEKDAYS or len(raw.strip()) < 3:
            raise UsageError(f"unknown day {raw.strip()!r} in --sessions; {SESSION_FORMAT}")
        if WEEKDAYS[name] not in days:
            days.append(WEEKDAYS[name])
    order = list(WEEKDAYS.values())
    days.sort(key=order.index)
    start, end = _time(h1, m1, text), _time(h2, m2, text)
    if end <= start:
        raise UsageError(
            f"session {text.strip()!r} ends before it starts; sessions cannot cross midnight"
        )
    return Session(tuple(days), start, end)


def _time(hours: str, minutes: str, text: str) -> dt.time:
    try:
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise UsageError(f"bad time in session {text.strip()!r}; {SESSION_FORMAT}") from None


def check_tz(name: str) -> str:
    """An IANA time-zone name, validated; UsageError with a hint otherwise."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    cleaned = name.strip()
    if len(cleaned) > MAX_TZ_CHARS:
        raise UsageError(
            f"time zone name too long ({len(cleaned)} characters); use an IANA name such as"
            " Europe/London, America/New_York or Asia/Tokyo"
        )
    # Zone files are case-sensitive on most systems; "asia/tokyo" clearly means Asia/Tokyo.
    cleaned = {z.lower(): z for z in available_timezones()}.get(cleaned.lower(), cleaned)
    try:
        ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        hint = "use an IANA name such as Europe/London, America/New_York or Asia/Tokyo"
        guess = did_you_mean(cleaned, available_timezones())
        if guess:
            hint = f"did you mean {guess!r}? " + hint
        raise UsageError(f"unknown time zone {cleaned!r}; {hint}") from None
    return cleaned
