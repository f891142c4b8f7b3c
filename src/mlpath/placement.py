"""Adaptive placement: find what a learner already knows on a role's path in few questions.

Pure: no I/O, no typer, no rich. The path is the role's roadmap (milestones of
another specialisation than the chosen focus are left out) with its
prerequisite graph. Answers mean:

- ``yes``: the milestone is known, and so (transitively) are its prerequisites;
- ``partly``: it stays in the plan with its hours multiplied by
  :data:`PARTLY_FACTOR`; its prerequisites are known and what builds on it is
  still to learn (it cannot be known on a half-known foundation);
- ``no``: it is to learn, and so is everything that builds on it.

Nothing that follows from earlier answers is asked, and each question is
picked where its answer is expected to settle the most of what is still open
(see :meth:`Placement.next_question`), so few questions settle a whole path.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from mlpath.models import LEVEL_ORDER, Level
from mlpath.pathgraph import Graph, names, role_graph

__all__ = ["Graph", "Placement", "Result", "role_graph"]

Answer = Literal["yes", "partly", "no"]
Status = Literal["known", "partly", "to_learn"]

# A partly known milestone keeps this share of its hours (rounded up, at least one).
PARTLY_FACTOR = 0.5


def partly_hours(hours: int) -> int:
    return max(1, math.ceil(hours * PARTLY_FACTOR))


@dataclass(frozen=True)
class Conflict:
    """Two given answers that cannot both hold: ``known`` needs ``missing``, answered no."""

    known: str
    missing: str


def conflicts(graph: Graph, answers: Mapping[str, Answer]) -> list[Conflict]:
    found = []
    for mid, answer in answers.items():
        if answer != "no" and mid in graph.index:
            for pre in sorted(graph.ancestors[mid], key=graph.ids.index):
                if answers.get(pre) in ("no", "partly"):
                    found.append(Conflict(mid, pre))
    return found


@dataclass(frozen=True)
class PhaseLevel:
    """How much of one phase the learner knows; ``level`` is the highest level fully known."""

    phase: str
    known: int
    partly: int
    total: int
    level: Level | None


@dataclass(frozen=True)
class Result:
    known: tuple[str, ...]
    partly: tuple[str, ...]
    to_learn: tuple[str, ...]
    phases: tuple[PhaseLevel, ...]
    questions: int


@dataclass
class Placement:
    """One placement in progress: answer the question it asks until it asks none."""

    graph: Graph
    given: Mapping[str, Answer] = field(default_factory=dict)  # from a file: never asked
    history: list[tuple[str, Answer]] = field(default_factory=list)
    _known: int = field(default=0, init=False)
    _partly: int = field(default=0, init=False)
    _learn: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self._recompute()

    def _recompute(self) -> None:
        self._known = self._partly = self._learn = 0
        for mid, answer in [*self.given.items(), *self.history]:
            if mid in self.graph.index:
                self._settle(self.graph.index[mid], answer)

    def _settle(self, node: int, answer: Answer) -> None:
        bit, up, down = 1 << node, self.graph.up[node], self.graph.down[node]
        if answer == "no":  # only what is still open: it builds on something unknown
            self._learn |= (bit | down) & ~(self._known | self._partly)
            return
        sure = up | (bit if answer == "yes" else 0)
        self._known |= sure
        self._partly &= ~sure
        self._learn &= ~(sure | bit)
        if answer == "partly":
            self._partly |= bit
            self._known &= ~bit
            self._learn |= down & ~(self._known | self._partly)

    def status(self, mid: str) -> Status | None:
        bit = 1 << self.graph.index[mid]
        if self._known & bit:
            return "known"
        if self._partly & bit:
            return "partly"
        return "to_learn" if self._learn & bit else None

    def _open(self) -> int:
        return ((1 << len(self.graph.ids)) - 1) & ~(self._known | self._partly | self._learn)

    def undecided(self) -> list[str]:
        return names(self.graph.ids, self._open())

    def next_question(self) -> str | None:
        """The undecided milestone whose answer is expected to settle the most.

        Learners mostly know the start of a path, so the prior chance of a "yes"
        falls with the milestone's place among the undecided ones in roadmap
        order; a "yes" settles its undecided prerequisites, a "no" what builds on it.
        """
        rest = self._open()
        count = rest.bit_count()
        best: tuple[float, int] | None = None
        choice: int | None = None
        place, bits = 0, rest
        while bits:
            low = bits & -bits
            node = low.bit_length() - 1
            bits ^= low
            if_yes = (self.graph.up[node] & rest).bit_count() + 1
            if_no = (self.graph.down[node] & rest).bit_count() + 1
            p_yes = 1 - (place + 0.5) / count
            score = (p_yes * if_yes + (1 - p_yes) * if_no, min(if_yes, if_no))
            if best is None or score > best:  # the first of equals: earlier in the roadmap
                best, choice = score, node
            place += 1
        return None if choice is None else self.graph.ids[choice]

    def answer(self, mid: str, answer: Answer) -> None:
        if mid not in self.graph.index or self.status(mid) is not None:
            raise ValueError(f"{mid!r} is not an open question")
        self.history.append((mid, answer))
        self._settle(self.graph.index[mid], answer)

    def back(self) -> str | None:
        """Forget the last answer; the milestone it was about, or None at the first question."""
        if not self.history:
            return None
        mid, _ = self.history.pop()
        self._recompute()
        return mid

    def result(self) -> Result:
        ids = self.graph.ids
        known, partly = names(ids, self._known), names(ids, self._partly)
        settled = self._known | self._partly
        to_learn = names(ids, ((1 << len(ids)) - 1) & ~settled)
        return Result(
            known=tuple(known),
            partly=tuple(partly),
            to_learn=tuple(to_learn),
            phases=phase_levels(self.graph, set(known), set(partly)),
            questions=len(self.history),
        )


def phase_levels(graph: Graph, known: set[str], partly: set[str]) -> tuple[PhaseLevel, ...]:
    members: dict[str, list[str]] = {}
    for mid in graph.ids:
        members.setdefault(graph.phases[mid], []).append(mid)
    out = []
    for phase, ids in members.items():
        level: Level | None = None
        for candidate in LEVEL_ORDER:
            upto = [mid for mid in ids if graph.levels[mid].rank <= candidate.rank]
            if upto and not all(mid in known for mid in upto):
                break
            if any(graph.levels[mid] == candidate for mid in ids):
                level = candidate
        out.append(
            PhaseLevel(
                phase, sum(m in known for m in ids), sum(m in partly for m in ids), len(ids), level
            )
        )
    return tuple(out)


def merge_recheck(graph: Graph, before: Result, again: Result) -> Result:
    """A re-check of the known milestones folded into the earlier result.

    What was partly known stays so unless something it builds on turned out unknown.
    """
    known = set(again.known)
    dropped = set(before.known) - known
    partly = {mid for mid in before.partly if not (graph.ancestors.get(mid, frozenset()) & dropped)}
    return Result(
        known=tuple(mid for mid in graph.ids if mid in known),
        partly=tuple(mid for mid in graph.ids if mid in partly),
        to_learn=tuple(mid for mid in graph.ids if mid not in known and mid not in partly),
        phases=phase_levels(graph, known, partly),
        questions=again.questions,
    )


def place(graph: Graph, known: set[str]) -> Result:
    """Run a whole placement with a truthful learner."""
    placement = Placement(graph)
    while (mid := placement.next_question()) is not None:
        placement.answer(mid, "yes" if mid in known else "no")
    return placement.result()
