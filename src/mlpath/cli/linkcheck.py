"""``mlpath validate --check-links``: ask every URL of the data whether it still answers."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlpath.cli.context import AppContext

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.links import LinkResult


def urls_of(catalogs: Sequence[Catalog]) -> dict[str, set[str]]:
    """Every resource URL, with the entries that use it."""
    urls: dict[str, set[str]] = {}
    for catalog in catalogs:
        for resource in catalog.resources.values():
            if resource.url is not None:
                urls.setdefault(str(resource.url), set()).add(f"resource {resource.id!r}")
    return urls


def describe(result: LinkResult) -> str:
    users = ", ".join(result.used_by)
    if result.verdict == "moved":
        return f"moved: {result.url} -> {result.final_url} ({result.status}; used by {users})"
    what = f"HTTP {result.status}" if result.status is not None else result.reason or "no answer"
    return f"dead: {result.url} ({what}; used by {users})"


def check(app: AppContext, catalogs: Sequence[Catalog], timeout: float, jobs: int) -> bool:
    """Check and report; True when every link answered where it should."""
    from mlpath.links import check_links

    urls = urls_of(catalogs)
    if sys.stderr.isatty():
        from rich.progress import Progress

        from mlpath.render.console import stderr

        with Progress(console=stderr(), transient=True) as bar:
            task = bar.add_task("Checking links", total=len(urls))
            results = check_links(
                urls, timeout=timeout, workers=jobs, progress=lambda _: bar.advance(task)
            )
    else:
        results = check_links(urls, timeout=timeout, workers=jobs)
    bad = [r for r in results if r.verdict != "ok"]
    for result in bad:
        app.terminal.result(describe(result))
    dead = sum(r.verdict == "dead" for r in bad)
    moved = len(bad) - dead
    app.terminal.result(
        f"links: {len(results)} checked, {len(results) - len(bad)} ok, {moved} moved, {dead} dead"
    )
    return not bad
