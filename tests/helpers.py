"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
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


def run_cli(
    args: list[str], env: dict[str, str] | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """mlpath in a child process, killed after ``timeout`` seconds (a hang fails the test)."""
    return subprocess.run(
        [sys.executable, "-m", "mlpath", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        check=False,
        preexec_fn=_cap_memory if sys.platform != "win32" else None,
    )


def _cap_memory() -> None:
    # A runaway read (a link to /dev/zero) fails with MemoryError instead of taking the machine.
    import resource

    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
