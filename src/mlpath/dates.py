"""Calendar arithmetic shared by the planner and the outputs. Pure: no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1m = Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift_days(day: dt.date, days: float) -> dt.date:
    """``day`` moved by ``days``, held at the calendar's ends (years 1 and 9999).

    Marks a century old, or hand-edited dates near either end, would otherwise
    overflow; a projection past the year 9999 shows as its last day.
    """
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month that begins between ``first`` and ``last``."""
    day = dt.date(first.year, first.month, 1)
    out = []
    while day <= last:
        if day >= first:
            out.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# 2026-11-30, 2026/11/30, 2026.11.30 and 2026年11月30日 (full-width digits are folded before).
_NUMERIC = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def read_day(text: str, today: dt.date) -> dt.date | None:
    """A day as people write it, or None when ``text`` is not one.

    Numeric dates (year first), ``today``, ``tomorrow``, ``yesterday`` and
    weekday names: ``monday`` or ``next monday`` is the coming Monday, never today.
    Raises ValueError for a well-formed date that does not exist (2027-02-30).
    """
    words = unicodedata.normalize("NFKC", text).strip().lower()
    match = _NUMERIC.match(words)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    relative = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if words in relative:
        return today + dt.timedelta(days=relative[words])
    name = words.removeprefix("next ").strip()
    for index, weekday in enumerate(WEEKDAY_NAMES):
        if len(name) >= 3 and weekday.startswith(name):
            ahead = (index - today.weekday() - 1) % 7 + 1
            return today + dt.timedelta(days=ahead)
    return None
