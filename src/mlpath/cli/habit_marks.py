"""``mlpath done HABIT`` and ``undo HABIT``: counting a saved plan's habit occurrences."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from mlpath.cli.parsing import normalize
from mlpath.errors import UsageError
from mlpath.words import fmt_date, plural, tally

if TYPE_CHECKING:
    from mlpath.cli.context import AppContext
    from mlpath.state import SavedPlan, Status


def split_habits(saved: SavedPlan, values: list[str]) -> tuple[list[str], list[str]]:
    """The values that name this plan's habits (ids), and the rest (as given)."""
    milestones = {item.milestone.id for item in saved.plan.items}
    habits = {h.habit.id for h in saved.plan.habits}
    found, rest = [], []
    for value in values:
        hid = normalize(value)
        if hid in habits and hid not in milestones:
            found.append(hid)
        else:
            rest.append(value)
    return list(dict.fromkeys(found)), rest


def check_status(habits: list[str], status: Status | None) -> None:
    if habits and status == "skipped":
        first = habits[0]
        raise UsageError(
            f"{first!r} is a habit: habits are counted with `mlpath done {first}`, not skipped;"
            f" to plan without it use `mlpath plan --no-habit {first}`"
        )


def apply(
    saved: SavedPlan, habits: list[str], status: Status | None, on: dt.date
) -> tuple[SavedPlan, list[tuple[str, dt.date | None]]]:
    """Log (done) or unlog (undo) one occurrence of each habit; what changed, by id."""
    from mlpath.state import log_habit, unlog_habit

    changes: list[tuple[str, dt.date | None]] = []
    for hid in habits:
        if status == "done":
            saved = log_habit(saved, hid, on)
            changes.append((hid, on))
        else:
            saved, removed = unlog_habit(saved, hid)
            changes.append((hid, removed))
    return saved, changes


def say(
    app: AppContext,
    saved: SavedPlan,
    changes: list[tuple[str, dt.date | None]],
    status: Status | None,
) -> None:
    from mlpath.checkpoints import expected_count

    for hid, day in changes:
        logged = len(saved.habit_log.get(hid, []))
        expected = expected_count(saved.plan, hid, app.today)
        if status == "done":
            app.terminal.result(f"{hid}: one done on {fmt_date(day)} ({tally(logged, expected)})")
        elif day is None:
            app.terminal.note(f"{hid!r} has no occurrence recorded to undo")
        else:
            left = plural(logged, "occurrence", "occurrences")
            app.terminal.result(f"{hid}: removed the one done on {fmt_date(day)} ({left} left)")
