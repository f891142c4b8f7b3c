"""The JSON documents mlpath prints, as models: one shape each, one schema each.

``mlpath schema NAME`` prints the schema of any of them, generated from these
models, so the schema and the output cannot drift apart. Data texts keep the
data's own shape everywhere (``{"en": ..., "ja": ...}``), as in the plan.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, RootModel

from mlpath.models import Cadence, Phase, Resource, Role, Shortfall, Text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from mlpath.catalog import Catalog
    from mlpath.models import PlanItem
    from mlpath.state import SavedPlan
    from mlpath.tracking import Report, Tally


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Position(Doc):
    state: Literal["not_started", "on_track", "behind", "ahead", "finished"]
    days: int


class TallyDoc(Doc):
    milestones: int
    done: int
    skipped: int
    hours: int
    done_hours: int
    skipped_hours: int
    percent: float


class PhaseTally(TallyDoc):
    phase: str


class ResourceRef(Doc):
    id: str
    title: Text
    url: str | None


class ItemDoc(Doc):
    id: str
    title: Text
    phase: str
    start: dt.date
    end: dt.date
    hours: int
    core: bool
    status: Literal["todo", "done", "skipped"]
    on: dt.date | None
    resources: list[ResourceRef]


class Pace(Doc):
    planned_hours_per_week: float
    observed_hours_per_week: float | None


class Projection(Doc):
    planned_pace: dt.date | None
    observed_pace: dt.date | None


class HabitStatusDoc(Doc):
    id: str
    title: Text
    start: dt.date
    end: dt.date
    cadence: Cadence
    done: int  # occurrences recorded with `mlpath done`
    expected: int  # occurrences the plan expects by `today`
    planned: int  # by the plan's end


class StatusDoc(Doc):
    """Where a learner stands, as printed by `mlpath status --json`."""

    plan: str
    today: dt.date
    role: str
    data_version: str
    start: dt.date
    end: dt.date
    position: Position
    overall: TallyDoc
    phases: list[PhaseTally]
    current: ItemDoc | None
    next: ItemDoc | None
    pace: Pace
    projected_end: Projection
    finished_on: dt.date | None
    shortfall: Shortfall | None
    milestones: list[ItemDoc]
    missing_from_data: list[str]
    unknown_marks: list[str]
    habits: list[HabitStatusDoc] = []  # those started by `today`


class PlanRow(Doc):
    name: str
    active: bool
    role: str
    level: str
    created: dt.date
    start: dt.date
    end: dt.date
    done: int
    milestones: int
    position: Position


class PlansDoc(RootModel[list[PlanRow]]):
    """The saved plans, as printed by `mlpath plans --json`."""


class MilestoneRow(Doc):
    id: str
    title: Text
    phase: str
    level: str
    hours: int
    prerequisites: list[str]
    focus: list[str]
    core: bool | None  # None when no role was chosen


class MilestonesDoc(RootModel[list[MilestoneRow]]):
    """Milestones, as printed by `mlpath milestones --json`."""


class RoleDoc(Role):
    beginner_path_hours: int


class RolesDoc(RootModel[list[RoleDoc]]):
    """The roles, as printed by `mlpath roles --json`."""


class PhaseDoc(Phase):
    milestones: int
    resources: int


class PhasesDoc(RootModel[list[PhaseDoc]]):
    """The phases with their counts, as printed by `mlpath phases --json`."""


class ResourcesDoc(RootModel[list[Resource]]):
    """Resources, as printed by `mlpath resources --json`."""


# --- building them -----------------------------------------------------------------


def _tally(tally: Tally) -> dict[str, Any]:
    return {
        "milestones": tally.milestones,
        "done": tally.done,
        "skipped": tally.skipped,
        "hours": tally.hours,
        "done_hours": tally.done_hours,
        "skipped_hours": tally.skipped_hours,
        "percent": round(tally.fraction * 100, 1),
    }


def _item(item: PlanItem | None, report: Report) -> ItemDoc | None:
    if item is None:
        return None
    mark = report.marks.get(item.milestone.id)
    return ItemDoc(
        id=item.milestone.id,
        title=item.milestone.title,
        phase=item.milestone.phase,
        start=item.start,
        end=item.end,
        hours=item.milestone.hours,
        core=item.core,
        status=mark.status if mark else "todo",
        on=mark.on if mark else None,
        resources=[
            ResourceRef(id=r.id, title=r.title, url=str(r.url) if r.url else None)
            for r in item.resources
        ],
    )


def habit_docs(report: Report, log: Mapping[str, Sequence[dt.date]]) -> list[HabitStatusDoc]:
    from mlpath.habits import count_by

    return [
        HabitStatusDoc(
            id=h.habit.id,
            title=h.habit.title,
            start=h.start,
            end=h.end,
            cadence=h.habit.cadence,
            done=len(log.get(h.habit.id, ())),
            expected=count_by(h.start, h.end, h.habit.cadence, h.habit.target, report.today),
            planned=h.count,
        )
        for h in report.plan.habits
        if h.start <= report.today
    ]


def status_doc(
    name: str, report: Report, habit_log: Mapping[str, Sequence[dt.date]] | None = None
) -> StatusDoc:
    plan = report.plan
    observed = report.observed_pace
    return StatusDoc(
        plan=name,
        today=report.today,
        role=plan.profile.role,
        data_version=plan.data_version,
        start=plan.profile.start,
        end=plan.end,
        position=Position(state=report.position, days=report.days),
        overall=TallyDoc(**_tally(report.overall)),
        phases=[PhaseTally(phase=t.key, **_tally(t)) for t in report.phases],
        current=_item(report.current, report),
        next=_item(report.upcoming, report),
        pace=Pace(
            planned_hours_per_week=report.planned_pace,
            observed_hours_per_week=round(observed, 2) if observed is not None else None,
        ),
        projected_end=Projection(
            planned_pace=report.end_at_planned_pace, observed_pace=report.end_at_observed_pace
        ),
        finished_on=report.finished_on,
        shortfall=plan.shortfall,
        milestones=[d for item in plan.items if (d := _item(item, report)) is not None],
        missing_from_data=report.missing,
        unknown_marks=report.stray,
        habits=habit_docs(report, habit_log or {}),
    )


def plan_row(name: str, active: bool, saved: SavedPlan, report: Report) -> PlanRow:
    return PlanRow(
        name=name,
        active=active,
        role=saved.plan.profile.role,
        level=saved.plan.profile.level.value,
        created=saved.created,
        start=saved.plan.profile.start,
        end=saved.plan.end,
        done=report.overall.done,
        milestones=report.overall.milestones,
        position=Position(state=report.position, days=report.days),
    )


def milestone_rows(catalog: Catalog, role: Role | None, phase: str | None) -> list[MilestoneRow]:
    """A role's roadmap in order (or every milestone), optionally of one phase."""
    ids = role.roadmap if role is not None else list(catalog.milestones)
    core = set(role.core) if role is not None else set()
    return [
        MilestoneRow(
            id=m.id,
            title=m.title,
            phase=m.phase,
            level=m.level.value,
            hours=m.hours,
            prerequisites=list(m.prerequisites),
            focus=list(m.focus),
            core=(m.id in core) if role is not None else None,
        )
        for m in (catalog.milestones[mid] for mid in ids)
        if phase is None or m.phase == phase
    ]
