"""A compact Gantt chart for the terminal: one row per milestone, bars on a month axis.

Everything is laid out in character cells for the console's width, so the
chart never wraps: at 80 columns titles get about a third of the line, and
at 40 they shrink to a few letters while the bars keep their shape.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.text import Text

from mlpath.dates import month_starts
from mlpath.render.console import stdout
from mlpath.textsafe import visible

if TYPE_CHECKING:
    from mlpath.view import ItemView, PlanView

BAR = "█"
LATER = "░"  # milestones after the horizon
DONE = "▓"  # done milestones: a different shape, readable without colour
SKIPPED = "·"
TODAY = "│"
INSIDE = "▒"  # today's line where it crosses a bar
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Month ticks every k months: the smallest step whose labels do not collide.
STEPS = (1, 2, 3, 4, 6, 12, 24)


class Scale:
    """Maps days between ``first`` and ``last`` (inclusive) onto ``cells`` columns."""

    def __init__(self, first: dt.date, last: dt.date, cells: int) -> None:
        self.first = first
        self.days = max((last - first).days + 1, 1)
        self.cells = max(cells, 1)

    def column(self, day: dt.date) -> int:
        offset = (day - self.first).days
        return min(max(offset * self.cells // self.days, 0), self.cells - 1)

    def span(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """First and last column of a bar from ``start`` to ``end`` (inclusive)."""
        left = self.column(start)
        right = max(left, self.column(end))
        return left, right


def axis(scale: Scale, last: dt.date) -> tuple[str, str]:
    """Two header rows: years and month names, each exactly ``scale.cells`` wide."""
    months = month_starts(scale.first, last) or [scale.first]
    step = STEPS[-1]
    for candidate in STEPS:
        picked = [m for m in months if (m.month - 1) % candidate == 0] or months[:1]
        cols = [scale.column(m) for m in picked]
        if all(b - a >= 4 for a, b in itertools.pairwise(cols)):
            step = candidate
            break
    ticks = [m for m in months if (m.month - 1) % step == 0] or months[:1]
    month_row = [" "] * scale.cells
    year_row = [" "] * scale.cells
    for m in ticks:
        _put(month_row, scale.column(m), MONTHS[m.month - 1])
    # Each year is labelled where it begins; the first year only where it does not
    # crowd out the next one (a November start has no room for it before January).
    januaries = [(m.year, scale.column(m)) for m in months if m.month == 1]
    for year, col in januaries:
        _put(year_row, col, str(year))
    label = str(scale.first.year)
    if not januaries or januaries[0][1] > len(label):
        _put(year_row, 0, label)
    return "".join(year_row), "".join(month_row)


def _put(row: list[str], col: int, label: str) -> None:
    """Write ``label`` at ``col`` if it fits and does not overwrite another label."""
    end = col + len(label)
    if end > len(row) or any(ch != " " for ch in row[max(col - 1, 0) : end]):
        return
    row[col:end] = list(label)


def _label(item: ItemView, width: int) -> Text:
    star = "★" if item.core else " "
    text = Text(f"{item.number:>2}{star}", style="muted")
    text.append(visible(item.title))
    text.truncate(width, overflow="ellipsis", pad=True)
    return text


def _bar_row(item: ItemView, scale: Scale, today_col: int | None) -> Text:
    left, right = scale.span(item.start, item.end)
    glyph, style = (BAR, "accent" if item.core else "phase")
    if item.state == "done":
        glyph, style = DONE, "good"
    elif item.state == "skipped":
        glyph, style = SKIPPED, "muted"
    elif not item.within_horizon:
        glyph, style = LATER, "muted"
    row = Text(" " * left)
    row.append(glyph * (right - left + 1), style=style)
    row.append(" " * (scale.cells - right - 1))
    if today_col is not None:
        if today_col < left or today_col > right:
            row = row[:today_col] + Text(TODAY, style="bad") + row[today_col + 1 :]
        else:
            # Inside a bar the line must stay visible without colour too.
            row = row[:today_col] + Text(INSIDE, style="bad") + row[today_col + 1 :]
    return row


def timeline(view: PlanView, width: int, today: dt.date | None = None) -> Group:
    """The chart as rich renderables no wider than ``width`` cells."""
    width = max(width, 20)
    first, last = view.start, view.end
    label_width = max(6, min(32, width * 3 // 8))
    cells = width - label_width - 1
    scale = Scale(first, last, cells)
    in_range = today is not None and first <= today <= last
    today_col = scale.column(today) if in_range and today is not None else None

    lines: list[Text] = []
    years, months = axis(scale, last)
    pad = " " * (label_width + 1)
    lines.append(Text(pad + years, style="muted"))
    lines.append(Text(pad + months, style="muted"))
    if today_col is not None:
        marker = Text(pad + " " * today_col + "▼", style="bad")
        if today_col + 6 <= cells:
            marker.append(" today", style="bad")
        lines.append(marker)
    for item in view.items:
        row = _label(item, label_width)
        row.append(" ")
        row.append_text(_bar_row(item, scale, today_col))
        lines.append(row)
    lines += _legend(view, today, width)
    for line in lines:
        line.no_wrap = True
        line.overflow = "crop"
        line.truncate(width)
    return Group(*lines)


def _legend(view: PlanView, today: dt.date | None, width: int) -> list[Text]:
    parts = [f"{view.start:%Y-%m-%d} → {view.end:%Y-%m-%d}", "★ core"]
    if any(item.state == "done" for item in view.items):
        parts.append(f"{DONE} done")
    if any(item.state == "skipped" for item in view.items):
        parts.append(f"{SKIPPED} skipped")
    if view.beyond:
        parts.append(f"{LATER} after the horizon")
    if today is not None:
        if today < view.start:
            parts.append(f"today {today:%Y-%m-%d} is before the start")
        elif today > view.end:
            parts.append(f"today {today:%Y-%m-%d} is after the end")
        else:
            parts.append(f"{TODAY} today {today:%Y-%m-%d}")
    text = Text(" · ".join(parts), style="muted")
    if text.cell_len > width:
        # Narrow screens: one fact per line reads better than a cut-off line.
        return [Text(part, style="muted") for part in parts]
    return [text]


def print_timeline(view: PlanView, console: Console | None = None) -> None:
    from mlpath.render.plan import profile_line, styled

    out = console or stdout()
    out.print(styled(("Timeline: ", "bold")) + profile_line(view))
    out.print(timeline(view, out.width, view.today))
