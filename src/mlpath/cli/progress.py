"""Following a saved plan: status, done, undo, skip, replan, show and plans.

"Today" is read here, once, and handed to the pure code in ``mlpath.tracking``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import options, parsing, plan_output
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Plan
    from mlpath.progress import SavedPlan, State
    from mlpath.tracking import Report

Name = Annotated[
    str | None,
    typer.Option(
        "--name", "-n", help="Which saved plan (default: the active one).", show_default=False
    ),
]
On = Annotated[
    str | None,
    typer.Option(
        "--on", help="The day it happened, YYYY-MM-DD (default: today).", show_default=False
    ),
]
Milestones = Annotated[
    list[str],
    typer.Argument(
        help="Milestone ids (see `mlpath show`).", metavar="MILESTONE", show_default=False
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the saved plan to a file (.md ticks what is done); '-' for stdout.",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the output file.")]


# --- helpers shared by the commands -------------------------------------------


def _today() -> dt.date:
    return dt.date.today()


def _day(value: str | None, today: dt.date) -> dt.date:
    if value is None:
        return today
    day = parsing.parse_date(value, "date")
    if day > today:
        raise UsageError(f"--on {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


def _milestone_id(saved: SavedPlan, plan_name: str, value: str) -> str:
    from mlpath.errors import did_you_mean

    mid = parsing.normalize(value)
    ids = [item.milestone.id for item in saved.plan.items]
    if mid in ids:
        return mid
    left_out = {s.id: s.reason for s in saved.plan.skipped}
    if mid in left_out:
        why = {
            "level": "below your level",
            "asked": "skipped when planning",
            "focus": "another focus",
        }
        raise UsageError(f"{mid!r} is not in plan {plan_name!r} (left out: {why[left_out[mid]]})")
    message = f"unknown milestone {value.strip()!r} in plan {plan_name!r}"
    suggestion = did_you_mean(mid, ids)
    if suggestion:
        message += f"; did you mean {suggestion!r}?"
    raise UsageError(message + " (`mlpath show` lists the ids)")


def _report(saved: SavedPlan, today: dt.date, catalog: Catalog | None = None) -> Report:
    from mlpath.tracking import report

    restart = saved.replans[-1].start if saved.replans else None
    known = set(catalog.milestones) if catalog is not None else None
    return report(saved.plan, saved.marks, today, known_ids=known, restart=restart)


def _notes(report: Report, plan: Plan, catalog: Catalog) -> None:
    if report.missing:
        typer.echo(
            f"note: {len(report.missing)} milestone(s) of this plan are not in the current data"
            f" (version {catalog.version}; the plan was made with {plan.data_version}):"
            f" {', '.join(report.missing)}; they are kept as saved",
            err=True,
        )
    if report.stray:
        typer.echo(
            f"note: the state file marks milestones that are not in this plan, ignored:"
            f" {', '.join(report.stray)}",
            err=True,
        )


def _mark(
    milestones: list[str], status: str | None, on: str | None, name: str | None, force: bool
) -> None:
    """Shared body of done / skip / undo: validate, confirm, then update under the lock."""
    from mlpath.cli.prompts import interactive
    from mlpath.progress import (
        load_state,
        pick,
        set_mark,
        unresolved_prerequisites,
        updating,
        with_plan,
    )

    today = _today()
    day = _day(on, today)
    plan_name, saved = pick(load_state(), name)
    ids = list(dict.fromkeys(_milestone_id(saved, plan_name, m) for m in milestones))
    if status == "done" and not force:
        blocked = {
            mid: pres
            for mid in ids
            if (pres := unresolved_prerequisites(saved, mid, frozenset(ids)))
        }
        if blocked:
            text = "; ".join(
                f"{mid!r} needs {', '.join(repr(p) for p in pres)}" for mid, pres in blocked.items()
            )
            if not interactive():
                raise UsageError(
                    f"{text}, not done yet; mark those first, or use --force to mark it anyway"
                )
            if not typer.confirm(
                f"{text}, not done yet. Mark done anyway?", default=False, err=True
            ):
                typer.echo("Nothing changed.", err=True)
                raise typer.Exit(1)

    results: list[str] = []
    with updating() as box:
        state = box[0]
        plan_name, saved = pick(state, plan_name)
        for mid in ids:
            mark = saved.marks.get(mid)
            if mark is None and status is None:
                typer.echo(f"note: {mid!r} was not marked done or skipped", err=True)
            elif mark is not None and (mark.status, mark.on) == (status, day):
                typer.echo(f"note: {mid!r} was already {status} on {day.isoformat()}", err=True)
            else:
                saved = set_mark(saved, mid, status, day)  # type: ignore[arg-type]
                results.append(
                    f"{mid}: {status} on {day.isoformat()}"
                    if status is not None
                    else f"{mid}: unmarked (was {mark.status} on {mark.on.isoformat()})"  # type: ignore[union-attr]
                )
        if results:
            box[0] = with_plan(state, plan_name, saved, activate=False)
    for line in results:
        typer.echo(line)
    from mlpath.render.status import summary_line

    typer.echo(summary_line(_report(saved, today)))


# --- commands -------------------------------------------------------------------


def status_command(
    name: Name = None, json_output: options.Json = False, data_dir: options.DataDir = None
) -> None:
    """Where you stand: progress per phase, behind or ahead, what is next, projected end."""
    from mlpath.catalog import load_catalog
    from mlpath.progress import load_state, pick

    plan_name, saved = pick(load_state(), name)
    catalog = load_catalog(data_dir)
    report = _report(saved, _today(), catalog)
    _notes(report, saved.plan, catalog)
    if json_output:
        import json

        typer.echo(
            json.dumps({"plan": plan_name, **report.as_dict()}, ensure_ascii=False, indent=2)
        )
        return
    from mlpath.render.status import print_status

    titles = {pid: phase.title.en for pid, phase in catalog.phases.items()}
    print_status(plan_name, saved, report, titles)


def done_command(
    milestones: Milestones,
    on: On = None,
    force: Annotated[
        bool, typer.Option("--force", help="Mark it done even if its prerequisites are not.")
    ] = False,
    name: Name = None,
) -> None:
    """Mark milestones done (today, or --on DATE)."""
    _mark(milestones, "done", on, name, force)


def skip_command(milestones: Milestones, on: On = None, name: Name = None) -> None:
    """Mark milestones as skipped: you will not study them (they stop counting)."""
    _mark(milestones, "skipped", on, name, True)


def undo_command(milestones: Milestones, name: Name = None) -> None:
    """Remove the done or skipped mark from milestones."""
    _mark(milestones, None, None, name, True)


def replan_command(
    hours_per_week: Annotated[
        float | None,
        typer.Option(
            "--hours-per-week", "-w", help="A new weekly pace (1-100).", show_default=False
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Re-date from this day, YYYY-MM-DD (default: today).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would move without saving.")
    ] = False,
    name: Name = None,
) -> None:
    """Re-date the milestones not yet done, from today (or --from), and show what moved."""
    from mlpath.progress import Replan, load_state, pick, with_plan
    from mlpath.render.status import print_moves
    from mlpath.tracking import replan

    today = _today()
    pace = parsing.check_hours(hours_per_week) if hours_per_week is not None else None
    first_day = parsing.parse_date(start, "--from date") if start is not None else today

    def redo(state: State) -> tuple[str, SavedPlan, Plan, int]:
        plan_name, saved = pick(state, name)
        new_plan, moves = replan(saved.plan, saved.marks, first_day, pace)
        print_moves(moves, saved.plan.end, new_plan.end, saved=not dry_run)
        entry = Replan(
            on=today,
            start=first_day,
            hours_per_week=new_plan.profile.hours_per_week,
            moved=len(moves),
        )
        new_saved = saved.model_copy(update={"plan": new_plan, "replans": [*saved.replans, entry]})
        return plan_name, new_saved, new_plan, len(moves)

    if dry_run:
        redo(load_state())
        return
    from mlpath.progress import updating

    with updating() as box:
        plan_name, new_saved, new_plan, _ = redo(box[0])
        box[0] = with_plan(box[0], plan_name, new_saved, activate=False)
    for warning in new_plan.warnings:
        typer.echo(f"warning: {warning}", err=True)


def show_command(
    name: Name = None,
    output: Output = None,
    force: Force = False,
    fmt: plan_output.Format = None,
    json_output: plan_output.JsonOut = False,
    timeline: plan_output.Timeline = False,
    sessions: plan_output.Sessions = None,
    tz: plan_output.Tz = None,
    data_dir: options.DataDir = None,
) -> None:
    """Print the saved plan with what is done; -o plan.md exports it with done items ticked."""
    where = plan_output.destination(
        output=output, fmt=fmt, json_output=json_output, timeline=timeline, sessions=sessions, tz=tz
    )
    show_saved(name, where, force, data_dir)


def show_saved(
    name: str | None, where: plan_output.Destination, force: bool, data_dir: Path | None
) -> None:
    """Also behind ``mlpath plan --show``: the status table, or any format ``plan`` writes."""
    from mlpath.catalog import load_catalog
    from mlpath.progress import load_state, pick

    plan_name, saved = pick(load_state(), name)
    catalog = load_catalog(data_dir)
    report = _report(saved, _today(), catalog)
    _notes(report, saved.plan, catalog)
    if where.output is None and not where.timeline:
        from mlpath.render.status import print_saved

        titles = {pid: phase.title.en for pid, phase in catalog.phases.items()}
        print_saved(plan_name, saved, report, titles)
        return
    where.with_done(saved.ids("done")).emit(saved.plan, catalog, force=force)


def plans_command(
    use: Annotated[
        str | None, typer.Option("--use", help="Make this saved plan the active one.")
    ] = None,
    json_output: options.Json = False,
) -> None:
    """List your saved plans, or switch the active one with --use NAME."""
    from mlpath.progress import activate, load_state, updating

    if use is not None:
        with updating() as box:
            box[0] = activate(box[0], use)
        typer.echo(f"active plan: {use}")
        return
    state = load_state()
    today = _today()
    rows = [
        (plan_name, plan_name == state.active, saved, _report(saved, today))
        for plan_name, saved in state.plans.items()
    ]
    if json_output:
        import json

        data = [
            {
                "name": plan_name,
                "active": active,
                "role": saved.plan.profile.role,
                "created": saved.created.isoformat(),
                "start": saved.plan.profile.start.isoformat(),
                "end": saved.plan.end.isoformat(),
                "done": report.overall.done,
                "milestones": report.overall.milestones,
                "position": {"state": report.position, "days": report.days},
            }
            for plan_name, active, saved, report in rows
        ]
        typer.echo(json.dumps(data, indent=2))
        return
    if not rows:
        typer.echo("No saved plans yet; save one with `mlpath plan --target mle --save`.", err=True)
        return
    from mlpath.render.status import print_plans

    print_plans(rows)


def save_plan(plan: Plan, name: str | None, *, replace: bool) -> None:
    """Behind ``mlpath plan --save``: store ``plan`` as the active plan."""
    from mlpath.progress import SavedPlan, check_name, state_path, updating, with_plan

    plan_name = check_name(name if name is not None else plan.profile.role)
    with updating() as box:
        old = box[0].plans.get(plan_name)
        if old is not None and (old.marks or old.replans) and not replace:
            raise UsageError(
                f"a saved plan {plan_name!r} already has progress ({len(old.marks)} milestone(s)"
                " marked); use --name OTHER to keep both, `mlpath replan` to re-date it, or"
                " --force to replace it"
            )
        saved = SavedPlan(created=_today(), plan=plan)
        box[0] = with_plan(box[0], plan_name, saved)
    typer.echo(f"saved plan {plan_name!r} (active) in {state_path()}", err=True)
