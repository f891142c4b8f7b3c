"""Re-dating what is left of a saved plan, and what moved. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from mlpath.models import Plan, PlanItem
from mlpath.planner import day_offsets, shortfall
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
    their order (which already respects prerequisites). Returns the new plan
    and what moved (the re-dated open milestones).
    """
    pace = hours_per_week if hours_per_week is not None else plan.profile.hours_per_week
    profile = plan.profile.model_copy(update={"hours_per_week": pace})
    if not any(item.milestone.id in marks for item in plan.items):
        profile = profile.model_copy(update={"start": start})
    open_items = [item for item in plan.items if item.milestone.id not in marks]
    offsets = day_offsets([item.milestone.hours for item in open_items], pace)
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

    new_plan = plan.model_copy(
        update={
            "profile": profile,
            "items": items,
            "shortfall": shortfall(
                [redated[item.milestone.id] for item in open_items], start, horizon
            ),
        }
    )
    return new_plan, moves


def _where_marked(item: PlanItem, mark: Mark, first: dt.date) -> PlanItem:
    """``item`` ending on the day it was marked (never before the plan's first day)."""
    end = max(mark.on, first)
    return item.model_copy(update={"start": max(min(item.start, end), first), "end": end})
