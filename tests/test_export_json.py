"""JSON export: ISO dates, valid against the published schema, loads back into a Plan."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, ValidationError
from typer.testing import CliRunner

from helpers import START, export, profile
from mlpath.catalog import Catalog
from mlpath.cli import app
from mlpath.export.json import plan_data, plan_from_data, plan_schema, render
from mlpath.models import Plan
from mlpath.planner import build_plan

PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


def _validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def schema(catalog: Catalog) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    published: dict[str, Any] = json.loads(result.stdout)
    assert published == plan_schema()
    return published


def test_cli_json_is_valid_and_round_trips(
    runner: CliRunner, schema: dict[str, Any], catalog: Catalog
) -> None:
    result = runner.invoke(app, [*PLAN, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    _validator(schema).validate(data)
    expected = build_plan(catalog, profile("mle"))
    assert plan_from_data(data) == expected
    found = [(i["milestone"]["id"], i["start"], i["end"]) for i in data["items"]]
    assert found == [
        (i.milestone.id, i.start.isoformat(), i.end.isoformat()) for i in expected.items
    ]
    assert data["summary"] == {
        "milestones": 34,
        "total_hours": 1555,
        "start": "2027-01-04",
        "end": expected.end.isoformat(),
        "weeks": expected.weeks,
    }


def test_output_file_matches_stdout(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    assert runner.invoke(app, [*PLAN, "-o", str(target)]).exit_code == 0
    printed = runner.invoke(app, [*PLAN, "--format", "json"]).stdout
    assert target.read_text(encoding="utf-8") == printed
    assert printed == runner.invoke(app, [*PLAN, "--json", "-o", "-"]).stdout


def test_schema_rejects_what_the_models_would(schema: dict[str, Any], catalog: Catalog) -> None:
    data = plan_data(build_plan(catalog, profile("ds")))
    validator = _validator(schema)
    broken = json.loads(json.dumps(data))
    broken["items"][0]["start"] = "4 January 2027"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(data))
    del broken["summary"]
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(data))
    broken["profile"]["colour"] = "blue"
    with pytest.raises(ValidationError, match="colour"):
        validator.validate(broken)


def test_saved_plan_dump_still_loads(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("researcher", "advanced", horizon=dt.date(2028, 1, 1)))
    assert Plan.model_validate(plan.model_dump(mode="json")) == plan
    assert plan_from_data(json.loads(export(render, plan, catalog))) == plan


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    role=st.sampled_from(["ds", "mle", "researcher"]),
    level=st.sampled_from(["beginner", "intermediate", "advanced"]),
    hours=st.integers(1, 100),
    offset=st.integers(0, 2000),
    lang=st.sampled_from([None, "en", "ja"]),
    free=st.booleans(),
)
def test_every_plan_matches_the_schema(
    catalog: Catalog,
    role: str,
    level: str,
    hours: int,
    offset: int,
    lang: str | None,
    free: bool,
) -> None:
    plan = build_plan(
        catalog,
        profile(
            role,
            level,
            hours_per_week=float(hours),
            start=START + dt.timedelta(days=offset),
            horizon=START + dt.timedelta(days=offset + 365),
            lang=lang,
            free_only=free,
        ),
    )
    data = json.loads(export(render, plan, catalog))
    _validator(plan_schema()).validate(data)
    assert plan_from_data(data) == plan


@pytest.mark.parametrize("command", ["roles", "phases", "resources"])
def test_listing_commands_print_json(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data and all("id" in row for row in data)
