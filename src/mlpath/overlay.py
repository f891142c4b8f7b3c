"""Layering data files: the shipped (or ``--data-dir``) pair, then the user's overlays.

Overlay files live in the user data directory (``$MLPATH_HOME`` or the
platform's, e.g. ``~/.local/share/mlpath``) and use the same entries as the
full files. The merge rules, also in the README:

- an entry whose id already exists replaces the old entry whole, in its place;
- an entry with a new id is added at the end of its list;
- ``remove:`` lists ids to drop (applied before the overlay's own entries);
- an id defined twice in one file is an error; nothing is merged field by field.

Every entry remembers the file and index it came from, so cross-checks can
name the file and line of each problem, and an id that an overlay removed but
something still uses is reported with both places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from mlpath.dirs import RESOURCES_FILE, ROADMAPS_FILE, overlay_paths
from mlpath.errors import DataError
from mlpath.locator import KIND, Locator, Origin
from mlpath.models import (
    Habit,
    Milestone,
    Model,
    Phase,
    Question,
    Resource,
    ResourceFile,
    RoadmapFile,
    Role,
    Slug,
)
from mlpath.partial import Invalid, invalid_references, valid_part
from mlpath.yamlfile import Document, format_validation_errors, read_yaml

SECTIONS = ("phases", "roles", "milestones", "questions", "habits", "resources")


# --- overlay file shapes -----------------------------------------------------


class RoadmapRemovals(Model):
    phases: list[Slug] = Field(default_factory=list)
    roles: list[Slug] = Field(default_factory=list)
    milestones: list[Slug] = Field(default_factory=list)
    questions: list[Slug] = Field(default_factory=list)
    habits: list[Slug] = Field(default_factory=list)


class ResourceRemovals(Model):
    resources: list[Slug] = Field(default_factory=list)


class RoadmapEdit(Model):
    """Changes to one role's roadmap, without copying the role."""

    role: Slug
    add: list[Slug] = Field(default_factory=list)
    after: Slug | None = None  # where the added milestones go (default: the end)
    remove: list[Slug] = Field(default_factory=list)
    core: list[Slug] = Field(default_factory=list)  # milestones that count as core too


class RoadmapOverlay(Model):
    """An overlay ``roadmaps.yaml``: every section optional."""

    version: str | None = None
    remove: RoadmapRemovals = Field(default_factory=RoadmapRemovals)
    roadmaps: list[RoadmapEdit] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    habits: list[Habit] = Field(default_factory=list)


class ResourceOverlay(Model):
    """An overlay ``resources.yaml``."""

    version: str | None = None
    remove: ResourceRemovals = Field(default_factory=ResourceRemovals)
    resources: list[Resource] = Field(default_factory=list)


@dataclass
class Merged:
    roadmaps: RoadmapFile | None
    resources: ResourceFile | None
    locator: Locator
    problems: list[str]
    sources: tuple[Path, ...]
    invalid: frozenset[tuple[str, str]] = frozenset()  # (section, id) of entries that failed

    def invalid_labels(self) -> list[tuple[str, str]]:
        return [(KIND[section], entry_id) for section, entry_id in sorted(self.invalid)]


def _parse(
    doc: Document, model: type[Model], invalid: list[Invalid], *, overlay: bool = False
) -> tuple[Any, list[str]]:
    """The file as ``model``; when it is not valid as a whole, its valid entries and the
    problems, so the rest can still be cross-checked (every problem at once)."""
    data = {} if overlay and doc.data is None else doc.data  # an empty overlay changes nothing
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        line = doc.line_of([]) or 1
        return None, [f"{doc.path}:{line}: expected a mapping at the top level, got {got}"]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return valid_part(doc, model, invalid), format_validation_errors(doc, exc)
    except RecursionError:
        return None, [f"{doc.path}: nested too deeply to validate"]


def _raw_positions(doc: Document, section: str) -> dict[str, list[int]]:
    """Where each id stands in the file's section (an id may stand twice)."""
    raw = doc.data.get(section) if isinstance(doc.data, dict) else None
    places: dict[str, list[int]] = {}
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            places.setdefault(entry["id"], []).append(index)
    return places


def overlay_model(doc: Document) -> type[Model]:
    """Which overlay shape a file has: by name, else by its sections."""
    if doc.path.name == RESOURCES_FILE:
        return ResourceOverlay
    if doc.path.name == ROADMAPS_FILE:
        return RoadmapOverlay
    data = doc.data if isinstance(doc.data, dict) else {}
    return ResourceOverlay if "resources" in data else RoadmapOverlay


def merge(
    roadmap_doc: Document, resource_doc: Document, overlays: Sequence[Document] = ()
) -> Merged:
    """Validate the base pair and each overlay, then layer them by id."""
    locator = Locator.for_files(roadmap_doc.path, resource_doc.path)
    sources = (roadmap_doc.path, resource_doc.path, *(doc.path for doc in overlays))
    layers: list[tuple[Document, Any]] = []
    problems: list[str] = []
    shapes: list[tuple[Document, type[Model]]] = [
        (roadmap_doc, RoadmapFile),
        (resource_doc, ResourceFile),
        *((doc, overlay_model(doc)) for doc in overlays),
    ]
    invalid: list[Invalid] = []
    for n, (doc, model) in enumerate(shapes):
        parsed, found = _parse(doc, model, invalid, overlay=n >= 2)
        problems += found
        layers.append((doc, parsed))
    if any(parsed is None for _, parsed in layers):
        return Merged(None, None, locator, problems, sources)
    schema_problems = bool(problems)

    tables: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    for doc, parsed in layers:
        removals = getattr(parsed, "remove", None)
        for section in SECTIONS if removals is not None else ():
            for index, entry_id in enumerate(getattr(removals, section, ())):
                place = f"{doc.path}:{doc.line_of(['remove', section, index])}"
                if tables[section].pop(entry_id, None) is None:
                    problems.append(
                        f"{place}: remove: field {section!r}: no {KIND[section]} {entry_id!r}"
                        " to remove"
                    )
                else:
                    locator.origins.pop((section, entry_id), None)
                    locator.removed[(section, entry_id)] = place
        for section in SECTIONS:
            first_seen: dict[str, int] = {}
            positions = _raw_positions(doc, section)
            for valid_index, entry in enumerate(getattr(parsed, section, ())):
                # Entries that failed validation are left out of ``parsed``: lines come
                # from the entry's place in the file.
                index = positions.get(entry.id, [valid_index]).pop(0) if positions else valid_index
                if entry.id in first_seen:
                    line = doc.line_of([section, index, "id"])
                    first = doc.line_of([section, first_seen[entry.id], "id"])
                    problems.append(
                        f"{doc.path}:{line}: {KIND[section]} {entry.id!r}: field 'id':"
                        f" duplicate id (first defined at line {first})"
                    )
                    continue
                first_seen[entry.id] = index
                # Reassigning a key keeps its position: a replacement stays in place.
                tables[section][entry.id] = entry
                locator.origins[(section, entry.id)] = Origin(doc, section, index)
                locator.removed.pop((section, entry.id), None)

    for doc, parsed in layers:
        for index, change in enumerate(getattr(parsed, "roadmaps", ())):
            problems += _edit_roadmap(
                tables, change, f"{doc.path}:{doc.line_of(['roadmaps', index])}"
            )

    locator.known = {section: tables[section].keys() for section in SECTIONS}
    problems += invalid_references(invalid, tables, locator)
    failed = frozenset((e.section, str(e.raw.get("id"))) for e in invalid)
    base_version = layers[0][1].version
    version = base_version + ("+local" if overlays else "")
    try:
        roadmaps = RoadmapFile(
            version=version,
            phases=list(tables["phases"].values()),
            roles=list(tables["roles"].values()),
            milestones=list(tables["milestones"].values()),
            questions=list(tables["questions"].values()),
            habits=list(tables["habits"].values()),
        )
        resources = ResourceFile(version=version, resources=list(tables["resources"].values()))
    except ValidationError as exc:
        # A section left empty: by removals (named at the last removal of each), or
        # because none of its entries was valid (already reported).
        if not schema_problems:
            for section in sorted({str(err["loc"][0]) for err in exc.errors()}):
                places = [at for (sec, _), at in locator.removed.items() if sec == section]
                place = places[-1] if places else str(overlays[-1].path)
                problems.append(
                    f"{place}: remove: field {section!r}: removes every {KIND[section]};"
                    f" keep at least one"
                )
        return Merged(None, None, locator, problems, sources, failed)
    return Merged(roadmaps, resources, locator, problems, sources, failed)


def _edit_roadmap(tables: dict[str, dict[str, Any]], change: RoadmapEdit, place: str) -> list[str]:
    """Apply one ``roadmaps:`` entry of an overlay; the problems, each naming ``place``."""
    role = tables["roles"].get(change.role)
    if role is None:
        return [f"{place}: roadmaps: unknown role {change.role!r}"]
    roadmap, core = list(role.roadmap), list(role.core)
    problems = []
    for mid in change.remove:
        if mid not in roadmap:
            problems.append(f"{place}: roadmaps: {mid!r} is not on the {role.id} roadmap")
            continue
        roadmap.remove(mid)
        if mid in core:
            core.remove(mid)
    added = [mid for mid in change.add if mid not in roadmap]
    problems += [
        f"{place}: roadmaps: {mid!r} is already on the {role.id} roadmap"
        for mid in change.add
        if mid in roadmap
    ]
    if change.after is not None and change.after not in roadmap:
        problems.append(f"{place}: roadmaps: after: {change.after!r} is not on the roadmap")
        return problems
    at = roadmap.index(change.after) + 1 if change.after is not None else len(roadmap)
    roadmap[at:at] = added
    for mid in change.core:
        if mid not in roadmap:
            problems.append(f"{place}: roadmaps: core {mid!r} is not on the {role.id} roadmap")
        elif mid not in core:
            core.append(mid)
    tables["roles"][role.id] = role.model_copy(update={"roadmap": roadmap, "core": core})
    return problems


def overlay_documents(directory: Path | None = None) -> list[Document]:
    """Read the user's overlay files (none is fine)."""
    return [read_yaml(path) for path in overlay_paths(directory)]


def read_overlays_collecting(directory: Path | None = None) -> tuple[list[Document], list[str]]:
    """Like :func:`overlay_documents`, but collecting read errors instead of stopping."""
    docs: list[Document] = []
    problems: list[str] = []
    for path in overlay_paths(directory):
        try:
            docs.append(read_yaml(path))
        except DataError as exc:
            problems += exc.problems
    return docs, problems
