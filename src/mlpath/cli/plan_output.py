"""Where ``mlpath plan`` sends the plan: terminal table, timeline, or an exported format.

The options are checked before any prompt or planning, so a typo in
``--format`` or ``--sessions`` fails at once; the plan is written afterwards.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import complete
from mlpath.cli.context import AppContext, current
from mlpath.errors import UsageError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan
    from mlpath.state import Mark

OUTPUT_PANEL = "Output"

Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-F",
        help="Output format: markdown, json, ics or html (default: from the -o file's extension)."
        " Without -o the result goes to stdout.",
        rich_help_panel=OUTPUT_PANEL,
        show_default=False,
        autocompletion=complete.formats,
    ),
]
JsonOut = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print the plan as JSON (same as --format json).",
        rich_help_panel=OUTPUT_PANEL,
    ),
]
Timeline = Annotated[
    bool,
    typer.Option(
        "--timeline",
        help="Draw a Gantt-style timeline in the terminal instead of the table.",
        rich_help_panel=OUTPUT_PANEL,
    ),
]
Sessions = Annotated[
    str | None,
    typer.Option(
        "--sessions",
        help='Weekly study sessions for calendar output, e.g. "Mon,Wed 19:00-21:00"'
        ' (separate several with ";").',
        rich_help_panel=OUTPUT_PANEL,
        show_default=False,
    ),
]
Tz = Annotated[
    str | None,
    typer.Option(
        "--tz",
        help="Time zone of --sessions, an IANA name such as Asia/Tokyo (default: the local zone).",
        rich_help_panel=OUTPUT_PANEL,
        show_default=False,
    ),
]


@dataclass(frozen=True)
class Destination:
    """A validated choice of where and how the plan is shown."""

    output: Path | None  # None: the terminal
    fmt: str | None
    timeline: bool
    options: ExportOptions
    app: AppContext

    def with_marks(
        self, marks: Mapping[str, Mark], habit_log: Mapping[str, Sequence[dt.date]] | None = None
    ) -> Destination:
        return replace(self, options=replace(self.options, marks=marks, habit_log=habit_log))

    def check(self, catalog: Catalog, *, force: bool) -> None:
        """Everything that would stop :meth:`emit` writing its file (before state changes)."""
        if self.output is not None and str(self.output) != "-":
            from mlpath.files import check_output

            check_output(self.output, force=force, inputs=catalog.sources)

    def emit(self, plan: Plan, catalog: Catalog, *, force: bool) -> None:
        """Show or write the plan, then say what it warns about (on stderr)."""
        from mlpath import words

        if self.output is not None:
            from mlpath.export import export_plan

            written = export_plan(
                plan, catalog, self.output, force=force, fmt=self.fmt, options=self.options
            )
            if written is not None:
                self.app.terminal.info(f"wrote {written}")
        else:
            from mlpath.export import view_of

            view = view_of(plan, catalog, self.options)
            if self.timeline:
                from mlpath.render.timeline import print_timeline

                print_timeline(view)
            elif sys.stdout.isatty():
                from mlpath.render.plan import print_plan

                print_plan(view)
            else:  # a pipe or a file: plain text, URLs spelled out, no rich at all
                from mlpath.render.text import print_plan as print_text

                print_text(view)
        sessions = self.options.sessions
        booked = sum(session.weekly_hours for session in sessions)
        if sessions and booked + 1e-9 < plan.profile.hours_per_week:
            self.app.terminal.warn(
                f"the --sessions hold {words.fmt_hours(round(booked, 2))} h a week, less than the"
                f" plan's {words.fmt_hours(plan.profile.hours_per_week)} h/week; add sessions or"
                " plan with --hours-per-week"
                f" {words.fmt_hours(round(booked, 2))}"
            )
        fact = plan.shortfall
        if fact is not None:
            self.app.terminal.warn(words.shortfall(fact))
        if not plan.items:
            self.app.terminal.warn(words.NOTHING_LEFT)


def destination(
    *,
    output: Path | None,
    fmt: str | None,
    json_output: bool,
    timeline: bool,
    sessions: str | None,
    tz: str | None,
) -> Destination:
    """Check the output options together; UsageError (exit 2) for conflicts and typos."""
    from mlpath.cli.parsing import check_tz, parse_sessions
    from mlpath.export import format_for
    from mlpath.export.options import ExportOptions

    if json_output:
        if fmt is not None and fmt.strip().lower() != "json":
            raise UsageError(f"--json conflicts with --format {fmt}; use one of them")
        fmt = "json"
    if timeline and (output is not None or fmt is not None):
        raise UsageError("--timeline draws in the terminal; leave out -o, --format and --json")
    if fmt is not None and output is None:
        output = Path("-")
    if output is not None:
        from mlpath.dirs import check_name_length

        check_name_length(output, str(output))
    name = format_for(output, fmt) if output is not None else None
    parsed = parse_sessions(sessions) if sessions is not None else ()
    zone = check_tz(tz) if tz is not None else None
    app = current()
    if (parsed or zone) and name != "ics":
        app.terminal.note("--sessions and --tz only apply to calendar (.ics) output")
    options = ExportOptions(sessions=parsed, tz=zone, today=app.today, lang=app.lang)
    return Destination(output, fmt, timeline, options, app)
