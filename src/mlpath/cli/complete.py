"""Values for shell completion (bash, zsh, fish): roles, levels, phases, plan names, ids.

Each function imports what it needs only when the shell asks, so the command
modules that name them stay light. Completion never fails loudly: a broken
data file or state file completes nothing rather than printing an error into
the user's prompt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

import typer


def _matching(values: Iterable[str], incomplete: str) -> list[str]:
    start = incomplete.lower()
    return [v for v in values if v.lower().startswith(start)]


def _catalog(ctx: typer.Context | None = None) -> object | None:
    from mlpath.catalog import load_catalog

    data_dir = ctx.params.get("data_dir") if ctx is not None else None
    with contextlib.suppress(Exception):
        return load_catalog(data_dir)
    return None


def targets(ctx: typer.Context, incomplete: str) -> list[str]:
    catalog = _catalog(ctx)
    return _matching(getattr(catalog, "roles", {}), incomplete)


def levels(incomplete: str) -> list[str]:
    from mlpath.cli.parsing import LEVELS

    return _matching(LEVELS, incomplete)


def languages(incomplete: str) -> list[str]:
    from mlpath.cli.parsing import LANGS

    return _matching(LANGS, incomplete)


def focuses(incomplete: str) -> list[str]:
    from mlpath.models import FOCUSES

    return _matching(FOCUSES, incomplete)


def kinds(incomplete: str) -> list[str]:
    from mlpath.models import RESOURCE_KINDS

    return _matching(RESOURCE_KINDS, incomplete)


def formats(incomplete: str) -> list[str]:
    from mlpath.export import FORMATS

    return _matching(FORMATS, incomplete)


def phases(ctx: typer.Context, incomplete: str) -> list[str]:
    catalog = _catalog(ctx)
    return _matching(getattr(catalog, "phases", {}), incomplete)


def milestone_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    catalog = _catalog(ctx)
    return _matching(getattr(catalog, "milestones", {}), incomplete)


def skips(ctx: typer.Context, incomplete: str) -> list[str]:
    """Milestone and phase ids; only the chosen role's when --target came first."""
    catalog = _catalog(ctx)
    if catalog is None:
        return []
    from mlpath.catalog import Catalog

    assert isinstance(catalog, Catalog)
    role = catalog.role(ctx.params.get("target") or "")
    milestones = role.roadmap if role is not None else list(catalog.milestones)
    done, _, current = incomplete.rpartition(",")  # comma-separated lists complete the last id
    prefix = f"{done}," if done else ""
    return [prefix + v for v in _matching([*catalog.phases, *milestones], current)]


def _state() -> object | None:
    from mlpath.progress import load_state

    with contextlib.suppress(Exception):
        return load_state()
    return None


def plan_names(incomplete: str) -> list[str]:
    state = _state()
    return _matching(getattr(state, "plans", {}), incomplete)


def plan_milestones(ctx: typer.Context, incomplete: str) -> list[str]:
    """Ids of the saved plan: open ones for done and skip, marked ones for undo; habits too."""
    from mlpath.state import State

    state = _state()
    if not isinstance(state, State):
        return []
    name = ctx.params.get("name") or state.active
    saved = state.plans.get(name) if name else None
    if saved is None:
        return []
    want_marked = ctx.info_name == "undo"
    ids = [
        item.milestone.id
        for item in saved.plan.items
        if (item.milestone.id in saved.marks) == want_marked
    ]
    # Habits are counted with done and uncounted with undo; they are never skipped.
    if ctx.info_name == "done":
        ids += [h.habit.id for h in saved.plan.habits]
    elif want_marked:
        ids += [hid for hid, days in saved.habit_log.items() if days]
    return _matching(ids, incomplete)
