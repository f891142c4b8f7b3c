"""Settings some exporters need beyond the plan: study sessions, time zone, today, marks.

The command line's strings are parsed in ``mlpath.cli.parsing``; exporters
receive typed values.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from mlpath.state import Mark

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


@dataclass(frozen=True)
class Session:
    """A weekly study slot: on ``days`` (RFC 5545 codes) from ``start`` to ``end``."""

    days: tuple[str, ...]
    start: dt.time
    end: dt.time

    @property
    def weekly_hours(self) -> float:
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        return minutes / 60 * len(self.days)

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
    marks: Mapping[str, Mark] | None = None  # a saved plan's done and skipped milestones
    habit_log: Mapping[str, Sequence[dt.date]] | None = None  # and its habits' done days
    lang: str = "en"


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
