"""The built wheel works on its own: fresh venv, run from outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("MLPATH_SKIP_WHEEL") == "1", reason="MLPATH_SKIP_WHEEL=1")
def test_wheel_installs_and_plans_from_outside_the_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(dist.glob("mlpath-*.whl"))
    env_dir = tmp_path / "venv"
    # Reuse this environment's dependencies so the test needs no network.
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    site = next((env_dir / "lib").glob("python*/site-packages"))
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {**os.environ, "NO_COLOR": "1", "MLPATH_HOME": str(tmp_path / "home")}
    env.pop("MLPATH_DATA_DIR", None)
    script = site / "bin" / "mlpath"  # the console script the wheel declares
    assert script.is_file()
    args = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
    result = subprocess.run(
        [str(python), str(script), *args],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Machine Learning Engineer" in result.stdout
    assert "2027-01-04" in result.stdout
    where = subprocess.run(
        [str(python), "-c", "import mlpath.catalog as c; print(c.shipped_data_dir())"],
        cwd=outside,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(site)  # data from the wheel, not the repo
