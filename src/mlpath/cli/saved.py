"""What the commands that follow a saved plan share: options, finding ids, reports, notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import complete, parsing
from mlpath.cli.context import AppContext
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Plan
    from mlpath.state import SavedPlan
    from mlpath.tracking import Report
    from mlpath.view import PlanView

Name = Annotated[
    str | None,
    typer.Option(
        "--name",
        "-n",
        help="Which saved plan (default: the active one).",
        show_default=False,
        autocompletion=complete.plan_names,
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
        help="Milestone ids (see `mlpath show`); `done HABIT` counts one occurrence of a habit.",
        metavar="ID",
        show_default=False,
        autocompletion=complete.plan_milestones,
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

LEFT_OUT_REASONS = {
    "level": "below your level",
    "asked": "skipped when planning",
    "focus": "another focus",
    "known": "you know it",
}


def past_day(value: str | None, today: dt.date) -> dt.date:
    """``--on``: a day up to today; today when not given."""
    if value is None:
        return today
    day = parsing.parse_date(value, "date")
    if day > today:
        raise UsageError(f"--on {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


def milestone_id(saved: SavedPlan, plan_name: str, value: str) -> str:
    """A milestone id of the plan; the error says why an id is not in it."""
    from mlpath.errors import did_you_mean

    mid = parsing.normalize(value)
    ids = [item.milestone.id for item in saved.plan.items]
    if mid in ids:
        return mid
    left_out = {s.id: s.reason for s in saved.plan.skipped}
    if mid in left_out:
        raise UsageError(
            f"{mid!r} is not in plan {plan_name!r} (left out: {LEFT_OUT_REASONS[left_out[mid]]})"
        )
    message = f"unknown milestone {value.strip()!r} in plan {plan_name!r}"
    suggestion = did_you_mean(mid, ids)
    if suggestion:
        message += f"; did you mean {suggestion!r}?"
    raise UsageError(message + " (`mlpath show` lists the ids)")


def report(saved: SavedPlan, today: dt.date, catalog: Catalog | None = None) -> Report:
    from mlpath.tracking import report as make_report

    known = set(catalog.milestones) if catalog is not None else None
    return make_report(saved.plan, saved.marks, today, known_ids=known, restart=saved.restart)


def view_of(saved: SavedPlan, catalog: Catalog, app: AppContext) -> PlanView:
    from mlpath.view import plan_view

    return plan_view(
        saved.plan,
        catalog,
        lang=app.lang,
        marks=saved.marks,
        today=app.today,
        habit_log=saved.habit_log,
    )


def notes(app: AppContext, report: Report, plan: Plan, catalog: Catalog) -> None:
    """What a learner should know about a saved plan before its status: on stderr."""
    from mlpath.words import shortfall

    if plan.shortfall is not None and report.position != "finished":
        app.terminal.warn(shortfall(plan.shortfall))
    if report.missing:
        app.terminal.note(
            f"{len(report.missing)} milestone(s) of this plan are not in the current data"
            f" (version {catalog.version}; the plan was made with {plan.data_version}):"
            f" {', '.join(report.missing)}; they are kept as saved"
        )
    if report.stray:
        app.terminal.note(
            "the state file marks milestones that are not in this plan, ignored:"
            f" {', '.join(report.stray)}"
        )


def save_plan(app: AppContext, plan: Plan, name: str | None, *, replace: bool) -> None:
    """Behind ``mlpath plan --save``: store ``plan`` as the active plan."""
    from mlpath.progress import updating
    from mlpath.state import SavedPlan, check_name, with_plan

    plan_name = check_name(name if name is not None else plan.profile.role)
    with updating(app.state_path) as box:
        old = box[0].plans.get(plan_name)
        if old is not None and (old.marks or old.replans) and not replace:
            raise UsageError(
                f"a saved plan {plan_name!r} already has progress ({len(old.marks)} milestone(s)"
                " marked); use --name OTHER to keep both, `mlpath replan` to re-date it, or"
                " --force to replace it"
            )
        box[0] = with_plan(box[0], plan_name, SavedPlan(created=app.today, plan=plan))
    app.terminal.info(f"saved plan {plan_name!r} (active) in {app.state_path}")
