"""``mlpath schema``: the JSON Schema of ``mlpath plan --json``."""

from __future__ import annotations


def schema_command() -> None:
    """Print the JSON Schema (2020-12) of the plan JSON, generated from mlpath's models."""
    import sys

    from mlpath.export.json import dump_schema

    sys.stdout.write(dump_schema())
