"""Check data files without using them: every problem, each with its file and line.

``mlpath validate`` is a thin wrapper over :func:`validate_paths` and
:func:`validate_active`; ``mlpath init-data`` over :func:`init_data`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mlpath.catalog import (
    RESOURCES_FILE,
    ROADMAPS_FILE,
    Catalog,
    resolve_data_dir,
    shipped_data_dir,
    translation_paths,
    validate_documents,
)
from mlpath.dirs import overlay_paths
from mlpath.errors import DataError, OutputError
from mlpath.yamlfile import Document, read_yaml

TEMPLATES = Path(__file__).parent / "templates"

# Rules only the data shipped with mlpath must follow: custom data may leave
# them out (placement then asks by title and outcome). Add a rule here to turn
# it on for the shipped files and nothing else.
SHIPPED_RULES: tuple[str, ...] = ("checks",)


@dataclass
class Report:
    """What one ``validate`` run found."""

    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    catalogs: list[Catalog] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        """Entries that are valid but reach no learner: worth a look, not an error."""
        found: list[str] = []
        for catalog in self.catalogs:
            found += [w for w in unused(catalog) if w not in found]
        return found

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        names = ", ".join(str(p) for p in self.files)
        if self.ok:
            counts = "; ".join(
                ", ".join(
                    _count(len(items), noun)
                    for items, noun in (
                        (c.phases, "phase"),
                        (c.roles, "role"),
                        (c.milestones, "milestone"),
                        (c.resources, "resource"),
                    )
                )
                for c in self.catalogs
            )
            return f"ok: {names} ({counts})"
        where = f" in {names}" if names else ""
        return f"{_count(len(self.problems), 'problem')}{where}"


def unused(catalog: Catalog) -> list[str]:
    """Milestones no role's roadmap uses; resources no milestone can show."""
    on_roadmaps = {mid for role in catalog.roles.values() for mid in role.roadmap}
    curated = {rid for m in catalog.milestones.values() for rid in m.resources}
    planned_phases = {catalog.milestones[mid].phase for mid in on_roadmaps}
    out = [
        f"milestone {mid!r} is on no role's roadmap, so no plan shows it"
        for mid in catalog.milestones
        if mid not in on_roadmaps
    ]
    out += [
        f"resource {rid!r} is named by no milestone and serves no phase on a roadmap,"
        " so no plan shows it"
        for rid, r in catalog.resources.items()
        if rid not in curated and not planned_phases.intersection(r.phases)
    ]
    return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _read(path: Path, report: Report) -> Document | None:
    if path not in report.files:
        report.files.append(path)
    try:
        return read_yaml(path)
    except DataError as exc:
        report.problems += [p for p in exc.problems if p not in report.problems]
        return None


def _check(
    report: Report,
    roadmaps: Path,
    resources: Path,
    overlays: Sequence[Path],
    translations: Sequence[Path] = (),
) -> None:
    docs = [_read(path, report) for path in (roadmaps, resources, *translations, *overlays)]
    if any(doc is None for doc in docs):
        return
    roadmap_doc, resource_doc, *rest = [doc for doc in docs if doc is not None]
    translation_docs, overlay_docs = rest[: len(translations)], rest[len(translations) :]
    try:
        catalog = validate_documents(roadmap_doc, resource_doc, overlay_docs, translation_docs)
    except DataError as exc:
        report.problems += [p for p in exc.problems if p not in report.problems]
        return
    if _is_shipped(roadmaps):
        report.problems += shipped_problems(roadmap_doc, SHIPPED_RULES)
    report.catalogs.append(catalog)


def _is_shipped(path: Path) -> bool:
    try:
        return path.resolve() == (shipped_data_dir() / ROADMAPS_FILE).resolve()
    except OSError:
        return False


def shipped_problems(doc: Document, rules: Sequence[str]) -> list[str]:
    """What the shipped roadmaps file lacks under ``rules`` (each problem with file and line)."""
    problems: list[str] = []
    if "checks" in rules and isinstance(doc.data, dict):
        for index, entry in enumerate(doc.data.get("milestones") or []):
            if isinstance(entry, dict) and not entry.get("checks"):
                line = doc.line_of(["milestones", index, "id"])
                place = f"{doc.path}:{line}" if line else str(doc.path)
                problems.append(
                    f"{place}: milestone {entry.get('id')!r}: field 'checks': shipped milestones"
                    " need one to three can-do statements for placement"
                )
    return problems


def validate_active(data_dir: Path | None = None, *, overlays: bool | None = None) -> Report:
    """The data mlpath would use now: the shipped or ``--data-dir`` pair, and the user's
    overlays where they apply (see :func:`mlpath.catalog.load_catalog`)."""
    report = Report()
    directory = resolve_data_dir(data_dir)
    if not directory.is_dir():
        report.problems.append(f"{directory}: data directory not found")
        return report
    _check(
        report,
        directory / ROADMAPS_FILE,
        directory / RESOURCES_FILE,
        overlay_paths() if (overlays if overlays is not None else data_dir is None) else (),
        translation_paths(directory),
    )
    return report


def _is_resources(path: Path) -> bool:
    """Whether a file holds resources (by name, else by its top-level keys)."""
    if path.name in (ROADMAPS_FILE, RESOURCES_FILE):
        return path.name == RESOURCES_FILE
    try:
        data = read_yaml(path).data
    except DataError:
        return False
    return isinstance(data, dict) and "resources" in data and "milestones" not in data


def validate_paths(paths: Sequence[Path], data_dir: Path | None = None) -> Report:
    """Validate files or directories.

    A directory must hold both files. A single file is checked together with its
    partner: the other file in the same directory if there is one, else the
    active data's. An overlay file in the user data directory is checked as an
    overlay, on top of the active data.
    """
    report = Report()
    active_overlays = {p.resolve() for p in overlay_paths()}
    pairs: list[tuple[Path, Path]] = []
    check_active = False
    for path in paths:
        if path.is_dir():
            pair = (path / ROADMAPS_FILE, path / RESOURCES_FILE)
        elif path.exists() and path.resolve() in active_overlays:
            check_active = True
            continue
        elif not path.exists():
            report.problems.append(f"{path}: file not found")
            continue
        else:
            active = resolve_data_dir(data_dir)
            if _is_resources(path):
                sibling = path.parent / ROADMAPS_FILE
                pair = (sibling if sibling.is_file() else active / ROADMAPS_FILE, path)
            else:
                sibling = path.parent / RESOURCES_FILE
                pair = (path, sibling if sibling.is_file() else active / RESOURCES_FILE)
        if pair not in pairs:
            pairs.append(pair)
    for roadmaps, resources in pairs:
        # Translations belong to a pair that lives together in one directory.
        together = roadmaps.parent == resources.parent
        _check(
            report, roadmaps, resources, (), translation_paths(roadmaps.parent) if together else ()
        )
    if check_active:
        active_report = validate_active(data_dir)
        report.files += [p for p in active_report.files if p not in report.files]
        report.problems += active_report.problems
        report.catalogs += active_report.catalogs
    return report


def init_data(directory: Path, *, force: bool) -> list[Path]:
    """Write the commented starter pair into ``directory``; never half of it."""
    from mlpath.files import write_output

    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: exists and is not a directory")
    targets = [directory / ROADMAPS_FILE, directory / RESOURCES_FILE]
    # Check both before writing either, so a refusal leaves nothing behind.
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise OutputError(f"{', '.join(existing)}: already exists; use --force to overwrite")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{directory}: cannot create: {exc.strerror or exc}") from None
    for target in targets:
        text = (TEMPLATES / target.name).read_text(encoding="utf-8")
        write_output(target, text, force=True)
    return targets
