"""validate --check-links against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import http.server
import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from mlpath.links import check_links
from mlpath.validate import TEMPLATES


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, body: bool) -> None:
        path = self.path
        if path == "/slow":
            time.sleep(2)
        if path in ("/ok", "/slow"):
            self.send_response(200)
        elif path == "/nohead" and self.command == "HEAD":
            self.send_response(405)
        elif path == "/nohead":
            self.send_response(200)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/temporary":
            self.send_response(302)
            self.send_header("Location", "/ok")
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_verdicts(server: str) -> None:
    urls = {
        f"{server}/{p}": {f"resource {p!r}"}
        for p in ("ok", "gone", "moved", "temporary", "nohead", "slow")
    }
    results = {r.url.rsplit("/", 1)[1]: r for r in check_links(urls, timeout=1, workers=6)}
    assert results["ok"].verdict == "ok" and results["ok"].status == 200
    assert results["gone"].verdict == "dead" and results["gone"].status == 404
    assert results["moved"].verdict == "moved" and results["moved"].final_url == f"{server}/ok"
    assert results["temporary"].verdict == "ok"  # a temporary redirect is not a move
    assert results["nohead"].verdict == "ok"  # HEAD refused, GET answered
    assert results["slow"].verdict == "dead" and "timed out" in results["slow"].reason
    assert results["gone"].used_by == ("resource 'gone'",)
    unreachable = check_links({"http://127.0.0.1:9/x": {"resource 'x'"}}, timeout=1)
    assert unreachable[0].verdict == "dead" and unreachable[0].status is None


def test_validate_check_links_reports_entries(
    runner: CliRunner, tmp_path: Path, server: str
) -> None:
    data = tmp_path / "d"
    shutil.copytree(TEMPLATES, data)
    resources = data / "resources.yaml"
    urls = iter([f"{server}/gone", f"{server}/moved", f"{server}/ok"] * 10)
    text = re.sub(r"url: .*", lambda _: f'url: "{next(urls)}"', resources.read_text())
    resources.write_text(text)
    result = runner.invoke(app, ["validate", str(data), "--check-links", "--timeout", "2"])
    assert result.exit_code == 1, result.output
    assert re.search(rf"dead: {server}/gone \(HTTP 404; used by resource '[a-z-]+'", result.stdout)
    assert f"moved: {server}/moved -> {server}/ok (200; used by" in result.stdout
    assert re.search(r"links: \d+ checked, \d+ ok, 1 moved, 1 dead", result.stdout)
    clean = runner.invoke(app, ["validate", str(data)])
    assert clean.exit_code == 0  # without --check-links nothing is asked
