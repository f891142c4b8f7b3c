"""One view of a plan, read by every terminal renderer and file exporter. Pure: no I/O.

The view gathers what the outputs show and which the plan alone does not say:
phase and role titles from the catalogue, each milestone's done/skipped state,
resource facts, and every data text already chosen in the output language.
Renderers and exporters only lay it out, so a fact is worked out once and a
new language touches one place (:func:`text`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from mlpath.textsafe import web_url

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mlpath.catalog import Catalog
    from mlpath.habit_view import CheckpointView, HabitView
    from mlpath.models import Plan, PlanItem, Profile, Resource, Shortfall, Text
    from mlpath.state import Mark

ItemState = Literal["todo", "done", "skipped"]


def text(value: Text | None, lang: str) -> str:
    """A data text in ``lang``, falling back to English where it has no variant."""
    return value.get(lang) if value is not None else ""


@dataclass(frozen=True)
class ResourceView:
    id: str
    title: str
    kind: str
    provider: str
    url: str | None  # as written in the data
    link: str | None  # the URL when it may become a link: http(s) only
    level: str
    language: str
    cost: str
    length: str | None
    summary: str


@dataclass(frozen=True)
class ItemView:
    number: int
    id: str
    title: str
    phase: str
    phase_title: str
    level: str
    hours: int
    start: dt.date
    end: dt.date
    core: bool
    within_horizon: bool
    partly: bool  # partly known: its hours are already reduced
    state: ItemState
    marked_on: dt.date | None
    current: bool  # the first milestone neither done nor skipped, on a saved plan
    outcome: str
    topics: tuple[str, ...]
    deliverable: str
    resources: tuple[ResourceView, ...]
    more_resources: int  # further resources that serve it: `mlpath resources --milestone ID`


@dataclass(frozen=True)
class PlanView:
    plan: Plan  # the facts, for exporters that write them as they are (JSON)
    lang: str
    role: str
    role_title: str
    profile: Profile
    data_version: str
    start: dt.date
    end: dt.date
    weeks: float
    total_hours: int
    items: tuple[ItemView, ...]
    left_out: Mapping[str, int]  # reason -> count, for reasons with any
    shortfall: Shortfall | None
    today: dt.date | None
    tracked: bool  # a saved plan whose marks are shown
    habits: tuple[HabitView, ...] = ()
    habits_left_out: Mapping[str, str] | None = None  # habit id -> reason
    checkpoints: tuple[CheckpointView, ...] = ()

    @property
    def within(self) -> list[ItemView]:
        return [item for item in self.items if item.within_horizon]

    @property
    def beyond(self) -> list[ItemView]:
        return [item for item in self.items if not item.within_horizon]

    @property
    def has_core(self) -> bool:
        return any(item.core for item in self.items)


def resource_view(resource: Resource, lang: str) -> ResourceView:
    url = str(resource.url) if resource.url is not None else None
    return ResourceView(
        id=resource.id,
        title=text(resource.title, lang),
        kind=resource.kind,
        provider=resource.provider,
        url=url,
        link=web_url(url) if url is not None else None,
        level=resource.level.value,
        language=resource.language,
        cost=resource.cost,
        length=resource.length,
        summary=text(resource.summary, lang),
    )


def plan_view(
    plan: Plan,
    catalog: Catalog,
    *,
    lang: str = "en",
    marks: Mapping[str, Mark] | None = None,
    today: dt.date | None = None,
    habit_log: Mapping[str, Sequence[dt.date]] | None = None,
) -> PlanView:
    """Everything the outputs show of ``plan``, in ``lang``; ``marks`` for a saved plan.

    ``habit_log``: the days a saved plan's habits were recorded done, by habit id.
    """
    from mlpath.habit_view import checkpoint_views, habit_views

    marks = marks or {}
    role = catalog.roles.get(plan.profile.role)
    current = next((i.milestone.id for i in plan.items if i.milestone.id not in marks), None)
    items = tuple(
        _item(n, item, catalog, lang, marks.get(item.milestone.id), current if marks else None)
        for n, item in enumerate(plan.items, 1)
    )
    left_out: dict[str, int] = {}
    for skipped in plan.skipped:
        left_out[skipped.reason] = left_out.get(skipped.reason, 0) + 1
    return PlanView(
        plan=plan,
        lang=lang,
        role=plan.profile.role,
        role_title=text(role.title, lang) if role is not None else plan.profile.role,
        profile=plan.profile,
        data_version=plan.data_version,
        start=plan.profile.start,
        end=plan.end,
        weeks=plan.weeks,
        total_hours=plan.total_hours,
        items=items,
        left_out=left_out,
        shortfall=plan.shortfall,
        today=today,
        tracked=bool(marks),
        habits=habit_views(plan.habits, lang, habit_log, today),
        habits_left_out={h.id: h.reason for h in plan.habits_left_out},
        checkpoints=checkpoint_views(plan, catalog, lang),
    )


def _item(
    number: int,
    item: PlanItem,
    catalog: Catalog,
    lang: str,
    mark: Mark | None,
    current: str | None,
) -> ItemView:
    m = item.milestone
    phase = catalog.phases.get(m.phase)
    return ItemView(
        number=number,
        id=m.id,
        title=text(m.title, lang),
        phase=m.phase,
        phase_title=text(phase.title, lang) if phase is not None else m.phase,
        level=m.level.value,
        hours=m.hours,
        start=item.start,
        end=item.end,
        core=item.core,
        within_horizon=item.within_horizon,
        partly=item.partly,
        state=mark.status if mark is not None else "todo",
        marked_on=mark.on if mark is not None else None,
        current=m.id == current,
        outcome=text(m.outcome, lang),
        topics=tuple(text(t, lang) for t in m.topics),
        deliverable=text(m.deliverable, lang),
        resources=tuple(resource_view(r, lang) for r in item.resources),
        more_resources=item.more_resources,
    )


def phase_titles(catalog: Catalog, lang: str) -> dict[str, str]:
    return {pid: text(phase.title, lang) for pid, phase in catalog.phases.items()}
