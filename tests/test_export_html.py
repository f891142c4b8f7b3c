"""HTML export: one self-contained, escaped, printable page with the timeline and the plan."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import done_marks, export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.export.html import render
from mlpath.export.options import ExportOptions
from mlpath.models import Plan, Text
from mlpath.planner import build_plan

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
CHROMIUM = Path("/usr/bin/chromium")


class Page(HTMLParser):
    """Collects what the tests look at: tags with attributes, section headings, style text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[str] = []
        self.style = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)
        if tag == "h3":
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if "h3" in self._in:
            self.headings[-1] += data
        if "style" in self._in:
            self.style += data


def _parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    return build_plan(catalog, profile("researcher", "intermediate", horizon=dt.date(2028, 6, 1)))


def test_page_round_trips_milestones_and_dates(plan: Plan, catalog: Catalog) -> None:
    page = _parse(export(render, plan, catalog))
    heading = re.compile(r"^(\d+)\. (.+) \((\d{4}-\d\d-\d\d) → (\d{4}-\d\d-\d\d)\)$")
    found = []
    for text in page.headings:
        match = heading.match(text)
        assert match, text
        found.append((match[2], dt.date.fromisoformat(match[3]), dt.date.fromisoformat(match[4])))
    assert found == [(i.milestone.title.en, i.start, i.end) for i in plan.items]
    bars = [attrs for tag, attrs in page.tags if "bar" in (attrs.get("class") or "").split()]
    assert len(bars) == len(plan.items)
    later = [b for b in bars if "later" in (b.get("class") or "")]
    assert len(later) == len(plan.beyond_horizon) > 0


def test_nothing_is_fetched_from_the_network(plan: Plan, catalog: Catalog) -> None:
    text = export(render, plan, catalog)
    page = _parse(text)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert "<script" not in text.lower() and "<link" not in text.lower()
    assert not re.search(r"\s(?:src|srcset)=", text)
    for tag, attrs in page.tags:
        if tag != "a":  # resource links are the only way out, and only when clicked
            assert not any("http" in (v or "") for v in attrs.values()), (tag, attrs)
    assert "@import" not in page.style and "url(" not in page.style
    assert "@media print" in page.style
    links = {attrs["href"] for tag, attrs in page.tags if tag == "a"}
    urls = {str(r.url) for i in plan.items for r in i.resources if r.url is not None}
    assert urls and urls <= links


def test_data_is_escaped(plan: Plan, catalog: Catalog) -> None:
    evil = '<script>alert("x")</script> & <b onclick=1>'
    first = plan.items[0]
    milestone = first.milestone.model_copy(
        update={"title": Text(en=evil), "deliverable": Text(en=evil)}
    )
    tampered = plan.model_copy(
        update={
            "items": [first.model_copy(update={"milestone": milestone}), *plan.items[1:]],
            "role_title": evil,
        }
    )
    text = export(render, tampered, catalog)
    assert "<script" not in text and "<b onclick" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=1&gt;" in text
    page = _parse(text)
    assert page.headings[0].startswith(f"1. {evil} (")


def test_today_is_marked_only_inside_the_plan(plan: Plan, catalog: Catalog) -> None:
    inside = export(render, plan, catalog, ExportOptions(today=dt.date(2027, 6, 1)))
    assert inside.count('class="today"') == len(plan.items)
    assert "today (2027-06-01)" in inside
    outside = export(render, plan, catalog, ExportOptions(today=dt.date(2020, 1, 1)))
    assert 'class="today"' not in outside


@pytest.mark.parametrize("name", ["plan.html", "plan.HTM"])
def test_cli_writes_html_by_extension(runner: CliRunner, tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    result = runner.invoke(app, [*PLAN, "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")


def test_format_option_overrides_the_extension(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    result = runner.invoke(app, [*PLAN, "-o", str(target), "--format", "HTML"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, [*PLAN, "--format", "html"])
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_unknown_format_lists_the_choices(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "--format", "htlm"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unknown format 'htlm'; did you mean 'html'? choices: markdown, json, ics, html"
    )
    result = runner.invoke(app, [*PLAN, "--json", "--format", "ics"])
    assert result.exit_code == 2 and "--json conflicts with --format ics" in result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs headless Chromium at /usr/bin/chromium")
def test_chromium_renders_the_page(plan: Plan, catalog: Catalog, tmp_path: Path) -> None:
    page = tmp_path / "plan.html"
    page.write_text(export(render, plan, catalog), encoding="utf-8")
    shot = tmp_path / "plan.png"
    profile_dir = tmp_path / "chromium-profile"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile_dir}",
        "--window-size=1000,1400",
        f"--screenshot={shot}",
        page.as_uri(),
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    result = subprocess.run(command, capture_output=True, timeout=90, env=env, check=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert _png_size(shot) == (1000, 1400)
    # A blank page compresses to almost nothing; text, bars and a table do not.
    assert shot.stat().st_size > 20_000
    shutil.rmtree(profile_dir, ignore_errors=True)


def test_done_milestones_are_marked(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    page = export(render, plan, catalog, ExportOptions(marks=done_marks("python-basics")))
    assert page.count("✓ done") == 1
    assert "beginner · python-basics · core · done 2027-01-04</p>" in page
