"""End to end: signed webhook → service → Redis → Celery worker → fake GitHub over HTTP.

Real processes at every joint: redis-server, uvicorn serving `service.app:create_app`, a
`celery -A worker.celery_app worker -Q review` subprocess, and a fake GitHub on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fakes.github import FakeGitHub
from tests.fakes.github_server import serve
from tests.redis_proc import free_port
from worker.github.api import RepoRef

pytestmark = pytest.mark.integration

ROOT = Path(__file__).parents[2]
PAYLOAD = ROOT / "tests" / "fixtures" / "github-webhooks" / "pull_request" / "synchronize.json"
EXAMPLE = ROOT / "examples" / "torch-bump"
SECRET = "e2e-webhook-secret-0123456789abcdef"
WAIT_S = 60.0


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _wait(what: str, ok: Callable[[], bool], procs: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not ok():
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"a process exited ({proc.args!r}) while waiting for {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {WAIT_S}s waiting for {what}")
        time.sleep(0.1)


def _rss_peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


@pytest.fixture
def fake_github() -> FakeGitHub:
    """The payload's repository, with the torch-bump example at the PR's base and head."""
    payload = json.loads(PAYLOAD.read_bytes())
    pr = payload["pull_request"]
    gh = FakeGitHub(repo=RepoRef.parse(payload["repository"]["full_name"]), pr_number=pr["number"])
    gh.commit(pr["base"]["sha"], _tree(EXAMPLE / "base"))
    gh.commit(pr["head"]["sha"], _tree(EXAMPLE / "head"))
    gh.open_pr(pr["base"]["sha"], pr["head"]["sha"])
    return gh


@contextmanager
def running_stack(
    redis_url: str, gh: FakeGitHub, tmp_path: Path, extra_env: Mapping[str, str]
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Service and worker processes on Redis and the fake GitHub; yields (URL, worker)."""
    with serve(gh) as api_url:
        env = {
            **os.environ,
            "DEPREVIEW_REDIS_URL": redis_url,
            "DEPREVIEW_WEBHOOK_SECRET": SECRET,
            "DEPREVIEW_GITHUB_APP_ID": "1",
            "DEPREVIEW_GITHUB_PRIVATE_KEY": _pem(),
            "DEPREVIEW_GITHUB_API_URL": api_url,
            "DEPREVIEW_LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT),
            **extra_env,
        }
        port = free_port()
        logs = [open(tmp_path / name, "wb") for name in ("service.log", "worker.log")]  # noqa: SIM115
        service = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "service.app:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=logs[0], stderr=subprocess.STDOUT,
        )  # fmt: skip
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker",
             "-Q", "review", "--pool", "solo", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "-l", "INFO"],
            cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            _wait("the service", lambda: _up(f"{url}/healthz"), [service])
            yield url, worker
        finally:
            for proc in (worker, service):
                proc.terminate()
            for proc in (worker, service):
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            for log in logs:
                log.close()
            for name in ("service.log", "worker.log"):
                sys.stderr.write(f"--- {name} ---\n{(tmp_path / name).read_text()[-4000:]}\n")


@pytest.fixture
def stack(
    redis_url: str, fake_github: FakeGitHub, tmp_path: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The stack on the torch-bump example, resolution off (the example names the PyTorch
    index, which cannot be reached here; `test_e2e_resolve.py` resolves a local index)."""
    with running_stack(
        redis_url, fake_github, tmp_path, {"DEPREVIEW_RESOLVE_ENABLED": "false"}
    ) as running:
        yield running


def _up(url: str) -> bool:
    try:
        return httpx.get(url, timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _send(client: httpx.Client, url: str, body: bytes, delivery_id: str) -> int:
    signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    headers = {
        "X-GitHub-Event": "pull_request",
        "X-GitHub-Delivery": delivery_id,
        "X-Hub-Signature-256": signature,
        "Content-Type": "application/json",
    }
    return client.post(f"{url}/webhooks/github", content=body, headers=headers).status_code


def test_duplicate_deliveries_give_one_check_run_and_one_comment(
    stack: tuple[str, subprocess.Popen[bytes]], fake_github: FakeGitHub
) -> None:
    url, worker = stack
    body = PAYLOAD.read_bytes()
    gh = fake_github
    with httpx.Client(timeout=5) as client:
        statuses = [_send(client, url, body, "d-1") for _ in range(3)]
        _wait("the first review", lambda: bool(gh.comments) and _completed(gh), [worker])
        statuses.append(_send(client, url, body, "d-2"))
        # the second job reads the pull (each job reads it once) and finds the completed run
        _wait("the second job", lambda: len(gh.calls_to("GET", f"/pulls/{gh.pr_number}")) >= 2,
              [worker])  # fmt: skip
    time.sleep(1.0)  # anything else queued would have run by now (solo pool, empty queue)

    assert statuses[0] == 202
    assert all(s in (200, 202, 204) for s in statuses[1:3])
    assert statuses[3] == 202
    assert len(gh.calls_to("POST", "/check-runs")) == 1
    assert len(gh.check_runs) == 1
    run = gh.check_runs[0]
    assert run["status"] == "completed"
    assert run["head_sha"] == gh.pr_head
    assert run["conclusion"] == "failure"
    assert len(gh.calls_to("POST", f"/issues/{gh.pr_number}/comments")) == 1
    assert len(gh.comments) == 1
    assert gh.comments[0]["body"].startswith("<!-- depreview -->")
    assert "torch" in gh.comments[0]["body"]

    peak_mib = _rss_peak_kib(worker.pid) / 1024
    sys.stderr.write(f"celery worker (solo pool) peak RSS after the review: {peak_mib:.1f} MiB\n")
    assert peak_mib < 300


def _completed(gh: FakeGitHub) -> bool:
    return any(r["status"] == "completed" for r in gh.check_runs)
