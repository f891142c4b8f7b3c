"""The shape of the code: imports point one way, the core never talks, no module is too big.

Function-level imports count too: they hide a dependency from a quick read,
not from the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "mlpath"

# The core: pure facts. No terminal, no typer, no printing, no state-file I/O.
CORE = {
    "mlpath.models",
    "mlpath.planner",
    "mlpath.tracking",
    "mlpath.replanning",
    "mlpath.state",
    "mlpath.view",
    "mlpath.dates",
    "mlpath.textsafe",
    "mlpath.query",
    "mlpath.words",
    "mlpath.placement",
    "mlpath.pathgraph",
    "mlpath.ranking",
    "mlpath.entrymodels",
    "mlpath.graph",
    "mlpath.skills",
    "mlpath.modelbase",
    "mlpath.habits",
    "mlpath.checkpoints",
    "mlpath.habit_view",
}
IO_MODULES = {"mlpath.progress", "mlpath.files", "mlpath.cache"}
VIEW_LAYERS = ("mlpath.cli", "mlpath.render")
MAX_LINES = 300


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        name = _module_name(path)
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                deps.add(node.module)
                deps.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[name] = deps
    known = set(graph)
    return {name: {d for d in deps if d in known and d != name} for name, deps in graph.items()}


def _runtime_graph() -> dict[str, set[str]]:
    """Like :func:`_graph`, without imports made only for type checking."""
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                skip.update(id(child) for child in ast.walk(node))
        deps: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                deps.add(node.module)
                deps.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                deps.update(alias.name for alias in node.names)
        graph[_module_name(path)] = deps
    known = set(graph)
    return {name: {d for d in deps if d in known and d != name} for name, deps in graph.items()}


def test_no_import_cycles() -> None:
    graph = _runtime_graph()
    # A package's __init__ is imported by its submodules implicitly; count only real edges.
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycle = [*path[path.index(dep) :], dep]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("module", sorted(CORE))
def test_core_modules_import_no_view_and_no_io(module: str) -> None:
    deps = _graph()[module]
    path = SRC.parent.joinpath(*module.split(".")).with_suffix(".py")
    text = path.read_text(encoding="utf-8")
    assert not any(d.startswith(VIEW_LAYERS) for d in deps), deps
    assert not deps & IO_MODULES, deps
    assert "import typer" not in text and "from typer" not in text
    assert "import rich" not in text and "from rich" not in text
    assert "print(" not in text


def test_exporters_do_not_import_the_terminal_layer() -> None:
    graph = _graph()
    for name, deps in graph.items():
        if name.startswith("mlpath.export"):
            assert not any(d.startswith(VIEW_LAYERS) for d in deps), (name, deps)


def test_only_the_compat_module_touches_typer_internals() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "compat.py":
            continue
        text = path.read_text(encoding="utf-8")
        for internal in ("typer._click", "typer.main", "typer.models", "typer.core"):
            assert internal not in text, (path.name, internal)


def test_no_module_is_over_the_limit() -> None:
    long = {
        str(path.relative_to(SRC)): n
        for path in SRC.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long
