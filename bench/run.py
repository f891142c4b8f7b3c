"""Start-up and scale benchmark for mlpath, measured against the typer floor.

Each command is run as a whole process, alternately with its baseline, ``--runs``
times; the table shows medians, ratios to the baseline and peak memory, and the
exit status is 1 when a target is missed (never with ``--quick`` or
``--no-fail``, which CI uses: timing noise must not fail a build).

The typer floor (``bench/floor_app.py``) is the smallest typer app with one
command that prints a word: what any typer CLI pays before doing any work.

It also reports how many questions ``mlpath assess`` asks random truthful
learners on the shipped data (bench/placement_stats.py).

Usage: python bench/run.py [--runs N] [--quick] [--no-fail] [--factor N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR_APP = HERE / "floor_app.py"
GENERATOR = HERE / "gen_catalog.py"
PLACEMENT_STATS = HERE / "placement_stats.py"
PLAN_ARGS = ["plan", "--target", "mle", "--level", "beginner", "--start", "2027-01-04"]
MEMORY_LIMIT_MIB = 50.0
# A data analyst's answers that settle the whole researcher path without a question.
ANALYST_ANSWERS = (
    '{"pytorch-cnns": "no", "first-three-projects": "no", "math-essentials": "partly",'
    ' "ml-fundamentals": "no"}'
)
QUESTIONS_LIMIT = 0.4  # average questions per placement, as a share of the role's milestones


@dataclass
class Command:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    peak_kib: int = 0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu_times) * 1000


@dataclass
class Target:
    command: str
    baseline: str
    limit: float  # the most the command's median may take, as a multiple of the baseline's


def mlpath_argv() -> list[str]:
    """The installed ``mlpath`` script next to this Python, as a user runs it."""
    script = Path(sys.executable).parent / "mlpath"
    if script.is_file():
        return [str(script)]
    found = shutil.which("mlpath")
    return [found] if found else [sys.executable, "-m", "mlpath"]


def run_once(cmd: Command, out_dir: Path) -> tuple[float, float, int]:
    """Wall time and CPU time (s) and peak resident memory (KiB) of one run; stops on failure."""
    env = {**os.environ, **cmd.env}
    with (out_dir / "stdout").open("wb") as out, (out_dir / "stderr").open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd.argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        message = (out_dir / "stderr").read_text(errors="replace")
        raise SystemExit(f"bench: {cmd.name} exited {proc.returncode}:\n{message}")
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return elapsed, usage.ru_utime + usage.ru_stime, peak


def measure(commands: list[Command], runs: int, out_dir: Path) -> None:
    for cmd in commands:  # warm-up: page cache, .pyc files and mlpath's own cache
        run_once(cmd, out_dir)
    for i in range(runs):
        # Rotate the order each round so no command always follows the same one.
        shift = i % len(commands)
        for cmd in commands[shift:] + commands[:shift]:
            elapsed, cpu, peak = run_once(cmd, out_dir)
            cmd.times.append(elapsed)
            cmd.cpu_times.append(cpu)
            cmd.peak_kib = max(cmd.peak_kib, peak)


def cold_plan_ms(mlpath: list[str], env: dict[str, str], runs: int, out_dir: Path) -> float:
    """``plan`` with an empty cache each time: YAML parsing and validation included."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            cmd = Command("cold", [*mlpath, *PLAN_ARGS], env={**env, "XDG_CACHE_HOME": cache})
            times.append(run_once(cmd, out_dir)[0])
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help="rounds (default 21, quick 5)")
    parser.add_argument("--quick", action="store_true", help="few rounds; never fails")
    parser.add_argument("--no-fail", action="store_true", help="report only; exit 0")
    parser.add_argument("--factor", type=int, default=100, help="size of the big catalogue")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 21)

    with tempfile.TemporaryDirectory(prefix="mlpath-bench-") as tmp_name:
        tmp = Path(tmp_name)
        out_dir = tmp / "out"
        out_dir.mkdir()
        big = tmp / f"data-{args.factor}x"
        # In a child process: a child's peak memory as the kernel reports it includes
        # its parent's at fork time, so this process must stay small.
        subprocess.run(
            [sys.executable, str(GENERATOR), str(big), "--factor", str(args.factor)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Private user directories, found the way a user's are (platformdirs, XDG):
        # no overlays, and mlpath's cache starts empty.
        env = {"XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache")}
        for var in (
            "MLPATH_HOME",
            "MLPATH_DATA_DIR",
            "MLPATH_DEBUG",
            "MLPATH_NO_CACHE",
            "PYTHONDONTWRITEBYTECODE",
        ):
            os.environ.pop(var, None)
        # Bytecode is cached (in a private directory, for every program measured), as it
        # is for an installed mlpath; without it each run would compile mlpath anew.
        os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        mlpath = mlpath_argv()
        floor = [sys.executable, str(FLOOR_APP)]
        answers = tmp / "answers.json"
        answers.write_text(ANALYST_ANSWERS, encoding="utf-8")
        assess_argv = [*mlpath, "assess", "--target", "researcher", "--answers", str(answers)]
        big_plan = Command(
            f"plan ({args.factor}x data)", [*mlpath, *PLAN_ARGS, "--data-dir", str(big)], env
        )
        first_big_ms = run_once(big_plan, out_dir)[0] * 1000  # builds the big cache
        commands = [
            Command("floor", floor),
            Command("floor --help", [*floor, "--help"]),
            Command("mlpath --help", [*mlpath, "--help"], env),
            Command("mlpath --version", [*mlpath, "--version"], env),
            Command("plan", [*mlpath, *PLAN_ARGS], env),
            Command("assess --answers", assess_argv, env),
            Command(
                "resources --phase deep-learning",
                [*mlpath, "resources", "--phase", "deep-learning"],
                env,
            ),
            big_plan,
        ]
        measure(commands, runs, out_dir)
        cold_ms = cold_plan_ms(mlpath, env, max(3, runs // 4), out_dir)

    by_name = {c.name: c for c in commands}
    targets = [
        Target("mlpath --help", "floor --help", 1.15),
        Target("mlpath --version", "floor --help", 1.15),
        Target("plan", "floor", 1.4),
        Target("assess --answers", "floor", 1.4),
        Target("resources --phase deep-learning", "floor", 1.4),
        Target(big_plan.name, "plan", 3.0),
    ]
    missed = report(by_name, targets, runs)
    missed += placement_report(args.quick)
    print(f"\nplan with an empty cache (parse and validate the YAML): {cold_ms:.0f} ms")
    print(f"plan on the {args.factor}x data, first run (builds its cache): {first_big_ms:.0f} ms")
    if missed:
        print(f"\nmissed: {', '.join(missed)}")
        if not (args.quick or args.no_fail):
            return 1
    else:
        print("\nall targets met")
    return 0


def placement_report(quick: bool) -> list[str]:
    """Questions ``assess`` asks random truthful learners; the targets missed.

    In a child process, so this one stays small (see the note on peak memory).
    """
    learners = "100" if quick else "500"
    result = subprocess.run(
        [sys.executable, str(PLACEMENT_STATS), "--learners", learners],
        check=True,
        capture_output=True,
        text=True,
    )
    stats = json.loads(result.stdout)
    print(
        f"\nplacement questions, mean of {learners} random truthful learners per role"
        f" (target: any-order mean <= {QUESTIONS_LIMIT:.0%} of the milestones)\n"
    )
    print("| role | milestones | any order | roadmap order | lower bound | ok |")
    print("|---|---:|---:|---:|---:|---|")
    missed = []
    for role, s in stats.items():
        n = s["milestones"]
        share = s["any_order"] / n
        ok = share <= QUESTIONS_LIMIT
        if not ok:
            missed.append(f"{role} placement ({share:.0%} > {QUESTIONS_LIMIT:.0%})")
        print(
            f"| {role} | {n:.0f} | {s['any_order']:.1f} ({share:.0%})"
            f" | {s['roadmap_order']:.1f} ({s['roadmap_order'] / n:.0%})"
            f" | {s['lower_bound']:.1f} ({s['lower_bound'] / n:.0%}) | {'yes' if ok else 'NO'} |"
        )
    return missed


def report(by_name: dict[str, Command], targets: list[Target], runs: int) -> list[str]:
    """Print the table; return the targets missed."""
    print(f"medians of {runs} runs, Python {sys.version.split()[0]} on {sys.platform}\n")
    columns = ("command", "wall", "cpu", "baseline", "ratio", "target", "peak MiB", "ok")
    rows: list[tuple[str, ...]] = []
    missed = []
    limits = {t.command: t for t in targets}
    for cmd in by_name.values():
        target = limits.get(cmd.name)
        peak = cmd.peak_kib / 1024
        baseline = ratio_text = target_text = ok = ""
        if target is not None:
            ratio = cmd.median_ms / by_name[target.baseline].median_ms
            baseline, ratio_text = target.baseline, f"{ratio:.2f}"
            target_text = f"≤ {target.limit:g}"
            ok = "yes" if ratio <= target.limit else "NO"
            if ratio > target.limit:
                missed.append(f"{cmd.name} ({ratio:.2f} > {target.limit:g})")
        peak_text = f"{peak:.1f}"
        if cmd.name == "plan":
            peak_text += f" (≤ {MEMORY_LIMIT_MIB:g})"
            if peak >= MEMORY_LIMIT_MIB:
                ok = "NO"
                missed.append(f"plan memory ({peak:.1f} MiB ≥ {MEMORY_LIMIT_MIB:g} MiB)")
        rows.append(
            (
                f"`{cmd.name}`",
                f"{cmd.median_ms:.0f} ms",
                f"{cmd.cpu_ms:.0f} ms",
                baseline and f"`{baseline}`",
                ratio_text,
                target_text,
                peak_text,
                ok,
            )
        )
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
    right = {1, 2, 4, 6}
    for line in (columns, tuple("-" * w for w in widths), *rows):
        cells = [
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("| " + " | ".join(cells) + " |")
    return missed


if __name__ == "__main__":
    sys.exit(main())
