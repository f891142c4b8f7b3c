"""Markdown export: reads well, round-trips milestones and dates, never clobbers a file."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from typer.testing import CliRunner

from helpers import done_marks, export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.export.markdown import escape, render
from mlpath.export.options import ExportOptions
from mlpath.planner import build_plan

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
HEADING = re.compile(r"^## (\d+)\. (.+) \((\d{4}-\d\d-\d\d) → (\d{4}-\d\d-\d\d)\)$", re.M)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("&lt;", "<").replace("&amp;", "&")


def test_markdown_round_trips_milestones_and_dates(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("researcher", "intermediate"))
    text = export(render, plan, catalog)
    found = [
        (_unescape(title), dt.date.fromisoformat(start), dt.date.fromisoformat(end))
        for _, title, start, end in HEADING.findall(text)
    ]
    expected = [(i.milestone.title.en, i.start, i.end) for i in plan.items]
    assert found == expected


def test_markdown_sections_have_tasks_deliverable_and_links(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    text = export(render, plan, catalog)
    assert text.startswith("# Study plan: Machine Learning Engineer")
    assert "## Summary" in text
    assert text.count("- [ ] **Deliverable:**") == len(plan.items)
    topics = sum(len(i.milestone.topics) for i in plan.items)
    assert text.count("- [ ] ") == topics + len(plan.items)
    assert "[The Python Tutorial](https://docs.python.org/3/tutorial/)" in text


def test_done_items_are_ticked(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    text = export(render, plan, catalog, ExportOptions(marks=done_marks("python-basics")))
    section = text.split("## 1. ")[1].split("## 2. ")[0]
    assert "- [x] **Deliverable:**" in section and "- [ ]" not in section


def test_escape_neutralises_markdown_and_html() -> None:
    assert escape("a|b") == r"a\|b"
    assert escape("<script>") == "&lt;script>"
    assert escape("*bold* [link](x) `code`") == r"\*bold\* \[link\](x) \`code\`"
    assert escape("bell\x07 and \x1b[31mred") == "bell and [31mred".replace("[", r"\[")


def test_output_file_and_overwrite_refusal(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    result = runner.invoke(app, [*PLAN, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "wrote" in result.stderr
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Study plan")

    target.write_text("my notes", encoding="utf-8")
    result = runner.invoke(app, [*PLAN, "-o", str(target)])
    assert result.exit_code == 1
    assert "already exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "my notes"

    result = runner.invoke(app, [*PLAN, "-o", str(target), "--force"])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == first
    assert not [p for p in tmp_path.iterdir() if p.name != "plan.md"]  # no temp files left


def test_dash_writes_markdown_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(app, [*PLAN, "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Study plan: Machine Learning Engineer")


def test_unknown_extension_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, [*PLAN, "-o", str(tmp_path / "plan.docx")])
    assert result.exit_code == 2
    assert ".md" in result.stderr
