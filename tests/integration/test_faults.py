"""Fault tests through the real stack: redis-server, uvicorn, `celery worker` processes and
the fake GitHub over HTTP with injected faults (`tests.fakes.github.Fault`).

Each test prints what it measured (`fault-timing: ...`); docs/reliability.md quotes them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.fakes.github import FakeGitHub, Fault
from tests.fakes.github_server import serve
from tests.integration.test_e2e import PAYLOAD, ROOT, SECRET, _pem, _send, _up, fake_github
from tests.redis_proc import RedisServer, free_port

pytestmark = pytest.mark.integration

__all__ = ["fake_github"]

SECONDARY_BODY = {
    "message": "You have exceeded a secondary rate limit. Please wait a few minutes before you "
    "try again.",
    "documentation_url": "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-"
    "rest-api#about-secondary-rate-limits",
    "status": "403",
}  # tests/fixtures/github-api/errors/403-secondary-rate-limit.body.json


@dataclass
class Stack:
    """The running processes; `worker()` starts one more `celery worker`."""

    url: str
    env: dict[str, str]
    tmp_path: Path
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    workers: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def worker(self, name: str) -> subprocess.Popen[bytes]:
        with open(self.tmp_path / f"{name}.log", "wb") as log:  # the child keeps its own copy
            proc = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker",
                 "-Q", "review", "--pool", "solo", "--without-gossip", "--without-mingle",
                 "--without-heartbeat", "-n", f"{name}@%h", "-l", "INFO"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.procs.append(proc)
        self.workers[name] = proc
        return proc

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")


@contextmanager
def stack(
    redis_url: str, gh: FakeGitHub, tmp_path: Path, extra_env: Mapping[str, str] = {}
) -> Iterator[Stack]:
    """The service on Redis and the fake GitHub; workers are started by the test."""
    with serve(gh) as api_url:
        env = {
            **os.environ,
            "DEPREVIEW_REDIS_URL": redis_url,
            "DEPREVIEW_WEBHOOK_SECRET": SECRET,
            "DEPREVIEW_GITHUB_APP_ID": "1",
            "DEPREVIEW_GITHUB_PRIVATE_KEY": _pem(),
            "DEPREVIEW_GITHUB_API_URL": api_url,
            "DEPREVIEW_RESOLVE_ENABLED": "false",
            "DEPREVIEW_LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT),
            **extra_env,
        }
        port = free_port()
        with open(tmp_path / "service.log", "wb") as log:  # the child keeps its own copy
            service = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory",
                 "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        running = Stack(f"http://127.0.0.1:{port}", env, tmp_path, [service])
        try:
            _until("the service", lambda: _up(f"{running.url}/healthz"), 60)
            yield running
        finally:
            for proc in running.procs:
                if proc.poll() is None:
                    proc.terminate()
            for proc in running.procs:
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            for path in sorted(tmp_path.glob("*.log")):
                sys.stderr.write(
                    f"--- {path.name} ---\n{path.read_text(errors='replace')[-3000:]}\n"
                )


def _until(what: str, ok: Callable[[], bool], timeout_s: float) -> float:
    """Wait until `ok()`; returns the monotonic time it became true."""
    deadline = time.monotonic() + timeout_s
    while not ok():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")
        time.sleep(0.1)
    return time.monotonic()


def _deliver(url: str, delivery_id: str) -> float:
    with httpx.Client(timeout=5) as client:
        assert _send(client, url, PAYLOAD.read_bytes(), delivery_id) == 202
    return time.monotonic()


def _done(gh: FakeGitHub) -> bool:
    return bool(gh.comments) and any(r["status"] == "completed" for r in gh.check_runs)


def _exactly_one_run_and_comment(gh: FakeGitHub) -> None:
    assert len(gh.check_runs) == 1, gh.check_runs
    assert gh.check_runs[0]["status"] == "completed"
    assert gh.check_runs[0]["conclusion"] == "failure"  # the torch-bump example's finding
    assert len(gh.comments) == 1
    assert "torch" in gh.comments[0]["body"]


def _report(what: str, seconds: float) -> None:
    sys.stderr.write(f"fault-timing: {what}: {seconds:.1f} s\n")


def test_a_burst_of_502s_completes_within_a_minute(
    redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> None:
    gh = fake_github
    number, repo = gh.pr_number, f"/repos/{gh.repo.owner}/{gh.repo.name}"
    gh.faults = [
        Fault("POST", r"/access_tokens$", count=2),
        Fault("GET", rf"{repo}/pulls/{number}/files$", count=2),
        Fault("GET", rf"{repo}/git/trees/", count=2),
        Fault("POST", rf"{repo}/check-runs$", applied=True),  # created, then the 502
        Fault("PATCH", rf"{repo}/check-runs/\d+$", applied=True),
        Fault("POST", rf"{repo}/issues/{number}/comments$", applied=True),
    ]
    with stack(redis_url, gh, tmp_path) as running:
        running.worker("w1")
        _until("the worker", lambda: "ready" in running.log("w1"), 60)
        sent = _deliver(running.url, "burst-1")
        done = _until("the review", lambda: _done(gh), 120)
    _report("nine 502s, delivery to completed check run", done - sent)
    assert len(gh.fault_log) == 9, gh.fault_log
    assert done - sent < 60
    _exactly_one_run_and_comment(gh)
    assert len(gh.calls_to("POST", "/check-runs")) == 1
    assert len(gh.calls_to("POST", f"/issues/{number}/comments")) == 1


def test_a_worker_killed_mid_review_is_replaced_within_two_minutes(
    redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> None:
    gh = fake_github
    number, repo = gh.pr_number, f"/repos/{gh.repo.owner}/{gh.repo.name}"
    hold = Fault("GET", rf"{repo}/issues/{number}/comments$", status=0, hold_s=600)
    gh.faults = [hold]
    with stack(redis_url, gh, tmp_path) as running:
        for name in ("w1", "w2"):
            running.worker(name)
        _until("the workers", lambda: all("ready" in running.log(n) for n in ("w1", "w2")), 60)
        _deliver(running.url, "kill-1")
        _until("the review to be mid-way", lambda: hold.hits == 1, 60)
        assert [r["status"] for r in gh.check_runs] == ["in_progress"]
        busy = next(n for n in ("w1", "w2") if "review_pull_request[" in running.log(n))
        running.workers[busy].send_signal(signal.SIGKILL)
        killed = time.monotonic()
        running.workers[busy].wait(timeout=10)
        hold.release.set()
        done = _until("another worker to finish", lambda: _done(gh), 180)
        survivor = "w2" if busy == "w1" else "w1"
        assert running.workers[survivor].poll() is None
        assert "lease expired" in running.log(survivor) or "lease expired" in running.log(busy)
    _report("worker SIGKILL mid-review, kill to completed check run", done - killed)
    assert done - killed < 120
    _exactly_one_run_and_comment(gh)
    assert len(gh.calls_to("POST", "/check-runs")) == 1


def test_a_redis_restart_mid_review(
    redis_server: RedisServer, redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> None:
    gh = fake_github
    number, repo = gh.pr_number, f"/repos/{gh.repo.owner}/{gh.repo.name}"
    hold = Fault("GET", rf"{repo}/issues/{number}/comments$", status=0, hold_s=30)
    gh.faults = [hold]
    with stack(redis_url, gh, tmp_path) as running:
        running.worker("w1")
        _until("the worker", lambda: "ready" in running.log("w1"), 60)
        _deliver(running.url, "redis-1")
        _until("the review to be mid-way", lambda: hold.hits == 1, 60)
        redis_server.stop()
        stopped = time.monotonic()
        time.sleep(3)
        redis_server.start()  # empty: no persistence, as a crashed cache node comes back
        hold.release.set()
        done = _until("the review", lambda: _done(gh), 120)
        _report("redis restart mid-review (3 s down), restart to completed check run",
                done - stopped)  # fmt: skip
        _exactly_one_run_and_comment(gh)
        # the worker reconnected: a new delivery is consumed and finds the review done
        before = len(gh.calls_to("GET", f"/pulls/{number}"))
        _deliver(running.url, "redis-2")
        again = _until(
            "the worker to consume again",
            lambda: len(gh.calls_to("GET", f"/pulls/{number}")) > before,
            90,
        )
        _report("redis restart, restart to the next delivery consumed", again - stopped)
        assert running.workers["w1"].poll() is None
    _exactly_one_run_and_comment(gh)


def test_a_secondary_rate_limit_without_retry_after_waits_a_minute(
    redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> None:
    gh = fake_github
    number, repo = gh.pr_number, f"/repos/{gh.repo.owner}/{gh.repo.name}"
    headers = {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999",
               "x-ratelimit-reset": "1590701888", "x-ratelimit-resource": "core"}  # fmt: skip
    gh.faults = [Fault("GET", rf"{repo}/pulls/{number}$", status=403, headers=headers,
                       body=SECONDARY_BODY)]  # fmt: skip
    with stack(redis_url, gh, tmp_path) as running:
        running.worker("w1")
        _until("the worker", lambda: "ready" in running.log("w1"), 60)
        _deliver(running.url, "limited-1")
        limited = _until("the 403", lambda: bool(gh.fault_log), 60)
        retried = _until("the retry", lambda: len(gh.calls_to("GET", f"/pulls/{number}")) >= 1,
                         150)  # fmt: skip
        done = _until("the review", lambda: _done(gh), 60)
    _report("403 secondary limit without Retry-After, 403 to retry", retried - limited)
    assert retried - limited >= 59  # at least a minute, as GitHub asks
    assert retried - limited < 120
    _exactly_one_run_and_comment(gh)
    assert done > retried
