"""Each habit of a plan as one recurring all-day iCalendar event (part of the ICS export).

The event starts on the habit's first day and recurs once per period (RRULE
with COUNT: exactly the occurrences the plan expects). Its UID comes from the
plan's identity and the habit id, so re-importing updates it in place.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from mlpath import words

if TYPE_CHECKING:
    from icalendar import Event

    from mlpath.habit_view import HabitView
    from mlpath.view import PlanView


def rrule(habit: HabitView) -> dict[str, Any]:
    """Weekly or monthly, every N periods, COUNT occurrences.

    A monthly habit that starts after the 28th would skip short months under a
    plain BYMONTHDAY (RFC 5545 3.3.10); "the last of days 28..N" keeps it on the
    same clamped day mlpath counts with (31 January, 28 February, 31 March...).
    """
    c = habit.cadence
    rule: dict[str, Any] = {
        "freq": "weekly" if c.unit == "week" else "monthly",
        "interval": c.every,
        "count": habit.count,
    }
    if c.unit == "month" and habit.start.day > 28:
        rule["bymonthday"] = list(range(28, habit.start.day + 1))
        rule["bysetpos"] = -1
    return rule


def habit_event(view: PlanView, habit: HabitView, stamp: dt.datetime, uid: str) -> Event:
    from icalendar import Event

    from mlpath.export.ics import one_line, plain

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", habit.start)
    event.add("dtend", habit.start + dt.timedelta(days=1))
    event.add("rrule", rrule(habit))
    event.add("summary", one_line(habit.title))
    description = [habit.outcome, "", words.habit_line(habit, view.end)]
    event.add("description", plain("\n".join(description)))
    event.add("categories", ["Habit"])
    event.add("transp", "TRANSPARENT")
    return event
