"""Scale, checked by structure rather than by the clock (bench/run.py measures time).

A catalogue ten times the shipped one (bench/gen_catalog.py) must give the
same plans, and the planner must index, not scan: the resources it looks at
grow with the catalogue, not with catalogue x milestones.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from helpers import START, profile
from mlpath.catalog import Catalog, load_catalog, topological_order
from mlpath.planner import build_plan

BENCH = Path(__file__).resolve().parents[1] / "bench" / "gen_catalog.py"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_catalog", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scaled_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    gen = _generator()
    root = tmp_path_factory.mktemp("scaled")
    return {factor: gen.generate(root / f"x{factor}", factor) for factor in (1, 10)}


@pytest.fixture(scope="session")
def big(scaled_dirs: dict[int, Path]) -> Catalog:
    return load_catalog(scaled_dirs[10])


class CountingIndex(dict[str, list[Any]]):
    """``resources_by_phase`` that counts the resources handed out."""

    handed_out = 0

    def get(self, key: str, default: Any = None) -> Any:
        found = super().get(key, default)
        self.handed_out += len(found or ())
        return found

    def __getitem__(self, key: str) -> list[Any]:
        found = super().__getitem__(key)
        self.handed_out += len(found)
        return found


def resources_examined(catalog: Catalog, role: str) -> int:
    counting = CountingIndex(catalog.resources_by_phase)
    original = catalog.resources_by_phase
    catalog.resources_by_phase = counting
    try:
        build_plan(catalog, profile(role))
    finally:
        catalog.resources_by_phase = original
    return counting.handed_out


def test_generated_catalogue_has_ten_times_the_entries(big: Catalog, catalog: Catalog) -> None:
    assert len(big.milestones) == 10 * len(catalog.milestones)
    assert len(big.resources) == 10 * len(catalog.resources)
    assert len(big.roles["marathon"].roadmap) == len(big.milestones)


@pytest.mark.parametrize("role", ["ds", "mle", "researcher"])
def test_plans_on_the_big_catalogue_match_the_shipped_ones(
    big: Catalog, catalog: Catalog, role: str
) -> None:
    small_plan, big_plan = build_plan(catalog, profile(role)), build_plan(big, profile(role))
    assert [(i.milestone.id, i.start, i.end) for i in big_plan.items] == [
        (i.milestone.id, i.start, i.end) for i in small_plan.items
    ]
    for small_item, big_item in zip(small_plan.items, big_plan.items, strict=True):
        # Curated picks are the same; the rest come from the copies of the same phase.
        curated = [r.id for r in small_item.resources if r.id in small_item.milestone.resources]
        assert [r.id for r in big_item.resources][: len(curated)] == curated
        assert len(big_item.resources) == len(small_item.resources)
        for resource in big_item.resources[len(curated) :]:
            assert big_item.milestone.phase in resource.phases


def test_a_long_roadmap_plans_in_order(big: Catalog) -> None:
    plan = build_plan(big, profile("marathon", level="beginner"))
    position = {item.milestone.id: i for i, item in enumerate(plan.items)}
    # With no specialisation chosen, only the specialisations' milestones are left out.
    assert {s.reason for s in plan.skipped} == {"focus"}
    assert len(plan.items) + len(plan.skipped) == len(big.milestones)
    assert len(plan.items) > 0.7 * len(big.milestones)
    for item in plan.items:
        for pre in item.milestone.prerequisites:
            assert position[pre] < position[item.milestone.id]
    assert plan.items[0].start == START
    for before, after in zip(plan.items, plan.items[1:], strict=False):
        assert (after.start - before.end).days == 1


def test_resource_matching_grows_with_the_catalogue_not_with_milestones_times_resources(
    scaled_dirs: dict[int, Path], big: Catalog
) -> None:
    small = load_catalog(scaled_dirs[1])
    # Ten times the milestones and ten times the resources per phase: indexing once per
    # (phase, level, focus) looks at ~10x the resources; a scan per milestone at ~100x.
    examined_small = resources_examined(small, "marathon")
    examined_big = resources_examined(big, "marathon")
    assert examined_small > 0
    assert examined_big <= 11 * examined_small


def test_topological_order_reads_each_milestone_once() -> None:
    n = 20_000
    ids = [f"m{i}" for i in range(n)]
    # Listed in reverse: every milestone needs the one after it in the list.
    reads: list[str] = []

    class Prerequisites(dict[str, list[str]]):
        def get(self, key: str, default: Any = None) -> Any:
            reads.append(key)
            return super().get(key, default)

    prerequisites = Prerequisites({ids[i]: [ids[i + 1]] for i in range(n - 1)})
    order = topological_order(ids, prerequisites)
    assert order == ids[::-1]
    assert len(reads) == n
