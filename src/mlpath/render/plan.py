"""Print a plan in the terminal: profile, milestones with dates and resources, summary.

Data never passes through rich's markup parser: every piece is appended to a
``Text`` with a style, so brackets in a title or URL stay text, and only
http(s) URLs become terminal hyperlinks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from mlpath import words
from mlpath.render.console import stdout
from mlpath.textsafe import visible
from mlpath.words import fmt_date

if TYPE_CHECKING:
    from mlpath.view import ItemView, PlanView, ResourceView


def styled(*parts: str | tuple[str, str | Style]) -> Text:
    """A line of plain strings and (string, style) pairs, with unsafe characters shown."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            out.append(visible(part[0], keep="\n"), style=part[1])
        else:
            out.append(visible(part, keep="\n"))
    return out


def resource_line(resource: ResourceView) -> Text:
    """One resource: linked title (on terminals that support links), kind, cost."""
    details: list[str] = [resource.kind, resource.cost]
    if resource.length:
        details.append(resource.length)
    title_style: str | Style = Style(link=resource.link) if resource.link else ""
    return styled("• ", (resource.title, title_style), " ", (f"({', '.join(details)})", "muted"))


def profile_line(view: PlanView) -> Text:
    first, *rest = words.profile_parts(view)
    return styled((first, "accent"), *(f" · {part}" for part in rest))


def milestone_cell(item: ItemView) -> Text:
    lines = [
        styled((item.title, "bold"), *([(" ★", "accent")] if item.core else [])),
        styled((item.phase_title, "phase"), (f" · {item.id}", "muted")),
        styled(("Deliverable: ", "muted"), item.deliverable),
        *([styled((words.PARTLY_MARK.capitalize() + ".", "muted"))] if item.partly else []),
        *(resource_line(r) for r in item.resources),
    ]
    if item.more_resources:
        lines.append(styled((words.more_resources(item), "muted")))
    if item.state != "todo":
        lines.insert(1, styled((words.state_label(item.state, item.marked_on), "good")))
    return Text("\n").join(lines)


def plan_table(items: list[ItemView], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=True, expand=False, title_justify="left")
    # Fixed widths for the short columns: rich then measures only the milestone
    # column, which is most of the cost of drawing the table.
    last = items[-1].number if items else 1
    table.add_column("#", justify="right", style="muted", no_wrap=True, width=len(str(last)))
    table.add_column("Dates", no_wrap=True, width=12)
    table.add_column("Milestone", ratio=1, overflow="fold")
    table.add_column("Hours", justify="right", no_wrap=True, width=5)
    for item in items:
        table.add_row(
            str(item.number),
            f"{fmt_date(item.start)}\n→ {fmt_date(item.end)}",
            milestone_cell(item),
            str(item.hours),
        )
    return table


def plan_blocks(items: list[ItemView]) -> Group:
    """The narrow-terminal layout: one indented block per milestone instead of a table."""
    blocks: list[RenderableType] = []
    for item in items:
        dates = f"{fmt_date(item.start)} → {fmt_date(item.end)} · {item.hours} h"
        blocks.append(styled((f"{item.number}.", "muted"), f" {dates}"))
        blocks.append(Padding(milestone_cell(item), (0, 0, 1, 3)))
    return Group(*blocks)


def habit_table(view: PlanView) -> Table:
    table = Table(title="Habits", title_justify="left", show_lines=True)
    table.add_column("Habit", ratio=1, overflow="fold")
    table.add_column("Cadence", no_wrap=True)
    table.add_column("From", no_wrap=True, width=10)
    table.add_column("By the end", justify="right", no_wrap=True)
    for habit in view.habits:
        count = words.habit_tally(habit)
        table.add_row(
            Text("\n").join(
                [
                    styled((habit.title, "bold"), (f" · {habit.id}", "muted")),
                    styled((words.habit_hours(habit), "muted")),
                    styled(habit.outcome),
                ]
            ),
            words.cadence(habit.cadence),
            fmt_date(habit.start),
            count,
        )
    return table


def checkpoint_table(view: PlanView) -> Table:
    table = Table(title="Checkpoints", title_justify="left", show_lines=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Milestones", no_wrap=True)
    table.add_column("Habits", ratio=1, overflow="fold")
    table.add_column("Deliverables in hand", ratio=2, overflow="fold")
    for cp in view.checkpoints:
        deliverables = Text("\n").join(
            styled((f"{d.title}: ", "bold"), d.text) for d in cp.deliverables
        )
        table.add_row(
            styled(words.checkpoint_label(cp.months), ("\n" + fmt_date(cp.on), "muted")),
            words.checkpoint_milestones(cp),
            styled(words.checkpoint_habits(cp)),
            deliverables if cp.deliverables else styled(("nothing new", "muted")),
        )
    return table


# Below this width a four-column table wraps words letter by letter.
NARROW = 60


def print_plan(view: PlanView) -> None:
    console = stdout()
    console.print(styled(("Study plan: ", "bold")) + profile_line(view))
    within = view.within
    if within:
        narrow = console.width < NARROW
        console.print(plan_blocks(within) if narrow else plan_table(within))
    beyond = view.beyond
    if beyond:
        console.print()
        console.print(styled((f"After the horizon ({fmt_date(view.profile.horizon)}):", "warn")))
        for item in beyond:
            console.print(
                styled(
                    f"  {fmt_date(item.start)} → {fmt_date(item.end)}  {item.title} ",
                    (f"({item.hours} h)", "muted"),
                )
            )
    if view.habits or view.checkpoints:
        console.print()
        if console.width < NARROW:  # tables would wrap letter by letter: the text blocks
            from mlpath.render.text import habit_lines

            console.print(styled("\n".join(habit_lines(view, console.width))))
        else:
            for table in (habit_table(view), checkpoint_table(view)):
                if table.row_count:
                    console.print(table)
    console.print()
    head, *rest = words.summary_lines(view)
    console.print(styled(head, *((f"\n{line}", "muted") for line in rest)))
