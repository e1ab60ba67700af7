"""Burst bench: N pull requests delivered at once → time until every check run completes.

Real processes: redis-server, uvicorn serving the service, W `celery worker` processes
(solo pool, `-Q review`), and one fake GitHub over HTTP holding N repositories with one PR
each (tests/fakes). Every PR is delivered as a signed `pull_request.synchronize` at the same
moment; the bench polls the fake until each PR's `depreview` check run is completed and its
comment posted, and reports

- the time until all check runs completed,
- reviews per minute per worker process (N / that time / W),
- p50 / p95 of delivery-to-completion per PR.

`--resolve` turns resolution on against a generated local index (the conflict case of
tests/integration/test_e2e_resolve.py; uv resolves offline); without it the PRs are the
torch-bump example with resolution off. `--installations K` spreads the PRs over K
installations (writes are paced per installation: >= 1 s apart, see worker/github/pacing.py);
`--write-interval 0` turns pacing off to show the workers' own throughput.

Run: uv run --frozen python bench/burst_bench.py [--prs 20] [--workers 2] [--resolve]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.github import FakeGitHub  # noqa: E402
from tests.fakes.github_server import make_app  # noqa: E402
from tests.integration.test_e2e import SECRET, _pem, _send, _tree, _up  # noqa: E402
from tests.redis_proc import RedisServer, free_port  # noqa: E402
from worker.github.api import RepoRef  # noqa: E402

PAYLOAD = ROOT / "tests" / "fixtures" / "github-webhooks" / "pull_request" / "synchronize.json"
EXAMPLE = ROOT / "examples" / "torch-bump"


def _repos(n: int, resolve: bool) -> list[FakeGitHub]:
    payload = json.loads(PAYLOAD.read_bytes())
    pr = payload["pull_request"]
    if resolve:
        common = {"requirements/ml.txt": b"scipy==1.10.1\n", ".python-version": b"3.11\n"}
        base = {**common, "requirements.txt": b"-r requirements/ml.txt\nnumpy>=1.19\n"}
        head = {**common, "requirements.txt": b"-r requirements/ml.txt\nnumpy>=1.24\n"}
    else:
        base, head = _tree(EXAMPLE / "base"), _tree(EXAMPLE / "head")
    fakes = []
    for i in range(n):
        gh = FakeGitHub(repo=RepoRef("bench", f"repo-{i}"), pr_number=pr["number"])
        gh.commit(pr["base"]["sha"], base)
        gh.commit(pr["head"]["sha"], head)
        gh.open_pr(pr["base"]["sha"], pr["head"]["sha"])
        fakes.append(gh)
    return fakes


def _serve(fakes: list[FakeGitHub]) -> tuple[str, uvicorn.Server]:
    """One server for every fake repository (their routes side by side)."""
    app = FastAPI()
    for gh in fakes:
        app.router.routes.extend(make_app(gh).router.routes)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server


def _done(gh: FakeGitHub) -> bool:
    return bool(gh.comments) and any(r["status"] == "completed" for r in gh.check_runs)


def _payload(i: int, installations: int) -> bytes:
    payload: dict[str, Any] = json.loads(PAYLOAD.read_bytes())
    payload["repository"]["full_name"] = f"bench/repo-{i}"
    payload["repository"]["name"] = f"repo-{i}"
    payload["installation"]["id"] = 1 + i % installations
    return json.dumps(payload).encode()


def run(args: argparse.Namespace) -> dict[str, Any]:
    """One burst; returns the figures."""
    fakes = _repos(args.prs, args.resolve)
    work = Path(tempfile.mkdtemp(prefix="burst-bench-"))
    redis = RedisServer(work / "redis")
    redis.start()
    api_url, server = _serve(fakes)
    env = {
        **os.environ,
        "DEPREVIEW_REDIS_URL": redis.url,
        "DEPREVIEW_WEBHOOK_SECRET": SECRET,
        "DEPREVIEW_GITHUB_APP_ID": "1",
        "DEPREVIEW_GITHUB_PRIVATE_KEY": _pem(),
        "DEPREVIEW_GITHUB_API_URL": api_url,
        "DEPREVIEW_RESOLVE_ENABLED": "true" if args.resolve else "false",
        "DEPREVIEW_GITHUB_WRITE_INTERVAL_S": str(args.write_interval),
        "DEPREVIEW_INSTALLATION_CONCURRENCY": str(max(4, args.workers)),
        "DEPREVIEW_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    if args.resolve:
        from tests.worker.resolve.wheels import build_universe

        universe = build_universe(work / "index")
        env["DEPREVIEW_RESOLVE_INDEX_URL"] = universe.pypi
        env["DEPREVIEW_UV_CACHE_DIR"] = str(work / "uv-cache")
    port = free_port()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "service.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    for w in range(args.workers):
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "worker.celery_app",
                    "worker",
                    "-Q",
                    "review",
                    "--pool",
                    "solo",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "-n",
                    f"bench{w}@%h",
                    "-l",
                    "WARNING",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while not _up(f"{url}/healthz"):
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not start")
            time.sleep(0.1)
        time.sleep(args.warmup)  # let the workers connect to the broker
        bodies = [_payload(i, args.installations) for i in range(args.prs)]
        with httpx.Client(timeout=10) as client:
            start = time.monotonic()
            for i, body in enumerate(bodies):
                assert _send(client, url, body, f"burst-{i}") == 202
        sent = time.monotonic()
        finished: dict[int, float] = {}
        deadline = start + args.timeout
        while len(finished) < len(fakes) and time.monotonic() < deadline:
            for i, gh in enumerate(fakes):
                if i not in finished and _done(gh):
                    finished[i] = time.monotonic()
            time.sleep(0.05)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        server.should_exit = True
        redis.stop()
    if len(finished) < len(fakes):
        raise RuntimeError(f"only {len(finished)} of {len(fakes)} reviews finished in time")
    latencies = sorted(t - start for t in finished.values())
    total = max(finished.values()) - start
    duplicates = sum(len(gh.check_runs) != 1 or len(gh.comments) != 1 for gh in fakes)
    return {
        "prs": args.prs,
        "workers": args.workers,
        "installations": args.installations,
        "resolve": args.resolve,
        "write_interval_s": args.write_interval,
        "deliver_s": round(sent - start, 2),
        "all_completed_s": round(total, 1),
        "reviews_per_min_per_worker": round(args.prs / total * 60 / args.workers, 1),
        "p50_s": round(statistics.median(latencies), 1),
        "p95_s": round(latencies[max(0, int(len(latencies) * 0.95 + 0.5) - 1)], 1),
        "prs_with_duplicate_runs_or_comments": duplicates,
    }


def main() -> None:
    """Parse the options, run one burst, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prs", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--installations", type=int, default=1)
    parser.add_argument("--resolve", action="store_true")
    parser.add_argument("--write-interval", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=4.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    print(json.dumps(run(parser.parse_args()), indent=2))


if __name__ == "__main__":
    main()
