"""Machine-readable JSON: one encoder for every ``--json``, and the schema of each document.

ISO dates throughout; characters a terminal would obey are escaped as
``\\uXXXX`` (:func:`mlpath.textsafe.json_text`), whatever the command.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.export.options import ExportOptions
    from mlpath.models import Plan, Question, Resource, Role
    from mlpath.view import PlanView

SCHEMA_BASE = "https://github.com/mlpath/mlpath/schema/"


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


def encode(value: Any) -> str:
    """The one JSON encoder: models are dumped in JSON mode, unsafe characters escaped."""
    from mlpath.textsafe import json_text

    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return json_text(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def plan_data(plan: Plan) -> dict[str, Any]:
    from mlpath.checkpoints import checkpoints

    data = plan.model_dump(mode="json")
    data["summary"] = PlanSummary(
        milestones=len(plan.items),
        total_hours=plan.total_hours,
        start=plan.profile.start,
        end=plan.end,
        weeks=plan.weeks,
    ).model_dump(mode="json")
    data["checkpoints"] = [cp.model_dump(mode="json") for cp in checkpoints(plan)]
    return data


def plan_from_data(data: dict[str, Any]) -> Plan:
    """Read back :func:`plan_data`'s output: the derived ``summary`` and checkpoints are dropped."""
    from mlpath.models import Plan

    derived = ("summary", "checkpoints")
    return Plan.model_validate({k: v for k, v in data.items() if k not in derived})


def _wrap(schema: dict[str, Any], name: str, description: str | None) -> dict[str, Any]:
    if description:
        schema["description"] = description
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{name}.json",
        **schema,
    }


def plan_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of :func:`plan_data`'s output, generated from the models."""
    from pydantic import TypeAdapter

    from mlpath.checkpoints import Checkpoint
    from mlpath.models import Plan

    schema = Plan.model_json_schema(mode="serialization")
    summary = PlanSummary.model_json_schema(mode="serialization")
    schema["properties"]["summary"] = {"$ref": "#/$defs/PlanSummary"}
    schema["$defs"]["PlanSummary"] = summary
    listed = TypeAdapter(list[Checkpoint]).json_schema(
        mode="serialization", ref_template="#/$defs/{model}"
    )
    schema["$defs"].update(listed.pop("$defs", {}))
    schema["properties"]["checkpoints"] = listed
    schema["required"] = [*schema.get("required", []), "summary", "checkpoints"]
    return _wrap(schema, "plan", "A dated study plan as printed by `mlpath plan --json`.")


def _model_schema(name: str, attr: str) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        from mlpath.export import documents

        model: type[BaseModel] = getattr(documents, attr)
        schema = model.model_json_schema(mode="serialization")
        return _wrap(schema, name, (model.__doc__ or "").strip() or None)

    return build


# Every document a --json prints: `mlpath schema NAME` prints its schema.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "plan": plan_schema,
    "status": _model_schema("status", "StatusDoc"),
    "plans": _model_schema("plans", "PlansDoc"),
    "roles": _model_schema("roles", "RolesDoc"),
    "phases": _model_schema("phases", "PhasesDoc"),
    "resources": _model_schema("resources", "ResourcesDoc"),
    "milestones": _model_schema("milestones", "MilestonesDoc"),
}


def render(view: PlanView, options: ExportOptions | None = None) -> str:
    return encode(plan_data(view.plan))


def dump_schema(name: str = "plan") -> str:
    return encode(SCHEMAS[name]())


def dump_resources(resources: list[Resource]) -> str:
    return encode([r.model_dump(mode="json") for r in resources])


def dump_questions(questions: list[Question]) -> str:
    return encode([q.model_dump(mode="json") for q in questions])


def dump_roles(roles: list[Role], path_hours: Mapping[str, int]) -> str:
    return encode(
        [{**r.model_dump(mode="json"), "beginner_path_hours": path_hours[r.id]} for r in roles]
    )


def dump_phases(catalog: Catalog, milestone_counts: Mapping[str, int]) -> str:
    return encode(
        [
            {
                **p.model_dump(mode="json"),
                "milestones": milestone_counts.get(p.id, 0),
                "resources": len(catalog.resources_by_phase.get(p.id, [])),
            }
            for p in catalog.phases.values()
        ]
    )
