"""Pydantic models for mlpath's data (roles, phases, milestones, resources) and plans.

Every model forbids unknown fields so a typo in a data file is an error, not a
silently ignored key.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

# Ids are lowercase slugs so they are safe in URLs, file names, Markdown
# anchors and Mermaid ids, and easy to type on a command line.
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", min_length=1, max_length=64),
]


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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def __reduce__(self) -> tuple[Any, ...]:
        # The catalogue cache unpickles ~1,000 models for the shipped data and
        # ~100,000 at 100x; pydantic's generic state dict and per-object set cost
        # a third of that. Models are frozen, so one fields-set per class is shared.
        cls = type(self)
        fields_set = _FIELDS_SET.get(cls)
        if fields_set is None:
            fields_set = _FIELDS_SET[cls] = set(cls.model_fields)
        return (_restore, (cls, self.__dict__, fields_set))


_FIELDS_SET: dict[type[Model], set[str]] = {}


_set = object.__setattr__  # bound once: _restore runs for every model in the cache


def _restore(cls: type[Model], values: dict[str, Any], fields_set: set[str]) -> Model:
    """Rebuild a pickled model without validation: it was valid when it was pickled."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


class Text(Model):
    """A piece of prose: English is required, a Japanese variant is optional.

    In YAML a plain string is accepted as shorthand for ``{en: ...}``.
    """

    en: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
    ja: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"en": value}
        return value

    def __str__(self) -> str:
        return self.en

    def get(self, lang: str | None = None) -> str:
        if lang == "ja" and self.ja:
            return self.ja
        return self.en


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


class Question(Model):
    """An interview question with the points a good answer covers."""

    id: Slug
    question: Text
    answer_points: list[Text] = Field(min_length=1)
    milestones: list[Slug] = Field(min_length=1)  # where the knowledge is learned
    roles: list[Slug] = Field(min_length=1)  # whose interviews ask it
    sources: list[str] = []


class RoadmapFile(Model):
    """The shape of ``roadmaps.yaml``."""

    version: str
    phases: list[Phase] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    milestones: list[Milestone] = Field(min_length=1)
    questions: list[Question] = []


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


class Plan(Model):
    profile: Profile
    data_version: str
    items: list[PlanItem]
    skipped: list[Skipped] = []
    shortfall: Shortfall | None = None

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
