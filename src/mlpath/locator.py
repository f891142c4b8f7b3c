"""Where each data entry came from (file and index), to name the file and line of a problem."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from mlpath.errors import closest
from mlpath.yamlfile import Document

KIND = {
    "phases": "phase",
    "roles": "role",
    "milestones": "milestone",
    "questions": "question",
    "habits": "habit",
    "resources": "resource",
}


# --- where entries came from ---------------------------------------------------


@dataclass
class Origin:
    doc: Document
    section: str
    index: int


@dataclass
class Locator:
    """Finds the file and line of an entry (or one of its fields) by section and id."""

    default_paths: dict[str, Path]
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    removed: dict[tuple[str, str], str] = field(default_factory=dict)
    known: dict[str, Collection[str]] = field(default_factory=dict)  # ids, for suggestions

    @classmethod
    def for_files(cls, roadmaps: Path, resources: Path) -> Locator:
        """A locator that knows only the base pair: resources in one file, the rest in the other."""
        return cls({s: resources if s == "resources" else roadmaps for s in KIND})

    def at(self, section: str, entry_id: str, *loc: str | int) -> str:
        """``file:line: milestone 'id'``, the line being that of ``loc`` inside the entry."""
        label = f"{KIND[section]} {entry_id!r}"
        origin = self.origins.get((section, entry_id))
        if origin is None:
            return f"{self.default_paths[section]}: {label}"
        line = origin.doc.line_of([section, origin.index, *loc])
        return f"{origin.doc.path}:{line}: {label}" if line else f"{origin.doc.path}: {label}"

    def unknown(self, section: str, entry_id: str) -> str:
        """``unknown milestone 'x'``, plus where an overlay removed it or the closest id."""
        message = f"unknown {KIND[section]} {entry_id!r}"
        removed_at = self.removed.get((section, entry_id))
        if removed_at:
            return f"{message} (removed at {removed_at})"
        guesses = closest(entry_id, self.known.get(section, ()), n=1, cutoff=0.75)
        return f"{message}; did you mean {guesses[0]!r}?" if guesses else message
