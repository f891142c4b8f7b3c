"""Where a learner stands against a saved plan, and re-dating what is left. Pure: no I/O.

The schedule is the plan's cumulative hours over time: a milestone's hours
accrue evenly over its days, so ``planned(d)`` is how many hours the plan
expected finished by the end of day ``d``. The learner's position is the hours
of milestones done or skipped, plus credit for the milestone in progress at
the planned pace since their last mark (a milestone is only marked when
finished, so without that credit everyone would look behind the day after a
milestone starts). The credit never exceeds the milestone's own hours: once
it should have been finished and is not, the learner falls behind. Marks are
by the day, so one day either way still counts as on track.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from mlpath.dates import shift_days
from mlpath.models import Plan, PlanItem
from mlpath.state import Mark

Position = Literal["not_started", "on_track", "behind", "ahead", "finished"]
_EPS = 1e-9
GRACE_DAYS = 1


@dataclass(frozen=True)
class Tally:
    """Progress of a group of milestones (a phase, or the whole plan)."""

    key: str
    milestones: int = 0
    done: int = 0
    skipped: int = 0
    hours: int = 0
    done_hours: int = 0
    skipped_hours: int = 0

    @property
    def fraction(self) -> float:
        """Done hours over the hours still meant to be studied (skipped ones drop out)."""
        wanted = self.hours - self.skipped_hours
        return self.done_hours / wanted if wanted else 1.0

    def add(self, item: PlanItem, mark: Mark | None) -> Tally:
        hours = item.milestone.hours
        done = mark is not None and mark.status == "done"
        skipped = mark is not None and mark.status == "skipped"
        return Tally(
            self.key,
            self.milestones + 1,
            self.done + done,
            self.skipped + skipped,
            self.hours + hours,
            self.done_hours + hours * done,
            self.skipped_hours + hours * skipped,
        )


@dataclass(frozen=True)
class Report:
    today: dt.date
    plan: Plan
    marks: Mapping[str, Mark]
    phases: list[Tally]
    overall: Tally
    position: Position
    days: int  # behind or ahead by this many days (or days until the start)
    current: PlanItem | None  # first milestone neither done nor skipped
    upcoming: PlanItem | None  # the one after it
    planned_pace: float  # hours per week
    observed_pace: float | None  # None until something is done and time has passed
    end_at_planned_pace: dt.date | None
    end_at_observed_pace: dt.date | None
    missing: list[str]  # plan milestones no longer in the current data
    stray: list[str]  # marks for ids that are not in the plan (hand-edited file)

    @property
    def finished_on(self) -> dt.date | None:
        if self.position != "finished" or not self.marks:
            return None
        return max(m.on for mid, m in self.marks.items() if mid not in self.stray)


# --- the schedule curve ------------------------------------------------------


def _segments(items: Sequence[PlanItem]) -> list[tuple[float, float]]:
    """(day, planned hours by the end of that day) at every point where the slope changes."""
    points = sorted(
        {float(item.start.toordinal() - 1) for item in items}
        | {float(item.end.toordinal()) for item in items}
    )
    return [(day, planned_hours(items, day)) for day in points]


def planned_hours(items: Sequence[PlanItem], day: float) -> float:
    """Hours the plan expects finished by the end of ``day`` (a date ordinal)."""
    total = 0.0
    for item in items:
        before = item.start.toordinal() - 1
        span = item.end.toordinal() - before
        total += item.milestone.hours * min(1.0, max(0.0, (day - before) / span))
    return total


def schedule_window(items: Sequence[PlanItem], hours: float) -> tuple[float, float]:
    """The days (ordinals) on which the plan had exactly ``hours`` done: (first, last).

    Where the schedule pauses (a gap left by a re-plan) that is a whole range;
    otherwise a single point. Days are fractional: the curve is linear in between.
    """
    points = _segments(items)
    if not points:
        return (-math.inf, math.inf)
    pairs = list(itertools.pairwise(points))
    first, last = -math.inf, math.inf
    if hours > _EPS:
        first = points[-1][0]
        for (d0, v0), (d1, v1) in pairs:
            if v1 >= hours - _EPS:
                first = d0 + min(1.0, (hours - v0) / (v1 - v0)) * (d1 - d0)
                break
    if hours < points[-1][1] - _EPS:
        for (d0, v0), (d1, v1) in reversed(pairs):
            if v0 <= hours + _EPS:
                last = d0 + max(0.0, (hours - v0) / (v1 - v0)) * (d1 - d0)
                break
    return first, last


# --- the report --------------------------------------------------------------


def _days_for(hours: float, pace: float) -> int:
    return max(0, math.ceil(hours * 7 / pace - _EPS))


def report(
    plan: Plan,
    marks: Mapping[str, Mark],
    today: dt.date,
    *,
    known_ids: Collection[str] | None = None,
    restart: dt.date | None = None,
) -> Report:
    """Progress, schedule position and projections for ``plan`` as of ``today``.

    ``restart`` is the day the remaining work was last re-dated from (a re-plan);
    ``known_ids`` the milestone ids in the current data, to report the missing.
    """
    items = plan.items
    in_plan = {item.milestone.id for item in items}
    stray = sorted(mid for mid in marks if mid not in in_plan)
    marks = {mid: mark for mid, mark in marks.items() if mid in in_plan}
    missing = (
        []
        if known_ids is None
        else [i.milestone.id for i in items if i.milestone.id not in known_ids]
    )

    phases: dict[str, Tally] = {}
    overall = Tally("overall")
    for item in items:
        mark = marks.get(item.milestone.id)
        phase = item.milestone.phase
        phases[phase] = phases.get(phase, Tally(phase)).add(item, mark)
        overall = overall.add(item, mark)

    open_items = [item for item in items if item.milestone.id not in marks]
    current = open_items[0] if open_items else None
    upcoming = open_items[1] if len(open_items) > 1 else None
    pace = plan.profile.hours_per_week
    start = plan.profile.start

    # Work resumes the day after the latest of: the plan's start, a re-plan, the last mark.
    anchor = shift_days(start, -1)
    if restart is not None:
        anchor = max(anchor, shift_days(restart, -1))
    finished = [m.on for m in marks.values() if m.status == "done"]  # skipping is not work
    if finished:
        anchor = max(anchor, *finished)
    resolved = overall.done_hours + overall.skipped_hours
    # Skipped milestones leave the schedule: skipping later work is not being ahead.
    schedule = [i for i in items if (m := marks.get(i.milestone.id)) is None or m.status == "done"]
    credit = 0.0
    if current is not None:
        credit = min(float(current.milestone.hours), pace / 7 * max(0, (today - anchor).days))

    position: Position
    days = 0
    lag = 0.0  # days behind the schedule (negative: ahead)
    if current is not None:
        first, last = schedule_window(schedule, overall.done_hours + credit)
        now = float(today.toordinal())
        lag = now - min(max(now, first), last)
    if current is None:
        position = "finished"
    elif today < start and not marks:
        position, days = "not_started", (start - today).days
    elif lag >= GRACE_DAYS + 0.5:  # marks are by the day: a day either way is on track
        position, days = "behind", round(lag)
    elif -lag >= GRACE_DAYS + 0.5:
        position, days = "ahead", round(-lag)
    else:
        position = "on_track"

    elapsed = (today - start).days + 1
    observed = overall.done_hours * 7 / elapsed if elapsed > 0 and overall.done_hours else None
    at_plan = at_observed = None
    if current is not None:
        # At the planned pace the rest takes as long as the plan gives it: the end moves by the lag.
        at_plan = shift_days(max(item.end for item in items), round(lag))
        if observed:
            remaining = max(0.0, overall.hours - resolved - credit)
            at_observed = shift_days(max(today, anchor), _days_for(remaining, observed))
    return Report(
        today=today,
        plan=plan,
        marks=marks,
        phases=list(phases.values()),
        overall=overall,
        position=position,
        days=days,
        current=current,
        upcoming=upcoming,
        planned_pace=pace,
        observed_pace=observed,
        end_at_planned_pace=at_plan,
        end_at_observed_pace=at_observed,
        missing=missing,
        stray=stray,
    )
