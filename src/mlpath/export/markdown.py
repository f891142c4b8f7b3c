"""The plan as Markdown that reads well on GitHub: profile, summary, a section per milestone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mlpath import __version__
from mlpath.export.mermaid import gantt
from mlpath.textsafe import dropped

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan, PlanItem, Resource

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def escape(text: str) -> str:
    """Inline text from data: Markdown syntax and HTML are shown literally, controls dropped."""
    text = dropped(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _SPECIAL.sub(r"\\\1", text)


def url_of(resource: Resource) -> str | None:
    if resource.url is None:
        return None
    # Parentheses and spaces would end the link target early.
    return str(resource.url).replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def resource_item(resource: Resource) -> str:
    title = escape(resource.title.en)
    url = url_of(resource)
    link = f"[{title}]({url})" if url else title
    details = [escape(resource.provider), resource.kind, resource.cost, resource.language]
    if resource.length:
        details.append(escape(resource.length))
    return f"- {link} ({' · '.join(details)})"


def heading(number: int, item: PlanItem) -> str:
    """``## 3. Title (2027-01-04 → 2027-02-01)``: parsed back by the round-trip tests."""
    return (
        f"## {number}. {escape(item.milestone.title.en)}"
        f" ({item.start.isoformat()} → {item.end.isoformat()})"
    )


def _section(number: int, item: PlanItem, catalog: Catalog, done: bool) -> list[str]:
    m = item.milestone
    phase = catalog.phases.get(m.phase)
    tick = "x" if done else " "
    meta = [
        f"Phase: {escape(phase.title.en if phase else m.phase)}",
        f"{m.hours} h",
        m.level.value,
        f"`{m.id}`",
    ]
    if item.core:
        meta.append("core")
    if not item.within_horizon:
        meta.append("after the horizon")
    lines = [heading(number, item), "", "*" + " · ".join(meta) + "*", ""]
    lines += [escape(m.outcome.en), ""]
    lines += [f"- [{tick}] {escape(topic.en)}" for topic in m.topics]
    lines += [f"- [{tick}] **Deliverable:** {escape(m.deliverable.en)}", ""]
    if item.resources:
        lines += ["**Resources**", ""]
        lines += [resource_item(r) for r in item.resources]
        lines.append("")
    return lines


def render(plan: Plan, catalog: Catalog, options: ExportOptions | None = None) -> str:
    done = options.done if options else frozenset()
    p = plan.profile
    rows = [
        ("Target", f"{escape(plan.role_title)} (`{p.role}`)"),
        ("Level", p.level.value),
        ("Hours per week", f"{p.hours_per_week:g}"),
        ("Start", p.start.isoformat()),
        ("End", plan.end.isoformat()),
    ]
    if p.horizon:
        rows.append(("Horizon", p.horizon.isoformat()))
    if p.focus:
        rows.append(("Focus", p.focus))
    if p.lang:
        rows.append(("Resource language", p.lang))
    if p.free_only:
        rows.append(("Resources", "free only"))
    lines = [f"# Study plan: {escape(plan.role_title)}", ""]
    lines += [gantt(plan, catalog)]  # the timeline first: GitHub draws it as a chart
    lines += ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows), ""]
    lines += ["## Summary", ""]
    lines.append(
        f"{len(plan.items)} milestones, {plan.total_hours} hours over {plan.weeks:g} weeks"
        f" ({p.start.isoformat()} → {plan.end.isoformat()})."
    )
    lines.append("")
    lines += ["| # | Milestone | Start | End | Hours |", "|---:|---|---|---|---:|"]
    for number, item in enumerate(plan.items, 1):
        title = escape(item.milestone.title.en) + (" ★" if item.core else "")
        lines.append(
            f"| {number} | {title} | {item.start.isoformat()} | {item.end.isoformat()}"
            f" | {item.milestone.hours} |"
        )
    lines.append("")
    if any(item.core for item in plan.items):
        lines += ["★ marks the role's core milestones.", ""]
    lines += [f"> **Warning:** {escape(w)}" for w in plan.warnings]
    if plan.warnings:
        lines.append("")
    for number, item in enumerate(plan.items, 1):
        lines += _section(number, item, catalog, item.milestone.id in done)
    lines.append(f"*Made with mlpath {__version__} (data {escape(plan.data_version)}).*")
    return "\n".join(lines) + "\n"
