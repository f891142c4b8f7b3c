"""``mlpath validate`` and ``mlpath init-data``: every problem, with file, line, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlpath.cli import app
from mlpath.validate import TEMPLATES, validate_paths


def starter(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    shutil.copytree(TEMPLATES, directory)
    return directory


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (which must occur once) and return its 1-based line number."""
    text = path.read_text()
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new))
    return line


def run(runner: CliRunner, *args: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["validate", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines()


def test_shipped_data_is_clean(runner: CliRunner) -> None:
    code, lines = run(runner)
    assert code == 0
    assert lines == [lines[0]] and lines[0].startswith("ok: ")
    assert "4 roles" in lines[0]


def test_init_data_writes_a_pair_that_validates(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "new" / "mydata"
    result = runner.invoke(app, ["init-data", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == ["resources.yaml", "roadmaps.yaml"]
    assert (target / "roadmaps.yaml").read_text().startswith("# A starter roadmaps.yaml")
    code, lines = run(runner, str(target))
    assert code == 0, lines
    plan = runner.invoke(
        app, ["plan", "--data-dir", str(target), "-t", "analyst", "--start", "2027-01-04"]
    )
    assert plan.exit_code == 0, plan.output
    assert "A first predictive model" in plan.stdout


def test_init_data_refuses_to_overwrite_either_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "resources.yaml").write_text("mine\n")
    result = runner.invoke(app, ["init-data", str(tmp_path)])
    assert result.exit_code == 1
    assert "already exists; use --force" in result.stderr
    assert (tmp_path / "resources.yaml").read_text() == "mine\n"
    assert not (tmp_path / "roadmaps.yaml").exists()  # nothing half-written
    forced = runner.invoke(app, ["init-data", str(tmp_path), "--force"])
    assert forced.exit_code == 0
    assert (tmp_path / "resources.yaml").read_text().startswith("# A starter")


def test_init_data_into_a_file_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    result = runner.invoke(app, ["init-data", str(tmp_path / "f")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'f'}: exists and is not a directory"


def test_every_schema_problem_at_once(runner: CliRunner, tmp_path: Path) -> None:
    data = starter(tmp_path)
    r, s = data / "roadmaps.yaml", data / "resources.yaml"
    entry = edit(r, "  - id: python-start", "  - id: python-start")
    typo = edit(r, '    outcome: "You can write', '    outcom: "You can write')
    wrong = edit(r, "level: beginner             # beginner", "level: expert")
    zero = edit(r, "hours: 15", "hours: 0")
    absurd = edit(r, "hours: 25", "hours: 5000")
    url = edit(s, "url: https://greenteapress.com/wp/think-stats-2e/", "url: not a url")
    resource = edit(s, "  - id: sklearn-user-guide", "  - id: sklearn-user-guide")
    edit(s, '    provider: "scikit-learn developers"\n', "")
    code, lines = run(runner, str(data))
    assert code == 2
    assert lines == [
        f"{r}:{entry}: milestone 'python-start': field 'outcome': required field is missing",
        f"{r}:{wrong}: milestone 'python-start': field 'level': Input should be 'beginner',"
        " 'intermediate' or 'advanced'",
        f"{r}:{typo}: milestone 'python-start': field 'outcom': unknown field;"
        " did you mean 'outcome'?",
        f"{r}:{zero}: milestone 'stats-start': field 'hours': Input should be greater than 0",
        f"{r}:{absurd}: milestone 'first-model': field 'hours': Input should be less than or"
        " equal to 1000",
        f"{s}:{url}: resource 'think-stats': field 'url': Input should be a valid URL,"
        " relative URL without a base",
        f"{s}:{resource}: resource 'sklearn-user-guide': field 'provider':"
        " required field is missing",
        f"7 problems in {r}, {s}",
    ]


def test_every_reference_problem_at_once(runner: CliRunner, tmp_path: Path) -> None:
    data = starter(tmp_path)
    roadmaps, resources = data / "roadmaps.yaml", data / "resources.yaml"
    phase = edit(roadmaps, "phase: modelling", "phase: modeling")
    curated = edit(roadmaps, "resources: [python-tutorial]", "resources: [python-tutorail]")
    pre = edit(roadmaps, "prerequisites: [stats-start]", "prerequisites: [stats-start, nope]")
    code, lines = run(runner, str(data))
    assert code == 2
    assert lines == [
        f"{roadmaps}:{curated}: milestone 'python-start': field 'resources':"
        " unknown resource 'python-tutorail'; did you mean 'python-tutorial'?",
        f"{roadmaps}:{phase}: milestone 'first-model': field 'phase': unknown phase 'modeling';"
        " did you mean 'modelling'?",
        f"{roadmaps}:{pre}: milestone 'first-model': field 'prerequisites':"
        " unknown milestone 'nope'",
        f"3 problems in {roadmaps}, {resources}",
    ]


def test_cycles_unorderable_roadmaps_and_duplicates(runner: CliRunner, tmp_path: Path) -> None:
    data = starter(tmp_path)
    r, s = data / "roadmaps.yaml", data / "resources.yaml"
    first = edit(r, "  - id: foundations", "  - id: foundations")
    dup = edit(r, "  - id: modelling", "  - id: foundations")
    cut = edit(r, "      - stats-start\n", "")
    loop = edit(r, "    hours: 20 ", "    prerequisites: [first-model]\n    hours: 20 ")
    phase = edit(r, "phase: modelling", "phase: modelling")
    used = edit(s, "phases: [modelling]", "phases: [modelling]")
    code, lines = run(runner, str(data))
    assert code == 2
    assert lines == [
        f"{r}:{dup}: phase 'foundations': field 'id': duplicate id (first defined at line {first})",
        f"{r}:{phase}: milestone 'first-model': field 'phase': unknown phase 'modelling'",
        f"{s}:{used}: resource 'sklearn-user-guide': field 'phases': unknown phase 'modelling'",
        f"{r}:{loop}: milestone 'python-start': field 'prerequisites': cycle"
        " python-start -> first-model -> stats-start -> python-start",
        f"{r}:{cut}: role 'analyst': field 'roadmap': cannot be ordered: 'first-model' needs"
        " 'stats-start', which the roadmap lacks",
        f"5 problems in {r}, {s}",
    ]


def test_yaml_syntax_error_has_line_and_column(runner: CliRunner, tmp_path: Path) -> None:
    data = starter(tmp_path)
    line = edit(data / "resources.yaml", "    kind: book", "    kind: [book")
    code, lines = run(runner, str(data))
    assert code == 2
    assert lines[0].startswith(f"{data / 'resources.yaml'}:line ")
    assert ", column " in lines[0] and "YAML error" in lines[0]
    assert int(lines[0].split("line ")[1].split(",")[0]) >= line
    assert lines[-1] == f"1 problem in {data / 'roadmaps.yaml'}, {data / 'resources.yaml'}"


def test_single_file_is_checked_with_its_sibling(tmp_path: Path) -> None:
    data = starter(tmp_path)
    report = validate_paths([data / "resources.yaml"])
    assert report.ok
    assert report.files == [data / "roadmaps.yaml", data / "resources.yaml"]


def test_single_file_without_sibling_uses_the_active_partner(tmp_path: Path) -> None:
    data = starter(tmp_path)
    lone = tmp_path / "lone" / "mine.yaml"
    lone.parent.mkdir()
    shutil.copy(data / "resources.yaml", lone)
    report = validate_paths([lone])
    # Checked against the shipped roadmaps, which know neither its phases nor
    # miss the resources the shipped milestones name.
    assert not report.ok
    assert any(
        p.startswith(f"{lone}:16: resource 'python-tutorial': field 'phases': unknown phase")
        for p in report.problems
    )
    assert report.files[-1] == lone


@pytest.mark.parametrize("args", [["nowhere"], ["nowhere", "nowhere/else.yaml"]])
def test_missing_paths_are_problems_not_crashes(
    runner: CliRunner, tmp_path: Path, args: list[str]
) -> None:
    code, lines = run(runner, *(str(tmp_path / a) for a in args))
    assert code == 2
    assert lines[0] == f"{tmp_path / args[0]}: file not found"
    assert len(lines) == len(args) + 1


def test_every_problem_in_one_run(runner: CliRunner, tmp_path: Path) -> None:
    """Schema errors no longer hide cross-reference errors, nor a bad sibling field an
    unknown phase."""
    data = starter(tmp_path)
    roadmaps = data / "roadmaps.yaml"
    hours = edit(roadmaps, "    hours: 15\n", "    hours: -3\n    deliverables: x\n")
    phase = edit(roadmaps, "    phase: modelling\n", "    phase: modeling\n")
    edit(
        roadmaps,
        '    phase: foundations\n    outcome: "You can summarise',
        ('    phase: fundations\n    outcome: "You can summarise'),
    )
    resources = data / "resources.yaml"
    edit(resources, "  - id: think-stats", "  - id: sklearn-user-guide")  # a duplicate id
    code, lines = run(runner, str(data))
    assert code == 2
    text = "\n".join(lines)
    # The schema problems of stats-start...
    assert f"roadmaps.yaml:{hours}: milestone 'stats-start': field 'hours':" in text
    assert "field 'deliverables': unknown field; did you mean 'deliverable'?" in text
    # ...its unknown phase, although its own entry failed validation...
    assert "milestone 'stats-start': field 'phase': unknown phase 'fundations';" in text
    assert "did you mean 'foundations'?" in text
    # ...and, in the same run, the cross-reference problems of the valid entries.
    assert f"roadmaps.yaml:{phase}: milestone 'first-model': field 'phase': unknown phase" in text
    assert "'modeling'; did you mean 'modelling'?" in text
    assert "resource 'sklearn-user-guide': field 'id': duplicate id" in text
    # An entry that failed is reported once, not again by whatever names it.
    assert "unknown milestone 'stats-start'" not in text


def test_warnings_for_entries_no_plan_can_show(runner: CliRunner, tmp_path: Path) -> None:
    data = starter(tmp_path)
    roadmaps = data / "roadmaps.yaml"
    edit(roadmaps, "      - first-model\n", "")
    edit(roadmaps, "core: [first-model]", "core: [stats-start]")
    code, lines = run(runner, str(data))
    assert code == 0, lines  # warnings are not errors
    assert "warning: milestone 'first-model' is on no role's roadmap, so no plan shows it" in lines
    assert any(line.startswith("warning: resource 'sklearn-user-guide'") for line in lines)


def test_custom_data_may_leave_out_checks(tmp_path: Path) -> None:
    directory = starter(tmp_path)
    assert "checks:" not in (directory / "roadmaps.yaml").read_text()
    assert validate_paths([directory]).ok


def test_shipped_data_must_give_every_milestone_checks(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(data_dir, shipped, ignore=shutil.ignore_patterns("__pycache__"))
    # Translations of the checks and quiz cut below would name fields the data no longer has.
    shutil.rmtree(shipped / "ja")
    roadmaps = shipped / "roadmaps.yaml"
    text = roadmaps.read_text()
    start = text.index("    checks:", text.index("  - id: sql-basics"))
    end = text.index("    hours:", start)
    roadmaps.write_text(text[:start] + text[end:])
    line = text[: text.index("  - id: sql-basics")].count("\n") + 1
    # The same file passes as custom data and fails as the shipped data.
    assert validate_paths([shipped]).ok
    monkeypatch.setattr("mlpath.validate.shipped_data_dir", lambda: shipped)
    code, lines = run(runner, str(shipped))
    assert code == 2
    assert lines[0] == (
        f"{roadmaps}:{line}: milestone 'sql-basics': field 'checks': shipped milestones need one"
        " to three can-do statements for placement"
    )
