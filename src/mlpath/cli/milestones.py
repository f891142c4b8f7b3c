"""``mlpath milestones``: the ids to use with --skip, done and skip, before any plan is saved."""

from __future__ import annotations

import sys

from mlpath.cli import options, parsing
from mlpath.cli.context import current
from mlpath.cli.resources import Phase


def milestones_command(
    target: options.Target = None,
    phase: Phase = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """List milestone ids with title, phase, level, hours and prerequisites.

    With --target, the role's roadmap in order, its core milestones marked.
    """
    from mlpath.export.documents import milestone_rows

    app = current()
    catalog = current().catalog(data_dir)
    role = parsing.parse_target(catalog, target) if target is not None else None
    phase_id = parsing.parse_phase(catalog, phase).id if phase is not None else None
    rows = milestone_rows(catalog, role, phase_id)
    if json_output:
        from mlpath.export.documents import MilestonesDoc
        from mlpath.export.json import encode

        app.terminal.result(encode(MilestonesDoc(rows)))
        return
    if not rows:
        app.terminal.info("No milestones match.")
        return
    from mlpath.view import phase_titles

    titles = phase_titles(catalog, app.lang)
    if sys.stdout.isatty():
        from mlpath.render.tables import print_milestones

        print_milestones(rows, titles, app.lang)
    else:
        from mlpath.render.text import print_milestones as print_text

        print_text(rows, titles, app.lang)
