"""Turn a catalogue and a learner's profile into a dated plan. Pure: no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
import heapq
import math
import re
from collections.abc import Sequence

from mlpath.catalog import Catalog, topological_order
from mlpath.errors import UsageError
from mlpath.models import Milestone, Plan, PlanItem, Profile, Resource, Skipped

RESOURCES_PER_MILESTONE = 3
HORIZON_PRESETS = ("3m", "6m", "1y", "2y", "3y")
_HORIZON_RE = re.compile(r"^\s*(\d{1,3})\s*([wmy])\s*$", re.IGNORECASE)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1m = Feb 28/29)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_horizon(text: str, start: dt.date) -> dt.date:
    """The last day of the horizon: ``3m``, ``1y``, ``12w`` from ``start``, or an ISO date."""
    match = _HORIZON_RE.match(text)
    if match:
        count, unit = int(match.group(1)), match.group(2).lower()
        if count == 0:
            raise UsageError(f"horizon {text!r} is empty; use e.g. 3m, 6m, 1y, 2y or 3y")
        if unit == "w":
            end = start + dt.timedelta(weeks=count)
        else:
            end = add_months(start, count * (12 if unit == "y" else 1))
        return end - dt.timedelta(days=1)
    try:
        end = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"invalid horizon {text!r}; use {', '.join(HORIZON_PRESETS)} (or Nw/Nm/Ny)"
            " or a date such as 2027-12-31"
        ) from None
    if end < start:
        raise UsageError(f"horizon {end.isoformat()} is before the start date {start.isoformat()}")
    return end


def day_offsets(hours: Sequence[int], hours_per_week: float) -> list[int]:
    """End offsets (exclusive, in days from the start) of milestones studied back to back.

    Offsets come from the cumulative hours so rounding never drifts, and every
    milestone gets at least one day so dates never overlap.
    """
    offsets: list[int] = []
    total, previous = 0, 0
    for h in hours:
        total += h
        previous = max(previous + 1, math.ceil(total * 7 / hours_per_week - 1e-9))
        offsets.append(previous)
    return offsets


def select_milestones(catalog: Catalog, profile: Profile) -> tuple[list[str], list[Skipped]]:
    """The role's milestones this learner still needs, in roadmap order, and the rest."""
    role = catalog.roles[profile.role]
    skip = set(profile.skip)
    chosen: list[str] = []
    skipped: list[Skipped] = []
    for mid in role.roadmap:
        milestone = catalog.milestones[mid]
        if mid in skip or milestone.phase in skip:
            skipped.append(Skipped(id=mid, reason="asked"))
        elif milestone.level.rank < profile.level.rank:
            skipped.append(Skipped(id=mid, reason="level"))
        elif milestone.focus and profile.focus not in milestone.focus:
            skipped.append(Skipped(id=mid, reason="focus"))
        else:
            chosen.append(mid)
    return chosen, skipped


class ResourceRanker:
    """Picks the best resources for a milestone.

    Curated resources come first; the rest are ranked once per (phase, level,
    focus) and memoised, so planning stays O(n log n) however many milestones
    share a phase.
    """

    def __init__(self, catalog: Catalog, profile: Profile, per_milestone: int) -> None:
        self.catalog = catalog
        self.lang = profile.lang
        self.free_only = profile.free_only
        self.per_milestone = per_milestone
        self._ranked: dict[tuple[str, int, tuple[str, ...]], list[Resource]] = {}

    def allowed(self, resource: Resource) -> bool:
        return not (self.free_only and resource.cost == "paid")

    def _lang_miss(self, resource: Resource) -> int:
        return int(self.lang is not None and resource.language != self.lang)

    def _ranked_for(self, milestone: Milestone, extra: int) -> list[Resource]:
        focus = tuple(milestone.focus)
        key = (milestone.phase, milestone.level.rank, focus)
        if key not in self._ranked:
            pool = [
                r
                for r in self.catalog.resources_by_phase.get(milestone.phase, ())
                if self.allowed(r)
            ]

            def score(r: Resource) -> tuple[int, int, int, int, int, str]:
                focus_fit = (
                    0 if not focus else (0 if set(r.focus) & set(focus) else (2 if r.focus else 1))
                )
                return (
                    focus_fit,
                    abs(r.level.rank - milestone.level.rank),
                    r.phases.index(milestone.phase),  # resources made for this phase first
                    self._lang_miss(r),
                    _KIND_ORDER.get(r.kind, 9),
                    r.id,
                )

            # Enough to fill any milestone even after skipping all its curated picks.
            self._ranked[key] = heapq.nsmallest(self.per_milestone + extra, pool, key=score)
        return self._ranked[key]

    def pick(self, milestone: Milestone) -> list[Resource]:
        curated = [self.catalog.resources[rid] for rid in milestone.resources]
        curated = sorted((r for r in curated if self.allowed(r)), key=self._lang_miss)
        picked = curated[: self.per_milestone]
        if len(picked) < self.per_milestone:
            seen = {r.id for r in picked}
            for resource in self._ranked_for(milestone, len(milestone.resources)):
                if resource.id not in seen:
                    picked.append(resource)
                    if len(picked) == self.per_milestone:
                        break
        return picked


# Learning material before reference material when ranks tie.
_KIND_ORDER = {
    "course": 0,
    "book": 1,
    "video": 2,
    "article": 3,
    "repo": 4,
    "paper": 5,
    "tool": 6,
    "community": 7,
    "conference": 8,
}


def hours_needed(hours: Sequence[int], days_available: int) -> float | None:
    """Smallest weekly hours (in half-hours) that fit ``hours`` into ``days_available``."""
    if not hours or days_available < len(hours):
        return None
    weekly = max(1.0, math.ceil(sum(hours) * 7 / days_available * 2) / 2)
    while weekly <= 100:
        if day_offsets(hours, weekly)[-1] <= days_available:
            return weekly
        weekly += 0.5
    return None


def build_plan(
    catalog: Catalog, profile: Profile, *, per_milestone: int = RESOURCES_PER_MILESTONE
) -> Plan:
    """Select, order, date and equip the milestones for ``profile``. Deterministic."""
    role = catalog.roles[profile.role]
    if profile.focus is None and role.default_focus is not None:
        profile = profile.model_copy(update={"focus": role.default_focus})
    chosen, skipped = select_milestones(catalog, profile)
    prerequisites = {mid: catalog.milestones[mid].prerequisites for mid in chosen}
    order = topological_order(chosen, prerequisites)
    milestones = [catalog.milestones[mid] for mid in order]
    hours = [m.hours for m in milestones]
    offsets = day_offsets(hours, profile.hours_per_week)
    ranker = ResourceRanker(catalog, profile, per_milestone)
    core = set(role.core)

    items: list[PlanItem] = []
    begin = 0
    for milestone, end in zip(milestones, offsets, strict=True):
        start_day = profile.start + dt.timedelta(days=begin)
        end_day = profile.start + dt.timedelta(days=end - 1)
        items.append(
            PlanItem(
                milestone=milestone,
                start=start_day,
                end=end_day,
                resources=ranker.pick(milestone),
                core=milestone.id in core,
                within_horizon=profile.horizon is None or end_day <= profile.horizon,
            )
        )
        begin = end

    warnings: list[str] = []
    needed: float | None = None
    late_core = [item for item in items if item.core and not item.within_horizon]
    if profile.horizon is not None and late_core:
        last_core = max(i for i, item in enumerate(items) if item.core)
        days_available = (profile.horizon - profile.start).days + 1
        needed = hours_needed(hours[: last_core + 1], days_available)
        message = (
            f"{len(late_core)} core milestone(s) of the {role.title.en} path end after the"
            f" horizon ({profile.horizon.isoformat()})"
        )
        if needed is not None:
            message += f"; about {needed:g} hours per week would reach them in time"
        else:
            message += "; even 100 hours per week would not reach them in time"
        warnings.append(message)
    if not items:
        warnings.append(
            "nothing left to study on this path at this level; try a lower --level or fewer --skip"
        )
    return Plan(
        profile=profile,
        data_version=catalog.version,
        role_title=role.title.en,
        items=items,
        skipped=skipped,
        warnings=warnings,
        hours_needed_per_week=needed,
    )
