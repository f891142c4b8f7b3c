"""What should be true 3 months, 6 months, 1, 2 and 3 years into a plan. Pure: no I/O.

The sources present their plans this way (seed 004's 3-month, 1-year and
3-year plans and its worked answer): at each checkpoint, the milestones done,
how often each habit has recurred, and the deliverables in hand.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from mlpath.dates import add_months, shift_days
from mlpath.habits import count_by
from mlpath.models import Model, Plan, Slug

CHECKPOINT_MONTHS = (3, 6, 12, 24, 36)


class HabitCount(Model):
    id: Slug
    count: int = Field(ge=0)


class Checkpoint(Model):
    """The state of the plan at the end of its ``months``-th month (``on``, inclusive)."""

    months: int
    on: dt.date
    milestones_done: int  # all milestones that end by ``on``
    finished: list[Slug]  # those that end since the previous checkpoint
    habits: list[HabitCount]  # occurrences expected by ``on``, for habits started by then


def checkpoints(plan: Plan) -> list[Checkpoint]:
    """The plan's checkpoints up to the first one on or after its last day."""
    if not plan.items:
        return []
    start, end = plan.profile.start, plan.end
    out: list[Checkpoint] = []
    previous = shift_days(start, -1)
    for months in CHECKPOINT_MONTHS:
        try:
            on = shift_days(add_months(start, months), -1)
        except ValueError:  # a hand-edited start near the year 9999: no later checkpoints
            break
        out.append(
            Checkpoint(
                months=months,
                on=on,
                milestones_done=sum(1 for item in plan.items if item.end <= on),
                finished=[i.milestone.id for i in plan.items if previous < i.end <= on],
                habits=[
                    HabitCount(
                        id=h.habit.id,
                        count=count_by(h.start, h.end, h.habit.cadence, h.habit.target, on),
                    )
                    for h in plan.habits
                    if h.start <= on
                ],
            )
        )
        if on >= end:
            break
        previous = on
    return out


def expected_count(plan: Plan, habit_id: str, day: dt.date) -> int:
    """Occurrences of a plan's habit due by ``day`` (0 for a habit the plan does not run)."""
    for h in plan.habits:
        if h.habit.id == habit_id:
            return count_by(h.start, h.end, h.habit.cadence, h.habit.target, day)
    return 0
