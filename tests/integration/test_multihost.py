"""Several worker hosts on one Redis (issue 12, "Scale past one machine").

Two review workers named as two hosts (`celery -n review@host-a`, `-n review@host-b`), each
with its own working directory, temporary directory and `HOSTNAME`, sharing nothing but the
Redis URL; two service replicas on the same Redis stand for the load-balanced service. The
worker of host A is killed mid-review; host B's lease sweeper sends the review again and
host B finishes it: one check run, one comment.

Both "hosts" run on this one machine (a second machine was not available to the tests): the
hosts are simulated by distinct node names, directories and environments on one machine.
Nothing in the lease, sweeper, lock or pacer code reads the host name; they coordinate only
through Redis keys, so the separation that matters is the one tested here.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.fakes.github import FakeGitHub, Fault
from tests.integration.test_e2e import PAYLOAD, ROOT, _send, _up, fake_github
from tests.integration.test_faults import (
    Stack,
    _deliver,
    _done,
    _exactly_one_run_and_comment,
    _report,
    _until,
    stack,
)
from tests.redis_proc import free_port

pytestmark = pytest.mark.integration

__all__ = ["fake_github"]

HOSTS = ("host-a", "host-b")


def _succeeded(running: Stack) -> bool:
    log = running.log("host-b")
    return "review_pull_request[" in log and "succeeded" in log


def start_host_worker(running: Stack, host: str) -> subprocess.Popen[bytes]:
    """A review worker as host `host` would run it: its own node name, directories, HOSTNAME."""
    home = running.tmp_path / host
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    env = {**running.env, "HOSTNAME": host, "TMPDIR": str(home / "tmp"), "HOME": str(home)}
    with open(running.tmp_path / f"{host}.log", "wb") as log:  # the child keeps its own copy
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker",
             "-Q", "review", "--pool", "solo", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "-n", f"review@{host}", "-l", "INFO"],
            cwd=home, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    running.procs.append(proc)
    running.workers[host] = proc
    return proc


def start_service_replica(running: Stack) -> str:
    """A second service process on the same Redis (a load balancer's second backend)."""
    port = free_port()
    with open(running.tmp_path / "service-2.log", "wb") as log:  # the child keeps its own copy
        proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT, env=running.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    running.procs.append(proc)
    url = f"http://127.0.0.1:{port}"
    _until("the second service replica", lambda: _up(f"{url}/healthz"), 60)
    return url


def _ready(running: Stack, host: str) -> bool:
    return f"review@{host} ready" in running.log(host)


def test_host_b_finishes_the_review_of_a_dead_host_a(
    redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> None:
    gh = fake_github
    number, repo = gh.pr_number, f"/repos/{gh.repo.owner}/{gh.repo.name}"
    hold = Fault("GET", rf"{repo}/issues/{number}/comments$", status=0, hold_s=600)
    gh.faults = [hold]
    with stack(redis_url, gh, tmp_path) as running:
        replica = start_service_replica(running)
        host_a, _ = HOSTS
        start_host_worker(running, host_a)
        _until("host A's worker", lambda: _ready(running, host_a), 60)
        _deliver(running.url, "multi-1")  # through service replica 1
        with httpx.Client(timeout=5) as client:  # GitHub's redelivery reaches replica 2
            assert _send(client, replica, PAYLOAD.read_bytes(), "multi-1") == 200  # duplicate
        _until("host A to be mid-review", lambda: hold.hits == 1, 60)
        assert [r["status"] for r in gh.check_runs] == ["in_progress"]
        assert "review_pull_request[" in running.log(host_a)
        start_host_worker(running, "host-b")
        _until("host B's worker", lambda: _ready(running, "host-b"), 60)
        running.workers[host_a].send_signal(signal.SIGKILL)
        killed = time.monotonic()
        running.workers[host_a].wait(timeout=10)
        hold.release.set()
        done = _until("host B to finish", lambda: _done(gh), 180)
        assert running.workers["host-b"].poll() is None
        # Celery logs the task's success just after the review is published: wait for it.
        _until("host B's log to say the task succeeded", lambda: _succeeded(running), 30)
        log_b = running.log("host-b")
        assert "lease expired" in log_b  # host B's sweeper found host A's review
    _report("host A killed mid-review, kill to completed check run by host B", done - killed)
    assert done - killed < 120
    _exactly_one_run_and_comment(gh)
    assert len(gh.calls_to("POST", "/check-runs")) == 1
