"""The plan's habits and checkpoints as terminal tables (rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from mlpath import words
from mlpath.render.plan import styled
from mlpath.words import fmt_date

if TYPE_CHECKING:
    from mlpath.view import PlanView


def habit_table(view: PlanView) -> Table:
    table = Table(title="Habits", title_justify="left", show_lines=True)
    table.add_column("Habit", ratio=1, overflow="fold")
    table.add_column("Cadence", no_wrap=True)
    table.add_column("From", no_wrap=True, width=10)
    table.add_column("By the end", justify="right", no_wrap=True)
    for habit in view.habits:
        count = str(habit.count)
        if habit.logged is not None:
            count = f"{habit.logged} done / {habit.count}"
        table.add_row(
            Text("\n").join(
                [
                    styled((habit.title, "bold"), (f" · {habit.id}", "muted")),
                    styled((words.habit_hours(habit), "muted")),
                    styled(habit.outcome),
                ]
            ),
            words.cadence(habit.cadence),
            fmt_date(habit.start),
            count,
        )
    return table


def checkpoint_table(view: PlanView) -> Table:
    table = Table(title="Checkpoints", title_justify="left", show_lines=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Milestones", no_wrap=True)
    table.add_column("Habits", ratio=1, overflow="fold")
    table.add_column("Deliverables in hand", ratio=2, overflow="fold")
    for cp in view.checkpoints:
        deliverables = Text("\n").join(
            styled((f"{d.title}: ", "bold"), d.text) for d in cp.deliverables
        )
        table.add_row(
            styled(words.checkpoint_label(cp.months), ("\n" + fmt_date(cp.on), "muted")),
            words.checkpoint_milestones(cp),
            styled(words.checkpoint_habits(cp)),
            deliverables if cp.deliverables else styled(("nothing new", "muted")),
        )
    return table
