"""Settings some exporters need beyond the plan: study sessions, time zone, today.

Parsed and validated here (pure, no I/O) so the CLI stays thin and the
exporters receive typed values.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from mlpath.errors import UsageError, did_you_mean

# RFC 5545 weekday codes, in calendar order.
WEEKDAYS: dict[str, str] = {
    "mon": "MO",
    "tue": "TU",
    "wed": "WE",
    "thu": "TH",
    "fri": "FR",
    "sat": "SA",
    "sun": "SU",
}
SESSION_FORMAT = (
    'sessions look like "Mon,Wed 19:00-21:00" (days Mon..Sun, 24-hour times);'
    ' separate several with ";", e.g. "Mon,Wed 19:00-21:00; Sat 10:00-12:30"'
)
_SESSION = re.compile(r"^\s*([A-Za-z, ]+?)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class Session:
    """A weekly study slot: on ``days`` (RFC 5545 codes) from ``start`` to ``end``."""

    days: tuple[str, ...]
    start: dt.time
    end: dt.time

    def label(self) -> str:
        names = {code: name.title() for name, code in WEEKDAYS.items()}
        days = ",".join(names[d] for d in self.days)
        return f"{days} {self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class ExportOptions:
    """Extra settings for exporters; every field has a sensible default."""

    sessions: tuple[Session, ...] = ()
    tz: str | None = None  # IANA name; None means the local zone
    today: dt.date | None = None  # marked on timelines when set
    stamp: dt.datetime | None = None  # DTSTAMP for calendars; None means now
    done: frozenset[str] = frozenset()  # milestone ids to show as done (saved plans)


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
    match = _SESSION.match(text)
    if match is None:
        raise UsageError(f"cannot read session {text.strip()!r}; {SESSION_FORMAT}")
    day_text, h1, m1, h2, m2 = match.groups()
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
    cleaned = name.strip()
    # Zone files are case-sensitive on most systems; "asia/tokyo" clearly means Asia/Tokyo.
    cleaned = {z.lower(): z for z in available_timezones()}.get(cleaned.lower(), cleaned)
    try:
        ZoneInfo(cleaned)
    except (ZoneInfoNotFoundError, ValueError):
        hint = "use an IANA name such as Europe/London, America/New_York or Asia/Tokyo"
        guess = did_you_mean(cleaned, available_timezones())
        if guess:
            hint = f"did you mean {guess!r}? " + hint
        raise UsageError(f"unknown time zone {cleaned!r}; {hint}") from None
    return cleaned


def local_zone() -> str:
    """The local IANA zone name: $TZ, then /etc/localtime's target, else UTC."""
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        try:
            ZoneInfo(env)
            return env
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return "UTC"
