"""Print a plan in the terminal: profile, milestones with dates and resources, summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mlpath.render import text
from mlpath.render.console import safe, stdout
from mlpath.render.text import fmt_date

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Plan, PlanItem, Resource


def resource_line(resource: Resource) -> str:
    """One resource as markup: linked title (on terminals that support links), kind, cost."""
    title = safe(resource.title.en)
    if resource.url is not None:
        title = f"[link={resource.url}]{title}[/link]"
    details: list[str] = [resource.kind, resource.cost]
    if resource.length:
        details.append(safe(resource.length))
    return f"• {title} [muted]({', '.join(details)})[/muted]"


def profile_line(plan: Plan) -> str:
    first, *rest = (safe(part) for part in text.profile_parts(plan))
    return " · ".join([f"[accent]{first}[/accent]", *rest])


def _milestone_cell(item: PlanItem, catalog: Catalog) -> Text:
    m = item.milestone
    phase = catalog.phases.get(m.phase)
    lines = [
        f"[bold]{safe(m.title.en)}[/bold]" + (" [accent]★[/accent]" if item.core else ""),
        f"[phase]{safe(phase.title.en if phase else m.phase)}[/phase] [muted]· {m.id}[/muted]",
        f"[muted]Deliverable:[/muted] {safe(m.deliverable.en)}",
        *(resource_line(r) for r in item.resources),
    ]
    # emoji=False: ":word:" in data stays text (and rich's emoji table is never loaded).
    return Text.from_markup("\n".join(lines), emoji=False)


def plan_table(items: list[PlanItem], catalog: Catalog, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=True, expand=False, title_justify="left")
    # Fixed widths for the short columns: rich then measures only the milestone
    # column, which is most of the cost of drawing the table.
    table.add_column("#", justify="right", style="muted", no_wrap=True, width=len(str(len(items))))
    table.add_column("Dates", no_wrap=True, width=12)
    table.add_column("Milestone", ratio=1, overflow="fold")
    table.add_column("Hours", justify="right", no_wrap=True, width=5)
    for number, item in enumerate(items, 1):
        table.add_row(
            str(number),
            f"{fmt_date(item.start)}\n→ {fmt_date(item.end)}",
            _milestone_cell(item, catalog),
            str(item.milestone.hours),
        )
    return table


def plan_blocks(items: list[PlanItem], catalog: Catalog) -> Group:
    """The narrow-terminal layout: one indented block per milestone instead of a table."""
    blocks: list[RenderableType] = []
    for number, item in enumerate(items, 1):
        dates = f"{fmt_date(item.start)} → {fmt_date(item.end)} · {item.milestone.hours} h"
        blocks.append(Text.from_markup(f"[muted]{number}.[/muted] {dates}", emoji=False))
        blocks.append(Padding(_milestone_cell(item, catalog), (0, 0, 1, 3)))
    return Group(*blocks)


# Below this width a four-column table wraps words letter by letter.
NARROW = 60


def print_plan(plan: Plan, catalog: Catalog) -> None:
    console = stdout()
    console.print(f"[bold]Study plan:[/bold] {profile_line(plan)}")
    within = [item for item in plan.items if item.within_horizon]
    if within:
        narrow = console.width < NARROW
        console.print(plan_blocks(within, catalog) if narrow else plan_table(within, catalog))
    beyond = plan.beyond_horizon
    if beyond:
        console.print(f"\n[warn]After the horizon ({fmt_date(plan.profile.horizon)}):[/warn]")
        for item in beyond:
            console.print(
                f"  {fmt_date(item.start)} → {fmt_date(item.end)}  {safe(item.milestone.title.en)}"
                f" [muted]({item.milestone.hours} h)[/muted]"
            )
    console.print()
    console.print(summary_text(plan))
    for warning in plan.warnings:
        console.print(f"[warn]warning:[/warn] {safe(warning)}")


def summary_text(plan: Plan) -> str:
    head, *rest = (safe(line) for line in text.summary_lines(plan))
    return "\n".join([head, *(f"[muted]{line}[/muted]" for line in rest)])
