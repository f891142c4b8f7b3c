"""Overlay files in the user data directory add, replace and remove entries by id."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.catalog import load_catalog, shipped_data_dir
from mlpath.cli import app
from mlpath.errors import DataError

SHIPPED_ROADMAPS = shipped_data_dir() / "roadmaps.yaml"


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MLPATH_HOME"])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip())
    return path


def line_in(path: Path, text: str) -> int:
    content = path.read_text()
    return content[: content.index(text)].count("\n") + 1


NEW_RESOURCE = """
    version: "team-1"
    resources:
      - id: team-handbook
        title: "Our team's ML handbook"
        kind: article
        provider: "Team"
        phases: [python-foundations]
        level: beginner
        language: en
        cost: free
      - id: python-tutorial
        title: "The Python Tutorial (team notes)"
        kind: course
        provider: "Python Software Foundation"
        url: https://docs.python.org/3/tutorial/
        phases: [python-foundations]
        level: beginner
        language: en
        cost: free
"""


def test_without_overlays_the_shipped_data_is_used() -> None:
    catalog = load_catalog()
    assert catalog.version == "2026.11"
    assert len(catalog.sources) == 2


def test_overlay_adds_and_replaces_resources_by_id(home: Path) -> None:
    shipped = load_catalog()
    write(home / "resources.yaml", NEW_RESOURCE)
    catalog = load_catalog()
    assert len(catalog.resources) == len(shipped.resources) + 1
    assert catalog.resources["python-tutorial"].title.en == "The Python Tutorial (team notes)"
    # A replacement keeps its place; a new id goes at the end.
    assert list(catalog.resources) == [*shipped.resources, "team-handbook"]
    assert catalog.version == "2026.11+local"
    assert catalog.sources[-1] == home / "resources.yaml"


def test_overlay_role_plans_with_shipped_milestones(runner: CliRunner, home: Path) -> None:
    write(
        home / "roadmaps.yaml",
        """
        roles:
          - id: bootcamp
            title: "Bootcamp graduate"
            summary: "Our twelve-week track."
            routes: ["The bootcamp"]
            skills: [{category: "Python", items: ["Python"]}]
            salaries: [{region: us, setting: "junior", currency: USD, low: 70000}]
            employers: ["Partners"]
            ladder: ["Graduate"]
            roadmap: [python-basics, numpy-pandas-matplotlib]
            core: [numpy-pandas-matplotlib]
        phases:
          - id: python-foundations
            title: "Python first"
            summary: "Renamed by the overlay."
        """,
    )
    result = runner.invoke(
        app, ["plan", "-t", "bootcamp", "--start", "2027-01-04", "--no-input", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    assert "# Study plan: Bootcamp graduate" in result.stdout
    assert "Phase: Python first" in result.stdout
    catalog = load_catalog()
    assert next(iter(catalog.phases)) == "python-foundations"  # replaced in place


def test_removed_milestone_still_referenced_names_both_places(
    runner: CliRunner, home: Path
) -> None:
    overlay = write(home / "roadmaps.yaml", "remove:\n  milestones: [sql-basics]\n")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    removed_at = f"(removed at {overlay}:2)"
    problems = result.stdout.splitlines()[:-1]
    assert problems
    assert all(p.startswith(f"{SHIPPED_ROADMAPS}:") and p.endswith(removed_at) for p in problems)
    roadmap_line = line_in(SHIPPED_ROADMAPS, "  - id: ds\n")
    assert any(
        p.startswith(f"{SHIPPED_ROADMAPS}:")
        and "role 'ds': field 'roadmap': unknown milestone 'sql-basics'" in p
        and int(p.split(":")[1]) > roadmap_line
        for p in problems
    )
    # The other commands refuse the broken data with the same problems on stderr.
    plan = runner.invoke(app, ["plan", "-t", "ds", "--start", "2027-01-04", "--no-input"])
    assert plan.exit_code == 2
    assert removed_at in plan.stderr
    assert "Traceback" not in plan.output


def test_removing_a_milestone_and_its_uses_is_fine(home: Path) -> None:
    shipped = load_catalog()
    needed = {pre for m in shipped.milestones.values() for pre in m.prerequisites}
    gone = next(m for m in shipped.milestones if m not in needed)
    roles = [r for r in shipped.roles.values() if gone in r.roadmap]
    assert roles
    role_yaml = "\n".join(
        "  - "
        + r.model_copy(
            update={
                "roadmap": [m for m in r.roadmap if m != gone],
                "core": [m for m in r.core if m != gone],
            }
        ).model_dump_json(exclude_none=True)
        for r in roles
    )
    write(home / "roadmaps.yaml", f"remove:\n  milestones: [{gone}]\nroles:\n{role_yaml}\n")
    catalog = load_catalog()
    assert gone not in catalog.milestones
    assert list(catalog.roles) == list(shipped.roles)


def test_overlay_schema_errors_name_the_overlay_file(runner: CliRunner, home: Path) -> None:
    overlay = write(
        home / "resources.yaml",
        NEW_RESOURCE.replace("kind: article", "kind: podcast").replace(
            "        cost: free\n      - id: python",
            "        cost: free\n        colour: red\n      - id: python",
        ),
    )
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    kind = line_in(overlay, "kind: podcast")
    colour = line_in(overlay, "colour: red")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{overlay}:{kind}: resource 'team-handbook': field 'kind': ")
    assert (
        lines[1] == f"{overlay}:{colour}: resource 'team-handbook': field 'colour': unknown field"
    )
    assert lines[-1].startswith("2 problems in ") and str(overlay) in lines[-1]


def test_overlay_mistakes_are_reported(home: Path) -> None:
    overlay = write(
        home / "resources.yaml",
        """
        remove:
          resources: [no-such-resource]
        resources:
          - {id: twin, title: A, kind: tool, provider: P, phases: [kaggle],
             level: beginner, language: en, cost: free}
          - {id: twin, title: B, kind: tool, provider: P, phases: [kaggle],
             level: beginner, language: en, cost: free}
        """,
    )
    with pytest.raises(DataError) as info:
        load_catalog()
    assert info.value.problems == [
        f"the problem is in your overlay {overlay}: fix it (see `mlpath validate`),"
        " or run with --no-overlays to leave your overlays out",
        f"{overlay}:2: remove: field 'resources': no resource 'no-such-resource' to remove",
        f"{overlay}:6: resource 'twin': field 'id': duplicate id (first defined at line 4)",
    ]


def test_a_data_dir_is_used_as_given_unless_overlays_are_asked_for(
    runner: CliRunner, home: Path, tmp_path: Path
) -> None:
    init = runner.invoke(app, ["init-data", str(tmp_path / "d")])
    assert init.exit_code == 0
    write(home / "resources.yaml", "remove:\n  resources: [think-stats]\n")
    everything = ["python-tutorial", "sklearn-user-guide", "think-stats"]
    assert sorted(load_catalog(tmp_path / "d").resources) == everything
    laid = load_catalog(tmp_path / "d", overlays=True)
    assert sorted(laid.resources) == ["python-tutorial", "sklearn-user-guide"]
    # validate and plan agree, whichever way.
    d = str(tmp_path / "d")
    assert runner.invoke(app, ["validate", d]).exit_code == 0
    assert runner.invoke(app, ["resources", "--data-dir", d, "--json"]).stdout.count('"id"') == 3
    laid_out = runner.invoke(app, ["resources", "--data-dir", d, "--overlays", "--json"])
    assert laid_out.stdout.count('"id"') == 2


def test_no_overlays_turns_a_broken_overlay_off(runner: CliRunner, home: Path) -> None:
    write(home / "resources.yaml", "resources: [oops]\n")
    broken = runner.invoke(app, ["phases"])
    assert broken.exit_code == 2
    assert (
        "run with --no-overlays" in broken.stderr and str(home / "resources.yaml") in broken.stderr
    )
    assert runner.invoke(app, ["phases", "--no-overlays"]).exit_code == 0


def test_validate_an_overlay_file_by_path(runner: CliRunner, home: Path) -> None:
    overlay = write(home / "resources.yaml", NEW_RESOURCE)
    result = runner.invoke(app, ["validate", str(overlay)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: ") and str(overlay) in result.stdout


@pytest.mark.parametrize("text", ["- a list\n", "just a string\n"])
def test_overlay_must_be_a_mapping(home: Path, text: str) -> None:
    overlay = home / "roadmaps.yaml"
    overlay.write_text(text)
    with pytest.raises(DataError) as info:
        load_catalog()
    # The way out comes first, then the problem itself.
    assert "run with --no-overlays" in info.value.problems[0]
    assert info.value.problems[1].startswith(f"{overlay}:1: expected a mapping at the top level")


TEAM_MILESTONE = """
    milestones:
      - id: team-onboarding
        title: Our team's onboarding
        phase: mlops
        outcome: You know our stack.
        topics: [Our repositories]
        deliverable: A merged first pull request.
        hours: 20
        level: intermediate
        prerequisites: [job-search]
    roadmaps:
      - role: mle
        add: [team-onboarding]
        after: job-search
        core: [team-onboarding]
        remove: [kaggle-medal]
"""


def test_an_overlay_edits_a_role_roadmap_without_copying_it(home: Path) -> None:
    write(home / "roadmaps.yaml", TEAM_MILESTONE)
    role = load_catalog().roles["mle"]
    shipped = load_catalog(shipped_data_dir()).roles["mle"]
    assert role.roadmap.index("team-onboarding") == role.roadmap.index("job-search") + 1
    assert "team-onboarding" in role.core and "kaggle-medal" not in role.roadmap
    assert len(role.roadmap) == len(shipped.roadmap)  # one added, one removed
    assert role.summary == shipped.summary  # nothing else of the role was copied


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ("- role: nobody\n  add: [job-search]", "roadmaps: unknown role 'nobody'"),
        ("- role: mle\n  remove: [ab-testing]", "'ab-testing' is not on the mle roadmap"),
        ("- role: mle\n  add: [job-search]", "'job-search' is already on the mle roadmap"),
        ("- role: mle\n  add: [ab-testing]\n  after: ab-testing", "after: 'ab-testing' is not"),
    ],
)
def test_roadmap_edit_mistakes_name_file_and_line(home: Path, edit: str, problem: str) -> None:
    overlay = write(home / "roadmaps.yaml", "roadmaps:\n" + textwrap.indent(edit, "  ") + "\n")
    with pytest.raises(DataError) as info:
        load_catalog()
    assert any(p.startswith(f"{overlay}:2: ") and problem in p for p in info.value.problems), (
        info.value.problems
    )


def test_data_show_prints_an_entry_to_start_an_overlay_from(runner: CliRunner, home: Path) -> None:
    import yaml

    result = runner.invoke(app, ["data", "show", "job-search", "--no-overlays"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert data["milestones"][0]["id"] == "job-search"
    # Pasted into an overlay unchanged, it is a valid overlay that changes nothing.
    write(home / "roadmaps.yaml", result.stdout)
    assert (
        load_catalog().milestones["job-search"]
        == load_catalog(shipped_data_dir()).milestones["job-search"]
    )
    typo = runner.invoke(app, ["data", "show", "job-serch"])
    assert typo.exit_code == 2 and "did you mean 'job-search'?" in typo.stderr
