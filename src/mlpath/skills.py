"""The learner's skill profile: what they know, partly know and have to learn. Pure.

A profile comes from ``mlpath assess`` (a placement), from ``--known`` and
``--partly``, or from an answers file; the planner reads it through
:func:`expand`. Milestone ids are global, so a profile made on one role's path
also serves another role: what it does not mention is simply still to learn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from pydantic import Field

from mlpath.models import Focus, Model, Slug

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.placement import Answer, Result


class SkillProfile(Model):
    """A saved placement: the role and focus it was made on, and what it found."""

    role: Slug
    focus: Focus | None = None
    on: dt.date
    known: list[Slug] = Field(default=[])
    partly: list[Slug] = Field(default=[])
    to_learn: list[Slug] = Field(default=[])
    questions: int = Field(default=0, ge=0)

    @classmethod
    def from_result(cls, result: Result, role: str, focus: str | None, on: dt.date) -> SkillProfile:
        return cls.model_validate(
            {
                "role": role,
                "focus": focus,
                "on": on,
                "known": list(result.known),
                "partly": list(result.partly),
                "to_learn": list(result.to_learn),
                "questions": result.questions,
            }
        )

    def answers(self) -> dict[str, Answer]:
        """The profile as answers, as if given in a file."""
        given: dict[str, Answer] = dict.fromkeys(self.to_learn, "no")
        given.update(dict.fromkeys(self.partly, "partly"))
        given.update(dict.fromkeys(self.known, "yes"))
        return given


def milestone_ids(catalog: Catalog, ids: Iterable[str]) -> list[str]:
    """Milestone ids with phase ids replaced by their milestones (as ``--skip`` does)."""
    out: list[str] = []
    for value in ids:
        if value in catalog.phases:
            out += [mid for mid, m in catalog.milestones.items() if m.phase == value]
        elif value in catalog.milestones:
            out.append(value)
    return list(dict.fromkeys(out))


def prerequisites_of(catalog: Catalog, ids: Iterable[str]) -> set[str]:
    """Every milestone the given ones build on, transitively (not the given ones)."""
    found: set[str] = set()
    stack = [pre for mid in ids for pre in catalog.milestones[mid].prerequisites]
    while stack:
        mid = stack.pop()
        if mid not in found and mid in catalog.milestones:
            found.add(mid)
            stack += catalog.milestones[mid].prerequisites
    return found


def expand(
    catalog: Catalog, known: Iterable[str], partly: Iterable[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Known and partly known milestone ids, as placement answers mean them.

    Knowing a milestone, even partly, means knowing what it builds on; a
    milestone both named known and partly known counts as known.
    """
    known_ids = milestone_ids(catalog, known)
    partly_ids = milestone_ids(catalog, partly)
    all_known = set(known_ids) | prerequisites_of(catalog, [*known_ids, *partly_ids])
    return frozenset(all_known), frozenset(set(partly_ids) - all_known)


def shortest_known(catalog: Catalog, known: Iterable[str], partly: Iterable[str]) -> list[str]:
    """The known ids that ``--known`` needs: the rest follow as their prerequisites."""
    known_ids, partly_ids = list(known), list(partly)
    implied = prerequisites_of(catalog, [*known_ids, *partly_ids])
    return [mid for mid in known_ids if mid not in implied]


def with_implied(catalog: Catalog, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """``answers`` plus "yes" for what any milestone known or partly known builds on.

    A file may answer milestones of another role's path; what they build on may
    still be on this one.
    """
    out = dict(answers)
    sure = [mid for mid, answer in answers.items() if answer != "no"]
    for pre in prerequisites_of(catalog, sure):
        out.setdefault(pre, "yes")
    return out
