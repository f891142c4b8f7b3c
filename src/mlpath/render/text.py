"""The plan as plain text, for pipes and files: no rich, no escape codes, URLs spelled out.

On a terminal the rich table in ``render.plan`` is shown instead; both take
their wording (profile line, summary) from ``mlpath.words``.
Importing rich and laying out a table costs more than planning, and neither
helps a reader of a file or a ``grep``.
"""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING, TextIO

from mlpath import words
from mlpath.render.cells import CellWrapper, cell_width
from mlpath.render.cells import wrap as cell_wrap
from mlpath.textsafe import visible
from mlpath.words import fmt_date

if TYPE_CHECKING:
    from mlpath.export.documents import MilestoneRow
    from mlpath.view import ItemView, PlanView, ResourceView


def clean(text: str) -> str:
    """Text from data with control characters (escape sequences included) made visible."""
    return visible(text)


def _resource(resource: ResourceView, wrap: CellWrapper) -> list[str]:
    details: list[str] = [resource.kind, resource.cost]
    if resource.length:
        details.append(clean(resource.length))
    lines = wrap.wrap(f"• {clean(resource.title)} ({', '.join(details)})")
    if resource.url is not None:
        url = clean(resource.url)
        if cell_width(lines[-1]) + 1 + len(url) <= wrap.width:
            lines[-1] += " " + url
        else:  # on a line of its own, whole, even past the margin: it must stay usable
            lines.append(wrap.subsequent_indent + url)
    return lines


def _block(item: ItemView, width: int) -> list[str]:
    indent = " " * 4
    wrap = CellWrapper(
        width=max(width, 30),
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        # Ids, dates and URLs stay whole; a long URL may pass the margin instead.
        break_on_hyphens=False,
        break_long_words=False,
    )
    star = " ★" if item.core else ""
    lines = cell_wrap(
        f"{item.number:>2}. {clean(item.title)}{star}", max(width, 30), subsequent_indent=indent
    )
    facts = [
        f"{fmt_date(item.start)} → {fmt_date(item.end)}",
        f"{item.hours} h",
        clean(item.phase_title),
        item.id,
    ]
    if item.partly:
        facts.append(words.PARTLY_MARK)
    if item.state != "todo":
        facts.append(words.state_label(item.state, item.marked_on))
    lines += wrap.wrap(" · ".join(facts))
    lines += wrap.wrap(f"Deliverable: {clean(item.deliverable)}")
    for resource in item.resources:
        lines += _resource(resource, wrap)
    if item.more_resources:
        lines += wrap.wrap(words.more_resources(item))
    return lines


def render_plan(view: PlanView, width: int = 80) -> str:
    profile = " · ".join(clean(p) for p in words.profile_parts(view))
    out = cell_wrap("Study plan: " + profile, width)
    out.append("")
    for item in view.within:
        out += [*_block(item, width), ""]
    beyond = view.beyond
    if beyond:
        out.append(f"After the horizon ({fmt_date(view.profile.horizon)}):")
        for i in beyond:
            out += cell_wrap(
                f"  {fmt_date(i.start)} → {fmt_date(i.end)}  {clean(i.title)} ({i.hours} h)",
                width,
                subsequent_indent=" " * 4,
            )
        out.append("")
    out += habit_lines(view, width)
    for line in words.summary_lines(view):
        out += cell_wrap(clean(line), width, break_on_hyphens=False)
    return "\n".join(out) + "\n"


def habit_lines(view: PlanView, width: int) -> list[str]:
    """The habits, then the checkpoints, each a short block."""
    out: list[str] = []
    if view.habits:
        out += ["Habits:", ""]
        for habit in view.habits:
            out += cell_wrap(
                clean(words.habit_line(habit, view.end)), width, subsequent_indent="    "
            )
        out.append("")
    if view.checkpoints:
        out += ["Checkpoints:", ""]
        for cp in view.checkpoints:
            out.append(clean(words.checkpoint_heading(cp)))
            facts = [words.checkpoint_milestones(cp), "habits: " + words.checkpoint_habits(cp)]
            for line in facts + [f"{d.title}: {d.text}" for d in cp.deliverables]:
                out += cell_wrap(clean(line), width, initial_indent="  ", subsequent_indent="    ")
            out.append("")
    return out


def print_plan(view: PlanView, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    width = shutil.get_terminal_size((80, 24)).columns  # COLUMNS, else 80 off a terminal
    stream.write(render_plan(view, width))


def render_resources(found: list[ResourceView], heading: str, width: int = 80) -> str:
    """One block per resource: title, then provider and facts, then the URL."""
    out = [f"{clean(heading)} ({len(found)})", ""]
    wrap = CellWrapper(
        width=max(width, 30),
        initial_indent="  ",
        subsequent_indent="    ",
        break_on_hyphens=False,
        break_long_words=False,
    )
    for r in found:
        out += cell_wrap(clean(r.title), max(width, 30), subsequent_indent="  ")
        facts = [clean(r.provider), r.kind, r.level, r.language, r.cost]
        if r.length:
            facts.append(clean(r.length))
        out += wrap.wrap(" · ".join(facts))
        if r.url is not None:
            out.append(f"  {clean(r.url)}")  # whole, even past the margin: it must stay usable
    return "\n".join(out) + "\n"


def print_resources(found: list[ResourceView], heading: str) -> None:
    width = shutil.get_terminal_size((80, 24)).columns
    sys.stdout.write(render_resources(found, heading, width))


def print_milestones(rows: list[MilestoneRow], phase_titles: dict[str, str], lang: str) -> None:
    """One block per milestone: id and facts, then the title; ids stay whole."""
    width = max(shutil.get_terminal_size((80, 24)).columns, 30)
    out = [f"Milestones ({len(rows)})", ""]
    for row in rows:
        star = " ★" if row.core else ""
        facts = [row.id + star, row.level, f"{row.hours} h", clean(phase_titles[row.phase])]
        out += cell_wrap(" · ".join(facts), width, break_long_words=False)
        out += cell_wrap(
            clean(row.title.get(lang)), width, initial_indent="  ", subsequent_indent="  "
        )
        if row.prerequisites:
            after = "after " + ", ".join(row.prerequisites)
            out += cell_wrap(
                after,
                width,
                initial_indent="  ",
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
    sys.stdout.write("\n".join(out) + "\n")
