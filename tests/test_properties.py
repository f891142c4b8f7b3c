"""Properties that hold for any valid catalogue and profile, and for any loader input."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpath.catalog import Catalog, cross_check, validate_documents
from mlpath.errors import DataError
from mlpath.models import (
    FOCUSES,
    LEVEL_ORDER,
    Milestone,
    Phase,
    Profile,
    Resource,
    ResourceFile,
    RoadmapFile,
    Role,
)
from mlpath.planner import build_plan
from mlpath.validate import TEMPLATES
from mlpath.yamlfile import read_yaml

# --- generated catalogues ---------------------------------------------------------


@st.composite
def catalogues(draw: st.DrawFn) -> Catalog:
    phase_ids = [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    phases = [Phase(id=p, title=f"Phase {p}", summary="S") for p in phase_ids]
    count = draw(st.integers(1, 14))
    milestones = []
    for i in range(count):
        # Prerequisites point backwards only, so the graph is acyclic by construction.
        prereqs = draw(st.lists(st.sampled_from(range(i)), unique=True, max_size=3)) if i else []
        milestones.append(
            Milestone(
                id=f"m{i}",
                title=f"Milestone {i}",
                phase=draw(st.sampled_from(phase_ids)),
                outcome="O",
                topics=["T"],
                deliverable="D",
                hours=draw(st.integers(1, 1000)),
                level=draw(st.sampled_from(LEVEL_ORDER)),
                prerequisites=[f"m{p}" for p in prereqs],
                focus=draw(st.lists(st.sampled_from(FOCUSES), unique=True, max_size=2)),
            )
        )
    # The roadmap lists them in any order; the planner must sort out prerequisites.
    roadmap = draw(st.permutations([m.id for m in milestones]))
    core = draw(st.lists(st.sampled_from(roadmap), min_size=1, unique=True))
    role = Role(
        id="r",
        title="Role",
        summary="S",
        routes=["R"],
        skills=[{"category": "C", "items": ["I"]}],  # type: ignore[list-item]
        salaries=[{"region": "us", "setting": "s", "currency": "USD", "low": 1}],  # type: ignore[list-item]
        employers=["E"],
        ladder=["L"],
        roadmap=list(roadmap),
        core=core,
    )
    resources = [
        Resource(
            id=f"res{i}",
            title=f"Resource {i}",
            kind="book",
            provider="P",
            phases=draw(st.lists(st.sampled_from(phase_ids), min_size=1, unique=True)),
            level=draw(st.sampled_from(LEVEL_ORDER)),
            language=draw(st.sampled_from(["en", "ja"])),
            cost=draw(st.sampled_from(["free", "paid", "freemium"])),
        )
        for i in range(draw(st.integers(1, 6)))
    ]
    roadmaps = RoadmapFile(version="1", phases=phases, roles=[role], milestones=milestones)
    resource_file = ResourceFile(version="1", resources=resources)
    paths = (Path("roadmaps.yaml"), Path("resources.yaml"))
    assert cross_check(roadmaps, resource_file, paths) == []
    return Catalog(
        version="1",
        phases={p.id: p for p in phases},
        roles={role.id: role},
        milestones={m.id: m for m in milestones},
        resources={r.id: r for r in resources},
        sources=paths,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Catalog, Profile]:
    catalog = draw(catalogues())
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
    horizon = draw(st.none() | st.integers(0, 4000).map(lambda d: start + dt.timedelta(days=d)))
    skip = draw(st.lists(st.sampled_from([*catalog.milestones, *catalog.phases]), unique=True))
    profile = Profile(
        role="r",
        level=draw(st.sampled_from(LEVEL_ORDER)),
        start=start,
        hours_per_week=draw(st.floats(1, 100, allow_nan=False)),
        horizon=horizon,
        focus=draw(st.none() | st.sampled_from(FOCUSES)),
        skip=skip,
        lang=draw(st.none() | st.sampled_from(["en", "ja"])),
        free_only=draw(st.booleans()),
    )
    return catalog, profile


@settings(max_examples=300, deadline=None)
@given(cases())
def test_plan_invariants(case: tuple[Catalog, Profile]) -> None:
    catalog, profile = case
    plan = build_plan(catalog, profile)
    items = plan.items

    # Deterministic: the same input gives the same plan.
    assert build_plan(catalog, profile) == plan

    # Every roadmap milestone is either planned once or skipped with a reason.
    planned = [item.milestone.id for item in items]
    assert len(planned) == len(set(planned))
    assert sorted(planned + [s.id for s in plan.skipped]) == sorted(catalog.roles["r"].roadmap)

    # Prerequisites come before their dependents.
    position = {mid: i for i, mid in enumerate(planned)}
    for item in items:
        for pre in item.milestone.prerequisites:
            if pre in position:
                assert position[pre] < position[item.milestone.id]

    # Dates: start on the start date, never backwards, never overlapping, no gaps.
    if items:
        assert items[0].start == profile.start
    for item in items:
        assert item.start <= item.end
    for before, after in itertools.pairwise(items):
        assert after.start == before.end + dt.timedelta(days=1)

    # Hours add up, and the calendar gives at least the time they need.
    assert plan.total_hours == sum(item.milestone.hours for item in items)
    if items:
        days = (plan.end - profile.start).days + 1
        assert days >= math.ceil(plan.total_hours * 7 / profile.hours_per_week - 1e-6)
        assert days >= len(items)

    # The horizon flag means what it says.
    for item in items:
        assert item.within_horizon == (profile.horizon is None or item.end <= profile.horizon)

    # Resources respect the free-only filter and come from the catalogue.
    for item in items:
        assert len(item.resources) <= 3
        for resource in item.resources:
            assert catalog.resources[resource.id] == resource
            assert not (profile.free_only and resource.cost == "paid")


# --- loader fuzz --------------------------------------------------------------------

KEYS = [
    "version",
    "phases",
    "roles",
    "milestones",
    "resources",
    "id",
    "title",
    "summary",
    "phase",
    "hours",
    "level",
    "prerequisites",
    "roadmap",
    "core",
    "url",
    "kind",
    "en",
    "ja",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.dates()
    | st.sampled_from(["beginner", "m0", "p0", "https://x.org", "", "0", "-1", "1e9"])
)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), children, max_size=5)
    ),
    max_leaves=25,
)
TEMPLATE_TEXT = (TEMPLATES / "roadmaps.yaml").read_text()
TEMPLATE_RESOURCES = (TEMPLATES / "resources.yaml").read_text()


@st.composite
def mutated_template(draw: st.DrawFn) -> str:
    """The starter file with a few lines dropped, duplicated or spliced with junk."""
    lines = TEMPLATE_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "junk", "indent", "value"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "junk":
            lines[i] = lines[i] + draw(st.text(max_size=8))
        elif action == "indent":
            lines[i] = " " + lines[i]
        elif action == "value" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {yaml.safe_dump(draw(values), default_flow_style=True).strip()}"
        if not lines:
            break
    return "\n".join(lines) + "\n"


yaml_texts = (
    st.text(max_size=200)
    | values.map(lambda v: yaml.safe_dump(v, allow_unicode=True))
    | st.dictionaries(st.sampled_from(KEYS), values, max_size=6).map(yaml.safe_dump)
    | mutated_template()
    | st.binary(max_size=100).map(lambda b: b.decode("latin-1"))
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_texts)
def test_loader_loads_or_raises_data_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        roadmaps = Path(tmp) / "roadmaps.yaml"
        resources = Path(tmp) / "resources.yaml"
        roadmaps.write_text(text, encoding="utf-8", errors="surrogateescape")
        resources.write_text(TEMPLATE_RESOURCES)
        try:
            catalog = validate_documents(read_yaml(roadmaps), read_yaml(resources))
        except DataError as exc:
            assert exc.problems
            assert all(isinstance(p, str) and p for p in exc.problems)
            assert all(str(roadmaps) in p or str(resources) in p for p in exc.problems)
        else:
            assert catalog.roles
