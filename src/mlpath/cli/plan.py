"""``mlpath plan``: build a dated study plan and print or export it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli import complete, habit_options, options, parsing, plan_output, skill_options
from mlpath.cli.prompts import ask, interactive
from mlpath.errors import UsageError

OUTPUT_PANEL = "Output"
SAVED_PANEL = "Saved plans"


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
    focus: options.Focus = None,
    skip: Annotated[
        list[str] | None,
        typer.Option(
            "--skip",
            help="Milestone or phase ids you have already covered (repeat or comma-separate).",
            show_default=False,
            autocompletion=complete.skips,
        ),
    ] = None,
    known: skill_options.Known = None,
    partly: skill_options.Partly = None,
    answers: skill_options.Answers = None,
    lang: options.Lang = None,
    free: options.Free = False,
    habits: habit_options.Habits = None,
    no_habit: habit_options.NoHabit = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the plan to a file (.md, .json, .ics, .html) instead of the terminal;"
            " '-' for Markdown on stdout.",
            rich_help_panel=OUTPUT_PANEL,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite the output file.", rich_help_panel=OUTPUT_PANEL),
    ] = False,
    fmt: plan_output.Format = None,
    json_output: plan_output.JsonOut = False,
    timeline: plan_output.Timeline = False,
    sessions: plan_output.Sessions = None,
    tz: plan_output.Tz = None,
    save: Annotated[
        bool,
        typer.Option(
            "--save",
            help="Save the plan as your active plan, to follow with `mlpath status`, `done` and"
            " `replan`. With --force, replaces a saved plan of the same name that has progress.",
            rich_help_panel=SAVED_PANEL,
        ),
    ] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            help="Name of the saved plan (with --save or --show).  [default: the role id]",
            rich_help_panel=SAVED_PANEL,
            show_default=False,
            autocompletion=complete.plan_names,
        ),
    ] = None,
    show: Annotated[
        bool,
        typer.Option(
            "--show",
            help="Print the saved plan (the active one, or --name) instead of building one;"
            " -o plan.md ticks what is done.",
            rich_help_panel=SAVED_PANEL,
        ),
    ] = False,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt; use the defaults for what is missing."),
    ] = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
) -> None:
    """Build a dated study plan for a role, at your level and pace.

    On a terminal, mlpath asks for the role and level you did not pass, and
    then for hours and start too. Off a terminal (or with --no-input) --target
    is required; the level defaults to beginner, hours to 10 a week and the
    start to today.
    """
    from mlpath.cli.context import current
    from mlpath.models import Profile
    from mlpath.planner import build_plan

    where = plan_output.destination(
        output=output, fmt=fmt, json_output=json_output, timeline=timeline, sessions=sessions, tz=tz
    )
    if show:
        from mlpath.cli.status import show_saved

        show_saved(name, where, force, data_dir)
        return
    if name is not None and not save:
        raise UsageError("--name needs --save (or --show)")

    app = current()
    catalog = current().catalog(data_dir)
    prompting = interactive() and not no_input
    choices = ", ".join(catalog.roles)

    # Validate what was given before asking for what was not.
    role = parsing.parse_target(catalog, target) if target is not None else None
    learner_level = parsing.parse_level(level) if level is not None else None
    weekly = parsing.check_hours(hours_per_week) if hours_per_week is not None else None
    first_day = parsing.parse_date(start) if start is not None else None
    chosen_focus = parsing.parse_focus(focus)
    flags = skill_options.from_flags(catalog, known, partly)

    if role is None:
        if not prompting:
            raise UsageError(f"missing --target; choices: {choices}")
        role = ask(f"Target role ({choices})", "mle", lambda v: parsing.parse_target(catalog, v))
    skills = skill_options.resolve(
        app,
        catalog,
        role,
        chosen_focus,
        flags=flags,
        answers=answers,
        level_given=learner_level is not None,
        prompting=prompting,
    )
    if learner_level is None and skills.given:
        learner_level = parsing.parse_level("beginner")  # what you know decides, not a level
    if learner_level is None:
        if prompting:
            learner_level = ask(
                f"Your level ({', '.join(parsing.LEVELS)})", "beginner", parsing.parse_level
            )
        else:
            learner_level = parsing.parse_level("beginner")
            app.terminal.note("no --level given; planning for a beginner")
    # Hours and start have sensible defaults: they are asked for only in a guided
    # session (one that had to ask who the plan is for), so `plan -t mle -l beginner`
    # runs straight through on a terminal too.
    # Known skills (flags, answers or a saved profile) stand in for a level, unless
    # they were just asked for.
    settled = level is not None or (skills.given and not skills.asked)
    guided = prompting and (target is None or not settled)
    if weekly is None:
        weekly = (
            ask("Hours per week", "10", lambda v: parsing.check_hours(_to_float(v)))
            if guided
            else 10.0
        )
    if first_day is None:
        today = app.today.isoformat()
        first_day = ask("Start date", today, parsing.parse_date) if guided else app.today

    skips = parsing.parse_skips(catalog, skip or [])
    for note in parsing.skip_notes(catalog, role, skips):
        app.terminal.note(note)
    habit_choice, without_habits = habit_options.parse_habits(catalog, role.id, habits, no_habit)
    profile = Profile(
        role=role.id,
        level=learner_level,
        start=first_day,
        hours_per_week=weekly,
        horizon=parsing.parse_horizon(horizon, first_day) if horizon is not None else None,
        focus=chosen_focus,
        skip=skips,
        known=skills.known,
        partly=skills.partly,
        # An explicit --lang, or a Japanese interface, ranks that language's resources first.
        lang=parsing.parse_lang(lang) or (app.lang if app.lang != "en" else None),
        free_only=free,
        habits=habit_choice,
        without_habits=without_habits,
    )
    try:
        plan = build_plan(catalog, profile)
    except OverflowError:
        raise parsing.past_the_calendar() from None
    if save:
        from mlpath.cli.saved import save_plan

        where.check(catalog, force=force)  # a plan is saved only if it can also be written
        save_plan(app, plan, name, replace=force)
        skill_options.save_skills(app, skills.assessed)

    where.emit(plan, catalog, force=force)
    if guided and not save:
        skill_options.offer_save(app, plan, catalog, name, skills.assessed)


def _to_float(value: str) -> float:
    """A number of hours as people type it: "8", "8.5", "8h", "about 8 hours", full-width digits."""
    import re
    import unicodedata

    found = re.search(r"\d+(?:\.\d+)?", unicodedata.normalize("NFKC", value))
    if found is None:
        raise UsageError(f"{value.strip()!r} is not a number of hours; type e.g. 8 or 7.5")
    return float(found.group())
