"""``mlpath roles`` and ``mlpath phases``: what the catalogue offers."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mlpath.cli import options


def roles_command(
    role: Annotated[
        str | None,
        typer.Argument(help="One role to show (default: all, side by side).", metavar="ROLE"),
    ] = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """Compare the roles side by side: routes, skills, salaries, employers, ladder."""
    import datetime as dt

    from mlpath.cli import parsing
    from mlpath.cli.context import current
    from mlpath.models import Level, Profile
    from mlpath.planner import build_plan

    catalog = current().catalog(data_dir)
    roles = (
        [parsing.parse_target(catalog, role)] if role is not None else list(catalog.roles.values())
    )
    # Path length for a beginner: from the planner, so it always matches `mlpath plan`.
    hours = {
        r.id: build_plan(
            catalog,
            Profile(role=r.id, level=Level.beginner, start=dt.date(2000, 1, 1), hours_per_week=10),
            per_milestone=0,
        ).total_hours
        for r in roles
    }
    if json_output:
        from mlpath.export.json import dump_roles

        current().terminal.result(dump_roles(roles, hours))
        return
    if sys.stdout.isatty():
        from mlpath.render.tables import print_roles
    else:  # a pipe or a file: plain text, no rich
        from mlpath.render.plain import print_roles
    print_roles(roles, hours, current().lang)


def phases_command(
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """List the phase ids (for --phase and --skip) with titles and counts."""
    from collections import Counter

    from mlpath.cli.context import current

    catalog = current().catalog(data_dir)
    counts = Counter(m.phase for m in catalog.milestones.values())
    if json_output:
        from mlpath.export.json import dump_phases

        current().terminal.result(dump_phases(catalog, counts))
        return
    if sys.stdout.isatty():
        from mlpath.render.tables import print_phases
    else:
        from mlpath.render.plain import print_phases
    print_phases(catalog, counts, current().lang)
