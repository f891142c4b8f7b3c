"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from mlpath.models import Level, Profile

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan
    from mlpath.state import Mark

START = dt.date(2027, 1, 4)


def profile(role: str = "mle", level: str = "beginner", **kw: object) -> Profile:
    """A profile with the tests' fixed start date unless another is given."""
    values: dict[str, object] = {"start": START, "hours_per_week": 10.0, **kw}
    return Profile(role=role, level=Level(level), **values)  # type: ignore[arg-type]


def export(render: Any, plan: Plan, catalog: Catalog, options: ExportOptions | None = None) -> Any:
    """Call an exporter's ``render`` the way ``mlpath.export.export_plan`` does."""
    from mlpath.export.options import ExportOptions
    from mlpath.view import plan_view

    opts = options or ExportOptions()
    view = plan_view(plan, catalog, lang=opts.lang, marks=opts.marks, today=opts.today)
    return render(view, opts)


def done_marks(*ids: str, on: dt.date = START) -> dict[str, Mark]:
    from mlpath.state import Mark

    return {mid: Mark(status="done", on=on) for mid in ids}
