"""Option declarations shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import mlpath.cli.complete as complete  # the module, not the package: no import cycle

DATA_PANEL = "Data"


def _data_dir(value: Path | None) -> Path | None:
    from mlpath.dirs import check_name_length

    return None if value is None else check_name_length(value, f"--data-dir {value}")


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="MLPATH_DATA_DIR",
        callback=_data_dir,
        help="Directory holding roadmaps.yaml and resources.yaml (default: the shipped data).",
        rich_help_panel=DATA_PANEL,
        show_default=False,
    ),
]


def _overlays(value: bool | None) -> bool | None:
    if value is not None:
        from mlpath.cli.context import current

        current().overlays = value
    return value


Overlays = Annotated[
    bool | None,
    typer.Option(
        "--overlays/--no-overlays",
        help="Lay your overlay files over the data (default: only over the shipped data,"
        " not over a --data-dir).",
        rich_help_panel=DATA_PANEL,
        show_default=False,
        callback=_overlays,
    ),
]
Target = Annotated[
    str | None,
    typer.Option(
        "--target",
        "-t",
        help="Role to aim for: ds, mle, researcher or kd.",
        show_default=False,
        autocompletion=complete.targets,
    ),
]
Level = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        help="Your current level: beginner, intermediate or advanced.",
        show_default=False,
        autocompletion=complete.levels,
    ),
]
Focus = Annotated[
    str | None,
    typer.Option(
        "--focus",
        "-f",
        help="Specialisation: nlp, cv, rl or compression (default: the role's).",
        show_default=False,
        autocompletion=complete.focuses,
    ),
]


def _use_language(value: str | None) -> str | None:
    """``--lang`` sets the language of everything mlpath prints, before anything prints."""
    if value is not None:
        from mlpath.cli.context import current
        from mlpath.cli.parsing import parse_lang

        chosen = parse_lang(value)
        if chosen is not None:
            current().lang = chosen
        return chosen
    return value


Lang = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of the output and of the resources shown first: en or ja"
        " (default: $MLPATH_LANG, else the locale).",
        show_default=False,
        is_eager=True,
        callback=_use_language,
        autocompletion=complete.languages,
    ),
]
Free = Annotated[bool, typer.Option("--free", help="Only free resources (free or free to audit).")]
Json = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
