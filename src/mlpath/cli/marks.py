"""``mlpath done``, ``skip`` and ``undo``: marking milestones of a saved plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import options
from mlpath.cli.context import AppContext, current
from mlpath.cli.saved import Milestones, Name, On, milestone_id, past_day, report
from mlpath.errors import UsageError
from mlpath.words import fmt_date

if TYPE_CHECKING:
    from mlpath.state import MarkChange, Status


def _change_line(change: MarkChange) -> str | None:
    """What happened to one milestone, or None where nothing did (said as a note instead)."""
    before, after = change.before, change.after
    if not change.changed:
        return None
    if after is None and before is not None:
        return f"{change.id}: unmarked (was {before.status} on {fmt_date(before.on)})"
    assert after is not None
    line = f"{change.id}: {after.status} on {fmt_date(after.on)}"
    if before is not None:
        line += f" (was {before.status} on {fmt_date(before.on)})"
    return line


def _unchanged_note(change: MarkChange) -> str:
    if change.before is None:
        return f"{change.id!r} was not marked done or skipped"
    return f"{change.id!r} was already {change.before.status} on {fmt_date(change.before.on)}"


def _confirm_prerequisites(app: AppContext, blocked: dict[str, list[str]]) -> None:
    from mlpath.cli.prompts import interactive

    text = "; ".join(
        f"{mid!r} needs {', '.join(repr(p) for p in pres)}" for mid, pres in blocked.items()
    )
    if not interactive():
        raise UsageError(
            f"{text}, not done yet; mark those first, or use --force to mark it anyway"
        )
    if not typer.confirm(f"{text}, not done yet. Mark done anyway?", default=False, err=True):
        app.terminal.info("Nothing changed.")
        raise typer.Exit(1)


def mark(
    milestones: list[str], status: Status | None, on: str | None, name: str | None, force: bool
) -> None:
    """Shared body of done / skip / undo: validate, confirm, then update under the lock."""
    from mlpath.cli import habit_marks
    from mlpath.progress import load_state, updating
    from mlpath.state import apply_marks, pick, unresolved_prerequisites, with_plan

    app = current()
    day = past_day(on, app.today)
    plan_name, saved = pick(load_state(app.state_path), name)
    habits, milestones = habit_marks.split_habits(saved, milestones)
    habit_marks.check_status(habits, status)
    ids = list(dict.fromkeys(milestone_id(saved, plan_name, m) for m in milestones))
    if status == "done" and not force:
        chosen = frozenset(ids)
        blocked = {
            mid: pres for mid in ids if (pres := unresolved_prerequisites(saved, mid, chosen))
        }
        if blocked:
            _confirm_prerequisites(app, blocked)

    with updating(app.state_path) as box:
        plan_name, saved = pick(box[0], plan_name)
        saved, changes = apply_marks(saved, ids, status, day)
        saved, counted = habit_marks.apply(saved, habits, status, day)
        if any(change.changed for change in changes) or any(d for _, d in counted):
            box[0] = with_plan(box[0], plan_name, saved, activate=False)
    for change in changes:
        line = _change_line(change)
        if line is None:
            app.terminal.note(_unchanged_note(change))
        else:
            app.terminal.result(line)
    habit_marks.say(app, saved, counted, status)
    from mlpath.words import progress

    app.terminal.result(progress(report(saved, app.today)))


def done_command(
    milestones: Milestones,
    on: On = None,
    force: Annotated[
        bool, typer.Option("--force", help="Mark it done even if its prerequisites are not.")
    ] = False,
    name: Name = None,
    lang: options.Lang = None,
) -> None:
    """Mark milestones done (today, or --on DATE)."""
    mark(milestones, "done", on, name, force)


def skip_command(
    milestones: Milestones,
    on: On = None,
    name: Name = None,
    lang: options.Lang = None,
) -> None:
    """Mark milestones as skipped: you will not study them (they stop counting)."""
    mark(milestones, "skipped", on, name, True)


def undo_command(
    milestones: Milestones,
    name: Name = None,
    lang: options.Lang = None,
) -> None:
    """Remove the done or skipped mark from milestones."""
    mark(milestones, None, None, name, True)
