"""``mlpath questions``: interview questions with the points a good answer covers."""

from __future__ import annotations

from mlpath.cli import options, parsing
from mlpath.cli.context import current
from mlpath.cli.resources import MilestoneId


def questions_command(
    target: options.Target = None,
    milestone: MilestoneId = None,
    json_output: options.Json = False,
    data_dir: options.DataDir = None,
    lang: options.Lang = None,
) -> None:
    """List interview questions and the points a good answer covers."""
    from mlpath.catalog import load_catalog
    from mlpath.query import filter_questions

    app = current()
    catalog = load_catalog(data_dir)
    role = parsing.parse_target(catalog, target) if target is not None else None
    milestone_id = parsing.parse_milestone(catalog, milestone) if milestone is not None else None
    found = filter_questions(catalog, role.id if role else None, milestone_id)
    if json_output:
        from mlpath.export.json import dump_questions

        app.terminal.result(dump_questions(found))
        return
    if not found:
        app.terminal.info("No interview questions match these filters.")
        return
    from mlpath.render.questions import render_questions

    title = role.title.get(app.lang) if role else None
    heading = f"Interview questions for {title}" if title else "Interview questions"
    app.terminal.result(render_questions(found, heading, app.lang))
