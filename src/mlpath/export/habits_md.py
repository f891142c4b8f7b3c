"""The plan's habits and checkpoints as Markdown sections (part of the Markdown export)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath import words

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlpath.view import PlanView


def sections(view: PlanView, escape: Callable[[str], str]) -> list[str]:
    lines: list[str] = []
    if view.habits:
        lines += ["## Habits", ""]
        lines += [
            "| Habit | Cadence | Hours | From | To | By the end |",
            "|---|---|---|---|---|---:|",
        ]
        for h in view.habits:
            until, count = words.habit_until(h, view.end), words.habit_tally(h)
            lines.append(
                f"| {escape(h.title)} (`{h.id}`) | {words.cadence(h.cadence)}"
                f" | {escape(words.habit_hours(h))} | {h.start.isoformat()} | {until} | {count} |"
            )
        lines.append("")
    if (left := words.habits_left_out(view.habits_left_out)) is not None:
        lines += [escape(left), ""]
    if view.checkpoints:
        lines += ["## Checkpoints", ""]
        for cp in view.checkpoints:
            lines += [f"### {escape(words.checkpoint_heading(cp))}", ""]
            lines.append(f"- {words.checkpoint_milestones(cp)}")
            lines.append(f"- Habits: {escape(words.checkpoint_habits(cp))}")
            for d in cp.deliverables:
                lines.append(f"- **{escape(d.title)}:** {escape(d.text)}")
            lines.append("")
    return lines
