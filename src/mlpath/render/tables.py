"""Tables for the catalogue commands: resources, roles side by side, phases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.table import Table

from mlpath import words
from mlpath.render.console import safe, stdout
from mlpath.render.plan import styled

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.documents import MilestoneRow
    from mlpath.models import Role
    from mlpath.view import ResourceView


def print_resources(found: list[ResourceView], heading: str) -> None:
    table = Table(title=styled(f"{heading} ({len(found)})"), title_justify="left")
    table.add_column("Resource", ratio=3, overflow="fold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Level", no_wrap=True)
    table.add_column("Lang", no_wrap=True)
    table.add_column("Cost", no_wrap=True)
    table.add_column("Length", ratio=1, overflow="fold")
    for r in found:
        name = styled((r.title, "bold"), ("\n" + r.provider, "muted"))
        if r.url is not None:
            name += styled("\n", (r.url, Style(link=r.link) if r.link else ""))
        table.add_row(name, r.kind, r.level, r.language, r.cost, styled(r.length or ""))
    stdout().print(table)


def print_roles(roles: list[Role], path_hours: dict[str, int], lang: str) -> None:
    table = Table(title="Roles compared", title_justify="left", show_lines=True)
    table.add_column("", style="bold", no_wrap=True)
    for role in roles:
        table.add_column(
            f"{safe(role.title.get(lang))}\n[muted]--target {role.id}[/muted]", ratio=1
        )

    def row(label: str, cells: list[str]) -> None:
        table.add_row(label, *cells)

    def bullets(values: list[str]) -> str:
        return "\n".join(f"• {v}" for v in values)

    row("What", [safe(r.summary.get(lang)) for r in roles])
    row("Routes in", [bullets([safe(t.get(lang)) for t in r.routes]) for r in roles])
    row(
        "Key skills",
        [bullets([safe(words.skill_group(g, lang)) for g in r.skills]) for r in roles],
    )
    for region, label in (("jp", "Salary (Japan)"), ("us", "Salary (US)")):
        row(
            label,
            [
                bullets([safe(words.salary(s, lang)) for s in r.salaries if s.region == region])
                for r in roles
            ],
        )
    row("Employers", [safe(", ".join(r.employers)) for r in roles])
    row("Career ladder", [" → ".join(safe(step.get(lang)) for step in r.ladder) for r in roles])
    row(
        "Beginner path",
        [
            f"{path_hours[r.id]:,} h (≈{path_hours[r.id] / 10 / 52:.1f} years at 10 h/week)"
            for r in roles
        ],
    )
    stdout().print(table)


def print_phases(catalog: Catalog, milestone_counts: dict[str, int], lang: str) -> None:
    table = Table(title="Phases", title_justify="left")
    table.add_column("Id", style="accent", no_wrap=True)
    table.add_column("Title", ratio=1)
    table.add_column("Milestones", justify="right")
    table.add_column("Resources", justify="right")
    for phase in catalog.phases.values():
        table.add_row(
            phase.id,
            f"{safe(phase.title.get(lang))}\n[muted]{safe(phase.summary.get(lang))}[/muted]",
            str(milestone_counts.get(phase.id, 0)),
            str(len(catalog.resources_by_phase.get(phase.id, []))),
        )
    stdout().print(table)


def print_milestones(rows: list[MilestoneRow], phase_titles: dict[str, str], lang: str) -> None:
    table = Table(title=f"Milestones ({len(rows)})", title_justify="left")
    table.add_column("Id", style="accent", overflow="fold")
    table.add_column("Milestone", ratio=1, overflow="fold")
    table.add_column("Level", no_wrap=True)
    table.add_column("Hours", justify="right", no_wrap=True)
    table.add_column("After", overflow="fold")
    for row in rows:
        title = styled(row.title.get(lang), *([(" ★", "accent")] if row.core else []))
        title += styled(("\n" + phase_titles.get(row.phase, row.phase), "phase"))
        table.add_row(
            styled(row.id), title, row.level, str(row.hours), styled(", ".join(row.prerequisites))
        )
    stdout().print(table)
    if any(row.core for row in rows):
        stdout().print(styled(("★ marks the role's core milestones.", "muted")))
