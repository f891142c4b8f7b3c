"""Re-dating what is left of a saved plan, and what moved. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from mlpath.habits import plan_habits, schedule
from mlpath.models import HabitLeftOut, Plan, PlanItem
from mlpath.planner import shortfall
from mlpath.state import Mark


@dataclass(frozen=True)
class Move:
    id: str
    old_start: dt.date
    old_end: dt.date
    new_start: dt.date
    new_end: dt.date

    @property
    def shift(self) -> int:
        return (self.new_end - self.old_end).days


def replan(
    plan: Plan, marks: Mapping[str, Mark], start: dt.date, hours_per_week: float | None = None
) -> tuple[Plan, list[Move]]:
    """Re-date the milestones not yet done or skipped, back to back from ``start``.

    Done and skipped milestones move to the day they were marked, so a plan
    never lists work finished early after its own future dates; the rest keep
    their order (which already respects prerequisites). Habits are kept: each
    runs beside the re-dated milestones from the day its ``after`` milestones
    now end (a habit already running keeps its first day), and one whose
    ``until`` milestone is marked keeps its dates. Returns the new plan and
    what moved (the re-dated open milestones).
    """
    pace = hours_per_week if hours_per_week is not None else plan.profile.hours_per_week
    profile = plan.profile.model_copy(update={"hours_per_week": pace})
    if not any(item.milestone.id in marks for item in plan.items):
        profile = profile.model_copy(update={"start": start})
    open_items = [item for item in plan.items if item.milestone.id not in marks]
    ended = [h for h in plan.habits if h.habit.until is not None and h.habit.until in marks]
    going = [h for h in plan.habits if h not in ended]
    begun = {h.habit.id: (h.start - start).days for h in going if h.start < start}
    timing = schedule(
        start,
        [item.milestone.id for item in open_items],
        [item.milestone.hours for item in open_items],
        pace,
        [h.habit for h in going],
        begun,
    )
    offsets = timing.offsets
    horizon = profile.horizon
    redated: dict[str, PlanItem] = {}
    moves: list[Move] = []
    begin = 0
    for item, end in zip(open_items, offsets, strict=True):
        new_start = start + dt.timedelta(days=begin)
        new_end = start + dt.timedelta(days=end - 1)
        begin = end
        redated[item.milestone.id] = item.model_copy(
            update={
                "start": new_start,
                "end": new_end,
                "within_horizon": horizon is None or new_end <= horizon,
            }
        )
        if (new_start, new_end) != (item.start, item.end):
            moves.append(
                Move(
                    item.milestone.id,
                    item.start,
                    item.end,
                    new_start,
                    new_end,
                )
            )
    for item in plan.items:
        mark = marks.get(item.milestone.id)
        if mark is not None:
            redated[item.milestone.id] = _where_marked(item, mark, profile.start)
    items = [redated.get(item.milestone.id, item) for item in plan.items]
    items.sort(key=lambda item: item.start)  # stable: open milestones keep their order

    order = {h.habit.id: n for n, h in enumerate(plan.habits)}  # the role's order, as planned
    last_day = max((item.end for item in items), default=start)
    placed, late = plan_habits(start, last_day, timing.running if open_items else [])
    # Habits left out when planning stay out; only those kept can be placed again.
    left_out = list(plan.habits_left_out)
    left_out += [HabitLeftOut(id=hid, reason="hours") for hid in timing.no_room]
    left_out += [HabitLeftOut(id=hid, reason="late") for hid in late]
    new_plan = plan.model_copy(
        update={
            "profile": profile,
            "items": items,
            "habits": sorted([*ended, *placed], key=lambda h: order[h.habit.id]),
            "habits_left_out": left_out,
            "shortfall": shortfall(
                [redated[item.milestone.id] for item in open_items],
                start,
                horizon,
                [h.habit for h in going],
                begun,
            ),
        }
    )
    return new_plan, moves


def _where_marked(item: PlanItem, mark: Mark, first: dt.date) -> PlanItem:
    """``item`` ending on the day it was marked (never before the plan's first day)."""
    end = max(mark.on, first)
    return item.model_copy(update={"start": max(min(item.start, end), first), "end": end})
