"""Resolution bench: depreview (uv, cold and warm cache) vs `pip install --dry-run --report`.

Generates one local package universe (tiny wheels with chosen metadata: an ML-shaped core
plus a seeded random dependency graph), writes it both as a PEP 503 simple index and as a
flat directory, and resolves the same requirements with:
1. depreview's own path (`build_snapshot` → `resolve_snapshot`, i.e. `uv pip compile
   --no-build`) with a fresh uv cache (cold), then with that cache warm, then with the
   resolution cache (a dict-backed Redis stand-in) warm;
2. pip: `python -m pip install --dry-run --ignore-installed --report - --no-index
   --find-links <flat dir>`, isolated from the machine's pip config (PIP_CONFIG_FILE=/dev/null,
   no PIP_* variables), so no global constraints or extra indexes leak in.
Whole-call wall time, median of --repeat runs; both sides must agree on the pinned set.

Run: uv run --frozen python bench/resolve_bench.py [--packages 150] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rules.config import RepoConfig
from rules.manifests.snapshot import build_snapshot
from tests.worker.resolve.wheels import BASE_DISTS, Dist, write_flat, write_simple
from worker.resolve import resolve_snapshot
from worker.resolve.cache import ResolutionCache
from worker.resolve.indexes import IndexPolicy
from worker.resolve.pypi import RunOptions
from worker.resolve.uv import uv_version


class DictStore:
    """The Redis get/set subset, in memory."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        self.data[name] = value
        return True


def universe(count: int, seed: int = 7) -> tuple[list[Dist], list[str]]:
    """A seeded random dependency graph of `count` packages (5 versions each) plus the ML core."""
    rng = random.Random(seed)
    dists = [d for d in BASE_DISTS if not d.sdist and d.name not in ("uses-legacy", "lib-a")]
    names = [f"pkg-{i:03d}" for i in range(count)]
    for i, name in enumerate(names):
        later = names[i + 1 :]
        for minor in range(5):
            deps = []
            for dep in rng.sample(later, k=min(len(later), rng.randint(0, 3))):
                low = rng.randint(0, 2)
                deps.append(f"{dep}>=1.{low}")
            if rng.random() < 0.2:
                deps.append("numpy>=1.23")
            dists.append(Dist(name, f"1.{minor}.0", tuple(deps)))
    top = [*rng.sample(names[: count // 2], k=min(25, count // 2)), "pandas", "torch", "lib-x"]
    return dists, top


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall seconds of `repeat` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pip_env() -> dict[str, str]:
    """The environment without any pip configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_"))}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def pip_python() -> str:
    """A Python with pip (this venv has none; the machine's python3 does)."""
    base = str(Path(sys.base_prefix) / "bin" / "python3")
    for candidate in (sys.executable, base, shutil.which("python3") or ""):
        probe = subprocess.run(
            [candidate, "-m", "pip", "--version"], capture_output=True, text=True, check=False
        )
        if candidate and probe.returncode == 0:
            return candidate
    raise SystemExit("no Python with pip found")


def run_pip(python: str, flat: Path, requirements: Path) -> dict[str, str]:
    """pip's resolution of the requirements from the flat directory, as name → version."""
    out = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--ignore-installed",
            "--quiet",
            "--report",
            "-",
            "--no-index",
            "--find-links",
            str(flat),
            "--no-cache-dir",
            "--only-binary",
            ":all:",
            "-r",
            str(requirements),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=pip_env(),
    )
    if out.returncode != 0:
        raise SystemExit(f"pip failed:\n{out.stderr}")
    report = json.loads(out.stdout)
    return {i["metadata"]["name"].lower(): i["metadata"]["version"] for i in report["install"]}


def main() -> None:
    """Build the universe, run both resolvers, print the table and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="depreview-resolve-bench-"))
    try:
        dists, top = universe(args.packages)
        simple = write_simple(work / "simple", dists).as_uri()
        flat = write_flat(work / "flat", dists)
        text = f"--index-url {simple}\n" + "\n".join(top) + "\n"
        (work / "requirements.txt").write_text("\n".join(top) + "\n")
        snapshot = build_snapshot({"requirements.txt": text})
        python = pip_python()
        python_full = subprocess.run(
            [python, "-c", "import platform; print(platform.python_version())"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        config = RepoConfig.model_validate({"targets": {"python": [python_full]}})
        policy = IndexPolicy(allow_file_urls=True)

        def depreview(cache_dir: Path, cache: ResolutionCache | None = None) -> Any:
            options = RunOptions(policy=policy, cache=cache, cache_dir=cache_dir)
            resolutions, findings = resolve_snapshot(snapshot, config, options)
            assert resolutions[0].ok, findings
            return resolutions[0]

        cold_times = []
        for i in range(args.repeat):
            start = time.perf_counter()
            depreview(work / f"cold-{i}")
            cold_times.append(time.perf_counter() - start)
        cold = statistics.median(cold_times)
        warm_dir = work / "cold-0"
        warm, resolution = timed(lambda: depreview(warm_dir), args.repeat)
        store = ResolutionCache(DictStore())
        depreview(warm_dir, store)
        cached, _ = timed(lambda: depreview(warm_dir, store), args.repeat)
        pip_time, pip_pins = timed(
            lambda: run_pip(python, flat, work / "requirements.txt"), args.repeat
        )
        ours = {k: v for k, v in resolution.pins.items()}
        agree = ours == {k.replace("_", "-"): v for k, v in pip_pins.items()}
        pip_version = subprocess.run(
            [python, "-m", "pip", "--version"], capture_output=True, text=True, check=False
        ).stdout.split(" from ")[0]
        print(
            f"universe: {len(dists)} distributions, {len(top)} top-level requirements, "
            f"{len(ours)} packages resolved; {uv_version()}; {pip_version}"
        )
        print(f"pinned sets agree: {agree}")
        print(f"{'resolver':<44} {'median s':>9}")
        print(f"{'pip install --dry-run --report (no cache)':<44} {pip_time:>9.3f}")
        print(f"{'depreview/uv, cold uv cache':<44} {cold:>9.3f}")
        print(f"{'depreview/uv, warm uv cache':<44} {warm:>9.3f}")
        print(f"{'depreview, resolution cache hit':<44} {cached:>9.4f}")
        print(f"ratio pip / depreview cold: {pip_time / cold:.1f}x")
        print(f"ratio pip / depreview warm uv cache: {pip_time / warm:.1f}x (target >= 10x)")
        print(f"ratio pip / depreview resolution cache hit: {pip_time / cached:.0f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
