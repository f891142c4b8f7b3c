"""What a command run needs besides its options, built once: today, language, store, terminal.

Commands take it from :func:`current`. Today is read here and nowhere else:
``MLPATH_TODAY`` (documented for scripts and tests) or a command's own
``--as-of`` replace the clock, so nothing needs to patch it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mlpath.cli.terminal import Terminal
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog

TODAY_ENV = "MLPATH_TODAY"


@dataclass
class AppContext:
    today: dt.date
    lang: str = "en"
    home: Path | None = None  # the data directory holding state.json; None: the default
    terminal: Terminal = field(default_factory=Terminal)
    overlays: bool | None = None  # --overlays/--no-overlays; None: only on the shipped data

    def catalog(self, data_dir: Path | None) -> Catalog:
        from mlpath.catalog import load_catalog

        return load_catalog(data_dir, overlays=self.overlays)

    @property
    def state_path(self) -> Path:
        from mlpath.progress import state_path

        return state_path(self.home)

    def as_of(self, day: dt.date | None) -> AppContext:
        return self if day is None else replace(self, today=day)


def _today() -> dt.date:
    value = os.environ.get(TODAY_ENV, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{TODAY_ENV}={value!r} is not a date; use YYYY-MM-DD") from None


def build() -> AppContext:
    from mlpath.i18n import pick_language

    return AppContext(today=_today(), lang=pick_language())


def current() -> AppContext:
    """The context of this run, made on first use and kept on click's root context."""
    from mlpath.cli.compat import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return build()
    root = ctx.find_root()
    if not isinstance(root.obj, AppContext):
        root.obj = build()
    return root.obj
