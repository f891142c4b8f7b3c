"""The shipped data: it validates, its references resolve, and its timelines hold."""

from __future__ import annotations

from collections import Counter

from helpers import profile
from mlpath.catalog import Catalog, find_cycle
from mlpath.models import Level
from mlpath.planner import build_plan

SEED_RESOURCES = [
    "coursera-ml-specialization",
    "fastai-practical-dl",
    "deeplearning-ai-dl-specialization",
    "udacity-mle-nanodegree",
    "book-goodfellow-deep-learning",
    "book-bishop-prml",
    "book-zero-kara-dl",
    "book-hajimete-pattern-ninshiki",
    "cs231n",
    "cs224n",
    "hf-nlp-course",
    "papers-with-code",
    "paper-hinton-distillation",
    "repo-repdistiller",
    "repo-torchdistill",
    "tool-mlflow",
    "tool-kubeflow",
    "tool-sagemaker",
    "tool-vertex-ai",
    "tool-azure-ml",
    "conf-neurips",
    "conf-jsai",
    "community-connpass",
    "community-mlse",
]


def test_shipped_files_validate_and_are_rich(catalog: Catalog) -> None:
    assert set(catalog.roles) == {"ds", "mle", "researcher"}
    assert len(catalog.resources) >= 70
    assert len(catalog.phases) >= 12
    kinds = Counter(r.kind for r in catalog.resources.values())
    for kind in ("course", "book", "paper", "repo", "community", "conference", "tool"):
        assert kinds[kind] >= 3, kind


def test_seed_resources_are_present(catalog: Catalog) -> None:
    missing = [rid for rid in SEED_RESOURCES if rid not in catalog.resources]
    assert not missing


def test_every_curated_id_resolves(catalog: Catalog) -> None:
    for m in catalog.milestones.values():
        for rid in m.resources:
            assert rid in catalog.resources, (m.id, rid)


def test_prerequisites_form_no_cycle(catalog: Catalog) -> None:
    graph = {m.id: list(m.prerequisites) for m in catalog.milestones.values()}
    assert find_cycle(graph) is None


def test_find_cycle_reports_the_loop() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"], "d": []}) == ["a", "b", "c", "a"]


def test_every_phase_has_resources_and_milestones(catalog: Catalog) -> None:
    used = {m.phase for m in catalog.milestones.values()}
    for phase in catalog.phases:
        assert len(catalog.resources_by_phase.get(phase, [])) >= 3, phase
        assert phase in used, phase


def test_milestones_are_shared_not_copied(catalog: Catalog) -> None:
    titles = Counter(m.title.en.lower() for m in catalog.milestones.values())
    assert all(count == 1 for count in titles.values())
    in_roadmaps = Counter(mid for r in catalog.roles.values() for mid in r.roadmap)
    assert in_roadmaps["python-basics"] == 3


def test_every_role_reaches_its_final_milestone(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        plan = build_plan(catalog, profile(role.id))
        assert plan.items[-1].milestone.id == role.roadmap[-1], role.id
        planned = {item.milestone.id for item in plan.items}
        focus = plan.profile.focus
        needed = {
            mid
            for mid in role.core
            if not catalog.milestones[mid].focus or focus in catalog.milestones[mid].focus
        }
        assert needed <= planned, role.id


def test_roles_carry_career_facts(catalog: Catalog) -> None:
    for role in catalog.roles.values():
        regions = {s.region for s in role.salaries}
        assert regions == {"jp", "us"}, role.id
        assert len(role.employers) >= 3 and len(role.ladder) >= 3 and role.routes
    assert catalog.role("ml-engineer") is catalog.roles["mle"]
    assert catalog.role("data-scientist") is catalog.roles["ds"]
    assert catalog.role("ai-researcher") is catalog.roles["researcher"]


def test_mle_beginner_recovers_the_seed_timeline(catalog: Catalog) -> None:
    """Seed 004 §4.4 at 10 h/week: foundations in Q1, DL + Kaggle in year 1, research by year 3.

    The milestones alone are sized to the seed's timeline; habits take their own
    share of the week (see test_habits.py and docs/habits-vs-seed-004.md).
    """
    plan = build_plan(catalog, profile("mle", habits="none"))
    by_phase: dict[str, list] = {}
    for item in plan.items:
        by_phase.setdefault(item.milestone.phase, []).append(item)

    def weeks_until_end(phase: str) -> float:
        end = max(item.end for item in by_phase[phase])
        return ((end - plan.profile.start).days + 1) / 7

    assert 11 <= weeks_until_end("portfolio-projects") <= 15  # three projects by ~week 12
    assert weeks_until_end("deep-learning") <= 30  # deep learning by month 6-7
    assert weeks_until_end("kaggle") <= 42  # Kaggle medal by month 9-10
    assert weeks_until_end("specialisation") >= 40
    assert weeks_until_end("mlops") <= 104  # MLOps in year 2
    assert 140 <= plan.weeks <= 170  # about three years in all
    assert weeks_until_end("research") > 104  # research output in year 3


def test_levels_shorten_the_path(catalog: Catalog) -> None:
    for role in catalog.roles:
        hours = [build_plan(catalog, profile(role, level)).total_hours for level in Level]
        assert hours[0] > hours[1] > hours[2] > 0, role


def test_compression_focus_follows_four_stages(catalog: Catalog) -> None:
    plan = build_plan(catalog, profile("mle", focus="compression"))
    compression = [i for i in plan.items if "compression" in i.milestone.focus]
    assert len(compression) >= 2
    topics = " ".join(t.en.lower() for i in compression for t in i.milestone.topics)
    for word in ("temperature", "pruning", "quantization"):
        assert word in topics
    curated = {rid for i in compression for rid in i.milestone.resources}
    assert "paper-hinton-distillation" in curated
