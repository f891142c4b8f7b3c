"""Saved plans, roles and phases as plain text, for pipes and files: no rich, no boxes.

Like ``render.text`` for plans and resources: ids and URLs are never broken,
lines are wrapped at the terminal's width (80 off a terminal, or $COLUMNS),
and every data text passes through ``textsafe.visible``.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlpath import words
from mlpath.render.cells import wrap as cell_wrap
from mlpath.textsafe import visible
from mlpath.words import fmt_date, fmt_hours

if TYPE_CHECKING:
    import datetime as dt

    from mlpath.catalog import Catalog
    from mlpath.models import Role
    from mlpath.replanning import Move
    from mlpath.tracking import Report, Tally
    from mlpath.view import ItemView, PlanView


def _width() -> int:
    return max(shutil.get_terminal_size((80, 24)).columns, 30)


def _wrap(text: str, width: int, indent: str = "", more: str = "  ") -> list[str]:
    return cell_wrap(
        visible(text),
        width,
        initial_indent=indent,
        subsequent_indent=indent + more,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


def _write(lines: list[str]) -> None:
    sys.stdout.write("\n".join(lines) + "\n")


def _heading(name: str, view: PlanView, *facts: str) -> str:
    return " · ".join([f"Plan {name!r}: {view.role_title} ({view.role})", *facts])


def _tally_line(label: str, tally: Tally) -> str:
    if tally.milestones and tally.milestones == tally.skipped:
        return f"{label}: skipped ({words.plural(tally.skipped, 'milestone', 'milestones')})"
    counts = f"{tally.done}/{tally.milestones - tally.skipped}"
    if tally.skipped:
        counts += f" (+{tally.skipped} skipped)"
    hours = f"{tally.done_hours}/{tally.hours - tally.skipped_hours} h"
    return f"{label}: {tally.fraction * 100:.0f}% · {counts} milestones · {hours}"


def _item(label: str, item: ItemView, report: Report, width: int) -> list[str]:
    facts = f"{item.id} · {item.hours} h · planned {fmt_date(item.start)} → {fmt_date(item.end)}"
    if item.end < report.today:
        late = (report.today - item.end).days
        facts += f", {words.plural(late, 'day', 'days')} past its end"
    lines = _wrap(f"{label}: {item.title}", width) + _wrap(facts, width, "  ")
    for r in item.resources:
        lines += _wrap(f"• {r.title} ({r.kind}, {r.cost})", width, "  ")
        if r.url:
            lines.append(f"    {visible(r.url)}")
    return lines


def print_status(name: str, report: Report, view: PlanView) -> None:
    width = _width()
    p = view.profile
    out = _wrap(
        _heading(
            name,
            view,
            f"{fmt_hours(p.hours_per_week)} h/week",
            f"{fmt_date(view.start)} → {fmt_date(view.end)}",
        ),
        width,
    )
    out += [*_wrap(f"Today, {fmt_date(report.today)}: {words.position(report)}", width), ""]
    titles = {item.phase: item.phase_title for item in view.items}
    for tally in report.phases:
        out += _wrap(_tally_line(titles.get(tally.key, tally.key), tally), width)
    out += _wrap(_tally_line("Overall", report.overall), width)
    out.append("")
    done = sorted((i for i in view.items if i.state == "done"), key=lambda i: i.marked_on or i.end)
    if done:
        recent = ", ".join(f"{i.id} ({fmt_date(i.marked_on)})" for i in done[-3:])
        more = f" and {len(done) - 3} more" if len(done) > 3 else ""
        out += _wrap(f"Done: {recent}{more}", width)
    by_id = {item.id: item for item in view.items}
    if report.current is not None:
        label = "First" if report.position == "not_started" else "Now"
        out += _item(label, by_id[report.current.milestone.id], report, width)
    if report.upcoming is not None:
        out += _item("Next", by_id[report.upcoming.milestone.id], report, width)
    out.append("")
    for line in projection_lines(report):
        out += _wrap(line, width, more="    ")
    for said, _ in words.habit_statuses(view):
        out += _wrap(f"Habit {said}", width, more="    ")
    _write(out)


def projection_lines(report: Report) -> list[str]:
    if report.position == "finished":
        return ["Every milestone is done or skipped."]
    label = "Projected end: "
    lines = [
        f"{label}{fmt_date(report.end_at_planned_pace)} at the planned pace"
        f" ({fmt_hours(report.planned_pace)} h/week)"
    ]
    pad = " " * len(label)
    if report.end_at_observed_pace is not None and report.observed_pace is not None:
        lines.append(
            f"{pad}{fmt_date(report.end_at_observed_pace)} at your pace so far"
            f" ({report.observed_pace:.1f} h/week)"
        )
    else:
        lines.append(f"{pad}mark a milestone done to see one at your own pace")
    lines.append(f"The plan ends {fmt_date(report.plan.end)}.")
    return lines


def _state(item: ItemView) -> str:
    if item.state == "done":
        return f"✓ {fmt_date(item.marked_on)}"
    if item.state == "skipped":
        return "skipped"
    return "▶ now" if item.current else ""


def print_saved(name: str, report: Report, view: PlanView) -> None:
    width = _width()
    p = view.profile
    out = _wrap(
        _heading(name, view, f"{fmt_hours(p.hours_per_week)} h/week", f"data {view.data_version}"),
        width,
    )
    out.append("")
    for item in view.items:
        facts = [f"{fmt_date(item.start)} → {fmt_date(item.end)}", f"{item.hours} h", item.id]
        if state := _state(item):
            facts.insert(0, state)
        out += _wrap(f"{item.number:>2}. {' · '.join(facts)}", width, more="    ")
        out += _wrap(item.title + (" ★" if item.core else ""), width, "    ")
    out += ["", *_wrap(words.progress(report), width)]
    _write(out)


def print_moves(
    moves: Sequence[Move],
    titles: dict[str, str],
    old_end: dt.date,
    new_end: dt.date,
    *,
    saved: bool,
) -> None:
    width = _width()
    if not moves:
        _write([words.NOTHING_MOVED])
        return
    out = [f"{words.plural(len(moves), 'milestone', 'milestones')} moved", ""]
    for move in moves:
        out += _wrap(f"{titles.get(move.id, move.id)} ({move.id})", width)
        out += _wrap(
            f"{fmt_date(move.new_start)} → {fmt_date(move.new_end)}"
            f" (was {fmt_date(move.old_start)} → {fmt_date(move.old_end)}, {move.shift:+d} d)",
            width,
            "  ",
        )
    out += ["", *_wrap(words.plan_now_ends(old_end, new_end), width)]
    if not saved:
        out.append(words.DRY_RUN)
    _write(out)


def print_plans(rows: Sequence[tuple[str, bool, PlanView, Report]]) -> None:
    width = _width()
    out: list[str] = []
    for name, active, view, report in rows:
        o = report.overall
        out += _wrap(
            f"{'*' if active else ' '} {name}: {view.role_title} ({view.profile.level.value})",
            width,
        )
        out += _wrap(
            f"{fmt_date(view.start)} → {fmt_date(view.end)} · {o.done}/{o.milestones - o.skipped}"
            f" done · {words.position(report)}",
            width,
            "    ",
        )
    _write(out)


def print_roles(roles: list[Role], path_hours: dict[str, int], lang: str) -> None:
    width = _width()
    out: list[str] = []
    for role in roles:
        out += [*_wrap(f"{role.title.get(lang)} (--target {role.id})", width, more=""), ""]
        out += _wrap(role.summary.get(lang), width, "  ", more="")
        sections = [
            ("Routes in", [r.get(lang) for r in role.routes]),
            (
                "Key skills",
                [words.skill_group(g, lang) for g in role.skills],
            ),
            *(
                (label, [words.salary(s, lang) for s in role.salaries if s.region == region])
                for region, label in (("jp", "Salary (Japan)"), ("us", "Salary (US)"))
            ),
            ("Employers", [", ".join(role.employers)]),
            ("Career ladder", [" → ".join(step.get(lang) for step in role.ladder)]),
        ]
        for label, items in sections:
            if not items:  # e.g. no US salary in the sources
                continue
            out.append(f"  {label}:")
            for item in items:
                out += _wrap(f"• {item}", width, "    ")
        hours = path_hours[role.id]
        path = f"Beginner path: {hours:,} h (≈{hours / 10 / 52:.1f} years at 10 h/week)"
        out += [*_wrap(path, width, "  "), ""]
    _write(out)


def print_phases(catalog: Catalog, milestone_counts: dict[str, int], lang: str) -> None:
    width = _width()
    out: list[str] = []
    for phase in catalog.phases.values():
        counts = (
            f"{milestone_counts.get(phase.id, 0)} milestones,"
            f" {len(catalog.resources_by_phase.get(phase.id, []))} resources"
        )
        out += _wrap(f"{phase.id} · {phase.title.get(lang)} · {counts}", width)
        out += _wrap(phase.summary.get(lang), width, "    ", more="")
    _write(out)
