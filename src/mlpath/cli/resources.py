"""``mlpath resources``: browse and filter the resource catalogue."""

from __future__ import annotations

import shutil
import sys
from typing import Annotated

import typer

from mlpath.cli import complete, options, parsing

WIDE = 120

Phase = Annotated[
    str | None,
    typer.Option(
        "--phase", "-p", help="Phase id (see `mlpath phases`).", autocompletion=complete.phases
    ),
]
MilestoneId = Annotated[
    str | None,
    typer.Option(
        "--milestone",
        "-m",
        help="Milestone id (see `mlpath milestones`).",
        autocompletion=complete.milestone_ids,
    ),
]


def resources_command(
    phase: Phase = None,
    milestone: MilestoneId = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="course, book, paper, video, article, repo, community, conference or tool.",
            autocompletion=complete.kinds,
        ),
    ] = None,
    level: options.Level = None,
    language: Annotated[
        str | None,
        typer.Option(
            "--language",
            help="Only resources written in this language: en or ja.",
            metavar="LANG",
            autocompletion=complete.languages,
        ),
    ] = None,
    free: options.Free = False,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", "-q", help="Words that must appear in title, provider or summary."
        ),
    ] = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """List courses, books, papers, communities, conferences and tools."""
    from mlpath.cli.context import current
    from mlpath.errors import unknown_choice
    from mlpath.models import RESOURCE_KINDS
    from mlpath.query import ResourceQuery, filter_resources

    app = current()
    catalog = current().catalog(data_dir)
    wanted_kind = None
    if kind is not None:
        wanted_kind = parsing.normalize(kind)
        if wanted_kind not in RESOURCE_KINDS:
            raise unknown_choice("kind", kind.strip(), RESOURCE_KINDS)
    query = ResourceQuery(
        phase=parsing.parse_phase(catalog, phase).id if phase is not None else None,
        kind=wanted_kind,
        level=parsing.parse_level(level) if level is not None else None,
        lang=parsing.parse_lang(language),
        free_only=free,
        words=tuple(search.lower().split()) if search else (),
    )
    step = None
    if milestone is not None:
        from mlpath.ranking import ResourceRanker

        step = catalog.milestones[parsing.parse_milestone(catalog, milestone)]
        ranked = ResourceRanker(catalog, lang=query.lang).all_for(step)
        found = [r for r in ranked if query.matches(r) and query.phase in (None, *r.phases)]
    else:
        found = filter_resources(catalog, query)
    if json_output:
        from mlpath.export.json import dump_resources

        app.terminal.result(dump_resources(found))
        return
    if not found:
        app.terminal.info("No resources match these filters.")
        return
    from mlpath.view import resource_view, text

    views = [resource_view(r, app.lang) for r in found]
    phase = text(catalog.phases[query.phase].title, app.lang) if query.phase else None
    if step is not None:
        phase = text(step.title, app.lang)
    heading = f"Resources for {phase}" if phase else "Resources"
    # A table only where its Resource column is wide enough to keep URLs whole;
    # otherwise blocks with each URL on a line of its own.
    if sys.stdout.isatty() and shutil.get_terminal_size().columns >= WIDE:
        from mlpath.render.tables import print_resources

        print_resources(views, heading)
    else:  # a pipe or a file: plain text with URLs, without importing rich
        from mlpath.render.text import print_resources as print_text

        print_text(views, heading)
