"""The ``--habits`` and ``--no-habit`` options of ``mlpath plan``, and checking them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from mlpath.errors import UsageError, unknown_choice

if TYPE_CHECKING:
    from mlpath.catalog import Catalog

HABITS_PANEL = "Habits"

Habits = Annotated[
    str | None,
    typer.Option(
        "--habits",
        help="Recurring work beside the milestones (a blog post a month, a paper a week...):"
        " all (the role's) or none.  [default: all]",
        metavar="all|none",
        rich_help_panel=HABITS_PANEL,
        show_default=False,
    ),
]
NoHabit = Annotated[
    list[str] | None,
    typer.Option(
        "--no-habit",
        help="Leave out one of the role's habits by id (repeat or comma-separate).",
        metavar="ID",
        rich_help_panel=HABITS_PANEL,
        show_default=False,
    ),
]


def parse_habits(
    catalog: Catalog, role: str, habits: str | None, without: list[str] | None
) -> tuple[Literal["all", "none"], list[str]]:
    """``--habits`` as all/none and ``--no-habit`` as habit ids of ``role``."""
    choice = (habits or "all").strip().lower()
    if choice not in ("all", "none"):
        raise UsageError(f"--habits takes all or none, not {habits!r}")
    own = catalog.roles[role].habits
    ids: list[str] = []
    for value in without or []:
        for part in value.split(","):
            hid = part.strip().lower()
            if not hid:
                continue
            if hid not in own:
                raise unknown_choice(f"habit of {role}", part.strip(), own or ["(none)"])
            ids.append(hid)
    if choice == "none" and ids:
        raise UsageError("--habits none leaves out every habit; drop --no-habit")
    return ("none" if choice == "none" else "all"), list(dict.fromkeys(ids))
