"""Reading YAML data files safely, keeping node positions for line numbers.

Only plain YAML values are allowed (safe loading); size, alias expansion and
duplicate keys are checked before anything is built, so a hostile file fails
fast with a DataError naming the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from mlpath.errors import DataError, closest
from mlpath.lazy import lazy_module

if TYPE_CHECKING:
    import yaml

    _Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
else:
    # Imported on first use: a catalogue found in the cache needs no YAML at all.
    yaml = lazy_module("yaml")


def _yaml_loader() -> type[yaml.SafeLoader] | type[yaml.CSafeLoader]:
    """libyaml's loader, much faster, or the pure-Python one when PyYAML lacks it."""
    global _Loader
    if "_Loader" not in globals():
        _Loader = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    return _Loader


def __getattr__(name: str) -> Any:
    if name == "_Loader":  # resolved lazily, like ``yaml`` itself
        return _yaml_loader()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


# Limits that keep hostile files from exhausting memory or time. The shipped
# files are about 0.25 MB and 40,000 nodes; the limits leave ample room, also
# for the benchmark's catalogue at 100x (about 6 MB of resources).
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 1_000_000


def expanded_size(root: yaml.Node, limit: int = MAX_NODES) -> int:
    """Nodes in the tree with every alias expanded; DataError (with a line) past ``limit``.

    A collection that contains itself through an alias is refused outright.

    An alias bomb ("billion laughs") is tiny as a node graph but huge once
    expanded, which is what validation would do; sizes are memoised per node so
    this stays linear in the graph. Iterative: deep files cannot overflow the stack.
    """
    size: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    open_nodes: set[int] = set()
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in size:
            continue
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        if children_done:
            open_nodes.discard(key)
            size[key] = min(limit + 1, 1 + sum(size[id(c)] for c in children))
            if size[key] > limit:
                raise DataError(
                    f"{node.start_mark.line + 1}: too many values once aliases are expanded"
                    f" (over {limit:,}); is this an alias bomb?"
                )
            continue
        if isinstance(node, yaml.MappingNode):
            _refuse_duplicate_keys(node)
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                line = child.start_mark.line + 1
                raise DataError(f"{line}: an alias refers to the collection that holds it")
            if id(child) not in size:
                stack.append((child, False))
    return size[id(root)]


def _refuse_duplicate_keys(node: yaml.MappingNode) -> None:
    # YAML loaders silently keep the last of two equal keys; in a data file that
    # is almost always a mistake (two `hours:` in one milestone).
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
            line = key.start_mark.line + 1
            if key.value in seen:
                raise DataError(
                    f"{line}: key {key.value!r} appears twice in one mapping"
                    f" (first at line {seen[key.value]})"
                )
            seen[key.value] = line


def _read_bytes(path: Path) -> bytes:
    from mlpath.files import NotRegularFileError, TooLargeError, read_regular

    try:
        return read_regular(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise DataError(f"{path}: is a directory, expected a YAML file") from None
    except TooLargeError as exc:
        reason = str(exc.strerror).replace("too large", "too large for a data file")
        raise DataError(f"{path}: {reason}") from None
    except NotRegularFileError as exc:
        raise DataError(f"{path}: {exc.strerror}, expected a YAML file") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_yaml(path: Path) -> Document:
    """Parse one YAML file safely; any failure becomes a DataError naming the file and line."""
    raw = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(f"{path}:{line}: not UTF-8 text (byte {exc.start})") from None
    loader = None
    try:
        loader = _yaml_loader()(text)  # the pure-Python reader checks characters here
        # The same two steps as yaml.load, but keeping the node tree for line numbers,
        # and refusing alias bombs before anything is built from the tree.
        node = loader.get_single_node()
        if node is not None:
            expanded_size(node)
        data = _construct(loader, node)
    except DataError as exc:
        message = str(exc)
        raise DataError(message if message.startswith(str(path)) else f"{path}:{message}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "?"
        raise DataError(f"{path}:{where}: YAML error: {_yaml_problem(exc)}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise DataError(
            f"{path}:{line}: YAML error: {exc.reason} (character #x{exc.character:04x})"
        ) from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}:1: YAML error: {exc}") from None
    except RecursionError:
        raise DataError(f"{path}:1: YAML error: nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(path, data, node)


def _construct(loader: yaml.SafeLoader | yaml.CSafeLoader, node: yaml.Node | None) -> Any:
    """The values of the tree; a value that cannot be built (2027-02-30) names its line."""
    if node is None:
        return None
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, OverflowError) as exc:
        # The safe constructor raises these, without a position, for values such as dates.
        line = _first_bad_scalar(loader, node)
        raise DataError(f"{line}: YAML error: cannot read a value: {exc}") from None


def _first_bad_scalar(loader: yaml.SafeLoader | yaml.CSafeLoader, root: yaml.Node) -> int:
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            build = loader.yaml_constructors.get(node.tag)
            try:
                if build is not None:
                    build(loader, node)
            except (ValueError, TypeError, OverflowError):
                return int(node.start_mark.line) + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
    return int(root.start_mark.line) + 1


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "invalid YAML"
    if "could not determine a constructor for the tag" in problem:
        tag = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return f"tag {tag!r} is not allowed; data files hold plain YAML values only"
    return problem


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


def _field_names() -> list[str]:
    """Every field name of the data models, for "did you mean" on an unknown one."""
    from mlpath.models import Model

    names: set[str] = set()
    pending: list[type[Model]] = [Model]
    while pending:
        cls = pending.pop()
        names.update(cls.model_fields)
        pending += cls.__subclasses__()
    return sorted(names)


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
            guesses = closest(str(rest[-1]) if rest else "", _field_names(), n=1, cutoff=0.75)
            if guesses:
                message += f"; did you mean {guesses[0]!r}?"
        elif err["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{place}: {entry}: field {fieldname!r}: {message}")
    return problems
