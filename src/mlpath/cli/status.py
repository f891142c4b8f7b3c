"""``mlpath status``, ``show`` and ``plans``: looking at saved plans."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import complete, options, parsing, plan_output
from mlpath.cli.context import AppContext, current
from mlpath.cli.saved import Force, Name, Output, notes, report, view_of

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.state import SavedPlan, State
    from mlpath.tracking import Report


def status_command(
    name: Name = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Report as of this day, YYYY-MM-DD, instead of today.",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """Where you stand: progress per phase, behind or ahead, what is next, projected end."""
    from mlpath.cli.skill_options import known_but_open

    app = current()
    app = app.as_of(parsing.parse_date(as_of, "--as-of date") if as_of is not None else None)
    state, plan_name, saved, catalog, found = _followed(app, name, data_dir)

    if known := known_but_open(saved, state.skills):
        app.terminal.note(
            f"your skill profile places {len(known)} open milestone(s) of this plan as known:"
            f" {', '.join(known)}; `mlpath replan` leaves them out"
        )
    if json_output:
        from mlpath.export.documents import status_doc
        from mlpath.export.json import encode

        app.terminal.result(encode(status_doc(plan_name, found, saved.habit_log)))
        return
    if sys.stdout.isatty():
        from mlpath.render.status import print_status
    else:  # a pipe or a file: plain text, no rich
        from mlpath.render.plain import print_status
    print_status(plan_name, found, view_of(saved, catalog, app))


def _followed(
    app: AppContext, name: str | None, data_dir: Path | None
) -> tuple[State, str, SavedPlan, Catalog, Report]:
    """The saved plan asked for, its catalogue and report as of the app's day, notes said."""
    from mlpath.progress import load_state
    from mlpath.state import pick

    state = load_state(app.state_path)
    plan_name, saved = pick(state, name)
    catalog = app.catalog(data_dir)
    found = report(saved, app.today, catalog)
    notes(app, found, saved.plan, catalog)
    return state, plan_name, saved, catalog, found


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
    overlays: options.Overlays = None,
    lang: options.Lang = None,
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
    app = current()
    _, plan_name, saved, catalog, found = _followed(app, name, data_dir)
    if where.output is None and not where.timeline:
        if sys.stdout.isatty():
            from mlpath.render.status import print_saved
        else:
            from mlpath.render.plain import print_saved
        print_saved(plan_name, found, view_of(saved, catalog, app))
        return
    where.with_marks(saved.marks, saved.habit_log).emit(saved.plan, catalog, force=force)


def plans_command(
    use: Annotated[
        str | None,
        typer.Option(
            "--use",
            help="Make this saved plan the active one.",
            metavar="NAME",
            autocompletion=complete.plan_names,
        ),
    ] = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """List your saved plans, or switch the active one with --use NAME."""
    from mlpath.progress import load_state, updating
    from mlpath.state import activate

    app = current()
    if use is not None:
        with updating(app.state_path) as box:
            box[0] = activate(box[0], use)
        app.terminal.info(f"active plan: {use}")
        return
    state = load_state(app.state_path)
    if json_output:
        from mlpath.export.documents import PlansDoc, plan_row
        from mlpath.export.json import encode

        rows = [
            plan_row(plan_name, plan_name == state.active, saved, report(saved, app.today))
            for plan_name, saved in state.plans.items()
        ]
        app.terminal.result(encode(PlansDoc(rows)))
        return
    if not state.plans:
        app.terminal.info("No saved plans yet; save one with `mlpath plan --target mle --save`.")
        return

    if sys.stdout.isatty():
        from mlpath.render.status import print_plans
    else:
        from mlpath.render.plain import print_plans
    catalog = current().catalog(data_dir)
    print_plans(
        [
            (n, n == state.active, view_of(saved, catalog, app), report(saved, app.today))
            for n, saved in state.plans.items()
        ]
    )
    app.terminal.info("* marks the active plan; switch with `mlpath plans --use NAME`.")
