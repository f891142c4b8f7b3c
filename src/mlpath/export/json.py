"""Machine-readable JSON for plans and catalogue listings (ISO dates throughout)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Plan, Resource, Role


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def plan_data(plan: Plan) -> dict[str, Any]:
    data = plan.model_dump(mode="json")
    data["summary"] = {
        "milestones": len(plan.items),
        "total_hours": plan.total_hours,
        "start": plan.profile.start.isoformat(),
        "end": plan.end.isoformat(),
        "weeks": plan.weeks,
    }
    return data


def render(plan: Plan, catalog: Catalog) -> str:
    return _dumps(plan_data(plan)) + "\n"


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
