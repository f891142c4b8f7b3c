"""The sentences mlpath says about plans, shared by the terminal and every exporter.

The core returns facts (a horizon shortfall, counts of left-out milestones,
a schedule position); this module words them once, so the table, the plain
text, Markdown and HTML can never say the same thing differently.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlpath.models import Salary, Shortfall, SkillGroup
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
