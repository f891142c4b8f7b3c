"""``mlpath replan``: re-date what is left of a saved plan."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mlpath.cli import options, parsing
from mlpath.cli.context import current
from mlpath.cli.saved import Name


def replan_command(
    hours_per_week: Annotated[
        float | None,
        typer.Option(
            "--hours-per-week",
            "-w",
            help="A new weekly pace (1-100).",
            metavar="HOURS",
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Re-date from this day, YYYY-MM-DD (default: today).",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would move without saving.")
    ] = False,
    ignore_profile: Annotated[
        bool,
        typer.Option(
            "--ignore-profile",
            help="Keep milestones your saved skill profile places as known (default: skip them).",
        ),
    ] = False,
    name: Name = None,
    lang: options.Lang = None,
) -> None:
    """Re-date the milestones not yet done, from today (or --from), and show what moved."""
    from mlpath.progress import updating
    from mlpath.replanning import replan
    from mlpath.state import Replan, pick, with_plan
    from mlpath.words import shortfall

    app = current()
    pace = parsing.check_hours(hours_per_week) if hours_per_week is not None else None
    first_day = parsing.parse_date(start, "--from date") if start is not None else app.today
    with updating(app.state_path) as box:
        plan_name, saved = pick(box[0], name)
        if not ignore_profile:
            from mlpath.cli.skill_options import skip_known

            saved = skip_known(app, saved, box[0].skills)
        try:
            new_plan, moves = replan(saved.plan, saved.marks, first_day, pace)
        except OverflowError:
            raise parsing.past_the_calendar() from None
        if not dry_run:
            entry = Replan(
                on=app.today,
                start=first_day,
                hours_per_week=new_plan.profile.hours_per_week,
                moved=len(moves),
            )
            new_saved = saved.model_copy(
                update={"plan": new_plan, "replans": [*saved.replans, entry]}
            )
            box[0] = with_plan(box[0], plan_name, new_saved, activate=False)
    if sys.stdout.isatty():
        from mlpath.render.status import print_moves
    else:
        from mlpath.render.plain import print_moves
    titles = {item.milestone.id: item.milestone.title.get(app.lang) for item in saved.plan.items}
    print_moves(moves, titles, saved.plan.end, new_plan.end, saved=not dry_run)
    if new_plan.shortfall is not None:
        app.terminal.warn(shortfall(new_plan.shortfall))
