"""Peak RSS of one review job in-process: the torch-bump example through `run_review`.

    uv run --frozen python bench/worker_rss.py

The end-to-end test (tests/integration/test_e2e.py) measures the real Celery worker process
the same way (VmHWM) and prints it.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.settings import Settings  # noqa: E402
from tests.fakes.github import FakeGitHub  # noqa: E402
from tests.worker.test_review_job import FakeCoordinator  # noqa: E402
from worker.review.job import ReviewJob, run_review  # noqa: E402


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def main() -> None:
    """Review the example ten times and print peak RSS and time per review."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    gh = FakeGitHub()
    gh.commit("b" * 40, _tree(ROOT / "examples/torch-bump/base"))
    gh.commit("h" * 40, _tree(ROOT / "examples/torch-bump/head"))
    gh.open_pr("b" * 40, "h" * 40)
    # Static review only: resolution would reach the example's PyTorch index (see
    # bench/resolve_bench.py for resolution against a local index).
    settings = Settings(environment="development", resolve_enabled=False)
    times = []
    for i in range(10):
        job = ReviewJob(1, "octocat/Hello-World", "h" * 40, f"d-{i}", pr_number=gh.pr_number,
                        force=True)  # fmt: skip
        start = time.perf_counter()
        outcome = run_review(gh, FakeCoordinator(), settings, job)
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"outcome: {outcome.status} {outcome.conclusion}")
    print(f"peak RSS: {peak:.1f} MiB (after imports of this script: {before:.1f} MiB)")
    print(f"review time: first {times[0] * 1000:.0f} ms, median {sorted(times)[5] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
