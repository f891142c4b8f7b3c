"""Translations of data files, kept beside them: ``ja/roadmaps.yaml`` and ``ja/resources.yaml``.

A translation file gives, entry by entry (by id), the text of each field in
another language; lists (topics, routes, ladder steps, checks, choices) in the
same order and number as the English. Translations are laid into the raw data
before validation, so a plain English string becomes ``{en: ..., ja: ...}``
and everything downstream sees ordinary :class:`mlpath.models.Text` values.
Keeping the Japanese apart lets the English files stay readable and lets a
translator work on one file; a text given inline (``{en:, ja:}``) in a data
file wins over the translation file.

Every problem names the translation file, the line, the entry and the field.
Pure: the caller reads the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mlpath.yamlfile import Document

# Per section, the fields a translation may give: "text" for one Text, "list" for a
# list of Text, or a nested spec for lists of records (skills, salaries) and the quiz.
Spec = dict[str, Any]
ROADMAP_FIELDS: dict[str, Spec] = {
    "phases": {"title": "text", "summary": "text"},
    "roles": {
        "title": "text",
        "summary": "text",
        "routes": "list",
        "ladder": "list",
        "skills": [{"category": "text", "items": "list"}],
        "salaries": [{"setting": "text"}],
    },
    "milestones": {
        "title": "text",
        "outcome": "text",
        "topics": "list",
        "deliverable": "text",
        "checks": "list",
        "quiz": {"question": "text", "choices": "list"},
    },
    "questions": {"question": "text", "answer_points": "list"},
    "habits": {"title": "text", "outcome": "text"},
}
RESOURCE_FIELDS: dict[str, Spec] = {"resources": {"title": "text", "summary": "text"}}


class _Apply:
    def __init__(self, doc: Document, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.problems: list[str] = []

    def problem(self, loc: Sequence[str | int], label: str, message: str) -> None:
        line = self.doc.line_of(list(loc))
        where = f"{self.doc.path}:{line}" if line else str(self.doc.path)
        self.problems.append(f"{where}: {label}: {message}")

    def text(self, base: Any, given: Any, loc: list[str | int], label: str) -> Any:
        if not isinstance(given, str) or not given.strip():
            self.problem(loc, label, "expected a non-empty text")
            return base
        if isinstance(base, str):
            return {"en": base, self.lang: given}
        if isinstance(base, dict):
            return base if base.get(self.lang) else {**base, self.lang: given}
        self.problem(loc, label, "the entry has no such text to translate")
        return base

    def value(self, spec: Any, base: Any, given: Any, loc: list[str | int], label: str) -> Any:
        if spec == "text":
            return self.text(base, given, loc, label)
        if spec == "list" or isinstance(spec, list):
            if not isinstance(given, list) or not isinstance(base, list):
                self.problem(loc, label, "expected a list")
                return base
            if len(given) != len(base):
                self.problem(
                    loc, label, f"expected {len(base)} items as in the original, got {len(given)}"
                )
                return base
            inner = "text" if spec == "list" else spec[0]
            return [
                self.value(inner, b, g, [*loc, i], label)
                for i, (b, g) in enumerate(zip(base, given, strict=True))
            ]
        # A record: translate the fields it names.
        if not isinstance(given, dict) or not isinstance(base, dict):
            self.problem(loc, label, "expected a mapping")
            return base
        out = dict(base)
        for key, sub in given.items():
            if key not in spec:
                self.problem([*loc, key], label, f"field {key!r} cannot be translated")
            elif key not in base:
                self.problem([*loc, key], label, f"field {key!r}: the original has none")
            else:
                inner = f"{label}.{key}" if "field" in label else f"{label}: field {key!r}"
                out[key] = self.value(spec[key], base[key], sub, [*loc, key], inner)
        return out


def apply(base: Any, doc: Document, fields: dict[str, Spec], lang: str = "ja") -> list[str]:
    """Lay the translations of ``doc`` into ``base`` (a data file's raw data), in place."""
    run = _Apply(doc, lang)
    data = doc.data
    if data is None:
        return []
    if not isinstance(data, dict):
        return [f"{doc.path}: expected a mapping of sections at the top level"]
    if not isinstance(base, dict):
        return []  # the data file itself is broken; its own validation says how
    for section, entries in data.items():
        if section not in fields:
            run.problem([section], f"section {section!r}", "not a translatable section")
            continue
        if not isinstance(entries, dict):
            run.problem([section], f"section {section!r}", "expected a mapping of id to texts")
            continue
        originals = {
            e.get("id"): i for i, e in enumerate(base.get(section) or []) if isinstance(e, dict)
        }
        kind = section.rstrip("s")
        for entry_id, texts in entries.items():
            label = f"{kind} {entry_id!r}"
            if entry_id not in originals:
                run.problem([section, entry_id], label, "no such entry in the data file")
                continue
            index = originals[entry_id]
            base[section][index] = run.value(
                fields[section], base[section][index], texts, [section, entry_id], label
            )
    return run.problems
