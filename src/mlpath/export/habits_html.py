"""The plan's habits and checkpoints as HTML sections (part of the HTML export)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlpath import words

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlpath.view import PlanView


def sections(view: PlanView, e: Callable[[object], str]) -> list[str]:
    out: list[str] = []
    if view.habits:
        out += [
            "<h2>Habits</h2>",
            "<table><thead><tr><th>Habit</th><th>Cadence</th><th>Hours</th><th>From</th>"
            '<th>To</th><th class="num">By the end</th></tr></thead><tbody>',
        ]
        for h in view.habits:
            until, count = words.habit_until(h, view.end), words.habit_tally(h)
            out.append(
                f'<tr id="habit-{e(h.id)}"><td><strong>{e(h.title)}</strong>'
                f'<br><span class="muted">{e(h.outcome)}</span></td>'
                f"<td>{e(words.cadence(h.cadence))}</td><td>{e(words.habit_hours(h))}</td>"
                f"<td>{h.start.isoformat()}</td><td>{e(until)}</td>"
                f'<td class="num">{e(count)}</td></tr>'
            )
        out.append("</tbody></table>")
    if (left := words.habits_left_out(view.habits_left_out)) is not None:
        out.append(f'<p class="muted">{e(left)}</p>')
    if view.checkpoints:
        out += [
            "<h2>Checkpoints</h2>",
            "<table><thead><tr><th>When</th><th>Milestones</th><th>Habits</th>"
            "<th>Deliverables in hand</th></tr></thead><tbody>",
        ]
        for cp in view.checkpoints:
            deliverables = "<br>".join(
                f"<strong>{e(d.title)}:</strong> {e(d.text)}" for d in cp.deliverables
            )
            out.append(
                f'<tr id="checkpoint-{cp.months}m"><td>{e(words.checkpoint_heading(cp))}</td>'
                f"<td>{e(words.checkpoint_milestones(cp))}</td>"
                f"<td>{e(words.checkpoint_habits(cp))}</td><td>{deliverables}</td></tr>"
            )
        out.append("</tbody></table>")
    return out
