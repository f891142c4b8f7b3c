"""The plan as an RFC 5545 calendar, built with the ``icalendar`` library.

One all-day event per milestone (DTEND is exclusive, so it is the day after
the last day of study), one recurring all-day event per habit and, on
request, weekly timed study sessions. UIDs are derived from the plan's
identity (role, milestone or habit, plan start), so exporting the same plan
again and re-importing it updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from mlpath import __version__, words
from mlpath.export.options import ExportOptions, Session, local_zone
from mlpath.textsafe import dropped

if TYPE_CHECKING:
    from icalendar import Event

    from mlpath.habit_view import HabitView
    from mlpath.view import ItemView, PlanView

PRODID = f"-//mlpath//mlpath {__version__}//EN"
# A fixed namespace: UIDs must not change between runs or machines.
NAMESPACE = uuid.UUID("6f1c3b0e-8d2a-5c47-9a61-2f4e7b9d0c15")


def uid(*parts: str) -> str:
    return f"{uuid.uuid5(NAMESPACE, '/'.join(parts))}@mlpath"


def milestone_uid(view: PlanView, item: ItemView) -> str:
    return uid(view.role, item.id, view.start.isoformat())


def plain(text: str) -> str:
    """Data text without control characters (a CR breaks the content line, ESC the terminal)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return dropped(text, keep="\n")


def one_line(text: str) -> str:
    return " ".join(plain(text).split())


def description(item: ItemView) -> str:
    lines = [
        item.outcome,
        "",
        f"Phase: {item.phase_title}",
        f"Hours: {item.hours}" + (" (core milestone)" if item.core else ""),
        f"Deliverable: {item.deliverable}",
    ]
    if item.state != "todo":
        lines.append(f"Status: {words.state_label(item.state, item.marked_on)}")
    if not item.within_horizon:
        lines.append("After the plan's horizon.")
    lines += ["", "Topics:", *(f"- {t}" for t in item.topics)]
    if item.resources:
        lines += ["", "Resources:"]
        for r in item.resources:
            lines.append(f"- {r.title} ({r.provider}, {r.kind}, {r.cost})")
            if r.url is not None:
                lines.append(f"  {r.url}")
    return "\n".join(lines)


def _milestone_event(view: PlanView, item: ItemView, stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", milestone_uid(view, item))
    event.add("dtstamp", stamp)
    event.add("dtstart", item.start)
    event.add("dtend", item.end + dt.timedelta(days=1))  # exclusive, RFC 5545 3.6.1
    star = " ★" if item.core else ""
    mark = {"done": "✓ ", "skipped": "(skipped) "}.get(item.state, "")
    event.add("summary", one_line(f"{mark}{item.number}. {item.title}{star}"))
    event.add("description", plain(description(item)))
    event.add("categories", [one_line(item.phase_title)])
    # A long study block must not make the learner look busy all month.
    event.add("transp", "TRANSPARENT")
    return event


# --- habits: one recurring all-day event each, COUNT = the occurrences the plan expects ---


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


def first_occurrence(session: Session, start: dt.date) -> dt.date:
    """The first day on or after ``start`` that is one of the session's weekdays."""
    codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    wanted = {codes.index(d) for d in session.days}
    day = start
    while day.weekday() not in wanted:
        day += dt.timedelta(days=1)
    return day


def _session_event(
    view: PlanView, index: int, session: Session, tz: str, stamp: dt.datetime
) -> Event | None:
    from zoneinfo import ZoneInfo

    from icalendar import Event

    zone = ZoneInfo(tz)
    first = first_occurrence(session, view.start)
    if first > view.end:
        return None
    # UNTIL must be in UTC when DTSTART carries a TZID (RFC 5545 3.3.10).
    last_moment = dt.datetime.combine(view.end, dt.time(23, 59, 59), zone)
    event = Event()
    event.add(
        "uid",
        uid(
            view.role,
            "session",
            str(index),
            session.label(),
            view.start.isoformat(),
        ),
    )
    event.add("dtstamp", stamp)
    event.add("dtstart", dt.datetime.combine(first, session.start, zone))
    event.add("dtend", dt.datetime.combine(first, session.end, zone))
    event.add(
        "rrule",
        {"freq": "weekly", "byday": list(session.days), "until": last_moment.astimezone(dt.UTC)},
    )
    event.add("summary", one_line(f"Study session: {view.role_title}"))
    event.add(
        "description",
        f"Weekly study time for your mlpath plan ({session.label()}, {tz}),"
        f" until {view.end.isoformat()}.",
    )
    return event


def calendar(view: PlanView, options: ExportOptions | None = None) -> bytes:
    from icalendar import Calendar

    opts = options or ExportOptions()
    stamp = (opts.stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", one_line(f"mlpath: {view.role_title}"))
    for item in view.items:
        cal.add_component(_milestone_event(view, item, stamp))
    for habit in view.habits:
        habit_uid = uid(view.role, "habit", habit.id, view.start.isoformat())
        cal.add_component(habit_event(view, habit, stamp, habit_uid))
    tz = opts.tz or local_zone()
    for index, session in enumerate(opts.sessions, 1):
        event = _session_event(view, index, session, tz, stamp)
        if event is not None:
            cal.add_component(event)
    if opts.sessions:
        cal.add_missing_timezones()  # VTIMEZONE for the TZID the sessions use
    ical: bytes = cal.to_ical()
    return ical


def render(view: PlanView, options: ExportOptions | None = None) -> str:
    # icalendar folds lines and uses CRLF endings as RFC 5545 requires.
    return calendar(view, options).decode("utf-8")
