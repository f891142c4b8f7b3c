"""Data entries that hang off the roadmap: interview questions and habits."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from mlpath.modelbase import Model, Slug, Text


class Question(Model):
    """An interview question with the points a good answer covers."""

    id: Slug
    question: Text
    answer_points: list[Text] = Field(min_length=1)
    milestones: list[Slug] = Field(min_length=1)  # where the knowledge is learned
    roles: list[Slug] = Field(min_length=1)  # whose interviews ask it
    sources: list[str] = Field(default_factory=list)


class Cadence(Model):
    """How often a habit recurs: every ``every`` weeks or months ("3 months" for a quarter).

    In YAML a string is accepted as shorthand: ``week``, ``month`` or ``3 months``.
    """

    every: int = Field(default=1, ge=1, le=52)
    unit: Literal["week", "month"]

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            number, _, unit = value.strip().rpartition(" ")
            return {"every": number.strip() or 1, "unit": unit.removesuffix("s")}
        return value


class Habit(Model):
    """Recurring work that runs beside the milestones once its ``after`` milestones are done.

    It ends with the plan, or earlier: when the ``until`` milestone ends, after
    ``months`` months, or once it has recurred ``target`` times.
    """

    id: Slug
    title: Text
    outcome: Text
    cadence: Cadence
    hours: float = Field(gt=0, le=100)  # per occurrence
    after: list[Slug] = Field(default_factory=list)
    until: Slug | None = None
    months: int | None = Field(default=None, ge=1, le=600)
    target: int | None = Field(default=None, ge=1, le=10000)
    sources: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_end(self) -> Habit:
        if self.until is not None and self.months is not None:
            raise ValueError("give 'until' or 'months', not both")
        return self
