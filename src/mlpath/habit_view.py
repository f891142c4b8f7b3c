"""The habits and checkpoints of a plan as every output shows them. Pure: no I/O.

Part of the plan view (:mod:`mlpath.view`): texts are already in the output
language, and a saved plan's logged occurrences sit beside the expected ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlpath.checkpoints import checkpoints
from mlpath.habits import count_by

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Cadence, Plan, PlanHabit, Text


@dataclass(frozen=True)
class HabitView:
    id: str
    title: str
    outcome: str
    cadence: Cadence
    hours: float  # per occurrence
    hours_per_week: float
    start: dt.date
    end: dt.date
    count: int  # expected by the plan's end
    target: int | None
    logged: int | None  # occurrences recorded with `mlpath done` (saved plans only)
    due: int | None  # occurrences expected by ``as_of`` (when the view has a day)
    as_of: dt.date | None

    @property
    def started(self) -> bool:
        """Begun by the view's day: a saved plan's status shows these."""
        return self.as_of is not None and self.start <= self.as_of


@dataclass(frozen=True)
class Deliverable:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class CheckpointView:
    months: int
    on: dt.date
    milestones_done: int
    milestones: int  # in the whole plan
    deliverables: tuple[Deliverable, ...]  # of the milestones finished since the last one
    habits: tuple[tuple[str, int], ...]  # (habit title, expected count)
    after_end: bool  # the plan is over by then


def _text(value: Text, lang: str) -> str:
    return value.get(lang)


def habit_views(
    habits: Sequence[PlanHabit],
    lang: str,
    log: Mapping[str, Sequence[dt.date]] | None,
    today: dt.date | None = None,
) -> tuple[HabitView, ...]:
    return tuple(
        HabitView(
            id=h.habit.id,
            title=_text(h.habit.title, lang),
            outcome=_text(h.habit.outcome, lang),
            cadence=h.habit.cadence,
            hours=h.habit.hours,
            hours_per_week=h.hours_per_week,
            start=h.start,
            end=h.end,
            count=h.count,
            target=h.habit.target,
            logged=len(log.get(h.habit.id, ())) if log is not None else None,
            due=(
                count_by(h.start, h.end, h.habit.cadence, h.habit.target, today)
                if today is not None
                else None
            ),
            as_of=today,
        )
        for h in habits
    )


def checkpoint_views(plan: Plan, catalog: Catalog, lang: str) -> tuple[CheckpointView, ...]:
    items = {item.milestone.id: item.milestone for item in plan.items}
    titles = {h.habit.id: _text(h.habit.title, lang) for h in plan.habits}
    return tuple(
        CheckpointView(
            months=cp.months,
            on=cp.on,
            milestones_done=cp.milestones_done,
            milestones=len(plan.items),
            deliverables=tuple(
                Deliverable(mid, _text(items[mid].title, lang), _text(items[mid].deliverable, lang))
                for mid in cp.finished
            ),
            habits=tuple((titles[c.id], c.count) for c in cp.habits),
            after_end=cp.on >= plan.end,
        )
        for cp in checkpoints(plan)
    )
