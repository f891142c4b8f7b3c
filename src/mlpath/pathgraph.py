"""A role's path as a graph: its milestones in roadmap order and their prerequisite closures.

Pure. Used by the placement (:mod:`mlpath.placement`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlpath.models import Level

if TYPE_CHECKING:
    from mlpath.catalog import Catalog


class _Names(Mapping[str, frozenset[str]]):
    """A read-only view of per-milestone bitsets as sets of ids, made on access."""

    def __init__(self, ids: tuple[str, ...], index: Mapping[str, int], bits: list[int]) -> None:
        self._ids, self._index, self._bits = ids, index, bits

    def __getitem__(self, mid: str) -> frozenset[str]:
        return frozenset(names(self._ids, self._bits[self._index[mid]]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def names(ids: Sequence[str], bits: int) -> list[str]:
    """The ids whose bits are set, in ``ids`` order."""
    out = []
    while bits:
        low = bits & -bits
        out.append(ids[low.bit_length() - 1])
        bits ^= low
    return out


@dataclass(frozen=True)
class Graph:
    """The milestones a placement may ask about, in roadmap order, with their closures.

    Closures are bitsets (bit i is ``ids[i]``), so a long custom path costs
    machine words, not sets of strings.
    """

    ids: tuple[str, ...]
    index: Mapping[str, int]
    up: list[int]  # transitive prerequisites inside ``ids``
    down: list[int]  # everything that builds on it inside ``ids``
    phases: Mapping[str, str]
    levels: Mapping[str, Level]

    @property
    def ancestors(self) -> Mapping[str, frozenset[str]]:
        return _Names(self.ids, self.index, self.up)

    @property
    def descendants(self) -> Mapping[str, frozenset[str]]:
        return _Names(self.ids, self.index, self.down)

    @classmethod
    def build(
        cls,
        ids: Sequence[str],
        prerequisites: Mapping[str, Iterable[str]],
        phases: Mapping[str, str],
        levels: Mapping[str, Level],
    ) -> Graph:
        index = {mid: i for i, mid in enumerate(ids)}
        direct = [[index[p] for p in prerequisites.get(mid, ()) if p in index] for mid in ids]
        up: list[int | None] = [None] * len(ids)
        order: list[int] = []  # prerequisites first
        for root in range(len(ids)):  # depth-first without recursion: paths may be long chains
            stack = [root]
            while stack:
                node = stack[-1]
                if up[node] is not None:
                    stack.pop()
                    continue
                waiting = [pre for pre in direct[node] if up[pre] is None]
                if waiting:
                    stack += waiting
                    continue
                bits = 0
                for pre in direct[node]:
                    bits |= (1 << pre) | (up[pre] or 0)
                up[node] = bits
                order.append(stack.pop())
        down = [0] * len(ids)
        for node in reversed(order):
            for pre in direct[node]:
                down[pre] |= (1 << node) | down[node]
        closed = [bits or 0 for bits in up]
        return cls(tuple(ids), index, closed, down, dict(phases), dict(levels))

    def restricted(self, keep: Iterable[str]) -> Graph:
        """The same graph over ``keep`` only (for re-checking what was placed as known)."""
        kept = set(keep)
        ids = [mid for mid in self.ids if mid in kept]
        return Graph.build(
            ids, {mid: self.ancestors[mid] & kept for mid in ids}, self.phases, self.levels
        )


def path_ids(catalog: Catalog, role_id: str, focus: str | None) -> list[str]:
    """The role's roadmap without the milestones of other specialisations."""
    role = catalog.roles[role_id]
    chosen = focus if focus is not None else role.default_focus
    return [
        mid
        for mid in role.roadmap
        if not catalog.milestones[mid].focus or chosen in catalog.milestones[mid].focus
    ]


def role_graph(catalog: Catalog, role_id: str, focus: str | None = None) -> Graph:
    ids = path_ids(catalog, role_id, focus)
    ms = catalog.milestones
    return Graph.build(
        ids,
        {mid: ms[mid].prerequisites for mid in ids},
        {mid: ms[mid].phase for mid in ids},
        {mid: ms[mid].level for mid in ids},
    )
