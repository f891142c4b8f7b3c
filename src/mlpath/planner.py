"""Turn a catalogue and a learner's profile into a dated plan. Pure: no I/O."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence

from mlpath.catalog import Catalog
from mlpath.graph import topological_order
from mlpath.habits import plan_habits, schedule
from mlpath.models import (
    Habit,
    HabitLeftOut,
    Plan,
    PlanItem,
    Profile,
    Shortfall,
    Skipped,
)
from mlpath.ranking import ResourceRanker
from mlpath.skills import expand

RESOURCES_PER_MILESTONE = 3


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
    known, _ = expand(catalog, profile.known, profile.partly)
    chosen: list[str] = []
    skipped: list[Skipped] = []
    for mid in role.roadmap:
        milestone = catalog.milestones[mid]
        if mid in skip or milestone.phase in skip:
            skipped.append(Skipped(id=mid, reason="asked"))
        elif mid in known:
            skipped.append(Skipped(id=mid, reason="known"))
        elif milestone.level.rank < profile.level.rank:
            skipped.append(Skipped(id=mid, reason="level", core=mid in role.core))
        elif milestone.focus and not {profile.focus, role.specialty} & set(milestone.focus):
            skipped.append(Skipped(id=mid, reason="focus"))
        else:
            chosen.append(mid)
    return chosen, skipped


def hours_needed(
    hours: Sequence[int], days_available: int, days_at: Callable[[float], int] | None = None
) -> float | None:
    """Smallest weekly hours (in half-hours) that fit ``hours`` into ``days_available``.

    ``days_at(weekly)``: the days ``hours`` take at that pace, when habits share the week.
    """
    if not hours or days_available < len(hours):
        return None
    weekly = max(1.0, math.ceil(sum(hours) * 7 / days_available * 2) / 2)
    while weekly <= 100:
        days = day_offsets(hours, weekly)[-1] if days_at is None else days_at(weekly)
        if days <= days_available:
            return weekly
        weekly += 0.5
    return None


def shortfall(
    items: Sequence[PlanItem],
    start: dt.date,
    horizon: dt.date | None,
    habits: Sequence[Habit] = (),
    begun: Mapping[str, int] | None = None,
) -> Shortfall | None:
    """How many core milestones of ``items`` (studied from ``start``) end after ``horizon``.

    The pace that would reach them leaves room for ``habits`` (``begun``: see
    :func:`mlpath.habits.schedule`).
    """
    late = [item for item in items if item.core and not item.within_horizon]
    if horizon is None or not late:
        return None
    last_core = max(n for n, item in enumerate(items) if item.core)
    hours = [item.milestone.hours for item in items[: last_core + 1]]
    # Habits wait for milestones after the last core one too: schedule them all.
    all_ids = [item.milestone.id for item in items]
    all_hours = [item.milestone.hours for item in items]

    def days_at(weekly: float) -> int:
        return schedule(start, all_ids, all_hours, weekly, habits, begun).offsets[last_core]

    needed = hours_needed(hours, (horizon - start).days + 1, days_at if habits else None)
    return Shortfall(late_core=len(late), horizon=horizon, hours_needed=needed)


def select_habits(catalog: Catalog, profile: Profile) -> tuple[list[Habit], list[HabitLeftOut]]:
    """The role's habits this plan keeps, and those left out as asked."""
    ids = catalog.roles[profile.role].habits
    if profile.habits == "none":
        return [], [HabitLeftOut(id=hid, reason="asked") for hid in ids]
    without = set(profile.without_habits)
    kept = [catalog.habits[hid] for hid in ids if hid not in without]
    return kept, [HabitLeftOut(id=hid, reason="asked") for hid in ids if hid in without]


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
    partly = expand(catalog, profile.known, profile.partly)[1] if profile.partly else frozenset()
    milestones = [
        catalog.milestones[mid].model_copy(
            update={"hours": _partly_hours(catalog.milestones[mid].hours)}
        )
        if mid in partly
        else catalog.milestones[mid]
        for mid in order
    ]
    hours = [m.hours for m in milestones]
    habits, habits_left_out = select_habits(catalog, profile)
    timing = schedule(profile.start, order, hours, profile.hours_per_week, habits)
    offsets = timing.offsets
    habits_left_out += [HabitLeftOut(id=hid, reason="hours") for hid in timing.no_room]
    ranker = ResourceRanker(catalog, lang=profile.lang, free_only=profile.free_only)
    core = set(role.core)

    items: list[PlanItem] = []
    begin = 0
    for milestone, end in zip(milestones, offsets, strict=True):
        picked, more = ranker.pick(milestone, per_milestone)
        start_day = profile.start + dt.timedelta(days=begin)
        end_day = profile.start + dt.timedelta(days=end - 1)
        items.append(
            PlanItem(
                milestone=milestone,
                start=start_day,
                end=end_day,
                resources=picked,
                more_resources=more,
                core=milestone.id in core,
                within_horizon=profile.horizon is None or end_day <= profile.horizon,
                partly=milestone.id in partly,
            )
        )
        begin = end

    end_day = items[-1].end if items else profile.start
    placed, late = plan_habits(profile.start, end_day, timing.running if items else [])
    habits_left_out += [HabitLeftOut(id=hid, reason="late") for hid in late]
    return Plan(
        profile=profile,
        data_version=catalog.version,
        items=items,
        skipped=skipped,
        shortfall=shortfall(items, profile.start, profile.horizon, habits),
        habits=placed,
        habits_left_out=habits_left_out,
    )


def _partly_hours(hours: int) -> int:
    # Imported only when something is partly known: the placement machinery is not
    # needed to plan otherwise.
    from mlpath.placement import partly_hours

    return partly_hours(hours)
