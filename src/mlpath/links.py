"""Checking that the data's URLs still answer: dead links, moved links, slow hosts.

Links rot and courses move; ``mlpath validate --check-links`` asks every URL
once, a few at a time, follows redirects, and reports what is dead (an error
status or no answer) and what moved for good (a permanent redirect to another
address), with the entries that use each URL. Only the standard library.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Literal

from mlpath import __version__

Verdict = Literal["ok", "moved", "dead"]
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 8
_PERMANENT = {301, 308}


@dataclass(frozen=True)
class LinkResult:
    url: str
    verdict: Verdict
    status: int | None  # the final HTTP status; None when nothing answered
    final_url: str | None  # where a permanent redirect leads
    reason: str  # the error when dead ("timed out", "connection refused"...)
    used_by: tuple[str, ...]


class _Recorder(urllib.request.HTTPRedirectHandler):
    """Follows redirects like urllib does, remembering whether any was permanent."""

    def __init__(self) -> None:
        self.permanent: str | None = None

    def redirect_request(  # type: ignore[no-untyped-def]
        self, req, fp, code, msg, headers, newurl
    ) -> urllib.request.Request | None:
        if code in _PERMANENT and self.permanent is None:
            self.permanent = newurl
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def check_url(url: str, used_by: tuple[str, ...], timeout: float) -> LinkResult:
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    headers = {"User-Agent": f"mlpath/{__version__} (link check)"}
    status: int | None = None
    reason = ""
    for method in ("HEAD", "GET"):  # some servers refuse HEAD; GET settles it
        request = urllib.request.Request(url, method=method, headers=headers)
        try:
            with opener.open(request, timeout=timeout) as response:
                status = response.status
                final = response.geturl()
        except urllib.error.HTTPError as exc:
            status, reason = exc.code, exc.reason if isinstance(exc.reason, str) else ""
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return LinkResult(url, "dead", status, None, reason, used_by)
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            detail = getattr(exc, "reason", exc)
            reason = "timed out" if isinstance(detail, TimeoutError) else str(detail)
            return LinkResult(url, "dead", None, None, reason, used_by)
        moved_to = recorder.permanent
        if moved_to is not None and final != url:
            return LinkResult(url, "moved", status, final, "", used_by)
        return LinkResult(url, "ok", status, None, "", used_by)
    return LinkResult(url, "dead", status, None, reason, used_by)


def check_links(
    urls: Mapping[str, Iterable[str]],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    progress: Callable[[LinkResult], None] | None = None,
) -> list[LinkResult]:
    """Check each URL once (``urls`` maps a URL to the entries that use it), ``workers`` at
    a time; results in the order of ``urls``."""
    results: dict[str, LinkResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {
            pool.submit(check_url, url, tuple(sorted(users)), timeout): url
            for url, users in urls.items()
        }
        for future in as_completed(futures):
            result = future.result()
            results[result.url] = result
            if progress is not None:
                progress(result)
    return [results[url] for url in urls]
