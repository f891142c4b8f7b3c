"""Read the YAML data files, validate them, and index them for the planner.

Errors name the file, the line, the entry id and the field, and every problem
found is reported at once rather than only the first.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from mlpath.errors import DataError
from mlpath.models import Milestone, Phase, Resource, ResourceFile, RoadmapFile, Role

try:  # libyaml is much faster; fall back to the pure-Python loader without it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

ROADMAPS_FILE = "roadmaps.yaml"
RESOURCES_FILE = "resources.yaml"
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


# --- YAML with positions ---------------------------------------------------


@dataclass
class Document:
    """A parsed YAML file: its data plus the node tree, kept to find line numbers."""

    path: Path
    data: Any
    node: yaml.Node | None

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """1-based line of the value at ``loc`` (a pydantic error location)."""
        node = self.node
        line = node.start_mark.line + 1 if node is not None else None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                child = node.value[key] if 0 <= key < len(node.value) else None
            else:
                child = None
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def read_yaml(path: Path) -> Document:
    """Parse one YAML file safely; any failure becomes a DataError naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, expected a YAML file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    loader = _Loader(text)
    try:
        # The same two steps as yaml.load, but keeping the node tree for line numbers.
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "?"
        raise DataError(f"{path}:{where}: YAML error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: YAML error: {exc}") from None
    finally:
        loader.dispose()
    return Document(path, data, node)


def _entry_label(doc: Document, loc: Sequence[str | int]) -> tuple[str, Sequence[str | int]]:
    """Split a location into "the entry" (e.g. ``milestones[3] 'python-basics'``) and the rest."""
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        section, index = loc[0], loc[1]
        entry = f"{section}[{index}]"
        try:
            entry_id = doc.data[section][index].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            entry_id = None
        if isinstance(entry_id, str):
            entry = f"{section[:-1] if section.endswith('s') else section} {entry_id!r}"
        return entry, loc[2:]
    return "top level", loc


def format_validation_errors(doc: Document, exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = [part for part in err["loc"] if isinstance(part, str | int)]
        # Text fields accept a string or a mapping; pydantic reports the mapping branch.
        loc = [part for part in loc if part not in ("function-before[_from_plain_string()]",)]
        entry, rest = _entry_label(doc, loc)
        line = doc.line_of(loc)
        place = f"{doc.path}:{line}" if line else str(doc.path)
        fieldname = ".".join(str(p) for p in rest) or "(entry)"
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{place}: {entry}: field {fieldname!r}: {message}")
    return problems


# --- the catalogue ---------------------------------------------------------


@dataclass
class Catalog:
    """Validated data plus the indexes the planner and commands need."""

    version: str
    phases: dict[str, Phase]
    roles: dict[str, Role]
    milestones: dict[str, Milestone]
    resources: dict[str, Resource]
    sources: tuple[Path, Path]
    aliases: dict[str, str] = field(default_factory=dict)
    resources_by_phase: dict[str, list[Resource]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for role in self.roles.values():
            self.aliases[role.id] = role.id
            for alias in role.aliases:
                self.aliases.setdefault(alias, role.id)
        for resource in self.resources.values():
            for phase in resource.phases:
                self.resources_by_phase.setdefault(phase, []).append(resource)

    def role(self, name: str) -> Role | None:
        role_id = self.aliases.get(name.strip().lower())
        return self.roles.get(role_id) if role_id else None

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


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A prerequisite cycle as a list of ids (first id repeated at the end), or None."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(graph, white)
    for root in graph:
        if colour[root] != white:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        colour[root] = grey
        path.append(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = black
                path.pop()
                stack.pop()
            elif child in colour and colour[child] == grey:
                return [*path[path.index(child) :], child]
            elif child in colour and colour[child] == white:
                colour[child] = grey
                path.append(child)
                stack.append((child, iter(graph[child])))
    return None


def cross_check(
    roadmaps: RoadmapFile, resources: ResourceFile, paths: tuple[Path, Path]
) -> list[str]:
    """Problems that span entries: duplicates, dangling references, cycles."""
    roadmap_path, resource_path = paths
    problems: list[str] = []
    for kind, ids in (
        ("phase", [p.id for p in roadmaps.phases]),
        ("role", [r.id for r in roadmaps.roles]),
        ("milestone", [m.id for m in roadmaps.milestones]),
    ):
        problems += [f"{roadmap_path}: duplicate {kind} id {d!r}" for d in _duplicates(ids)]
    problems += [
        f"{resource_path}: duplicate resource id {d!r}"
        for d in _duplicates(r.id for r in resources.resources)
    ]
    names = [r.id for r in roadmaps.roles] + [a for r in roadmaps.roles for a in r.aliases]
    problems += [f"{roadmap_path}: role name or alias {d!r} used twice" for d in _duplicates(names)]

    phase_ids = {p.id for p in roadmaps.phases}
    milestones = {m.id: m for m in roadmaps.milestones}
    resource_ids = {r.id for r in resources.resources}
    for m in roadmaps.milestones:
        where = f"{roadmap_path}: milestone {m.id!r}"
        if m.phase not in phase_ids:
            problems.append(f"{where}: field 'phase': unknown phase {m.phase!r}")
        for pre in m.prerequisites:
            if pre not in milestones:
                problems.append(f"{where}: field 'prerequisites': unknown milestone {pre!r}")
            elif pre == m.id:
                problems.append(f"{where}: field 'prerequisites': lists itself")
        for rid in m.resources:
            if rid not in resource_ids:
                problems.append(f"{where}: field 'resources': unknown resource {rid!r}")
    for r in resources.resources:
        for phase in r.phases:
            if phase not in phase_ids:
                problems.append(
                    f"{resource_path}: resource {r.id!r}: field 'phases': unknown phase {phase!r}"
                )
    graph = {m.id: [p for p in m.prerequisites if p in milestones] for m in roadmaps.milestones}
    cycle = find_cycle(graph)
    if cycle:
        problems.append(f"{roadmap_path}: prerequisite cycle: {' -> '.join(cycle)}")
    for role in roadmaps.roles:
        where = f"{roadmap_path}: role {role.id!r}: field 'roadmap'"
        in_roadmap = set(role.roadmap)
        for mid in role.roadmap:
            if mid not in milestones:
                problems.append(f"{where}: unknown milestone {mid!r}")
                continue
            for pre in milestones[mid].prerequisites:
                if pre in milestones and pre not in in_roadmap:
                    problems.append(f"{where}: {mid!r} needs {pre!r}, which the roadmap lacks")
    return problems


def validate_documents(roadmap_doc: Document, resource_doc: Document) -> Catalog:
    problems: list[str] = []
    roadmaps = resources = None
    for doc, model in ((roadmap_doc, RoadmapFile), (resource_doc, ResourceFile)):
        if not isinstance(doc.data, dict):
            got = "an empty file" if doc.data is None else f"a {type(doc.data).__name__}"
            problems.append(f"{doc.path}: expected a mapping at the top level, got {got}")
            continue
        try:
            parsed = model.model_validate(doc.data)
        except ValidationError as exc:
            problems += format_validation_errors(doc, exc)
            continue
        if isinstance(parsed, RoadmapFile):
            roadmaps = parsed
        else:
            assert isinstance(parsed, ResourceFile)
            resources = parsed
    paths = (roadmap_doc.path, resource_doc.path)
    if roadmaps is not None and resources is not None:
        problems += cross_check(roadmaps, resources, paths)
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
        sources=paths,
    )


def load_catalog(data_dir: Path | None = None) -> Catalog:
    """Load and validate ``roadmaps.yaml`` and ``resources.yaml`` from a data directory."""
    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        raise DataError(f"{directory}: data directory not found")
    return validate_documents(
        read_yaml(directory / ROADMAPS_FILE), read_yaml(directory / RESOURCES_FILE)
    )


def topological_order(ids: Sequence[str], prerequisites: dict[str, list[str]]) -> list[str]:
    """Order ``ids`` so prerequisites come first, otherwise keeping the given order.

    Prerequisites outside ``ids`` count as already met. Kahn's algorithm with a
    heap keyed on the original position: O(n log n + edges).
    """
    position = {mid: i for i, mid in enumerate(ids)}
    waiting = dict.fromkeys(ids, 0)
    dependents: dict[str, list[str]] = {mid: [] for mid in ids}
    for mid in ids:
        for pre in prerequisites.get(mid, ()):
            if pre in position:
                waiting[mid] += 1
                dependents[pre].append(mid)
    ready = [position[mid] for mid in ids if waiting[mid] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        mid = ids[heapq.heappop(ready)]
        order.append(mid)
        for dep in dependents[mid]:
            waiting[dep] -= 1
            if waiting[dep] == 0:
                heapq.heappush(ready, position[dep])
    if len(order) != len(ids):
        raise DataError("prerequisite cycle among: " + ", ".join(sorted(set(ids) - set(order))))
    return order
