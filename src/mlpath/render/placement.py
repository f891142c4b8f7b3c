"""The result of a placement: a level per phase, then what is known, partly known and to learn.

A table on a terminal; piped, plain text without importing rich (as plans are).
"""

from __future__ import annotations

import sys
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.placement import Result


def level_text(level: str | None, known: int, total: int) -> str:
    if known == total:
        return "all known"
    return f"up to {level}" if level else "new to you"


def _head(result: Result, role_title: str, focus: str | None) -> str:
    total = len(result.known) + len(result.partly) + len(result.to_learn)
    where = role_title + (f" (focus {focus})" if focus else "")
    return f"Placement for {where}: {result.questions} question(s) settled {total} milestones."


def _lists(result: Result) -> list[tuple[str, str]]:
    from mlpath.placement import PARTLY_FACTOR

    return [
        (label, ", ".join(ids) if ids else "none")
        for label, ids in (
            ("Known (left out of plans)", result.known),
            (f"Partly known (kept at {PARTLY_FACTOR:.0%} of their hours)", result.partly),
            ("To learn", result.to_learn),
        )
    ]


def _rows(result: Result, catalog: Catalog, lang: str) -> list[tuple[str, str, int, int, int]]:
    rows = []
    for p in result.phases:
        phase = catalog.phases.get(p.phase)
        level = level_text(p.level.value if p.level else None, p.known, p.total)
        title = phase.title.get(lang) if phase else p.phase
        rows.append((title, level, p.known, p.partly, p.total - p.known - p.partly))
    return rows


def print_result(
    result: Result, catalog: Catalog, role_title: str, focus: str | None, lang: str = "en"
) -> None:
    if not sys.stdout.isatty():
        sys.stdout.write(render_text(result, catalog, role_title, focus, lang))
        return
    from rich.table import Table

    from mlpath.render.console import safe, stdout

    console = stdout()
    console.print(f"[bold]{safe(_head(result, role_title, focus))}[/bold]")
    table = Table(title_justify="left", show_lines=False)
    table.add_column("Phase", overflow="fold")
    table.add_column("Your level", no_wrap=True)
    table.add_column("Known", justify="right", no_wrap=True)
    table.add_column("Partly", justify="right", no_wrap=True)
    table.add_column("To learn", justify="right", no_wrap=True)
    for title, level, known, partly, to_learn in _rows(result, catalog, lang):
        table.add_row(safe(title), level, str(known), str(partly), str(to_learn))
    console.print(table)
    for label, ids in _lists(result):
        console.print(f"[accent]{label}:[/accent] {ids}")


def render_text(
    result: Result, catalog: Catalog, role_title: str, focus: str | None, lang: str = "en"
) -> str:
    import shutil

    from mlpath.render.text import clean

    width = max(shutil.get_terminal_size((80, 24)).columns, 40)
    out = textwrap.wrap(clean(_head(result, role_title, focus)), width)
    rows = [
        (clean(t), lv, str(k), str(p), str(n)) for t, lv, k, p, n in _rows(result, catalog, lang)
    ]
    header = ("Phase", "Your level", "Known", "Partly", "To learn")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs]
        out.append("  ".join(cells).rstrip())
    for label, ids in _lists(result):
        out += textwrap.wrap(f"{label}: {ids}", width, break_on_hyphens=False)
    return "\n".join(out) + "\n"


def result_data(result: Result, role: str, focus: str | None) -> dict[str, Any]:
    """The result for ``--json``: ids and counts, never translated."""
    from mlpath.placement import PARTLY_FACTOR

    return {
        "role": role,
        "focus": focus,
        "questions": result.questions,
        "milestones": len(result.known) + len(result.partly) + len(result.to_learn),
        "known": list(result.known),
        "partly": list(result.partly),
        "to_learn": list(result.to_learn),
        "partly_factor": PARTLY_FACTOR,
        "phases": [
            {
                "phase": p.phase,
                "level": p.level.value if p.level else None,
                "known": p.known,
                "partly": p.partly,
                "total": p.total,
            }
            for p in result.phases
        ],
    }


def command_line(role: str, focus: str | None, known: list[str], partly: list[str]) -> str:
    """The ``mlpath plan`` options that give the same plan without any question."""
    parts = ["mlpath plan", f"--target {role}"]
    if focus:
        parts.append(f"--focus {focus}")
    if known:
        parts.append(f"--known {','.join(known)}")
    if partly:
        parts.append(f"--partly {','.join(partly)}")
    return " ".join(parts)
