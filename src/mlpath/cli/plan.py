"""``mlpath plan``: build a dated study plan and print or export it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli import options, parsing
from mlpath.cli.prompts import ask, interactive
from mlpath.errors import UsageError

OUTPUT_PANEL = "Output"


def plan_command(
    target: options.Target = None,
    level: options.Level = None,
    hours_per_week: Annotated[
        float | None,
        typer.Option(
            "--hours-per-week",
            "-w",
            help="Hours you can study each week (1-100).  [default: 10]",
            show_default=False,
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            "-s",
            help="First day of study, YYYY-MM-DD.  [default: today]",
            show_default=False,
        ),
    ] = None,
    horizon: Annotated[
        str | None,
        typer.Option(
            "--horizon",
            help="How far ahead to plan: 3m, 6m, 1y, 2y, 3y or a date. Later milestones are"
            " listed apart.",
            show_default=False,
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            "-f",
            help="Specialisation: nlp, cv, rl or compression (default: the role's).",
            show_default=False,
        ),
    ] = None,
    skip: Annotated[
        list[str] | None,
        typer.Option(
            "--skip",
            help="Milestone or phase ids you have already covered (repeat or comma-separate).",
            show_default=False,
        ),
    ] = None,
    lang: options.Lang = None,
    free: options.Free = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the plan to a file (.md) instead of the terminal; '-' for Markdown on"
            " stdout.",
            rich_help_panel=OUTPUT_PANEL,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite the output file.", rich_help_panel=OUTPUT_PANEL),
    ] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt; use the defaults for what is missing."),
    ] = False,
    data_dir: options.DataDir = None,
) -> None:
    """Build a dated study plan for a role, at your level and pace.

    On a terminal, mlpath asks for whatever you did not pass. Off a terminal
    (or with --no-input) --target is required; the level defaults to
    beginner, hours to 10 a week and the start to today.
    """
    from mlpath.catalog import load_catalog
    from mlpath.models import Profile
    from mlpath.planner import build_plan, parse_horizon

    catalog = load_catalog(data_dir)
    prompting = interactive() and not no_input
    choices = ", ".join(catalog.roles)

    # Validate what was given before asking for what was not.
    role = parsing.parse_target(catalog, target) if target is not None else None
    learner_level = parsing.parse_level(level) if level is not None else None
    weekly = parsing.check_hours(hours_per_week) if hours_per_week is not None else None
    first_day = parsing.parse_date(start) if start is not None else None

    if role is None:
        if not prompting:
            raise UsageError(f"missing --target; choices: {choices}")
        role = ask(f"Target role ({choices})", "mle", lambda v: parsing.parse_target(catalog, v))
    if learner_level is None:
        if prompting:
            learner_level = ask(
                f"Your level ({', '.join(parsing.LEVELS)})", "beginner", parsing.parse_level
            )
        else:
            learner_level = parsing.parse_level("beginner")
            typer.echo("note: no --level given; planning for a beginner", err=True)
    if weekly is None:
        weekly = (
            ask("Hours per week", "10", lambda v: parsing.check_hours(_to_float(v)))
            if prompting
            else 10.0
        )
    if first_day is None:
        today = dt.date.today().isoformat()
        first_day = ask("Start date", today, parsing.parse_date) if prompting else dt.date.today()

    profile = Profile(
        role=role.id,
        level=learner_level,
        start=first_day,
        hours_per_week=weekly,
        horizon=parse_horizon(horizon, first_day) if horizon is not None else None,
        focus=parsing.parse_focus(focus),
        skip=parsing.parse_skips(catalog, skip or []),
        lang=parsing.parse_lang(lang),
        free_only=free,
    )
    plan = build_plan(catalog, profile)

    if output is None:
        from mlpath.render.plan import print_plan

        print_plan(plan, catalog)
        return
    from mlpath.export import export_plan

    written = export_plan(plan, catalog, output, force=force)
    if written is not None:
        typer.echo(f"wrote {written}", err=True)


def _to_float(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a number") from None
