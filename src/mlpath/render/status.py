"""Terminal output for saved plans: progress bars, schedule position, what moved.

Texts come from the plan's view (:mod:`mlpath.view`) and sentences from
:mod:`mlpath.words`; data is appended to rich ``Text`` objects, never parsed
as markup, so a plan name or title with brackets stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from mlpath import words
from mlpath.render.console import stdout
from mlpath.render.plan import resource_line, styled
from mlpath.words import fmt_date, fmt_hours

if TYPE_CHECKING:
    import datetime as dt

    from mlpath.replanning import Move
    from mlpath.tracking import Report, Tally
    from mlpath.view import ItemView, PlanView

BAR_WIDTH = 20
# Below this width tables squeeze words letter by letter: print blocks instead.
NARROW = 70
_POSITION_STYLE = {"behind": "bad", "ahead": "good", "on_track": "good", "finished": "good"}


def position_text(report: Report) -> Text:
    return styled((words.position(report), _POSITION_STYLE.get(report.position, "muted")))


def _counts(tally: Tally) -> Text:
    text = styled(f"{tally.done}/{tally.milestones - tally.skipped}")
    if tally.skipped:
        text.append(f" (+{tally.skipped} skipped)", style="muted")
    return text


def _bar_table(report: Report, view: PlanView) -> Table:
    titles = {item.phase: item.phase_title for item in view.items}
    table = Table(show_edge=False, box=None, pad_edge=False, padding=(0, 1))
    table.add_column("Phase", overflow="fold")
    table.add_column("Progress", no_wrap=True, width=BAR_WIDTH)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("Milestones", justify="right", no_wrap=True)
    table.add_column("Hours", justify="right", no_wrap=True)
    rows = [(styled(titles.get(t.key, t.key)), t) for t in report.phases]
    for label, tally in [*rows, (styled(("Overall", "bold")), report.overall)]:
        table.add_row(
            label,
            ProgressBar(total=1.0, completed=tally.fraction, width=BAR_WIDTH),
            f"{tally.fraction * 100:3.0f}%",
            _counts(tally),
            f"{tally.done_hours}/{tally.hours - tally.skipped_hours} h",
        )
    return table


def _narrow_bars(console: Console, report: Report, view: PlanView) -> None:
    """One block per phase: a table this narrow would squeeze the titles to nothing."""
    titles = {item.phase: item.phase_title for item in view.items}
    rows = [(styled(titles.get(t.key, t.key)), t) for t in report.phases]
    for label, tally in [*rows, (styled(("Overall", "bold")), report.overall)]:
        bar = ProgressBar(
            total=1.0, completed=tally.fraction, width=max(5, min(BAR_WIDTH, console.width - 24))
        )
        grid = Table.grid(padding=(0, 1))
        grid.add_row(bar, f"{tally.fraction * 100:3.0f}%", _counts(tally))
        console.print(label)
        console.print(grid)


def _item_block(heading: str, item: ItemView, report: Report) -> list[Text]:
    when = styled((f"  {item.id} · {item.hours} h · ", "muted"))
    when.append(f"planned {fmt_date(item.start)} → {fmt_date(item.end)}", style="muted")
    if item.end < report.today:
        late = (report.today - item.end).days
        when.append(f", {words.plural(late, 'day', 'days')} past its end", style="bad")
    lines = [styled((f"{heading}: ", "bold"), item.title), when]
    return lines + [Text("  ") + resource_line(r) for r in item.resources]


def heading(name: str, view: PlanView, *facts: str) -> Text:
    return styled(
        (f"Plan {name!r}: ", "bold"),
        (view.role_title, "accent"),
        f" ({view.role})",
        *(f" · {fact}" for fact in facts),
    )


def print_status(name: str, report: Report, view: PlanView) -> None:
    console = stdout()
    p = view.profile
    console.print(
        heading(name, view, f"{fmt_hours(p.hours_per_week)} h/week")
        + styled(f" · {fmt_date(view.start)} → {fmt_date(view.end)}")
    )
    console.print(styled(f"Today, {fmt_date(report.today)}: ") + position_text(report))
    console.print()
    if console.width < NARROW:
        _narrow_bars(console, report, view)
    else:
        console.print(_bar_table(report, view))
    console.print()
    done = sorted((i for i in view.items if i.state == "done"), key=lambda i: i.marked_on or i.end)
    if done:
        recent = ", ".join(f"{i.id} ({fmt_date(i.marked_on)})" for i in done[-3:])
        more = f" and {len(done) - 3} more" if len(done) > 3 else ""
        console.print(styled(("Done: ", "bold"), recent + more))
    by_id = {item.id: item for item in view.items}
    if report.current is not None:
        label = "First" if report.position == "not_started" else "Now"
        for line in _item_block(label, by_id[report.current.milestone.id], report):
            console.print(line)
    if report.upcoming is not None:
        for line in _item_block("Next", by_id[report.upcoming.milestone.id], report):
            console.print(line)
    console.print()
    console.print(projection_text(report))
    for said, behind in words.habit_statuses(view):
        console.print(styled(("Habit ", "bold"), (said, "warn" if behind else "good")))


def projection_text(report: Report) -> Text:
    if report.position == "finished":
        return styled(("Every milestone is done or skipped.", "good"))
    label = "Projected end: "
    lines = [
        styled(
            (label, "bold"),
            f"{fmt_date(report.end_at_planned_pace)} at the planned pace"
            f" ({fmt_hours(report.planned_pace)} h/week)",
        )
    ]
    pad = " " * len(label)
    if report.end_at_observed_pace is not None and report.observed_pace is not None:
        lines.append(
            styled(
                f"{pad}{fmt_date(report.end_at_observed_pace)} at your pace so far"
                f" ({report.observed_pace:.1f} h/week)"
            )
        )
    else:
        lines.append(styled(pad, ("mark a milestone done to see one at your own pace", "muted")))
    lines.append(styled((f"The plan ends {fmt_date(report.plan.end)}.", "muted")))
    return Text("\n").join(lines)


def _status_cell(item: ItemView) -> Text:
    if item.state == "done":
        return styled((f"✓ {fmt_date(item.marked_on)}", "good"))
    if item.state == "skipped":
        return styled(("skipped", "muted"))
    return styled(("▶ now", "accent")) if item.current else Text()


def _title(item: ItemView) -> Text:
    return styled(item.title, *([(" ★", "accent")] if item.core else []))


def print_saved(name: str, report: Report, view: PlanView) -> None:
    """The saved plan as a table, with each milestone's status."""
    console = stdout()
    p = view.profile
    console.print(
        heading(name, view, f"{fmt_hours(p.hours_per_week)} h/week", f"data {view.data_version}")
    )
    if console.width < NARROW:
        for item in view.items:
            status = _status_cell(item)
            line = styled(f"{item.number}. {fmt_date(item.start)} → {fmt_date(item.end)}")
            line.append(f" · {item.hours} h")
            if status.plain:
                line += Text(" · ") + status
            console.print(line)
            console.print(Text("   ") + _title(item))
            console.print(styled((f"   {item.id}", "muted")))
    else:
        table = Table(show_lines=False, title_justify="left")
        table.add_column("#", justify="right", style="muted", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("Dates", no_wrap=True)
        table.add_column("Milestone", ratio=1, overflow="fold")
        table.add_column("Hours", justify="right", no_wrap=True)
        for item in view.items:
            table.add_row(
                str(item.number),
                _status_cell(item),
                f"{fmt_date(item.start)} → {fmt_date(item.end)}",
                _title(item)
                + styled("\n", (item.phase_title, "phase"), (f" · {item.id}", "muted")),
                str(item.hours),
            )
        console.print(table)
    console.print(styled(words.progress(report)))


def print_moves(
    moves: Sequence[Move],
    titles: dict[str, str],
    old_end: dt.date,
    new_end: dt.date,
    *,
    saved: bool,
) -> None:
    console = stdout()
    if not moves:
        console.print(words.NOTHING_MOVED)
        return
    heading = f"{words.plural(len(moves), 'milestone', 'milestones')} moved"
    if console.width < NARROW:
        console.print(styled((heading, "bold")))
        for move in moves:
            console.print(styled(titles.get(move.id, move.id), (f" ({move.id})", "muted")))
            console.print(
                styled(
                    f"  {fmt_date(move.new_start)} → {fmt_date(move.new_end)} ",
                    (f"(was {fmt_date(move.old_start)}, {move.shift:+d} d)", "muted"),
                )
            )
    else:
        table = Table(title=heading, title_justify="left")
        table.add_column("Milestone", ratio=1, overflow="fold")
        table.add_column("Was", no_wrap=True)
        table.add_column("Now", no_wrap=True)
        table.add_column("Shift", justify="right", no_wrap=True)
        for move in moves:
            table.add_row(
                styled(titles.get(move.id, move.id), (f"\n{move.id}", "muted")),
                f"{fmt_date(move.old_start)} → {fmt_date(move.old_end)}",
                f"{fmt_date(move.new_start)} → {fmt_date(move.new_end)}",
                f"{move.shift:+d} d",
            )
        console.print(table)
    console.print(words.plan_now_ends(old_end, new_end))
    if not saved:
        console.print(styled((words.DRY_RUN, "muted")))


def print_plans(rows: Sequence[tuple[str, bool, PlanView, Report]]) -> None:
    console = stdout()
    if console.width < NARROW:
        for name, active, view, report in rows:
            o = report.overall
            console.print(
                styled(
                    "* " if active else "  ",
                    (name, "accent"),
                    f": {view.role_title} ({view.profile.level.value})",
                )
            )
            console.print(
                styled(
                    f"  {fmt_date(view.start)} → {fmt_date(view.end)}"
                    f" · {o.done}/{o.milestones - o.skipped} done · "
                )
                + position_text(report)
            )
        return
    table = Table(title="Saved plans", title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("Name", style="accent", no_wrap=True)
    table.add_column("Role", ratio=1, overflow="fold")
    table.add_column("Dates", no_wrap=True)
    table.add_column("Done", justify="right", no_wrap=True)
    table.add_column("Schedule", no_wrap=True)
    for name, active, view, report in rows:
        o = report.overall
        table.add_row(
            "*" if active else "",
            styled(name),
            styled(view.role_title, (f" ({view.profile.level.value})", "muted")),
            f"{fmt_date(view.start)} → {fmt_date(view.end)}",
            f"{o.done}/{o.milestones - o.skipped}",
            position_text(report),
        )
    console.print(table)
