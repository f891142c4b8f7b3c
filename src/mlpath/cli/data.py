"""``mlpath validate`` and ``mlpath init-data``: bring your own roadmap, safely."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpath.cli import options
from mlpath.cli.context import current


def printable(text: str) -> str:
    """A line safe for any terminal: control characters from data are shown, not obeyed."""
    from mlpath.textsafe import escaped

    return escaped(text)


def validate_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Data files or directories to check (default: the data mlpath uses now,"
            " overlays included).",
            show_default=False,
        ),
    ] = None,
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    check_links: Annotated[
        bool,
        typer.Option(
            "--check-links", help="Also ask every URL whether it still answers (needs a network)."
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Seconds to wait for each URL.", metavar="SECONDS", min=1),
    ] = 10.0,
    jobs: Annotated[
        int,
        typer.Option("--jobs", help="URLs to check at once.", metavar="N", min=1, max=32),
    ] = 8,
    lang: options.Lang = None,
) -> None:
    """Check data files and list every problem with its file, line, entry and field.

    Exit status 0 when the data is clean, 2 when there is any problem; with
    --check-links, 1 when the data is clean but a link is dead or moved.
    """
    from mlpath.validate import validate_active, validate_paths

    report = (
        validate_paths([_path(p, "PATH") for p in paths], data_dir)
        if paths
        else validate_active(data_dir, overlays=current().overlays)
    )
    terminal = current().terminal
    for problem in report.problems:
        terminal.result(printable(problem))
    for warning in report.warnings:
        terminal.result(printable(f"warning: {warning}"))
    terminal.result(printable(report.summary()))
    if not report.ok:
        raise typer.Exit(2)
    if check_links:
        from mlpath.cli.linkcheck import check

        if not check(current(), report.catalogs, timeout, jobs):
            raise typer.Exit(1)


def init_data_command(
    directory: Annotated[
        str, typer.Argument(help="Directory to create the starter files in.", show_default=False)
    ],
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    lang: options.Lang = None,
) -> None:
    """Write a commented starter roadmaps.yaml and resources.yaml to edit.

    Check your edits with `mlpath validate DIR`; plan with `mlpath plan --data-dir DIR`.
    """
    from mlpath.validate import init_data

    terminal = current().terminal
    for path in init_data(_path(directory, "DIR"), force=force):
        terminal.info(f"wrote {path}")
    terminal.info(f"next: mlpath validate {directory}")


def _path(value: str, what: str) -> Path:
    # typer would turn "" into ".", quietly meaning the current directory.
    from mlpath.dirs import check_name_length
    from mlpath.errors import UsageError

    if not value.strip():
        raise UsageError(f"{what} is empty; give a file or directory name")
    return check_name_length(Path(value), value)
