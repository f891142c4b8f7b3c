"""Generate a catalogue N times the shipped one, for scale benchmarks and tests.

Copy 0 is the shipped data unchanged, so ``plan --target mle`` on the big
catalogue selects the same milestones as on the shipped one while the loader
and the resource ranker face N times as many milestones and resources.
Copies 1..N-1 get an ``-xK`` suffix on every id and on every reference
(prerequisites, curated resources) inside the same copy, so the result
validates; their prose is cut to a few words so each file stays under the
loader's size limit (every entry keeps all its fields, so the number of
objects to parse, validate and cache is the full N times). One extra role,
``marathon``, has a roadmap through every milestone of every copy.

Usage: python bench/gen_catalog.py DEST_DIR [--factor N]
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data"
ROADMAPS, RESOURCES = "roadmaps.yaml", "resources.yaml"

try:
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def _suffix(ident: str, k: int) -> str:
    return ident if k == 0 else f"{ident}-x{k}"


# Prose in the copies is cut to this many characters; ids, references, URLs and
# enumerations (kind, level, language...) are kept whole.
SHORT_TEXT = 8
PROSE = frozenset({"title", "outcome", "topics", "deliverable", "provider", "summary", "length"})


def _shorten(field: str, value: Any) -> Any:
    if field not in PROSE:
        return copy.deepcopy(value)
    if isinstance(value, str):
        return value[:SHORT_TEXT]
    if isinstance(value, list):
        return [_shorten(field, v) for v in value]
    if isinstance(value, dict):  # a text with translations: {en: ..., ja: ...}
        return {k: _shorten(field, v) for k, v in value.items()}
    return value


def _copy(entry: dict[str, Any], k: int, refs: tuple[str, ...]) -> dict[str, Any]:
    """Copy ``k`` of an entry: shortened prose, suffixed id and references."""
    if k == 0:
        return copy.deepcopy(entry)
    out = {key: _shorten(key, value) for key, value in entry.items()}
    out["id"] = _suffix(entry["id"], k)
    for field in refs:
        if field in entry:
            out[field] = [_suffix(ref, k) for ref in entry[field]]
    return out


def scale(roadmaps: dict[str, Any], resources: dict[str, Any], factor: int) -> tuple[Any, Any]:
    """The two documents with milestones and resources repeated ``factor`` times."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    milestones = [
        _copy(m, k, ("prerequisites", "resources"))
        for k in range(factor)
        for m in roadmaps["milestones"]
    ]
    items = [_copy(r, k, ()) for k in range(factor) for r in resources["resources"]]
    marathon = copy.deepcopy(roadmaps["roles"][0])
    marathon.update(
        id="marathon",
        aliases=[],
        title="Every milestone of every copy",
        roadmap=[m["id"] for m in milestones],
        core=[milestones[-1]["id"]],
    )
    marathon.pop("default_focus", None)  # no focus: keep every specialisation's milestones
    big_roadmaps = {**roadmaps, "roles": [*roadmaps["roles"], marathon], "milestones": milestones}
    big_resources = {**resources, "resources": items}
    return big_roadmaps, big_resources


def _dump(doc: dict[str, Any]) -> str:
    """YAML with one flow-style line per entry: compact, and still what a person could write."""
    lines = []
    for key, value in doc.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            for entry in value:
                flow = yaml.dump(
                    entry,
                    Dumper=_Dumper,
                    allow_unicode=True,
                    sort_keys=False,
                    default_flow_style=True,
                    width=1_000_000,
                )
                lines.append(f"  - {flow.strip()}")
        else:
            lines.append(yaml.dump({key: value}, Dumper=_Dumper, allow_unicode=True).strip())
    return "\n".join(lines) + "\n"


def generate(dest: Path, factor: int = 100, source: Path = SHIPPED) -> Path:
    """Write the scaled ``roadmaps.yaml`` and ``resources.yaml`` into ``dest``; returns it."""
    roadmaps, resources = scale(_load(source / ROADMAPS), _load(source / RESOURCES), factor)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / ROADMAPS).write_text(_dump(roadmaps), encoding="utf-8")
    (dest / RESOURCES).write_text(_dump(resources), encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args(argv)
    generate(args.dest, args.factor)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
