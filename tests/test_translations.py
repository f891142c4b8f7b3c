"""Translation files: laid into the data by id, every problem named with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mlpath.catalog import load_catalog, shipped_data_dir
from mlpath.errors import DataError
from mlpath.models import Text
from mlpath.validate import TEMPLATES


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(TEMPLATES, target)
    (target / "ja").mkdir()
    return target


def _write(data: Path, name: str, text: str) -> None:
    (data / "ja" / name).write_text(text, encoding="utf-8")


def test_translations_become_the_ja_variant(data: Path) -> None:
    catalog = load_catalog(data)
    phase_id = next(iter(catalog.phases))
    milestone = next(iter(catalog.milestones.values()))
    topics = "\n".join(f"      - 話題{i}" for i in range(len(milestone.topics)))
    _write(
        data,
        "roadmaps.yaml",
        f"phases:\n  {phase_id}:\n    title: 基礎\n"
        f"milestones:\n  {milestone.id}:\n    title: はじめの一歩\n    topics:\n{topics}\n",
    )
    translated = load_catalog(data)
    assert translated.phases[phase_id].title.ja == "基礎"
    assert translated.phases[phase_id].title.en == catalog.phases[phase_id].title.en
    got = translated.milestones[milestone.id]
    assert got.title.get("ja") == "はじめの一歩" and got.title.get("en") == milestone.title.en
    assert [t.ja for t in got.topics] == [f"話題{i}" for i in range(len(milestone.topics))]
    # A text without a translation falls back to English.
    assert got.outcome.get("ja") == milestone.outcome.en


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("phases:\n  nope:\n    title: x\n", ":3: phase 'nope': no such entry in the data file"),
        ("phases:\n  {p}:\n    colour: x\n", ":3: phase '{p}': field 'colour' cannot be"),
        ("milestones:\n  {m}:\n    topics: [a]\n", "expected {n} items as in the original, got 1"),
        (
            "phases:\n  {p}:\n    title: ''\n",
            ":3: phase '{p}': field 'title': expected a non-empty text",
        ),
        ("colours: {{}}\n", ":1: section 'colours': not a translatable section"),
    ],
)
def test_problems_name_file_line_entry_and_field(data: Path, text: str, problem: str) -> None:
    catalog = load_catalog(data)
    phase_id = next(iter(catalog.phases))
    milestone = next(iter(catalog.milestones.values()))
    fill = {"p": phase_id, "m": milestone.id, "n": len(milestone.topics)}
    _write(data, "roadmaps.yaml", text.format(**fill))
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    expected = problem.format(**fill)
    assert any(
        str(data / "ja" / "roadmaps.yaml") in p and expected in p for p in caught.value.problems
    ), caught.value.problems


def test_shipped_translations_are_valid() -> None:
    folder = shipped_data_dir() / "ja"
    assert sorted(p.name for p in folder.glob("*.yaml"))
    catalog = load_catalog()
    assert catalog.phases["kaggle"].title.ja == "Kaggle コンペティション"


def _shipped_texts() -> list[tuple[str, Text]]:
    """Every text of the shipped roadmap that must have Japanese, labelled for the failure."""
    catalog = load_catalog()
    texts: list[tuple[str, Text]] = []
    for phase in catalog.phases.values():
        texts += [(f"phase {phase.id}.title", phase.title)]
        texts += [(f"phase {phase.id}.summary", phase.summary)]
    for role in catalog.roles.values():
        at = f"role {role.id}"
        texts += [(f"{at}.title", role.title), (f"{at}.summary", role.summary)]
        texts += [(f"{at}.routes[{i}]", t) for i, t in enumerate(role.routes)]
        texts += [(f"{at}.ladder[{i}]", t) for i, t in enumerate(role.ladder)]
        for i, group in enumerate(role.skills):
            texts += [(f"{at}.skills[{i}].category", group.category)]
            texts += [(f"{at}.skills[{i}].items[{j}]", t) for j, t in enumerate(group.items)]
        texts += [(f"{at}.salaries[{i}].setting", s.setting) for i, s in enumerate(role.salaries)]
    for m in catalog.milestones.values():
        at = f"milestone {m.id}"
        texts += [(f"{at}.title", m.title), (f"{at}.outcome", m.outcome)]
        texts += [(f"{at}.topics[{i}]", t) for i, t in enumerate(m.topics)]
        texts += [(f"{at}.deliverable", m.deliverable)]
        texts += [(f"{at}.checks[{i}]", t) for i, t in enumerate(m.checks)]
        if m.quiz is not None:
            texts += [(f"{at}.quiz.question", m.quiz.question)]
            texts += [(f"{at}.quiz.choices[{i}]", t) for i, t in enumerate(m.quiz.choices)]
    for q in catalog.questions.values():
        texts += [(f"question {q.id}.question", q.question)]
        texts += [(f"question {q.id}.answer_points[{i}]", t) for i, t in enumerate(q.answer_points)]
    for h in catalog.habits.values():
        texts += [(f"habit {h.id}.title", h.title), (f"habit {h.id}.outcome", h.outcome)]
    for r in catalog.resources.values():
        if r.summary is not None:
            texts += [(f"resource {r.id}.summary", r.summary)]
    return texts


def test_every_shipped_text_has_japanese() -> None:
    texts = _shipped_texts()
    catalog = load_catalog()
    assert len(catalog.milestones) >= 44 and len(catalog.roles) == 4
    missing = [label for label, text in texts if not text.ja]
    assert not missing, f"no Japanese for: {', '.join(missing)}"
    # Prose is really Japanese, not the English copied over.
    prose = [
        (label, t) for label, t in texts if label.endswith(("summary", "outcome", "deliverable"))
    ]
    copied = [label for label, t in prose if t.ja == t.en]
    assert not copied, f"Japanese same as English: {', '.join(copied)}"
    assert catalog.roles["mle"].title.ja == "機械学習エンジニア"
    assert catalog.milestones["python-basics"].title.get("ja") == "Python の基本、ノートブック、Git"


@pytest.mark.parametrize("role", ["ds", "mle", "researcher", "kd"])
def test_japanese_learners_get_a_japanese_resource_for_most_milestones(role: str) -> None:
    import datetime as dt

    from mlpath.models import Level, Profile
    from mlpath.planner import build_plan

    catalog = load_catalog()
    profile = Profile(
        role=role, level=Level.beginner, start=dt.date(2027, 1, 4), hours_per_week=10, lang="ja"
    )
    plan = build_plan(catalog, profile)
    served = [i for i in plan.items if any(r.language == "ja" for r in i.resources)]
    assert len(served) >= 0.8 * len(plan.items), [
        i.milestone.id for i in plan.items if i not in served
    ]
    # English learners are not pushed Japanese resources the same way.
    english = build_plan(catalog, profile.model_copy(update={"lang": None}))
    in_japanese = [i for i in english.items if any(r.language == "ja" for r in i.resources)]
    assert len(in_japanese) < len(served)
