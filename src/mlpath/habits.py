"""Habits beside the milestones: their weekly load, their dates and counts. Pure: no I/O.

While a habit runs, its hours come out of the learner's weekly hours, so the
milestones are studied at what is left. The schedule is the cumulative
milestone hours the learner can do by each day; its slope changes only when a
habit starts (the day after its last ``after`` milestone ends) or stops (its
``until`` milestone ends, its ``months`` run out, or it reached its
``target``). Milestone end days come from that curve exactly as
:func:`mlpath.planner.day_offsets` gets them from a straight line, so a plan
without habits is dated the same as before.

Habits may take at most half of the weekly hours together: one that would
take more is left out (reason ``hours``) rather than starving the milestones.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mlpath.dates import add_months
from mlpath.models import Cadence, Habit, PlanHabit

# A month as a share of a year, so a monthly habit's weekly load is exact and stable.
DAYS_PER_MONTH = 365.25 / 12
MAX_SHARE = 0.5  # of the weekly hours, for all running habits together
_EPS = 1e-9


def weekly_load(habit: Habit) -> float:
    """Hours per week the habit takes while it runs."""
    c = habit.cadence
    days = 7 * c.every if c.unit == "week" else DAYS_PER_MONTH * c.every
    return habit.hours * 7 / days


def period_start(first: dt.date, cadence: Cadence, k: int) -> dt.date:
    """First day of the habit's ``k``-th period (0-based) when it starts on ``first``."""
    if cadence.unit == "week":
        return first + dt.timedelta(days=7 * cadence.every * k)
    return add_months(first, cadence.every * k)


def count_by(
    first: dt.date, last: dt.date, cadence: Cadence, target: int | None, day: dt.date
) -> int:
    """Occurrences due by ``day``: one per whole period from ``first``, none after ``last``.

    The k-th occurrence is due on the last day of the k-th period, so a blog
    post a month from 1 January counts 1 on 31 January.
    """
    upto = min(day, last)
    if upto < first:
        return 0
    after = upto + dt.timedelta(days=1)
    if cadence.unit == "week":
        k = (after - first).days // (7 * cadence.every)
    else:
        k = ((after.year - first.year) * 12 + after.month - first.month) // cadence.every + 1
        while k > 0 and period_start(first, cadence, k) > after:
            k -= 1
    return min(k, target) if target is not None else k


@dataclass(frozen=True)
class Running:
    """A habit placed on the schedule, in day offsets from the plan's start."""

    habit: Habit
    start: int  # first day it runs
    stop: int | None  # first day it no longer runs; None: as long as the plan


@dataclass(frozen=True)
class Schedule:
    offsets: list[int]  # milestone end offsets, exclusive (as day_offsets)
    running: list[Running]
    no_room: list[str]  # habits left out: the week had no room for them


def _natural_stop(habit: Habit, start: dt.date, offset: int) -> int | None:
    """Offset of the first day after ``months`` or ``target`` run out, if either is set."""
    first = start + dt.timedelta(days=offset)
    stops = []
    if habit.months is not None:
        stops.append(add_months(first, habit.months))
    if habit.target is not None:
        stops.append(period_start(first, habit.cadence, habit.target))
    return (min(stops) - start).days if stops else None


def schedule(
    start: dt.date,
    ids: Sequence[str],
    hours: Sequence[int],
    hours_per_week: float,
    habits: Sequence[Habit],
    begun: Mapping[str, int] | None = None,
) -> Schedule:
    """Date milestones ``ids`` (back to back from ``start``) with ``habits`` running beside.

    Linear in milestones and habits (plus a heap of habit stops). ``after`` and
    ``until`` ids outside ``ids`` count as done before the start. ``begun``: the
    offsets (zero or less) at which habits already running began, for a re-plan.
    """
    begun = begun or {}
    present = set(ids)
    waiting: dict[str, list[int]] = {}
    ending: dict[str, list[int]] = {}
    left = [0] * len(habits)
    for h, habit in enumerate(habits):
        for mid in set(habit.after) & present:
            waiting.setdefault(mid, []).append(h)
            left[h] += 1
        if habit.until in present:
            ending.setdefault(habit.until, []).append(h)
    loads = [weekly_load(habit) for habit in habits]
    began: dict[int, int] = {}
    stopped: dict[int, int] = {}
    no_room: list[str] = []
    stops: list[tuple[int, int]] = []
    load = 0.0
    seg_day, seg_hours = 0, 0.0  # the curve's last corner: day and hours done by then

    def begin(h: int, day: int) -> None:
        nonlocal load
        if load + loads[h] > hours_per_week * MAX_SHARE + _EPS:
            no_room.append(habits[h].id)
            return
        load += loads[h]
        began[h] = day
        stop = _natural_stop(habits[h], start, day)
        if stop is not None:
            heapq.heappush(stops, (stop, h))

    def end(h: int, day: int) -> None:
        nonlocal load
        if h in began and h not in stopped:
            load -= loads[h]
            stopped[h] = day

    def move_to(day: int) -> None:
        nonlocal seg_day, seg_hours
        seg_hours += (day - seg_day) * (hours_per_week - load) / 7
        seg_day = day

    for h in range(len(habits)):
        if left[h] == 0:
            begin(h, min(0, begun.get(habits[h].id, 0)))
    offsets: list[int] = []
    total, previous = 0, 0
    for mid, h_count in zip(ids, hours, strict=True):
        total += h_count
        while True:
            rate = hours_per_week - load
            day = max(previous + 1, math.ceil(seg_day + (total - seg_hours) * 7 / rate - _EPS))
            if stops and stops[0][0] < day:
                stop_day, h = heapq.heappop(stops)
                move_to(max(stop_day, seg_day))
                end(h, stop_day)
                continue
            break
        move_to(day)
        offsets.append(day)
        previous = day
        for h in ending.get(mid, ()):
            end(h, day)
        for h in waiting.get(mid, ()):
            left[h] -= 1
            if left[h] == 0:
                begin(h, day)
    running = [Running(habits[h], day, stopped.get(h)) for h, day in sorted(began.items())]
    return Schedule(offsets, running, no_room)


def plan_habits(
    start: dt.date, end: dt.date, running: Sequence[Running]
) -> tuple[list[PlanHabit], list[str]]:
    """The habits of a plan studied from ``start`` to ``end`` (inclusive), and those too late.

    A habit runs until it stops or the plan ends; one that cannot recur even
    once in that time is too late to be part of the plan.
    """
    placed: list[PlanHabit] = []
    late: list[str] = []
    for r in running:
        first = start + dt.timedelta(days=r.start)
        last = end if r.stop is None else min(end, start + dt.timedelta(days=r.stop - 1))
        count = count_by(first, last, r.habit.cadence, r.habit.target, last)
        if count == 0:
            late.append(r.habit.id)
            continue
        placed.append(
            PlanHabit(
                habit=r.habit,
                start=first,
                end=last,
                count=count,
                hours_per_week=round(weekly_load(r.habit), 2),
            )
        )
    return placed, late
