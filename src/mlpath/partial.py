"""Every problem at once: what can still be checked in a data file that is not valid.

A file with one bad entry still has good ones; validating those on their own
and checking the references of the bad ones (their ids, phases, prerequisites)
means one ``mlpath validate`` run reports the schema problems and the
cross-reference problems together, instead of one layer at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from mlpath.locator import KIND, Locator
from mlpath.models import Milestone, Model, Phase, Question, Resource, Role
from mlpath.yamlfile import Document

ENTRY_MODELS: dict[str, type[Model]] = {
    "phases": Phase,
    "roles": Role,
    "milestones": Milestone,
    "resources": Resource,
    "questions": Question,
}


@dataclass
class Invalid:
    """An entry that failed validation: kept raw, so its references can still be checked."""

    doc: Document
    section: str
    index: int
    raw: dict[str, Any]


def valid_part(doc: Document, model: type[Model], invalid: list[Invalid]) -> Any:
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        raw = doc.data.get(name)
        if name in ENTRY_MODELS:
            good = []
            for index, entry in enumerate(raw if isinstance(raw, list) else []):
                try:
                    good.append(ENTRY_MODELS[name].model_validate(entry))
                except (ValidationError, RecursionError):
                    if isinstance(entry, dict):
                        invalid.append(Invalid(doc, name, index, entry))
            values[name] = good
            continue
        try:
            values[name] = TypeAdapter(info.annotation or Any).validate_python(raw)
        except (ValidationError, RecursionError):
            required = info.is_required()
            values[name] = "?" if required else info.get_default(call_default_factory=True)
    return model.model_construct(**values)


# The fields of an entry that name other entries: (field, section named).
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "milestones": (
        ("phase", "phases"),
        ("prerequisites", "milestones"),
        ("resources", "resources"),
    ),
    "roles": (("roadmap", "milestones"), ("core", "milestones")),
    "resources": (("phases", "phases"),),
    "phases": (),
    "questions": (("milestones", "milestones"), ("roles", "roles")),
}


def invalid_references(
    entries: Sequence[Invalid], tables: dict[str, dict[str, Any]], locator: Locator
) -> list[str]:
    """Dangling references of entries that failed validation for another reason."""
    pending = {(e.section, str(e.raw.get("id"))) for e in entries}
    problems = []
    for e in entries:
        label = f"{KIND[e.section]} {e.raw.get('id')!r}"
        for fieldname, target in REFERENCES[e.section]:
            value = e.raw.get(fieldname)
            items: list[tuple[int | None, object]] = (
                [(None, value)]
                if isinstance(value, str)
                else list(enumerate(value))
                if isinstance(value, list)
                else []
            )
            for i, ref in items:
                if isinstance(ref, str) and ref not in tables[target]:
                    if (target, ref) in pending:
                        continue
                    loc: list[str | int] = [e.section, e.index, fieldname]
                    line = e.doc.line_of([*loc, i] if i is not None else loc)
                    problems.append(
                        f"{e.doc.path}:{line}: {label}: field {fieldname!r}:"
                        f" {locator.unknown(target, ref)}"
                    )
    return problems
