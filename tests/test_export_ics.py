"""iCalendar export: every milestone as an all-day event, stable UIDs, weekly sessions.

Files are read back with ``icalendar`` and with ``ics`` (an independent
parser with its own grammar), the way a calendar app would see them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import ics
import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar
from typer.testing import CliRunner

from helpers import START, export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.cli.parsing import check_tz, parse_sessions
from mlpath.errors import UsageError
from mlpath.export.ics import first_occurrence, render
from mlpath.export.options import ExportOptions, Session
from mlpath.models import Plan
from mlpath.planner import build_plan

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
STAMP = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    return build_plan(catalog, profile("researcher", "intermediate", horizon=dt.date(2028, 1, 1)))


def _events(text: str) -> list[Any]:
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_every_milestone_is_an_all_day_event_with_exclusive_end(
    plan: Plan, catalog: Catalog
) -> None:
    text = export(render, plan, catalog, ExportOptions(stamp=STAMP))
    cal = Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0"
    assert "mlpath" in str(cal["PRODID"])
    events = [e for e in cal.walk("VEVENT") if "RRULE" not in e]  # habits recur: see below
    assert len(events) == len(plan.items)
    for number, (event, item) in enumerate(zip(events, plan.items, strict=True), 1):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # All-day: plain dates, not datetimes.
        assert type(start) is dt.date and type(end) is dt.date
        assert start == item.start
        assert end == item.end + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == STAMP
        assert str(event["SUMMARY"]).startswith(f"{number}. {item.milestone.title.en}")
        description = str(event["DESCRIPTION"])
        assert f"Deliverable: {item.milestone.deliverable.en}" in description
        for resource in item.resources:
            assert resource.title.en in description
            if resource.url is not None:
                assert str(resource.url) in description
        assert str(event["UID"]).endswith("@mlpath")


def test_an_independent_parser_reads_the_same_events(plan: Plan, catalog: Catalog) -> None:
    text = export(render, plan, catalog, ExportOptions(stamp=STAMP))
    parsed = ics.Calendar(text)
    by_uid = {event.uid: event for event in parsed.events}
    assert len(by_uid) == len(plan.items) + len(plan.habits)
    own = {str(e["UID"]): e for e in _events(text)}
    for uid, event in by_uid.items():
        mine = own[uid]
        assert event.all_day
        assert event.begin.date() == mine.decoded("DTSTART")
        assert event.end.date() == mine.decoded("DTEND")
        assert event.name == str(mine["SUMMARY"])
    starts = sorted(e.begin.date() for e in parsed.events)
    assert starts == sorted([item.start for item in plan.items] + [h.start for h in plan.habits])


def test_file_follows_rfc_5545_line_rules(plan: Plan, catalog: Catalog) -> None:
    raw = export(render, plan, catalog, ExportOptions(stamp=STAMP)).encode("utf-8")
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets


def test_uids_are_stable_and_distinct(catalog: Catalog) -> None:
    first = build_plan(catalog, profile("mle"))
    again = build_plan(catalog, profile("mle"))
    uids_a = [str(e["UID"]) for e in _events(export(render, first, catalog))]
    # A later export has another DTSTAMP but the same UIDs, so re-importing updates.
    uids_b = [
        str(e["UID"]) for e in _events(export(render, again, catalog, ExportOptions(stamp=STAMP)))
    ]
    assert uids_a == uids_b
    assert len(set(uids_a)) == len(uids_a)
    other_start = build_plan(catalog, profile("mle", start=START + dt.timedelta(days=7)))
    uids_c = {str(e["UID"]) for e in _events(export(render, other_start, catalog))}
    assert not uids_c & set(uids_a)


def test_uids_are_stable_through_the_cli(runner: CliRunner, tmp_path: Path) -> None:
    uids = []
    for name in ("a.ics", "b.ics"):
        result = runner.invoke(app, [*PLAN, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        text = (tmp_path / name).read_text(encoding="utf-8")
        uids.append([str(e["UID"]) for e in _events(text)])
    assert uids[0] == uids[1] and len(uids[0]) == 34 + 5  # milestones and habits


def test_weekly_sessions_recur_in_the_learners_zone(plan: Plan, catalog: Catalog) -> None:
    sessions = parse_sessions("Mon,Wed 19:00-21:00; Sat 10:00-12:30")
    text = export(render, plan, catalog, ExportOptions(sessions=sessions, tz="Europe/Berlin"))
    cal = Calendar.from_ical(text)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    timed = [
        e
        for e in cal.walk("VEVENT")
        if "RRULE" in e and "Habit" not in str(e.get("CATEGORIES", ""))
    ]
    assert len(timed) == 2
    berlin = ZoneInfo("Europe/Berlin")
    for event, weekdays, (begin, finish) in zip(
        timed, ({0, 2}, {5}), ((19, 21), (10, 12)), strict=True
    ):
        start = event.decoded("DTSTART")
        assert start.tzinfo is not None and str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        until = rule["UNTIL"][0]
        assert until.tzinfo is not None and until.utcoffset() == dt.timedelta(0)
        occurrences = list(rrulestr(rule.to_ical().decode(), dtstart=start))
        assert occurrences[0] == start
        # Every occurrence: the right weekday and local time, summer and winter alike.
        for when in occurrences:
            local = when.astimezone(berlin)
            assert local.weekday() in weekdays and local.hour == begin
            assert plan.profile.start <= local.date() <= plan.end
        assert occurrences[-1].date() > plan.end - dt.timedelta(days=7)
        assert event.decoded("DTEND").hour == finish
    # The independent parser reads the timed events too.
    parsed = ics.Calendar(text)
    assert len(parsed.events) == len(plan.items) + len(plan.habits) + 2
    assert sum(1 for e in parsed.events if not e.all_day) == 2


def test_first_occurrence_is_on_a_session_day() -> None:
    session = Session(("WE", "FR"), dt.time(18), dt.time(19))
    assert first_occurrence(session, dt.date(2027, 1, 4)) == dt.date(2027, 1, 6)  # Mon -> Wed
    assert first_occurrence(session, dt.date(2027, 1, 8)) == dt.date(2027, 1, 8)  # a Friday


def test_parse_sessions_accepts_several_and_normalises() -> None:
    sessions = parse_sessions(" wed,Monday ,mon 7:05-8:30 ;Sun 10:00 - 11:00")
    assert sessions == (
        Session(("MO", "WE"), dt.time(7, 5), dt.time(8, 30)),
        Session(("SU",), dt.time(10), dt.time(11)),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Mon 19-21", "cannot read session"),
        ("Mo 19:00-21:00", "unknown day"),
        ("Funday 19:00-21:00", "unknown day"),
        ("Mon 21:00-19:00", "ends before it starts"),
        ("Mon 25:00-26:00", "bad time"),
        (" ; ", "empty"),
    ],
)
def test_bad_sessions_explain_the_format(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_sessions(text)


def test_time_zones_are_checked_with_a_hint() -> None:
    assert check_tz("asia/tokyo") == "Asia/Tokyo"
    with pytest.raises(UsageError, match="did you mean 'Europe/Berlin'"):
        check_tz("Europe/Berln")


def test_cli_sessions_and_errors(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    args = [*PLAN, "-o", str(target), "--sessions", "Tue,Thu 07:00-08:00", "--tz", "Asia/Tokyo"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    events = _events(target.read_text(encoding="utf-8"))
    timed = [e for e in events if "RRULE" in e and type(e.decoded("DTSTART")) is dt.datetime]
    assert len(timed) == 1
    assert timed[0].decoded("DTSTART") == dt.datetime(
        2027, 1, 5, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo")
    )

    result = runner.invoke(app, [*PLAN, "--format", "ics", "--sessions", "Mon at 7"])
    assert result.exit_code == 2
    assert 'sessions look like "Mon,Wed 19:00-21:00"' in result.stderr
    result = runner.invoke(app, [*PLAN, "--format", "ics", "--tz", "Mars/Olympus"])
    assert result.exit_code == 2
    assert "unknown time zone 'Mars/Olympus'" in result.stderr and "IANA" in result.stderr


def test_default_zone_is_the_local_one(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    result = runner.invoke(app, [*PLAN, "--format", "ics", "--sessions", "Mon 19:00-20:00"])
    assert result.exit_code == 0, result.output
    assert "DTSTART;TZID=America/New_York:20270104T190000" in result.stdout


def test_sessions_outside_a_calendar_are_noted(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "--json", "--sessions", "Mon 19:00-20:00"])
    assert result.exit_code == 0, result.output
    assert "only apply to calendar (.ics) output" in result.stderr
    assert result.stdout.startswith("{")
