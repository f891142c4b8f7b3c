"""The plan as Markdown that reads well on GitHub: profile, summary, a section per milestone."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mlpath import __version__, words
from mlpath.export.habits_md import sections as habit_sections
from mlpath.export.mermaid import gantt
from mlpath.textsafe import dropped

if TYPE_CHECKING:
    from mlpath.export.options import ExportOptions
    from mlpath.view import ItemView, PlanView, ResourceView

_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
# What makes a line a block (quote, list item, setext underline) when it starts one.
_BLOCK_START = re.compile(r"^(?:([>+=-])|(\d{1,9})([.)]))")


def escape(text: str) -> str:
    """Text from data: Markdown syntax and HTML are shown literally, controls dropped.

    Inline syntax is escaped anywhere; block syntax ("> ", "- ", "1. ", leading
    indentation) at the start, since the text may begin a line of its own.
    """
    text = dropped(text).lstrip()
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def url_of(resource: ResourceView) -> str | None:
    if resource.link is None:
        return None
    # Parentheses and spaces would end the link target early.
    return resource.link.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def resource_item(resource: ResourceView) -> str:
    title = escape(resource.title)
    url = url_of(resource)
    link = f"[{title}]({url})" if url else title
    details = [escape(resource.provider), resource.kind, resource.cost, resource.language]
    if resource.length:
        details.append(escape(resource.length))
    return f"- {link} ({' · '.join(details)})"


def heading(item: ItemView) -> str:
    """``## 3. Title (2027-01-04 → 2027-02-01)``: parsed back by the round-trip tests."""
    return (
        f"## {item.number}. {escape(item.title)}"
        f" ({item.start.isoformat()} → {item.end.isoformat()})"
    )


def _section(item: ItemView) -> list[str]:
    tick = "x" if item.state == "done" else " "
    meta = [f"Phase: {escape(item.phase_title)}", f"{item.hours} h", item.level, f"`{item.id}`"]
    if item.core:
        meta.append("core")
    if item.partly:
        meta.append(words.PARTLY_MARK)
    if item.state != "todo":
        meta.append(words.state_label(item.state, item.marked_on))
    if not item.within_horizon:
        meta.append("after the horizon")
    lines = [heading(item), "", "*" + " · ".join(meta) + "*", ""]
    lines += [escape(item.outcome), ""]
    lines += [f"- [{tick}] {escape(topic)}" for topic in item.topics]
    lines += [f"- [{tick}] **Deliverable:** {escape(item.deliverable)}", ""]
    if item.resources:
        lines += ["**Resources**", ""]
        lines += [resource_item(r) for r in item.resources]
        if item.more_resources:
            lines.append(f"- +{item.more_resources} more: `mlpath resources --milestone {item.id}`")
        lines.append("")
    return lines


def render(view: PlanView, options: ExportOptions | None = None) -> str:
    p = view.profile
    rows = [
        ("Target", f"{escape(view.role_title)} (`{p.role}`)"),
        ("Level", p.level.value),
        ("Hours per week", f"{p.hours_per_week:g}"),
        ("Start", p.start.isoformat()),
        ("End", view.end.isoformat()),
    ]
    if p.horizon:
        rows.append(("Horizon", p.horizon.isoformat()))
    if p.focus:
        rows.append(("Focus", p.focus))
    if p.lang:
        rows.append(("Resource language", p.lang))
    if p.free_only:
        rows.append(("Resources", "free only"))
    lines = [f"# Study plan: {escape(view.role_title)}", ""]
    lines += [gantt(view)]  # the timeline first: GitHub draws it as a chart
    lines += ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows), ""]
    lines += ["## Summary", ""]
    lines.append(escape(words.totals(view)))
    if (left_out := words.left_out(view)) is not None:
        lines += ["", escape(left_out)]
    for line in words.assumed(view):  # what was left out or shortened, by id
        lines += ["", escape(line)]
    lines.append("")
    lines += ["| # | Milestone | Start | End | Hours |", "|---:|---|---|---|---:|"]
    for item in view.items:
        title = escape(item.title) + (" ★" if item.core else "")
        if item.state != "todo":
            title += f" ({escape(words.state_label(item.state, item.marked_on))})"
        lines.append(
            f"| {item.number} | {title} | {item.start.isoformat()} | {item.end.isoformat()}"
            f" | {item.hours} |"
        )
    lines.append("")
    if view.has_core:
        lines += [words.CORE_NOTE, ""]
    warnings = words.warnings(view)
    lines += [f"> **Warning:** {escape(w)}" for w in warnings]
    if warnings:
        lines.append("")
    lines += habit_sections(view, escape)
    for item in view.items:
        lines += _section(item)
    lines.append(f"*Made with mlpath {__version__} (data {escape(view.data_version)}).*")
    return "\n".join(lines) + "\n"
