"""``mlpath schema``: the JSON Schema of any document a ``--json`` prints."""

from __future__ import annotations

from typing import Annotated

import typer

from mlpath.cli import options


def schema_command(
    document: Annotated[
        str,
        typer.Argument(
            help="Which output: plan, status, plans, roles, phases or resources.",
            metavar="DOCUMENT",
        ),
    ] = "plan",
    lang: options.Lang = None,
) -> None:
    """Print the JSON Schema (2020-12) of a --json output, generated from mlpath's models."""
    from mlpath.cli.context import current
    from mlpath.errors import unknown_choice
    from mlpath.export.json import SCHEMAS, dump_schema

    name = document.strip().lower()
    if name not in SCHEMAS:
        raise unknown_choice("document", document, SCHEMAS)
    current().terminal.result(dump_schema(name))
