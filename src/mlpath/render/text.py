"""The plan as plain text, for pipes and files: no rich, no escape codes, URLs spelled out.

On a terminal the rich table in ``render.plan`` is shown instead; both take
their wording (profile line, summary) from here so they never drift apart.
Importing rich and laying out a table costs more than planning, and neither
helps a reader of a file or a ``grep``.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from typing import TYPE_CHECKING, TextIO

from mlpath.textsafe import visible

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Plan, PlanItem, Resource


def fmt_date(day: object) -> str:
    return f"{day:%Y-%m-%d}"


def fmt_hours(hours: float) -> str:
    return f"{hours:g}"


def clean(text: str) -> str:
    """Text from data with control characters (escape sequences included) made visible."""
    return visible(text)


def profile_parts(plan: Plan) -> list[str]:
    """ "Machine Learning Engineer (mle)", "level beginner", ...: the plan's profile."""
    p = plan.profile
    parts = [
        f"{plan.role_title} ({p.role})",
        f"level {p.level.value}",
        f"{fmt_hours(p.hours_per_week)} h/week",
        f"from {fmt_date(p.start)}",
    ]
    if p.focus:
        parts.append(f"focus {p.focus}")
    if p.horizon:
        parts.append(f"horizon {fmt_date(p.horizon)}")
    if p.lang:
        parts.append(f"resources in {p.lang} first")
    if p.free_only:
        parts.append("free resources only")
    return parts


def summary_lines(plan: Plan) -> list[str]:
    skipped = {"level": 0, "asked": 0, "focus": 0}
    for s in plan.skipped:
        skipped[s.reason] += 1
    lines = [
        f"{len(plan.items)} milestones, {plan.total_hours} hours,"
        f" {fmt_date(plan.profile.start)} → {fmt_date(plan.end)} ({plan.weeks:g} weeks)."
        " ★ marks the role's core milestones."
    ]
    left_out = []
    if skipped["level"]:
        left_out.append(f"{skipped['level']} below your level")
    if skipped["asked"]:
        left_out.append(f"{skipped['asked']} skipped as asked")
    if skipped["focus"]:
        left_out.append(f"{skipped['focus']} for other specialisations")
    if left_out:
        lines.append(f"Left out: {', '.join(left_out)}.")
    return lines


def _resource(resource: Resource, wrap: textwrap.TextWrapper) -> list[str]:
    details: list[str] = [resource.kind, resource.cost]
    if resource.length:
        details.append(clean(resource.length))
    lines = wrap.wrap(f"• {clean(resource.title.en)} ({', '.join(details)})")
    if resource.url is not None:
        url = str(resource.url)
        if len(lines[-1]) + 1 + len(url) <= wrap.width:
            lines[-1] += " " + url
        else:  # on a line of its own, whole, even past the margin: it must stay usable
            lines.append(wrap.subsequent_indent + url)
    return lines


def _block(number: int, item: PlanItem, catalog: Catalog, width: int) -> list[str]:
    m = item.milestone
    phase = catalog.phases.get(m.phase)
    indent = " " * 4
    wrap = textwrap.TextWrapper(
        width=max(width, 30),
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        # Ids, dates and URLs stay whole; a long URL may pass the margin instead.
        break_on_hyphens=False,
        break_long_words=False,
    )
    star = " ★" if item.core else ""
    lines = textwrap.wrap(
        f"{number:>2}. {clean(m.title.en)}{star}", max(width, 30), subsequent_indent=indent
    )
    facts = [
        f"{fmt_date(item.start)} → {fmt_date(item.end)}",
        f"{m.hours} h",
        clean(phase.title.en if phase else m.phase),
        m.id,
    ]
    lines += wrap.wrap(" · ".join(facts))
    lines += wrap.wrap(f"Deliverable: {clean(m.deliverable.en)}")
    for resource in item.resources:
        lines += _resource(resource, wrap)
    return lines


def render_plan(plan: Plan, catalog: Catalog, width: int = 80) -> str:
    out = textwrap.wrap("Study plan: " + " · ".join(clean(p) for p in profile_parts(plan)), width)
    out.append("")
    for number, item in enumerate(plan.items, 1):
        if item.within_horizon:
            out += [*_block(number, item, catalog, width), ""]
    beyond = plan.beyond_horizon
    if beyond:
        out.append(f"After the horizon ({fmt_date(plan.profile.horizon)}):")
        for i in beyond:
            out += textwrap.wrap(
                f"  {fmt_date(i.start)} → {fmt_date(i.end)}  {clean(i.milestone.title.en)}"
                f" ({i.milestone.hours} h)",
                width,
                subsequent_indent=" " * 4,
            )
        out.append("")
    for line in summary_lines(plan):
        out += textwrap.wrap(clean(line), width)
    for warning in plan.warnings:
        out += textwrap.wrap(f"warning: {clean(warning)}", width, subsequent_indent="  ")
    return "\n".join(out) + "\n"


def print_plan(plan: Plan, catalog: Catalog, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    width = shutil.get_terminal_size((80, 24)).columns  # COLUMNS, else 80 off a terminal
    stream.write(render_plan(plan, catalog, width))


def render_resources(found: list[Resource], heading: str, width: int = 80) -> str:
    """One block per resource: title, then provider and facts, then the URL."""
    out = [f"{clean(heading)} ({len(found)})", ""]
    wrap = textwrap.TextWrapper(
        width=max(width, 30),
        initial_indent="  ",
        subsequent_indent="    ",
        break_on_hyphens=False,
        break_long_words=False,
    )
    for r in found:
        out += textwrap.wrap(clean(r.title.en), max(width, 30), subsequent_indent="  ")
        facts = [clean(r.provider), r.kind, r.level.value, r.language, r.cost]
        if r.length:
            facts.append(clean(r.length))
        out += wrap.wrap(" · ".join(facts))
        if r.url is not None:
            out.append(f"  {r.url}")  # whole, even past the margin: it must stay usable
    return "\n".join(out) + "\n"


def print_resources(found: list[Resource], heading: str) -> None:
    width = shutil.get_terminal_size((80, 24)).columns
    sys.stdout.write(render_resources(found, heading, width))
