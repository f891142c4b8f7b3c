"""The Mermaid gantt chart at the top of the Markdown export."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import export, profile
from mlpath.catalog import Catalog
from mlpath.export.markdown import render
from mlpath.export.mermaid import KEYWORDS, clean_title, gantt
from mlpath.models import Plan, Text
from mlpath.planner import build_plan

TASK = re.compile(
    r"^    (?P<title>[^:\n]+) :(?:crit, )?(?P<id>m_\w+), "
    r"(?P<start>\d{4}-\d\d-\d\d), (?P<end>\d{4}-\d\d-\d\d)$"
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Step 1: Python", "Step 1 - Python"),
        ("C# and F#; quickly", "C♯ and F♯, quickly"),
        ("Ratio 3:1 # not a comment", "Ratio 3\u22361 ♯ not a comment"),
        ("ends with a colon:", "ends with a colon\u2236"),
        ("5% more %% comment", "5\uff05 more \uff05\uff05 comment"),
        ("%%{init} directive", "\uff05\uff05(init) directive"),
        ("Gantt-charts explained", "“Gantt-charts explained”"),
        ("2027-01-01 and beyond", "“2027-01-01 and beyond”"),
        ("Titles and abstracts", "Titles and abstracts"),
        ("line one\nline two\ttab", "line one line two tab"),
        ("<b>bold</b> {braces}", "\u2039b\u203abold\u2039/b\u203a (braces)"),
        ("section 2 of the book", "“section 2 of the book”"),
        ("Title page", "“Title page”"),
        (":::", "\u2236\u2236\u2236"),
        (" \x00 ", "untitled"),
        ("Python basics, notebooks and Git", "Python basics, notebooks and Git"),
    ],
)
def test_clean_title(title: str, expected: str) -> None:
    assert clean_title(title) == expected


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_no_title_starts_with_a_keyword(keyword: str) -> None:
    for title in (f"{keyword.upper()} something", f"{keyword}-ish"):
        assert clean_title(title).startswith("“")


def _with_titles(plan: Plan, titles: list[str]) -> Plan:
    items = [
        item.model_copy(
            update={"milestone": item.milestone.model_copy(update={"title": Text(en=title)})}
        )
        for item, title in zip(plan.items, titles, strict=False)
    ]
    return plan.model_copy(update={"items": items + plan.items[len(items) :]})


def test_gantt_round_trips_milestones_and_dates(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("researcher", "intermediate"))
    tricky = ["Step 1: C#; then %% more", "section: the hard part", "a\nb", "5% of it"]
    plan = _with_titles(plan, tricky)
    text = gantt(export(lambda view, _: view, plan, catalog))
    lines = text.splitlines()
    assert lines[:5] == [
        "```mermaid",
        "gantt",
        "    title Study plan - AI Researcher",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %b %Y",
    ]
    assert lines[-1] == "```"
    tasks = {}
    sections = []
    for line in lines[5:-1]:
        if line.startswith("    section "):
            sections.append(line.removeprefix("    section "))
            continue
        match = TASK.match(line)
        assert match, line
        assert not set(match["title"]) & set(":#;%\n")
        tasks[match["id"]] = match
    # One section per phase, each once; one bar per milestone.
    phases = list(dict.fromkeys(i.milestone.phase for i in plan.items))
    assert sections == [catalog.phases[p].title.en for p in phases]
    assert len(tasks) == len(plan.items)
    for item in plan.items:
        task = tasks["m_" + item.milestone.id.replace("-", "_")]
        assert task["title"] == clean_title(item.milestone.title.en)
        assert dt.date.fromisoformat(task["start"]) == item.start
        # Mermaid's end dates are exclusive.
        assert dt.date.fromisoformat(task["end"]) == item.end + dt.timedelta(days=1)
    assert "    Step 1 - C♯, then \uff05\uff05 more :" in text
    assert "    “section - the hard part” :" in text


def test_core_milestones_are_marked_crit(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    text = gantt(export(lambda view, _: view, plan, catalog))
    crit = sum(1 for line in text.splitlines() if ":crit, " in line)
    assert crit == sum(1 for i in plan.items if i.core) > 0


def test_markdown_opens_with_the_chart(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle"))
    text = export(render, plan, catalog)
    title, blank, rest = text.split("\n", 2)
    assert title == "# Study plan: Machine Learning Engineer" and blank == ""
    assert rest.startswith("```mermaid\ngantt\n")
    assert rest.count("```mermaid") == 1
