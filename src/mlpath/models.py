"""Pydantic models for mlpath's data (roles, phases, milestones, resources) and plans.

Every model forbids unknown fields so a typo in a data file is an error, not a
silently ignored key.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal, get_args

from pydantic import Field, HttpUrl, model_validator

from mlpath.entrymodels import Cadence as Cadence
from mlpath.entrymodels import Habit as Habit
from mlpath.entrymodels import Question as Question

# The base model, texts and ids live in modelbase (re-exported here) to keep this file small.
from mlpath.modelbase import Model as Model
from mlpath.modelbase import Slug as Slug
from mlpath.modelbase import Text as Text


class Level(StrEnum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"

    @property
    def rank(self) -> int:
        return LEVEL_ORDER.index(self)


LEVEL_ORDER: tuple[Level, ...] = (Level.beginner, Level.intermediate, Level.advanced)

Focus = Literal["nlp", "cv", "rl", "compression", "llm"]
FOCUSES: tuple[str, ...] = ("nlp", "cv", "rl", "compression", "llm")
ResourceKind = Literal[
    "course", "book", "paper", "video", "article", "repo", "community", "conference", "tool"
]
RESOURCE_KINDS: tuple[str, ...] = get_args(ResourceKind)
Language = Literal["en", "ja"]
LANGUAGES: tuple[str, ...] = ("en", "ja")
Cost = Literal["free", "paid", "freemium"]


class Phase(Model):
    id: Slug
    title: Text
    summary: Text


class SkillGroup(Model):
    category: Text
    items: list[Text] = Field(min_length=1)


class Salary(Model):
    region: Literal["jp", "us"]
    setting: Text
    currency: Literal["JPY", "USD"]
    low: int = Field(gt=0)
    high: int | None = Field(default=None, gt=0)
    open_ended: bool = False  # "+": the top of the range has no stated ceiling

    @model_validator(mode="after")
    def _ordered(self) -> Salary:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low})")
        return self


class Role(Model):
    id: Slug
    aliases: list[Slug] = []
    title: Text
    summary: Text
    routes: list[Text] = Field(min_length=1)
    skills: list[SkillGroup] = Field(min_length=1)
    salaries: list[Salary] = Field(min_length=1)
    employers: list[str] = Field(min_length=1)
    ladder: list[Text] = Field(min_length=1)
    default_focus: Focus | None = None
    specialty: Focus | None = None  # milestones of this focus stay whatever --focus says
    roadmap: list[Slug] = Field(min_length=1)
    core: list[Slug] = Field(min_length=1)
    habits: list[Slug] = []  # recurring work beside the milestones (see Habit)
    sources: list[str] = []

    @model_validator(mode="after")
    def _core_in_roadmap(self) -> Role:
        missing = [m for m in self.core if m not in self.roadmap]
        if missing:
            raise ValueError(f"core milestones not in roadmap: {', '.join(missing)}")
        if len(set(self.roadmap)) != len(self.roadmap):
            raise ValueError("roadmap lists a milestone twice")
        return self


class Quiz(Model):
    """A quick self-test for placement: one question, its choices and the right one.

    The placement adds its own "I don't know" choice, so the data never lists it.
    """

    question: Text
    choices: list[Text] = Field(min_length=2, max_length=5)
    answer: int = Field(ge=0)  # index into ``choices``

    @model_validator(mode="after")
    def _answer_in_choices(self) -> Quiz:
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.choices)} choices")
        return self


class Milestone(Model):
    id: Slug
    title: Text
    phase: Slug
    outcome: Text
    topics: list[Text] = Field(min_length=1)
    deliverable: Text
    hours: int = Field(gt=0, le=1000)
    level: Level
    prerequisites: list[Slug] = []
    focus: list[Focus] = []
    resources: list[Slug] = []
    sources: list[str] = []
    # Can-do statements a learner answers yes/partly/no during placement.
    checks: list[Text] = Field(default=[], max_length=3)
    quiz: Quiz | None = None


class Resource(Model):
    id: Slug
    title: Text
    kind: ResourceKind
    provider: str = Field(min_length=1)
    url: HttpUrl | None = None
    phases: list[Slug] = Field(min_length=1)
    level: Level
    language: Language
    cost: Cost
    length: str | None = None
    summary: Text | None = None
    focus: list[Focus] = []
    sources: list[str] = []


class RoadmapFile(Model):
    """The shape of ``roadmaps.yaml``."""

    version: str
    phases: list[Phase] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    milestones: list[Milestone] = Field(min_length=1)
    questions: list[Question] = []
    habits: list[Habit] = []


class ResourceFile(Model):
    """The shape of ``resources.yaml``."""

    version: str
    resources: list[Resource] = Field(min_length=1)


# --- plans -----------------------------------------------------------------


class Profile(Model):
    """Who the plan is for and the constraints it was built under."""

    role: Slug
    level: Level
    start: dt.date
    hours_per_week: float = Field(ge=1, le=100)
    horizon: dt.date | None = None
    focus: Focus | None = None
    skip: list[Slug] = []
    known: list[Slug] = []  # milestone or phase ids known (placement or --known): left out
    partly: list[Slug] = []  # partly known: kept with fewer hours (mlpath.placement)
    lang: Language | None = None
    free_only: bool = False
    habits: Literal["all", "none"] = "all"  # --habits
    without_habits: list[Slug] = []  # --no-habit


class PlanItem(Model):
    milestone: Milestone
    start: dt.date
    end: dt.date  # inclusive: the last day of study
    resources: list[Resource]
    more_resources: int = 0  # further fitting resources: `mlpath resources --milestone ID`
    core: bool = False
    within_horizon: bool = True
    partly: bool = False  # partly known: ``milestone.hours`` is already reduced

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class Skipped(Model):
    """A roadmap milestone left out of the plan, and why."""

    id: Slug
    reason: Literal["level", "asked", "focus", "known"]
    core: bool = False  # one of the role's core milestones: never left out silently


class Shortfall(Model):
    """Core milestones that end after the horizon, and the weekly pace that would fit them."""

    late_core: int = Field(gt=0)
    horizon: dt.date
    hours_needed: float | None = None  # None: not even 100 hours a week would do


class PlanHabit(Model):
    """A habit as planned: the days it runs (inclusive) and how often it should recur by then."""

    habit: Habit
    start: dt.date
    end: dt.date
    count: int = Field(ge=1)  # occurrences expected by ``end``
    hours_per_week: float  # what it takes from the weekly hours while it runs


class HabitLeftOut(Model):
    """A role's habit left out of the plan: asked, no room in the week, or starting too late."""

    id: Slug
    reason: Literal["asked", "hours", "late"]


class Plan(Model):
    profile: Profile
    data_version: str
    items: list[PlanItem]
    skipped: list[Skipped] = []
    shortfall: Shortfall | None = None
    habits: list[PlanHabit] = []
    habits_left_out: list[HabitLeftOut] = []

    @property
    def total_hours(self) -> int:
        return sum(item.milestone.hours for item in self.items)

    @property
    def end(self) -> dt.date:
        return self.items[-1].end if self.items else self.profile.start

    @property
    def weeks(self) -> float:
        return round(((self.end - self.profile.start).days + 1) / 7, 1)

    @property
    def beyond_horizon(self) -> list[PlanItem]:
        return [item for item in self.items if not item.within_horizon]
