"""Read the YAML data files, validate them, and index them for the planner.

Errors name the file, the line, the entry id and the field, and every problem
found is reported at once rather than only the first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.dirs import RESOURCES_FILE as RESOURCES_FILE
from mlpath.dirs import ROADMAPS_FILE as ROADMAPS_FILE
from mlpath.dirs import translation_paths as translation_paths
from mlpath.errors import DataError
from mlpath.graph import find_cycle as find_cycle
from mlpath.graph import topological_order as topological_order
from mlpath.habit_checks import check_habits
from mlpath.models import (
    Habit,
    Milestone,
    Phase,
    Question,
    Resource,
    ResourceFile,
    RoadmapFile,
    Role,
)
from mlpath.yamlfile import Document, read_yaml

if TYPE_CHECKING:
    from mlpath.locator import Locator

DATA_DIR_ENV = "MLPATH_DATA_DIR"


def shipped_data_dir() -> Path:
    """The data shipped with mlpath: inside the wheel, or the repo's ``data/``."""
    packaged = Path(__file__).parent / "data"
    if (packaged / ROADMAPS_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"  # running from a source checkout


def resolve_data_dir(data_dir: Path | None = None) -> Path:
    if data_dir is not None:
        return data_dir
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return shipped_data_dir()


# --- the catalogue ---------------------------------------------------------

_SEPARATORS = re.compile(r"[\s_-]+")


@dataclass
class Catalog:
    """Validated data plus the indexes the planner and commands need."""

    version: str
    phases: dict[str, Phase]
    roles: dict[str, Role]
    milestones: dict[str, Milestone]
    resources: dict[str, Resource]
    sources: tuple[Path, ...]  # every file read, overlays included
    questions: dict[str, Question] = field(default_factory=dict)
    habits: dict[str, Habit] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    resources_by_phase: dict[str, list[Resource]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role in self.roles.values():
            self.aliases[role.id] = role.id
            for alias in role.aliases:
                self.aliases.setdefault(alias, role.id)
            for title in (role.title.en, role.title.ja):
                if title:
                    self.aliases.setdefault(_SEPARATORS.sub("-", title.strip().lower()), role.id)
        for resource in self.resources.values():
            for phase in resource.phases:
                self.resources_by_phase.setdefault(phase, []).append(resource)

    def role(self, name: str) -> Role | None:
        """A role by id, alias or title, as people type them ("ML engineer", "ml_engineer")."""
        key = name.strip().lower()
        for candidate in (key, _SEPARATORS.sub("-", key), _SEPARATORS.sub("", key)):
            role_id = self.aliases.get(candidate)
            if role_id:
                return self.roles[role_id]
        return None

    def phase_order(self) -> dict[str, int]:
        return {phase_id: i for i, phase_id in enumerate(self.phases)}


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dups = []
    for item in ids:
        if item in seen:
            dups.append(item)
        seen.add(item)
    return dups


def cross_check(
    roadmaps: RoadmapFile,
    resources: ResourceFile,
    paths: tuple[Path, Path],
    locator: Locator | None = None,
) -> list[str]:
    """Problems that span entries: duplicates, dangling references, cycles.

    Each problem names the file and line of the entry and field involved (the
    ``locator`` knows which file, base or overlay, each entry came from).
    """
    if locator is None:
        from mlpath.locator import Locator

        locator = Locator.for_files(*paths)
    at, unknown = locator.at, locator.unknown
    problems: list[str] = []
    for section, ids in (
        ("phases", [p.id for p in roadmaps.phases]),
        ("roles", [r.id for r in roadmaps.roles]),
        ("milestones", [m.id for m in roadmaps.milestones]),
        ("questions", [q.id for q in roadmaps.questions]),
        ("resources", [r.id for r in resources.resources]),
    ):
        problems += [f"{at(section, d, 'id')}: field 'id': duplicate id" for d in _duplicates(ids)]
    names = {r.id: r.id for r in roadmaps.roles}
    for role in roadmaps.roles:
        for i, alias in enumerate(role.aliases):
            if alias in names and names[alias] != role.id:
                problems.append(
                    f"{at('roles', role.id, 'aliases', i)}: field 'aliases':"
                    f" {alias!r} already names role {names[alias]!r}"
                )
            names.setdefault(alias, role.id)

    phase_ids = {p.id for p in roadmaps.phases}
    milestones = {m.id: m for m in roadmaps.milestones}
    resource_ids = {r.id for r in resources.resources}
    locator.known = {"phases": phase_ids, "milestones": milestones, "resources": resource_ids}
    for m in roadmaps.milestones:
        if m.phase not in phase_ids:
            problems.append(
                f"{at('milestones', m.id, 'phase')}: field 'phase': {unknown('phases', m.phase)}"
            )
        for i, pre in enumerate(m.prerequisites):
            where = f"{at('milestones', m.id, 'prerequisites', i)}: field 'prerequisites'"
            if pre not in milestones:
                problems.append(f"{where}: {unknown('milestones', pre)}")
            elif pre == m.id:
                problems.append(f"{where}: lists itself")
        for i, rid in enumerate(m.resources):
            if rid not in resource_ids:
                where = at("milestones", m.id, "resources", i)
                problems.append(f"{where}: field 'resources': {unknown('resources', rid)}")
    for r in resources.resources:
        for i, phase in enumerate(r.phases):
            if phase not in phase_ids:
                where = at("resources", r.id, "phases", i)
                problems.append(f"{where}: field 'phases': {unknown('phases', phase)}")
    problems += check_habits(roadmaps, milestones, locator)
    graph = {m.id: [p for p in m.prerequisites if p in milestones] for m in roadmaps.milestones}
    cycle = find_cycle(graph)
    if cycle:
        where = at("milestones", cycle[0], "prerequisites")
        problems.append(f"{where}: field 'prerequisites': cycle {' -> '.join(cycle)}")
    for role in roadmaps.roles:
        in_roadmap = set(role.roadmap)
        for i, mid in enumerate(role.roadmap):
            where = f"{at('roles', role.id, 'roadmap', i)}: field 'roadmap'"
            if mid not in milestones:
                problems.append(f"{where}: {unknown('milestones', mid)}")
                continue
            for pre in milestones[mid].prerequisites:
                if pre in milestones and pre not in in_roadmap:
                    problems.append(
                        f"{where}: cannot be ordered: {mid!r} needs {pre!r}, which the roadmap"
                        " lacks"
                    )
    role_ids = {r.id for r in roadmaps.roles}
    for q in roadmaps.questions:
        for section, refs, known in (
            ("milestones", q.milestones, milestones),
            ("roles", q.roles, role_ids),
        ):
            for i, ref in enumerate(refs):
                if ref not in known:
                    where = at("questions", q.id, section, i)
                    problems.append(f"{where}: field {section!r}: {unknown(section, ref)}")
    return problems


def validate_documents(
    roadmap_doc: Document,
    resource_doc: Document,
    overlays: Sequence[Document] = (),
    translations: Sequence[Document] = (),
) -> Catalog:
    """Validate a pair of data files, translated and overlaid; every problem is collected."""
    from mlpath.overlay import merge
    from mlpath.translations import RESOURCE_FIELDS, ROADMAP_FIELDS, apply

    problems: list[str] = []
    for doc in translations:
        is_resources = isinstance(doc.data, dict) and "resources" in doc.data
        if is_resources:
            problems += apply(resource_doc.data, doc, RESOURCE_FIELDS)
        else:
            problems += apply(roadmap_doc.data, doc, ROADMAP_FIELDS)
    merged = merge(roadmap_doc, resource_doc, overlays)
    problems += merged.problems
    roadmaps, resources = merged.roadmaps, merged.resources
    if roadmaps is not None and resources is not None:
        paths = (roadmap_doc.path, resource_doc.path)
        # An entry that failed validation is reported once, not again by everything naming it.
        hidden = [f"unknown {kind} {eid!r}" for kind, eid in merged.invalid_labels()]
        found = cross_check(roadmaps, resources, paths, merged.locator)
        problems += [p for p in found if not any(h in p for h in hidden)]
    if problems or roadmaps is None or resources is None:
        count = len(problems)
        head = problems[0] if count == 1 else f"{count} problems in the data files"
        raise DataError(head, problems)
    return Catalog(
        version=roadmaps.version,
        phases={p.id: p for p in roadmaps.phases},
        roles={r.id: r for r in roadmaps.roles},
        milestones={m.id: m for m in roadmaps.milestones},
        resources={r.id: r for r in resources.resources},
        sources=merged.sources,
        questions={q.id: q for q in roadmaps.questions},
        habits={h.id: h for h in roadmaps.habits},
    )


def load_catalog(data_dir: Path | None = None, *, overlays: bool | None = None) -> Catalog:
    """Load and validate ``roadmaps.yaml`` and ``resources.yaml`` from a data directory.

    The user's overlay files (see :mod:`mlpath.overlay`) are layered on top of the
    shipped data; a ``data_dir`` given explicitly is used as it is, unless
    ``overlays`` asks for them. ``overlays=False`` turns them off everywhere.
    """
    from mlpath.cache import load_or_build
    from mlpath.dirs import overlay_paths  # not mlpath.overlay: its models cost ~10 ms to import

    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        raise DataError(f"{directory}: data directory not found")
    use_overlays = overlays if overlays is not None else data_dir is None
    layers = overlay_paths() if use_overlays else []
    translations = translation_paths(directory)
    sources = [directory / ROADMAPS_FILE, directory / RESOURCES_FILE, *translations, *layers]

    def build() -> Catalog:
        try:
            return validate_documents(
                read_yaml(sources[0]),
                read_yaml(sources[1]),
                [read_yaml(p) for p in layers],
                [read_yaml(p) for p in translations],
            )
        except DataError as exc:
            raise _blame_overlays(exc, layers) from None

    # Parsing and validation are skipped when these exact files were loaded before.
    return load_or_build(sources, build, Catalog)


def _blame_overlays(exc: DataError, layers: Sequence[Path]) -> DataError:
    """Say which of the user's overlays broke the data, and how to run without them."""
    broken = [p for p in layers if any(str(p) in problem for problem in exc.problems)]
    if not broken:
        return exc
    names = ", ".join(str(p) for p in broken)
    hint = (
        f"the problem is in your overlay {names}: fix it (see `mlpath validate`),"
        " or run with --no-overlays to leave your overlays out"
    )
    # The way out first: a long list of dangling references would bury it.
    return DataError(str(exc), [hint, *exc.problems])
