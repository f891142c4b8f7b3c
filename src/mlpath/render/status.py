"""Terminal output for saved plans: progress bars, schedule position, what moved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.progress_bar import ProgressBar
from rich.table import Table

from mlpath.render.console import safe, stderr, stdout
from mlpath.render.plan import resource_line
from mlpath.render.text import fmt_date, fmt_hours

if TYPE_CHECKING:
    import datetime as dt

    from mlpath.models import PlanItem
    from mlpath.progress import Mark, SavedPlan
    from mlpath.tracking import Move, Report, Tally

BAR_WIDTH = 20
# Below this width tables squeeze words letter by letter: print blocks instead.
NARROW = 70


def position_text(report: Report) -> str:
    """ "12 days behind", "on track"...: the one phrase a learner looks for first."""
    days = report.days
    unit = "day" if days == 1 else "days"
    if report.position == "behind":
        return f"[bad]{days} {unit} behind[/bad]"
    if report.position == "ahead":
        return f"[good]{days} {unit} ahead[/good]"
    if report.position == "on_track":
        return "[good]on track[/good]"
    if report.position == "not_started":
        return f"[muted]starts in {days} {unit}[/muted]"
    finished = report.finished_on
    return "[good]finished[/good]" + (f" on {fmt_date(finished)}" if finished else "")


def position_plain(report: Report) -> str:
    from rich.text import Text

    return Text.from_markup(position_text(report)).plain


def summary_line(report: Report) -> str:
    o = report.overall
    return (
        f"{o.done} of {o.milestones - o.skipped} milestones done"
        f" ({o.fraction * 100:.0f}% of the hours) · {position_plain(report)}"
    )


def _bar_row(table: Table, label: str, tally: Tally, *, bold: bool = False) -> None:
    bar = ProgressBar(total=1.0, completed=tally.fraction, width=BAR_WIDTH)
    counts = _counts(tally)
    name = f"[bold]{label}[/bold]" if bold else label
    table.add_row(
        name,
        bar,
        f"{tally.fraction * 100:3.0f}%",
        counts,
        f"{tally.done_hours}/{tally.hours - tally.skipped_hours} h",
    )


def _item_block(heading: str, item: PlanItem, report: Report, *, resources: bool) -> list[str]:
    m = item.milestone
    when = f"planned {fmt_date(item.start)} → {fmt_date(item.end)}"
    if item.end < report.today:
        late = (report.today - item.end).days
        when += f", [bad]{late} day{'s' if late != 1 else ''} past its end[/bad]"
    lines = [
        f"[bold]{heading}:[/bold] {safe(m.title.en)}",
        f"  [muted]{m.id} · {m.hours} h · {when}[/muted]",
    ]
    if resources:
        lines += [f"  {resource_line(r)}" for r in item.resources]
    return lines


def _bar_table(report: Report, phase_titles: Mapping[str, str]) -> Table:
    table = Table(show_edge=False, box=None, pad_edge=False, padding=(0, 1))
    table.add_column("Phase", overflow="fold")
    table.add_column("Progress", no_wrap=True, width=BAR_WIDTH)
    table.add_column("", justify="right", no_wrap=True)
    table.add_column("Milestones", justify="right", no_wrap=True)
    table.add_column("Hours", justify="right", no_wrap=True)
    for tally in report.phases:
        _bar_row(table, safe(phase_titles.get(tally.key, tally.key)), tally)
    _bar_row(table, "Overall", report.overall, bold=True)
    return table


def _narrow_bars(report: Report, phase_titles: Mapping[str, str], width: int) -> None:
    """One block per phase: a table this narrow would squeeze the titles to nothing."""
    console = stdout()
    rows = [(safe(phase_titles.get(t.key, t.key)), t) for t in report.phases]
    for label, tally in [*rows, ("[bold]Overall[/bold]", report.overall)]:
        bar = ProgressBar(
            total=1.0, completed=tally.fraction, width=max(5, min(BAR_WIDTH, width - 24))
        )
        table = Table.grid(padding=(0, 1))
        table.add_row(bar, f"{tally.fraction * 100:3.0f}%", _counts(tally))
        console.print(label)
        console.print(table)


def _counts(tally: Tally) -> str:
    text = f"{tally.done}/{tally.milestones - tally.skipped}"
    return text + (f" [muted](+{tally.skipped} skipped)[/muted]" if tally.skipped else "")


def print_status(
    name: str, saved: SavedPlan, report: Report, phase_titles: Mapping[str, str]
) -> None:
    console = stdout()
    plan = report.plan
    p = plan.profile
    console.print(
        f"[bold]Plan {safe(name)!r}:[/bold] [accent]{safe(plan.role_title)}[/accent] ({p.role})"
        f" · {fmt_hours(p.hours_per_week)} h/week · {fmt_date(p.start)} → {fmt_date(plan.end)}"
    )
    console.print(f"Today, {fmt_date(report.today)}: {position_text(report)}")

    console.print()
    if console.width < NARROW:
        _narrow_bars(report, phase_titles, console.width)
    else:
        console.print(_bar_table(report, phase_titles))
    console.print()

    done = sorted(
        ((mid, mark) for mid, mark in report.marks.items() if mark.status == "done"),
        key=lambda pair: pair[1].on,
    )
    if done:
        recent = ", ".join(f"{safe(mid)} ({fmt_date(mark.on)})" for mid, mark in done[-3:])
        more = f" and {len(done) - 3} more" if len(done) > 3 else ""
        console.print(f"[bold]Done:[/bold] {recent}{more}")
    if report.current is not None:
        heading = "First" if report.position == "not_started" else "Now"
        for line in _item_block(heading, report.current, report, resources=True):
            console.print(line)
    if report.upcoming is not None:
        for line in _item_block("Next", report.upcoming, report, resources=True):
            console.print(line)
    console.print()
    console.print(projection_text(report))


def projection_text(report: Report) -> str:
    if report.position == "finished":
        return "[good]Every milestone is done or skipped.[/good]"
    lines = [
        f"[bold]Projected end:[/bold] {fmt_date(report.end_at_planned_pace)} at the planned pace"
        f" ({fmt_hours(report.planned_pace)} h/week)"
    ]
    pad = " " * len("Projected end: ")
    if report.end_at_observed_pace is not None and report.observed_pace is not None:
        lines.append(
            f"{pad}{fmt_date(report.end_at_observed_pace)} at your pace so far"
            f" ({report.observed_pace:.1f} h/week)"
        )
    else:
        lines.append(f"{pad}[muted]mark a milestone done to see one at your own pace[/muted]")
    lines.append(f"[muted]The plan ends {fmt_date(report.plan.end)}.[/muted]")
    return "\n".join(lines)


def print_saved(
    name: str, saved: SavedPlan, report: Report, phase_titles: Mapping[str, str]
) -> None:
    """The saved plan as a table, with each milestone's status."""
    console = stdout()
    plan = saved.plan
    console.print(
        f"[bold]Plan {safe(name)!r}:[/bold] [accent]{safe(plan.role_title)}[/accent]"
        f" ({plan.profile.role}) · {fmt_hours(plan.profile.hours_per_week)} h/week"
        f" · data {safe(plan.data_version)}"
    )
    current = report.current.milestone.id if report.current else None
    if console.width < NARROW:
        for number, item in enumerate(plan.items, 1):
            m = item.milestone
            status = _status_cell(report.marks.get(m.id), m.id == current)
            console.print(
                f"{number}. {fmt_date(item.start)} → {fmt_date(item.end)} · {m.hours} h"
                + (f" · {status}" if status else "")
            )
            console.print(f"   {safe(m.title.en)}{' [accent]★[/accent]' if item.core else ''}")
            console.print(f"   [muted]{m.id}[/muted]")
        console.print(summary_line(report))
        return
    table = Table(show_lines=False, title_justify="left")
    table.add_column("#", justify="right", style="muted", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Dates", no_wrap=True)
    table.add_column("Milestone", ratio=1, overflow="fold")
    table.add_column("Hours", justify="right", no_wrap=True)
    for number, item in enumerate(plan.items, 1):
        m = item.milestone
        table.add_row(
            str(number),
            _status_cell(report.marks.get(m.id), m.id == current),
            f"{fmt_date(item.start)} → {fmt_date(item.end)}",
            f"{safe(m.title.en)}{' [accent]★[/accent]' if item.core else ''}"
            f"\n[phase]{safe(phase_titles.get(m.phase, m.phase))}[/phase] [muted]· {m.id}[/muted]",
            str(m.hours),
        )
    console.print(table)
    console.print(summary_line(report))


def _status_cell(mark: Mark | None, current: bool) -> str:
    if mark is not None and mark.status == "done":
        return f"[good]✓ {fmt_date(mark.on)}[/good]"
    if mark is not None:
        return "[muted]skipped[/muted]"
    return "[accent]▶ now[/accent]" if current else ""


def print_moves(moves: Sequence[Move], old_end: dt.date, new_end: dt.date, *, saved: bool) -> None:
    console = stdout()
    if not moves:
        console.print("Nothing moved: the remaining milestones already fit these dates.")
        return
    shift = (new_end - old_end).days
    if console.width < NARROW:
        console.print(f"[bold]{len(moves)} milestone(s) moved[/bold]")
        for move in moves:
            console.print(f"{safe(move.title)} [muted]({move.id})[/muted]")
            console.print(
                f"  {fmt_date(move.new_start)} → {fmt_date(move.new_end)}"
                f" [muted](was {fmt_date(move.old_start)}, {move.shift:+d} d)[/muted]"
            )
    else:
        console.print(_moves_table(moves))
    console.print(
        f"The plan now ends {fmt_date(new_end)} (was {fmt_date(old_end)}, {shift:+d} days)."
    )
    if not saved:
        console.print("[muted]Dry run: nothing was saved.[/muted]")


def _moves_table(moves: Sequence[Move]) -> Table:
    table = Table(title=f"{len(moves)} milestone(s) moved", title_justify="left")
    table.add_column("Milestone", ratio=1, overflow="fold")
    table.add_column("Was", no_wrap=True)
    table.add_column("Now", no_wrap=True)
    table.add_column("Shift", justify="right", no_wrap=True)
    for move in moves:
        table.add_row(
            f"{safe(move.title)}\n[muted]{move.id}[/muted]",
            f"{fmt_date(move.old_start)} → {fmt_date(move.old_end)}",
            f"{fmt_date(move.new_start)} → {fmt_date(move.new_end)}",
            f"{move.shift:+d} d",
        )
    return table


def print_plans(rows: Sequence[tuple[str, bool, SavedPlan, Report]]) -> None:
    console = stdout()
    if console.width < NARROW:
        for name, active, saved, report in rows:
            o = report.overall
            console.print(
                f"{'*' if active else ' '} [accent]{safe(name)}[/accent]:"
                f" {safe(saved.plan.role_title)} ({saved.plan.profile.level.value})"
            )
            console.print(
                f"  {fmt_date(saved.plan.profile.start)} → {fmt_date(saved.plan.end)}"
                f" · {o.done}/{o.milestones - o.skipped} done · {position_text(report)}"
            )
    else:
        console.print(_plans_table(rows))
    stderr().print("[muted]* marks the active plan; switch with `mlpath plans --use NAME`.[/muted]")


def _plans_table(rows: Sequence[tuple[str, bool, SavedPlan, Report]]) -> Table:
    table = Table(title="Saved plans", title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column("Name", style="accent", no_wrap=True)
    table.add_column("Role", ratio=1, overflow="fold")
    table.add_column("Dates", no_wrap=True)
    table.add_column("Done", justify="right", no_wrap=True)
    table.add_column("Schedule", no_wrap=True)
    for name, active, saved, report in rows:
        o = report.overall
        table.add_row(
            "*" if active else "",
            safe(name),
            f"{safe(saved.plan.role_title)} [muted]({saved.plan.profile.level.value})[/muted]",
            f"{fmt_date(saved.plan.profile.start)} → {fmt_date(saved.plan.end)}",
            f"{o.done}/{o.milestones - o.skipped}",
            position_text(report),
        )
    return table
