"""Machine-readable JSON for plans and catalogue listings (ISO dates throughout)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan, Resource, Role

SCHEMA_ID = "https://github.com/mlpath/mlpath/schema/plan.json"


class PlanSummary(BaseModel):
    """Figures derived from the plan, added to its JSON as ``summary``.

    Kept out of ``Plan`` itself so a saved plan loads back with
    ``Plan.model_validate`` (the plan forbids unknown fields).
    """

    model_config = ConfigDict(extra="forbid")

    milestones: int
    total_hours: int
    start: dt.date
    end: dt.date
    weeks: float


def _dumps(value: Any) -> str:
    from mlpath.textsafe import json_text

    return json_text(json.dumps(value, ensure_ascii=False, indent=2))


def plan_data(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(mode="json")
    data["summary"] = PlanSummary(
        milestones=len(plan.items),
        total_hours=plan.total_hours,
        start=plan.profile.start,
        end=plan.end,
        weeks=plan.weeks,
    ).model_dump(mode="json")
    return data


def plan_from_data(data: dict[str, Any]) -> Plan:
    """Read back :func:`plan_data`'s output: the derived ``summary`` is dropped."""
    from mlpath.models import Plan

    return Plan.model_validate({k: v for k, v in data.items() if k != "summary"})


def plan_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of :func:`plan_data`'s output, generated from the models."""
    from mlpath.models import Plan

    schema = Plan.model_json_schema(mode="serialization")
    summary = PlanSummary.model_json_schema(mode="serialization")
    schema["properties"]["summary"] = {"$ref": "#/$defs/PlanSummary"}
    schema["required"] = [*schema.get("required", []), "summary"]
    schema["$defs"]["PlanSummary"] = summary
    schema["description"] = "A dated study plan as printed by `mlpath plan --json`."
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render(plan: Plan, catalog: Catalog, options: ExportOptions | None = None) -> str:
    return _dumps(plan_data(plan)) + "\n"


def dump_schema() -> str:
    return _dumps(plan_schema()) + "\n"


def dump_resources(resources: list[Resource]) -> str:
    return _dumps([r.model_dump(mode="json") for r in resources])


def dump_roles(roles: list[Role], path_hours: Mapping[str, int]) -> str:
    return _dumps(
        [{**r.model_dump(mode="json"), "beginner_path_hours": path_hours[r.id]} for r in roles]
    )


def dump_phases(catalog: Catalog, milestone_counts: Mapping[str, int]) -> str:
    return _dumps(
        [
            {
                **p.model_dump(mode="json"),
                "milestones": milestone_counts.get(p.id, 0),
                "resources": len(catalog.resources_by_phase.get(p.id, [])),
            }
            for p in catalog.phases.values()
        ]
    )
