"""Cross-checks of the habits in the data: what they and the roles refer to exists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlpath.locator import Locator
    from mlpath.models import Milestone, RoadmapFile


def duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for item in ids:
        if item in seen:
            twice.append(item)
        seen.add(item)
    return twice


def check_habits(
    roadmaps: RoadmapFile, milestones: Mapping[str, Milestone], locator: Locator
) -> list[str]:
    """Habit ids are unique, habits name milestones that exist, roles habits that exist."""
    at, unknown = locator.at, locator.unknown
    problems = [
        f"{at('habits', d, 'id')}: field 'id': duplicate id"
        for d in duplicates([h.id for h in roadmaps.habits])
    ]
    for habit in roadmaps.habits:
        refs: list[tuple[str, int | None, str]] = [
            ("after", i, mid) for i, mid in enumerate(habit.after)
        ]
        refs += [("until", None, habit.until)] if habit.until is not None else []
        for name, i, mid in refs:
            if mid not in milestones:
                where = at("habits", habit.id, name, *([] if i is None else [i]))
                problems.append(f"{where}: field {name!r}: {unknown('milestones', mid)}")
    habit_ids = {h.id for h in roadmaps.habits}
    for role in roadmaps.roles:
        for i, hid in enumerate(role.habits):
            if hid not in habit_ids:
                where = at("roles", role.id, "habits", i)
                problems.append(f"{where}: field 'habits': {unknown('habits', hid)}")
        for hid in duplicates(role.habits):
            problems.append(f"{at('roles', role.id, 'habits')}: field 'habits': {hid!r} twice")
    return problems
