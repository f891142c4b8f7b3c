"""Filtering the resource catalogue. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass

from mlpath.catalog import Catalog
from mlpath.models import Level, Question, Resource


@dataclass(frozen=True)
class ResourceQuery:
    phase: str | None = None
    kind: str | None = None
    level: Level | None = None
    lang: str | None = None
    free_only: bool = False
    words: tuple[str, ...] = ()

    def matches(self, r: Resource) -> bool:
        if self.kind is not None and r.kind != self.kind:
            return False
        if self.level is not None and r.level != self.level:
            return False
        if self.lang is not None and r.language != self.lang:
            return False
        if self.free_only and r.cost == "paid":
            return False
        if self.words:
            haystack = " ".join(
                [r.id, r.title.en, r.title.ja or "", r.provider, r.summary.en if r.summary else ""]
            ).lower()
            return all(word in haystack for word in self.words)
        return True


def filter_resources(catalog: Catalog, query: ResourceQuery) -> list[Resource]:
    """Matching resources: those made for the phase first, then by level, kind and title."""
    pool = (
        catalog.resources_by_phase.get(query.phase, [])
        if query.phase is not None
        else list(catalog.resources.values())
    )
    found = [r for r in pool if query.matches(r)]
    phase = query.phase

    def order(r: Resource) -> tuple[int, int, str, str]:
        primary = r.phases.index(phase) if phase is not None else 0
        return (primary, r.level.rank, r.kind, r.title.en.lower())

    return sorted(found, key=order)


def filter_questions(
    catalog: Catalog, role: str | None = None, milestone: str | None = None
) -> list[Question]:
    """Interview questions for a role and/or a milestone, in the data's order."""
    return [
        q
        for q in catalog.questions.values()
        if (role is None or role in q.roles) and (milestone is None or milestone in q.milestones)
    ]
