"""Forged task messages and swapped outcomes against a real review worker (security review §4.3).

A GPU runner's Redis user may LPUSH onto `review` (deploy/redis/users.acl, for its two
notices). Here it pushes forged review tasks: `worker.review_pull_request` with
`smoke_requested=True` (which the review worker would take as a maintainer's request)
untagged, tagged with another key, with a valid tag over other kwargs or another task, and
a job message the review side tagged for a runner (readable on the GPU queues). A real
`celery -A worker.celery_app worker -Q review` (user `depreview`, the webhook secret, a fake
GitHub over HTTP) must run none of them — not one GitHub request — and run the message the
service tags. Then runner A tries to store an outcome for a job dispatched to runner B (its
Redis user may not write B's outcome key) and sends the untagged `worker.publish_smoke`
notice; outcomes that anything else wrote under B's key without B's signature are not
posted either.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from redis import Redis
from redis.exceptions import NoPermissionError

from core.contract import ReviewPullRequest
from core.task_auth import TAG_HEADER, runner_key, sign_outcome, tag_task, task_key
from service._celery_envelope import celery_message
from tests.fakes.github import FakeGitHub
from tests.fakes.github_server import serve
from tests.integration.test_e2e import _pem, _tree
from tests.redis_proc import redis_binary
from tests.worker.smoke.test_redis_acl import ADMIN_PW, RUNNER_A, RUNNER_B, AclRedis
from worker.github.api import RepoRef
from worker.smoke.publish import SMOKE_CHECK_NAME
from worker.smoke.store import SmokeJob, job_key, outcome_key

pytestmark = [
    pytest.mark.skipif(redis_binary() is None, reason="redis-server is not installed"),
    pytest.mark.integration,
]

ROOT = Path(__file__).parents[3]
EXAMPLE = ROOT / "examples" / "torch-bump"
SECRET = "task-auth-webhook-secret-0123456789"
REPO = "acme/ml"
PR = 7
BASE, HEAD = "b" * 40, "h" * 40
WAIT_S = 60.0


def _wait(what: str, ok: Callable[[], bool], worker: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + WAIT_S
    while not ok():
        if worker.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"waiting for {what}; worker log:\n{log.read_text()[-4000:]}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclRedis]:
    srv = AclRedis(tmp_path_factory.mktemp("redis-acl"))
    yield srv
    srv.stop()


@pytest.fixture
def admin(server: AclRedis) -> Iterator[Redis]:
    client = server.admin()
    client.flushall()
    yield client
    client.close()


@pytest.fixture
def gh() -> FakeGitHub:
    fake = FakeGitHub(repo=RepoRef.parse(REPO), pr_number=PR)
    fake.commit(BASE, _tree(EXAMPLE / "base"))
    fake.commit(HEAD, _tree(EXAMPLE / "head"))
    fake.open_pr(BASE, HEAD)
    return fake


@pytest.fixture
def review_worker(
    server: AclRedis, admin: Redis, gh: FakeGitHub, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """A review worker as deployed: user `depreview`, the webhook secret, the App's key."""
    log = tmp_path / "review-worker.log"
    with serve(gh) as api_url:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DEPREVIEW_")},
            "DEPREVIEW_REDIS_URL": server.url("depreview", ADMIN_PW),
            "DEPREVIEW_WEBHOOK_SECRET": SECRET,
            "DEPREVIEW_GITHUB_APP_ID": "1",
            "DEPREVIEW_GITHUB_PRIVATE_KEY": _pem(),
            "DEPREVIEW_GITHUB_API_URL": api_url,
            "DEPREVIEW_RESOLVE_ENABLED": "false",
            "DEPREVIEW_LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT),
        }
        with log.open("wb") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "worker.celery_app", "worker",
                 "-Q", "review", "--pool", "solo", "--without-gossip", "--without-mingle",
                 "--without-heartbeat", "-n", "review@task-auth", "-l", "INFO"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            _wait("the review worker", lambda: "ready" in log.read_text(), worker, log)
            yield worker, log
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


def _envelope(name: str, kwargs: dict[str, Any], tag: str | None) -> str:
    """A Celery message for `name(**kwargs)` carrying `tag` (as anyone can write one)."""
    envelope = json.loads(celery_message(ReviewPullRequest(1, REPO, PR, HEAD, "d"), key=None))
    embed = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
    envelope["body"] = base64.b64encode(json.dumps([[], kwargs, embed]).encode()).decode()
    envelope["headers"]["task"] = name
    envelope["headers"][TAG_HEADER] = tag
    return json.dumps(envelope)


def _refusals(log: Path) -> list[dict[str, Any]]:
    lines = [line for line in log.read_text().splitlines() if "task message refused" in line]
    return [json.loads(line[line.index("{") :]) for line in lines]


GPU_JOB = {"installation_id": 1, "repo_full_name": REPO, "pr_number": PR, "head_sha": HEAD,
           "check_run_id": 9, "pins": {"torch": "2.4.1"}, "job_id": "J" * 32}  # fmt: skip
REVIEW = "worker.review_pull_request"
SMOKE_REQUEST = {"installation_id": 1, "repo_full_name": REPO, "pr_number": PR,
                 "head_sha": HEAD, "delivery_id": "forged", "smoke_requested": True}  # fmt: skip


def test_forged_review_tasks_from_the_gpu_user_never_run_and_a_tagged_one_does(
    server: AclRedis,
    admin: Redis,
    gh: FakeGitHub,
    review_worker: tuple[subprocess.Popen[bytes], Path],
) -> None:
    worker, log = review_worker
    key = task_key(SECRET)
    assert key is not None
    now = time.time()
    honest = {**SMOKE_REQUEST, "smoke_requested": False}
    forged = {
        "untagged": _envelope(REVIEW, SMOKE_REQUEST, None),
        "other-key": _envelope(
            REVIEW, SMOKE_REQUEST, tag_task(b"k" * 32, REVIEW, SMOKE_REQUEST, now)
        ),
        "tag-of-other-kwargs": _envelope(REVIEW, SMOKE_REQUEST, tag_task(key, REVIEW, honest, now)),
        "tag-of-other-task": _envelope(
            REVIEW, SMOKE_REQUEST, tag_task(key, "worker.review_check_suite", SMOKE_REQUEST, now)
        ),
        # a job message the review side tagged for a runner, copied off its queue
        "tagged-gpu-job-on-review": _envelope(
            "worker.gpu_smoke", GPU_JOB, tag_task(key, "worker.gpu_smoke", GPU_JOB, now)
        ),
    }
    gpu_user = server.gpu()
    for message in forged.values():
        gpu_user.lpush("review", message)  # the ACL allows it (its notices)
    _wait("the refusals", lambda: len(_refusals(log)) == len(forged), worker, log)
    reasons = [r["reason"] for r in _refusals(log)]
    assert reasons == ["missing", "bad-tag", "bad-tag", "bad-tag", "gpu-task-on-review-worker"]
    time.sleep(0.5)
    assert gh.calls == [] and gh.check_runs == []  # not one GitHub request: nothing ran
    assert admin.llen("review") == 0 and admin.hlen("unacked") == 0  # acked, not requeued

    # The control: the service's tagged message (even pushed by the GPU user) runs.
    spec = ReviewPullRequest(1, REPO, PR, HEAD, "d-tagged")
    gpu_user.lpush("review", celery_message(spec, key=key))
    _wait("the tagged review", lambda: bool(gh.check_runs), worker, log)
    assert gh.check_runs[0]["head_sha"] == HEAD
    assert len(_refusals(log)) == len(forged)
    gpu_user.close()


def test_an_outcome_stored_by_another_runner_is_not_posted(
    server: AclRedis,
    admin: Redis,
    gh: FakeGitHub,
    review_worker: tuple[subprocess.Popen[bytes], Path],
) -> None:
    """Runner A (its own Redis user and key) goes for the outcome of a job dispatched to
    runner B: it cannot write B's outcome key, and what it stores under its own is not read.
    Outcomes written under B's key by anything else (here the review side's user) without
    B's signature are rejected; B's own outcome is published."""
    worker, log = review_worker
    run = gh.create_check_run(
        {"name": SMOKE_CHECK_NAME, "head_sha": HEAD, "status": "queued", "external_id": "x"}
    )
    run_id = int(run["id"])
    job = SmokeJob("J" * 32, 1, REPO, PR, HEAD, run_id, f"gpu.{RUNNER_B}")
    admin.set(job_key(REPO, run_id), job.to_json())  # what dispatch recorded (review side)
    outcome = {"repo": REPO, "pr_number": PR, "head_sha": HEAD, "conclusion": "success",
               "title": "GPU smoke test passed", "markdown": "[ok](https://evil.example/)",
               "status": "completed", "findings": [], "job_id": "J" * 32}  # fmt: skip
    key_a, key_b = runner_key(SECRET, RUNNER_A), runner_key(SECRET, RUNNER_B)
    assert key_a is not None and key_b is not None
    notice = _envelope(
        "worker.publish_smoke",
        {"installation_id": 1, "repo_full_name": REPO, "pr_number": PR, "head_sha": HEAD,
         "check_run_id": run_id, "delivery_id": ""},
        None,
    )  # fmt: skip
    runner_a, runner_b = server.gpu(RUNNER_A), server.gpu(RUNNER_B)
    b_key = outcome_key(REPO, run_id, runner=RUNNER_B)
    a_signed = json.dumps(sign_outcome(key_a, REPO, run_id, outcome))
    with pytest.raises(NoPermissionError):  # A's user cannot write B's outcome
        runner_a.set(b_key, a_signed)
    runner_a.set(outcome_key(REPO, run_id, runner=RUNNER_A), a_signed)  # under its own key
    runner_a.lpush("review", notice)
    _wait("nothing to post", lambda: "'no-outcome'" in log.read_text(), worker, log)
    rejected = "smoke outcome rejected"
    for n, forged in enumerate((outcome, sign_outcome(key_a, REPO, run_id, outcome)), 1):
        admin.set(b_key, json.dumps(forged))  # unsigned; A's key (only a user that may write it)
        runner_a.lpush("review", notice)
        _wait("the rejection", lambda: log.read_text().count(rejected) == n, worker, log)  # noqa: B023
    assert gh.check_runs[0]["status"] == "queued" and gh.comments == []
    assert log.read_text().count('"mismatch":"signature"') == 2

    # B's own outcome (B's user, B's key) for the same job is published.
    honest = {**outcome, "markdown": "all good"}
    runner_b.set(b_key, json.dumps(sign_outcome(key_b, REPO, run_id, honest)))
    runner_b.lpush("review", notice)
    _wait("the publication", lambda: gh.check_runs[0]["status"] == "completed", worker, log)
    assert gh.check_runs[0]["conclusion"] == "success"
    assert all("evil.example" not in c["body"] for c in gh.comments)
    assert _refusals(log) == []  # the notices themselves were accepted (untagged GPU notices)
    runner_a.close()
    runner_b.close()
