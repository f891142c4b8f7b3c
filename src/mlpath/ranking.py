"""Which resources a milestone shows, best first. Pure: no I/O."""

from __future__ import annotations

import heapq
from collections.abc import Callable

from mlpath.catalog import Catalog
from mlpath.models import Level, Milestone, Resource


def fits(milestone: Milestone, resource: Resource) -> bool:
    """Whether a resource of the milestone's phase serves it: same focus, a level close by."""
    if abs(_RANK[resource.level] - _RANK[milestone.level]) > 1:
        return False
    if not resource.focus:
        return True
    return any(f in milestone.focus for f in resource.focus)


_RANK = {level: level.rank for level in Level}


_Score = tuple[int, int, int, int, int, str]


class _Pool:
    """The resources of one (phase, level, focus) that serve its milestones, and their ranking."""

    def __init__(self, resources: list[Resource], score: Callable[[Resource], _Score]) -> None:
        self.resources = resources
        self.score = score
        self.best: list[Resource] = []  # the head of the ranking, grown on demand
        self._best_in: dict[str, Resource | None] = {}

    def head(self, n: int) -> list[Resource]:
        if len(self.best) < min(n, len(self.resources)):
            # Only the head is ever shown in a plan: a partial sort keeps planning O(n).
            self.best = heapq.nsmallest(n, self.resources, key=self.score)
        return self.best[:n]

    def best_in(self, language: str) -> Resource | None:
        """The best resource in ``language``, found once per pool."""
        if language not in self._best_in:
            found = [r for r in self.resources if r.language == language]
            self._best_in[language] = min(found, key=self.score) if found else None
        return self._best_in[language]


class ResourceRanker:
    """Ranks every resource that serves a milestone: its curated ones, then its phase's.

    A phase's resources are filtered and scored once per (phase, level, focus)
    and memoised, so planning stays fast however many milestones share a phase.
    """

    def __init__(
        self, catalog: Catalog, *, lang: str | None = None, free_only: bool = False
    ) -> None:
        self.catalog = catalog
        self.lang = lang
        self.free_only = free_only
        self._pools: dict[tuple[str, int, tuple[str, ...]], _Pool] = {}

    def allowed(self, resource: Resource) -> bool:
        return not (self.free_only and resource.cost == "paid")

    def _lang_miss(self, resource: Resource) -> int:
        return int(self.lang is not None and resource.language != self.lang)

    def _pool(self, milestone: Milestone) -> _Pool:
        focus = tuple(milestone.focus)
        key = (milestone.phase, milestone.level.rank, focus)
        if key not in self._pools:
            phase, rank = milestone.phase, milestone.level.rank

            def score(r: Resource) -> _Score:
                return (
                    0 if not focus or r.focus else 1,  # made for this focus first
                    abs(_RANK[r.level] - rank),
                    r.phases.index(phase),  # resources made for this phase first
                    self._lang_miss(r),
                    _KIND_ORDER.get(r.kind, 9),
                    r.id,
                )

            # fits() and allowed() inlined: this loop sees every resource of the phase.
            free_only, ranks = self.free_only, _RANK
            resources = [
                r
                for r in self.catalog.resources_by_phase.get(phase, ())
                if abs(ranks[r.level] - rank) <= 1
                and (not r.focus or any(f in focus for f in r.focus))
                and not (free_only and r.cost == "paid")
            ]
            self._pools[key] = _Pool(resources, score)
        return self._pools[key]

    def _curated(self, milestone: Milestone) -> list[Resource]:
        curated = [self.catalog.resources[rid] for rid in milestone.resources]
        return sorted((r for r in curated if self.allowed(r)), key=self._lang_miss)

    def pick(self, milestone: Milestone, count: int) -> tuple[list[Resource], int]:
        """The best ``count`` resources and how many more serve the milestone."""
        curated = self._curated(milestone)
        pool = self._pool(milestone)
        picked = curated[:count]
        seen = {r.id for r in curated}
        if len(picked) < count:
            # Enough to fill the milestone even after skipping all its curated picks.
            for resource in pool.head(count + len(curated)):
                if resource.id not in seen:
                    picked.append(resource)
                    if len(picked) == count:
                        break
        if self.lang is not None and picked and all(r.language != self.lang for r in picked):
            # The learner's language first: one resource in it whenever one serves.
            native = next((r for r in curated if r.language == self.lang), None)
            native = native or pool.best_in(self.lang)
            if native is not None and native.id not in {r.id for r in picked}:
                picked = [*picked[: count - 1], native]
        # Curated resources the pool holds too are counted once.
        shared = sum(1 for r in curated if milestone.phase in r.phases and fits(milestone, r))
        total = len(curated) + len(pool.resources) - shared
        return picked, total - len(picked)

    def all_for(self, milestone: Milestone) -> list[Resource]:
        """Every resource that serves the milestone, best first."""
        curated = self._curated(milestone)
        seen = {r.id for r in curated}
        pool = self._pool(milestone)
        return curated + [r for r in sorted(pool.resources, key=pool.score) if r.id not in seen]


# Learning material before reference material when ranks tie.
_KIND_ORDER = {
    "course": 0,
    "book": 1,
    "video": 2,
    "article": 3,
    "repo": 4,
    "paper": 5,
    "tool": 6,
    "community": 7,
    "conference": 8,
}
