"""What each kind of run imports, checked in a fresh interpreter (not timed).

Start-up time is mostly imports: ``--help`` must not pay for YAML, rich's
tables or mlpath's data layer, and a command must not import what it does not
use. bench/run.py measures the time; these tests keep the structure honest.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Runs mlpath's entry point, then prints the names in sys.modules as JSON on stderr.
PROBE = """
import json, sys
from mlpath.cli import main
sys.argv = ["mlpath", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""

DATA_LAYER = ("yaml", "mlpath.models", "mlpath.catalog", "mlpath.planner", "mlpath.overlay")
PLAN = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]


def modules_after(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    marker = result.stderr.rfind("MODULES ")
    assert marker >= 0, result.stderr
    return set(json.loads(result.stderr[marker + len("MODULES ") :]))


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"], []], ids=str)
def test_help_and_version_import_no_data_layer_and_no_rich(args: list[str]) -> None:
    loaded = modules_after(*args)
    assert "mlpath.cli" in loaded  # the probe did run mlpath
    assert not loaded & {*DATA_LAYER, "rich.table", "rich.console", "rich.markdown"}


def test_help_builds_no_command_module_beyond_their_docstrings() -> None:
    # Listing the commands reads their docstrings; their heavy imports stay inside them.
    loaded = modules_after("--help")
    assert not {m for m in loaded if m.startswith(("mlpath.render", "mlpath.export"))}


def test_a_command_imports_only_its_own_module() -> None:
    loaded = modules_after("phases")
    assert "mlpath.cli.info" in loaded
    assert not loaded & {"mlpath.cli.plan", "mlpath.cli.progress", "mlpath.cli.data"}


def test_command_help_imports_no_data_layer() -> None:
    loaded = modules_after("plan", "--help")
    assert "mlpath.cli.plan" in loaded
    assert not loaded & {*DATA_LAYER, "rich.table"}


def test_a_cached_catalogue_is_read_without_parsing_yaml(tmp_path: Path) -> None:
    first = modules_after(*PLAN)
    assert "yaml.constructor" in first  # the first run parsed the YAML and filled the cache
    second = modules_after(*PLAN)
    assert "mlpath.planner" in second
    assert "mlpath.overlay" not in second  # no overlay files: its models are not needed
    assert "rich._emoji_codes" not in second  # data text is never read for :emoji: codes
    # ``yaml`` itself is registered lazily; its submodules load only if it is used.
    assert not {m for m in second if m.startswith("yaml.")}


def test_every_registered_command_loads_and_is_listed() -> None:
    from typer.testing import CliRunner

    from mlpath.cli import COMMANDS, app

    runner = CliRunner()
    listing = runner.invoke(app, ["--help"]).stdout
    for name in COMMANDS:
        assert f"  {name} " in listing
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert f"mlpath {name} [OPTIONS]" in result.stdout


def test_a_piped_plan_imports_no_rich() -> None:
    # Off a terminal the plan is plain text: rich's import and layout are skipped.
    loaded = modules_after(*PLAN)
    assert "mlpath.render.text" in loaded
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}


def test_piped_resources_import_no_rich() -> None:
    loaded = modules_after("resources", "--phase", "deep-learning")
    assert "mlpath.render.text" in loaded
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}
