"""The sentences mlpath says about plans, shared by the terminal and every exporter.

The core returns facts (a horizon shortfall, counts of left-out milestones,
a schedule position); this module words them once, so the table, the plain
text, Markdown and HTML can never say the same thing differently.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mlpath.habit_view import CheckpointView, HabitView
    from mlpath.models import Cadence, Salary, Shortfall, SkillGroup
    from mlpath.tracking import Report
    from mlpath.view import ItemView, PlanView

CORE_NOTE = "★ marks the role's core milestones."
LEFT_OUT = {
    "known": "{n} you know",
    "level": "{n} below your level",
    "asked": "{n} skipped as asked",
    "focus": "{n} for other specialisations",
}


def fmt_date(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d}" if day is not None else ""


def fmt_hours(hours: float) -> str:
    return f"{hours:g}"


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def profile_parts(view: PlanView) -> list[str]:
    """ "Machine Learning Engineer (mle)", "level beginner", ...: the plan's profile."""
    p = view.profile
    parts = [
        f"{view.role_title} ({p.role})",
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


def totals(view: PlanView) -> str:
    return (
        f"{len(view.items)} milestones, {view.total_hours} hours,"
        f" {fmt_date(view.start)} → {fmt_date(view.end)} ({view.weeks:g} weeks)."
    )


def left_out(view: PlanView) -> str | None:
    parts = [LEFT_OUT[reason].format(n=n) for reason, n in view.left_out.items() if n]
    return f"Left out: {', '.join(parts)}." if parts else None


def summary_lines(view: PlanView) -> list[str]:
    lines = [totals(view) + (" " + CORE_NOTE if view.has_core else "")]
    if (line := left_out(view)) is not None:
        lines.append(line)
    if (line := habits_left_out(view.habits_left_out)) is not None:
        lines.append(line)
    return lines + assumed(view)


PARTLY_MARK = "partly known: hours halved"


def assumed(view: PlanView) -> list[str]:
    """What the plan takes for granted, by id, so the learner can disagree."""
    skipped = view.plan.skipped
    known = [s.id for s in skipped if s.reason == "known"]
    level = [s.id for s in skipped if s.reason == "level"]
    core = [s.id for s in skipped if s.reason == "level" and s.core]
    partly = [item.id for item in view.items if item.partly]
    lines = []
    if known:
        lines.append(f"You said you can do these already: {', '.join(known)}.")
    if level:
        lines.append(f"Assumed known at level {view.profile.level.value}: {', '.join(level)}.")
    if core:
        lines.append(
            f"That includes {plural(len(core), 'core milestone', 'core milestones')} of this"
            f" path: {', '.join(core)}; run `mlpath assess` to check, or plan with --partly ID"
            " to keep one."
        )
    if partly:
        lines.append(f"Partly known, hours halved: {', '.join(partly)}.")
    return lines


def shortfall(fact: Shortfall) -> str:
    message = (
        f"{plural(fact.late_core, 'core milestone ends', 'core milestones end')} after the"
        f" horizon ({fmt_date(fact.horizon)})"
    )
    if fact.hours_needed is not None:
        return message + f"; about {fmt_hours(fact.hours_needed)} hours per week would reach them"
    return message + "; even 100 hours per week would not reach them in time"


NOTHING_MOVED = "Nothing moved: the remaining milestones already fit these dates."
DRY_RUN = "Dry run: nothing was saved."


def plan_now_ends(old_end: dt.date, new_end: dt.date) -> str:
    shift = (new_end - old_end).days
    return f"The plan now ends {fmt_date(new_end)} (was {fmt_date(old_end)}, {shift:+d} days)."


NOTHING_LEFT = (
    "nothing left to study on this path at this level; try a lower --level or fewer --skip"
)


def warnings(view: PlanView) -> list[str]:
    """The plan's warnings, worded: a horizon shortfall, or nothing left to study."""
    out = []
    if view.shortfall is not None:
        out.append(shortfall(view.shortfall))
    if not view.items:
        out.append(NOTHING_LEFT)
    return out


def state_label(state: str, on: dt.date | None) -> str:
    if state == "done":
        return f"done {fmt_date(on)}".strip()
    return "skipped" if state == "skipped" else ""


def position(report: Report) -> str:
    """ "12 days behind", "on track"...: the one phrase a learner looks for first."""
    days = plural(report.days, "day", "days")
    if report.position == "behind":
        return f"{days} behind"
    if report.position == "ahead":
        return f"{days} ahead"
    if report.position == "on_track":
        return "on track"
    if report.position == "not_started":
        return f"starts in {days}"
    finished = report.finished_on
    return "finished" + (f" on {fmt_date(finished)}" if finished else "")


def progress(report: Report) -> str:
    o = report.overall
    return (
        f"{o.done} of {o.milestones - o.skipped} milestones done"
        f" ({o.fraction * 100:.0f}% of the hours) · {position(report)}"
    )


def salary(s: Salary, lang: str) -> str:
    """ "¥6M-¥10M (setting)" or "$120,000-$180,000+ (setting)"."""
    if s.currency == "JPY":
        amount = f"¥{s.low / 1e6:g}M" + (f"-¥{s.high / 1e6:g}M" if s.high else "")
    else:
        amount = f"${s.low:,}" + (f"-${s.high:,}" if s.high else "")
    return f"{amount}{'+' if s.open_ended else ''} ({s.setting.get(lang)})"


def skill_group(group: SkillGroup, lang: str) -> str:
    """ "Programming: Python, NumPy, pandas"."""
    return f"{group.category.get(lang)}: {', '.join(item.get(lang) for item in group.items)}"


def more_resources(item: ItemView) -> str:
    return f"+{item.more_resources} more: mlpath resources --milestone {item.id}"


# --- habits and checkpoints ------------------------------------------------------

HABIT_LEFT_OUT = {
    "asked": "left out as asked",
    "hours": "no room: habits take at most half of the weekly hours",
    "late": "starts too late in the plan to recur",
}


def cadence(c: Cadence) -> str:
    """ "every week", "every 3 months"."""
    return f"every {c.unit}" if c.every == 1 else f"every {c.every} {c.unit}s"


def checkpoint_label(months: int) -> str:
    """ "3 months", "1 year", "2 years"."""
    if months % 12 == 0:
        return plural(months // 12, "year", "years")
    return plural(months, "month", "months")


def habit_hours(habit: HabitView) -> str:
    return f"{fmt_hours(habit.hours)} h each (~{habit.hours_per_week:.2g} h/week)"


def habit_span(habit: HabitView, plan_end: dt.date) -> str:
    """ "from 2025-03-03 to the plan's end", "from 2024-12-14 to 2025-12-13 (12 times)"."""
    until = "the plan's end" if habit.end >= plan_end else fmt_date(habit.end)
    return f"from {fmt_date(habit.start)} to {until}"


def habit_count(habit: HabitView) -> str:
    line = f"{habit.count} by the plan's end"
    if habit.logged is not None:
        line += f", {habit.logged} done"
    return line


def habit_line(habit: HabitView, plan_end: dt.date) -> str:
    """One habit in a sentence, for plain text, Markdown and calendar descriptions."""
    return (
        f"{habit.title}: {cadence(habit.cadence)}, {habit_hours(habit)},"
        f" {habit_span(habit, plan_end)}; {habit_count(habit)}"
    )


def habits_left_out(left: Mapping[str, str] | None) -> str | None:
    if not left:
        return None
    return "Habits left out: " + "; ".join(
        f"{hid} ({HABIT_LEFT_OUT[reason]})" for hid, reason in left.items()
    )


def checkpoint_milestones(cp: CheckpointView) -> str:
    return f"{cp.milestones_done} of {cp.milestones} milestones done"


def checkpoint_habits(cp: CheckpointView) -> str:
    return ", ".join(f"{title}: {count}" for title, count in cp.habits) or "none yet"


def checkpoint_heading(cp: CheckpointView) -> str:
    end = " (the plan is over)" if cp.after_end else ""
    return f"{checkpoint_label(cp.months)} · {fmt_date(cp.on)}{end}"


def habit_status(title: str, logged: int, expected: int, c: Cadence) -> str:
    """ "A blog post a month: 3 of 5 expected by today (every month)"."""
    return f"{title}: {tally(logged, expected)} ({cadence(c)})"


def tally(logged: int, expected: int) -> str:
    """ "3 of 5 expected by today", or "1 done, none expected yet" before the first is due."""
    if expected == 0:
        return f"{logged} done, none expected yet"
    return f"{logged} of {expected} expected by today"


def habit_statuses(view: PlanView) -> list[tuple[str, bool]]:
    """Each started habit's count against its cadence, and whether it is behind."""
    return [
        (
            habit_status(h.title, h.logged or 0, h.due or 0, h.cadence),
            (h.logged or 0) < (h.due or 0),
        )
        for h in view.habits
        if h.started
    ]


def habit_until(habit: HabitView, plan_end: dt.date) -> str:
    """The last day a habit runs, in a table: "end of plan" or the date."""
    return "end of plan" if habit.end >= plan_end else fmt_date(habit.end)


def habit_tally(habit: HabitView) -> str:
    """ "41", or "3 done / 41" on a saved plan."""
    return f"{habit.logged} done / {habit.count}" if habit.logged is not None else str(habit.count)
