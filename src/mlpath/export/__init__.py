"""Exporters: one module per format, each ``render(view, options) -> str``.

Every exporter reads the same :class:`mlpath.view.PlanView`, built here once.

The format is chosen by ``--format`` or the output file's extension; modules
are imported only when their format is used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.errors import UsageError, unknown_choice

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan
    from mlpath.view import PlanView

# render(view, options=None) -> str; extra settings travel in ExportOptions.
Renderer = Callable[..., str]

FORMATS: dict[str, str] = {
    "markdown": "mlpath.export.markdown",
    "json": "mlpath.export.json",
    "ics": "mlpath.export.ics",
    "html": "mlpath.export.html",
}
EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".ics": "ics",
    ".html": "html",
    ".htm": "html",
}


def format_for(path: Path | None, explicit: str | None) -> str:
    if explicit is not None:
        name = explicit.strip().lower()
        if name not in FORMATS:
            raise unknown_choice("format", explicit, FORMATS)
        return name
    if path is None or str(path) == "-":
        return "markdown"
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise UsageError(
            f"cannot tell the format of {str(path)!r} from its extension; use one of"
            f" {', '.join(EXTENSIONS)} or --format ({', '.join(FORMATS)})"
        )
    return EXTENSIONS[suffix]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(FORMATS[name])
    render: Renderer = module.render
    return render


def view_of(plan: Plan, catalog: Catalog, opts: ExportOptions) -> PlanView:
    """The plan's view with what the options say about the output and a saved plan."""
    from mlpath.view import plan_view

    return plan_view(
        plan,
        catalog,
        lang=opts.lang,
        marks=opts.marks,
        today=opts.today,
        habit_log=opts.habit_log,
    )


def export_plan(
    plan: Plan,
    catalog: Catalog,
    output: Path,
    *,
    force: bool,
    fmt: str | None = None,
    options: ExportOptions | None = None,
) -> Path | None:
    """Render ``plan`` and write it to ``output`` (``-`` is stdout). Returns the file written."""
    from mlpath.export.options import ExportOptions
    from mlpath.files import write_output

    opts = options or ExportOptions()
    view = view_of(plan, catalog, opts)
    text = renderer(format_for(output, fmt))(view, options=opts)
    if str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    return write_output(output, text, force=force, inputs=catalog.sources)
