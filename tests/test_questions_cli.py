"""Interview questions and every resource of a milestone, through the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from mlpath.catalog import Catalog, load_catalog
from mlpath.cli import app
from mlpath.ranking import ResourceRanker

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


def test_questions_for_a_role_list_answer_points(runner: CliRunner, catalog: Catalog) -> None:
    result = runner.invoke(app, ["questions", "--target", "kd"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    expected = [q for q in catalog.questions.values() if "kd" in q.roles]
    assert out.startswith(
        f"Interview questions for Knowledge Distillation Engineer ({len(expected)})"
    )
    assert "How does knowledge distillation differ from other ways of compressing" in out
    assert "   - Pruning removes weights or channels" in out
    assert "Walk me through designing an A/B test" not in out  # a data-science question


def test_questions_filter_by_milestone_and_print_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["questions", "--milestone", "responsible-ai", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [q["id"] for q in data] == ["fairness-metrics"]
    assert data[0]["answer_points"] and "ds" in data[0]["roles"]
    both = runner.invoke(app, ["questions", "-t", "ds", "-m", "ab-testing", "--json"])
    assert [q["id"] for q in json.loads(both.stdout)] == ["ab-test-design"]


def test_questions_refuse_unknown_ids_with_a_hint(runner: CliRunner) -> None:
    result = runner.invoke(app, ["questions", "--target", "kdd"])
    assert result.exit_code == 2
    assert "did you mean 'kd'" in result.stderr
    result = runner.invoke(app, ["questions", "--milestone", "rag-system"])
    assert result.exit_code == 2
    assert "unknown milestone 'rag-system'" in result.stderr and "rag-systems" in result.stderr


def test_no_matching_question_is_said_on_stderr(runner: CliRunner) -> None:
    result = runner.invoke(app, ["questions", "--target", "kd", "--milestone", "sql-basics"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No interview questions match" in result.stderr


def test_resources_of_a_milestone_lists_all_of_them(runner: CliRunner, catalog: Catalog) -> None:
    every = ResourceRanker(catalog).all_for(catalog.milestones["rag-systems"])
    result = runner.invoke(app, ["resources", "--milestone", "rag-systems", "--json"])
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == [r.id for r in every]
    assert len(every) > 3
    piped = runner.invoke(app, ["resources", "-m", "rag-systems", "--kind", "paper"])
    assert piped.stdout.startswith("Resources for Retrieval-augmented generation (")
    assert "arxiv.org/abs/2005.11401" in piped.stdout
    assert "Faiss" not in piped.stdout  # a tool, filtered out by --kind
    bad = runner.invoke(app, ["resources", "--milestone", "nope"])
    assert bad.exit_code == 2 and "unknown milestone 'nope'" in bad.stderr


def test_plan_says_how_many_more_resources_each_milestone_has(runner: CliRunner) -> None:
    out = runner.invoke(app, PLAN).stdout
    assert "more: mlpath resources --milestone python-basics" in out
    markdown = runner.invoke(app, [*PLAN, "-o", "-"]).stdout
    assert "more: `mlpath resources --milestone python-basics`" in markdown
    data = json.loads(runner.invoke(app, [*PLAN, "--json"]).stdout)
    assert all(item["more_resources"] >= 0 for item in data["items"])
    assert data["items"][0]["more_resources"] > 0


def test_overlays_add_and_remove_questions() -> None:
    home = Path(os.environ["MLPATH_HOME"])
    (home / "roadmaps.yaml").write_text(
        "remove:\n  questions: [p-value]\n"
        "questions:\n"
        "  - id: team-question\n"
        "    question: What does our team's feature store guarantee?\n"
        "    answer_points: [Point-in-time correctness]\n"
        "    milestones: [feature-store]\n"
        "    roles: [mle]\n"
    )
    catalog = load_catalog()
    assert "p-value" not in catalog.questions
    assert catalog.questions["team-question"].milestones == ["feature-store"]
    (home / "roadmaps.yaml").write_text(
        "questions:\n"
        "  - id: team-question\n"
        "    question: Which role asks this?\n"
        "    answer_points: [None]\n"
        "    milestones: [feature-store]\n"
        "    roles: [astronaut]\n"
    )
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "question 'team-question': field 'roles': unknown role 'astronaut'" in result.output
