"""``mlpath data show ID``: any entry of the data as YAML, to start an overlay from."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from mlpath.cli import options
from mlpath.cli.context import current

SECTIONS = ("phases", "roles", "milestones", "resources")


def _plain(value: Any) -> Any:
    """Model data as a person writes YAML: an English-only text as a plain string."""
    if isinstance(value, dict):
        if set(value) == {"en", "ja"} and value["ja"] is None:
            return value["en"]
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def data_command(
    action: Annotated[str, typer.Argument(help="What to do: show.", metavar="ACTION")],
    entry_id: Annotated[
        str, typer.Argument(help="A phase, role, milestone or resource id.", metavar="ID")
    ],
    data_dir: options.DataDir = None,
    overlays: options.Overlays = None,
    lang: options.Lang = None,
) -> None:
    """Print a data entry as YAML, ready to paste into an overlay file and edit."""
    import yaml

    from mlpath.cli import parsing
    from mlpath.errors import UsageError, closest

    if parsing.normalize(action) != "show":
        raise UsageError(f"unknown action {action!r}; use `mlpath data show ID`")
    app = current()
    # The entry as shipped (or in --data-dir): a broken overlay must not stop the
    # command that helps fix it. --overlays shows the overlaid entry.
    from mlpath.catalog import load_catalog

    catalog = load_catalog(data_dir, overlays=bool(app.overlays))
    wanted = parsing.normalize(entry_id)
    tables: dict[str, dict[str, Any]] = {
        "phases": catalog.phases,
        "roles": catalog.roles,
        "milestones": catalog.milestones,
        "resources": catalog.resources,
    }
    for section in SECTIONS:
        entry = tables[section].get(wanted)
        if entry is not None:
            data = _plain(entry.model_dump(mode="json", exclude_defaults=True))
            text = yaml.safe_dump({section: [data]}, sort_keys=False, allow_unicode=True, width=88)
            app.terminal.result(text)
            return
    every = [key for table in tables.values() for key in table]
    guesses = closest(wanted, every)
    hint = f"; did you mean {' or '.join(map(repr, guesses))}?" if guesses else ""
    raise UsageError(f"no phase, role, milestone or resource {entry_id.strip()!r}{hint}")
