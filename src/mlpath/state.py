"""The learner's saved plans and marks as data, and the pure operations on them.

Reading and writing the state file (locking, atomic saves, backups) is in
``mlpath.progress``; this module does no I/O, so the core (tracking,
re-planning) can use it without touching the disk.

Schema history: 1 (mlpath 0.1.0) stored English warning sentences and the role
title with each plan; 2 stores the horizon shortfall as a fact instead; 3 adds
habits (in each plan, and the days their occurrences were recorded done).
:func:`upgrade` turns any older file's data into the current shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from mlpath.errors import StateError, UsageError, unknown_choice
from mlpath.models import Plan
from mlpath.skills import SkillProfile

SCHEMA_VERSION = 3
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

Status = Literal["done", "skipped"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Mark(_Model):
    """A milestone the learner finished (``done``) or chose not to study (``skipped``)."""

    status: Status
    on: dt.date


class Replan(_Model):
    """One ``mlpath replan``: when, from which day, at what pace, how much moved."""

    on: dt.date
    start: dt.date
    hours_per_week: float
    moved: int


class SavedPlan(_Model):
    created: dt.date
    plan: Plan
    marks: dict[str, Mark] = {}
    replans: list[Replan] = []
    habit_log: dict[str, list[dt.date]] = {}  # habit id -> days an occurrence was done

    def ids(self, status: Status) -> frozenset[str]:
        return frozenset(mid for mid, mark in self.marks.items() if mark.status == status)

    @property
    def restart(self) -> dt.date | None:
        """The day the remaining work was last re-dated from, if it ever was."""
        return self.replans[-1].start if self.replans else None


class State(_Model):
    schema_version: Literal[3] = 3
    active: str | None = None
    plans: dict[str, SavedPlan] = {}
    skills: SkillProfile | None = None  # from `mlpath assess --save`; absent in older files

    @model_validator(mode="after")
    def _active_exists(self) -> State:
        if self.active is not None and self.active not in self.plans:
            raise ValueError(f"active plan {self.active!r} is not among the saved plans")
        return self


# --- older schemas ---------------------------------------------------------------


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Data of any known schema in the current shape; unknown shapes are left to validation."""
    if data.get("schema_version") == 1:
        plans = data.get("plans")
        if isinstance(plans, dict):
            for saved in plans.values():
                if isinstance(saved, dict) and isinstance(saved.get("plan"), dict):
                    saved["plan"] = _plan_from_v1(saved["plan"])
        data = {**data, "schema_version": 2}
    if data.get("schema_version") == 2:
        # Schema 3 only adds fields with defaults: a plan without habits, nothing logged.
        data = {**data, "schema_version": 3}
    return data


def _plan_from_v1(plan: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 kept a sentence per warning; schema 2 keeps the horizon shortfall as a fact.

    The only warning a saved 0.1.0 plan can carry is the horizon one (a plan with
    nothing left is never saved), and its facts are all in the plan: which core
    milestones end after the horizon, and the pace 0.1.0 computed to reach them.
    """
    plan = dict(plan)
    plan.pop("role_title", None)
    plan.pop("warnings", None)
    needed = plan.pop("hours_needed_per_week", None)
    items = plan.get("items")
    profile = plan.get("profile")
    horizon = profile.get("horizon") if isinstance(profile, dict) else None
    if horizon and isinstance(items, list):
        late = sum(
            1
            for item in items
            if isinstance(item, dict) and item.get("core") and not item.get("within_horizon", True)
        )
        if late:
            plan["shortfall"] = {"late_core": late, "horizon": horizon, "hours_needed": needed}
    return plan


# --- choosing and changing plans -------------------------------------------------


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise UsageError(
            f"invalid plan name {name!r}; use up to 40 letters, digits, '.', '_' or '-'"
        )
    return name


def pick(state: State, name: str | None) -> tuple[str, SavedPlan]:
    """The named plan, or the active one."""
    if not state.plans:
        raise StateError("no saved plan yet; save one with `mlpath plan --target mle --save`")
    if name is None:
        if state.active is None:
            raise StateError("no active plan; choose one with `mlpath plans --use NAME`")
        name = state.active
    if name not in state.plans:
        raise unknown_choice("plan", name, state.plans)
    return name, state.plans[name]


def with_plan(state: State, name: str, saved: SavedPlan, *, activate: bool = True) -> State:
    plans = {**state.plans, name: saved}
    return state.model_copy(update={"plans": plans, "active": name if activate else state.active})


def activate(state: State, name: str) -> State:
    pick(state, name)
    return state.model_copy(update={"active": name})


# --- marks ----------------------------------------------------------------------


@dataclass(frozen=True)
class MarkChange:
    """What one ``done``/``skip``/``undo`` did to one milestone: its mark before and after."""

    id: str
    before: Mark | None
    after: Mark | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def apply_marks(
    saved: SavedPlan, ids: list[str], status: Status | None, on: dt.date
) -> tuple[SavedPlan, list[MarkChange]]:
    """Mark ``ids`` done or skipped on ``on`` (``None`` clears); the plan and each change."""
    marks = dict(saved.marks)
    changes: list[MarkChange] = []
    for mid in ids:
        before = marks.get(mid)
        after = Mark(status=status, on=on) if status is not None else None
        changes.append(MarkChange(mid, before, after))
        if after is None:
            marks.pop(mid, None)
        else:
            marks[mid] = after
    return saved.model_copy(update={"marks": marks}), changes


def log_habit(saved: SavedPlan, habit_id: str, on: dt.date) -> SavedPlan:
    """Record one occurrence of a habit done on ``on`` (several on one day are fine)."""
    days = sorted([*saved.habit_log.get(habit_id, []), on])
    return saved.model_copy(update={"habit_log": {**saved.habit_log, habit_id: days}})


def unlog_habit(saved: SavedPlan, habit_id: str) -> tuple[SavedPlan, dt.date | None]:
    """Remove the latest recorded occurrence of a habit; the day it was on, if any."""
    days = list(saved.habit_log.get(habit_id, []))
    if not days:
        return saved, None
    last = days.pop()
    log = {**saved.habit_log, habit_id: days}
    if not days:
        del log[habit_id]
    return saved.model_copy(update={"habit_log": log}), last


def unresolved_prerequisites(saved: SavedPlan, mid: str, also: frozenset[str]) -> list[str]:
    """Prerequisites of ``mid`` in this plan that are neither done, skipped nor in ``also``.

    Prerequisites the plan left out (below the learner's level, or skipped when
    planning) count as met, as they do for the planner.
    """
    items = {item.milestone.id: item for item in saved.plan.items}
    return [
        pre
        for pre in items[mid].milestone.prerequisites
        if pre in items and pre not in saved.marks and pre not in also
    ]
