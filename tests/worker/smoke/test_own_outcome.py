"""The GPU side's "already ran" check: only an outcome the runner signed itself skips a job.

A redelivered `worker.gpu_smoke` message finds its stored outcome and does not run again
(worker/smoke/gpu_job.py execute_smoke). That stored outcome lives under the runner's own
key (`depreview:smoke:outcome:<runner>:<repo>:<check run>`), which only its own Redis user
may write (deploy/redis/users.acl); and it must carry the runner's own signature, so an
outcome another runner signed (or nobody signed) never makes a job be skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from redis import Redis
from redis.exceptions import NoPermissionError

from core.task_auth import outcome_signed_by, runner_key, sign_outcome
from tests.redis_proc import redis_binary
from tests.worker.smoke.conftest import smoke_job
from tests.worker.smoke.fakeredis import FakeRedis
from tests.worker.smoke.test_redis_acl import RUNNER_A, RUNNER_B, AclRedis
from worker.smoke.config import RunnerConfig
from worker.smoke.gpu_job import execute_smoke
from worker.smoke.runner import SmokeResult
from worker.smoke.store import outcome_key

SECRET = "own-outcome-webhook-secret-0123456789"
REPO, PR, HEAD, RUN = "acme/ml", 7, "h" * 40, 9
STORED = {
    "repo": REPO, "pr_number": PR, "head_sha": HEAD, "conclusion": "success",
    "title": "GPU smoke test passed", "markdown": "stored before", "status": "completed",
    "findings": [], "job_id": "J" * 32,
}  # fmt: skip
RESULT = SmokeResult("completed", "ok", {"imports": [], "torch": {"present": False}}, (), (), 1.0)


def _key(runner: str) -> bytes:
    key = runner_key(SECRET, runner)
    assert key is not None
    return key


class CountingRun:
    """A fake run_smoke that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, pins: dict[str, str], **kw: Any) -> SmokeResult:
        self.calls += 1
        return RESULT


def _execute(redis: Any, runner: str, tmp_path: Path) -> tuple[dict[str, Any], bool, int]:
    run = CountingRun()
    config = RunnerConfig(name=runner, workdir=tmp_path / "w", cache_dir=tmp_path / "c")
    job = smoke_job(HEAD, {"torch": "2.4.1"}, repo=REPO, pr_number=PR, check_run_id=RUN,
                    job_id="J" * 32)  # fmt: skip
    outcome, ran = execute_smoke(redis, job, facts=None, config=config, run=run)
    return outcome, ran, run.calls


def _signed(runner: str, outcome: dict[str, Any]) -> dict[str, Any]:
    return sign_outcome(_key(runner), REPO, RUN, outcome)


@pytest.mark.parametrize(
    ("stored", "runs"),
    [
        (None, True),
        (_signed(RUNNER_B, STORED), False),  # its own finished outcome: a redelivery
        (_signed(RUNNER_B, {**STORED, "status": "timeout"}), True),  # timed out: run again
        (_signed(RUNNER_A, STORED), True),  # another runner's signature
        (STORED, True),  # unsigned
        ({**_signed(RUNNER_B, STORED), "conclusion": "failure"}, True),  # changed after signing
        ({**STORED, "signature": 7}, True),  # malformed
    ],
    ids=["none", "own", "own-timeout", "other-runner", "unsigned", "tampered", "malformed"],
)
def test_only_the_runner_s_own_signed_outcome_skips_the_job(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, stored: dict[str, Any] | None, runs: bool
) -> None:
    monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", _key(RUNNER_B).hex())
    redis = FakeRedis()
    if stored is not None:
        redis.set(outcome_key(REPO, RUN, runner=RUNNER_B), json.dumps(stored))
    outcome, ran, calls = _execute(redis, RUNNER_B, tmp_path)
    assert (ran, calls) == (runs, int(runs))
    if not runs:
        assert outcome == STORED
        return
    assert outcome["markdown"] != "stored before" and outcome["job_id"] == "J" * 32
    now = json.loads(redis.get(outcome_key(REPO, RUN, runner=RUNNER_B)) or "{}")
    assert outcome_signed_by(_key(RUNNER_B), REPO, RUN, now)  # replaced by its own


def test_a_runner_without_its_key_accepts_no_stored_outcome(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DEPREVIEW_RUNNER_OUTCOME_KEY", raising=False)
    redis = FakeRedis()
    redis.set(outcome_key(REPO, RUN, runner=RUNNER_B), json.dumps(_signed(RUNNER_B, STORED)))
    assert _execute(redis, RUNNER_B, tmp_path)[1:] == (True, 1)


def test_an_outcome_under_another_runner_s_key_is_not_this_runner_s(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Runner A's outcome for the same check run, under A's key, is not read by B."""
    monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", _key(RUNNER_B).hex())
    redis = FakeRedis()
    redis.set(outcome_key(REPO, RUN, runner=RUNNER_A), json.dumps(_signed(RUNNER_A, STORED)))
    assert _execute(redis, RUNNER_B, tmp_path)[1:] == (True, 1)


# -- against a real redis-server with the rendered ACL ---------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclRedis]:
    if redis_binary() is None:
        pytest.skip("redis-server is not installed")
    srv = AclRedis(tmp_path_factory.mktemp("redis-acl"))
    yield srv
    srv.stop()


def test_b_s_job_is_not_skipped_because_of_a_key_a_wrote(
    server: AclRedis, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    admin = server.admin()
    admin.flushall()
    admin.execute_command("ACL", "LOG", "RESET")  # type: ignore[no-untyped-call]
    runner_a, runner_b = server.gpu(RUNNER_A), server.gpu(RUNNER_B)
    a_signed = json.dumps(_signed(RUNNER_A, STORED))
    with pytest.raises(NoPermissionError):  # A cannot write B's outcome key
        runner_a.set(outcome_key(REPO, RUN, runner=RUNNER_B), a_signed)
    runner_a.set(outcome_key(REPO, RUN, runner=RUNNER_A), a_signed)  # its own: B never reads it
    admin.execute_command("ACL", "LOG", "RESET")  # type: ignore[no-untyped-call]

    monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", _key(RUNNER_B).hex())
    _, ran, calls = _execute(runner_b, RUNNER_B, tmp_path)  # as B's user
    assert (ran, calls) == (True, 1)
    stored = json.loads(admin.get(outcome_key(REPO, RUN, runner=RUNNER_B)) or "{}")
    assert outcome_signed_by(_key(RUNNER_B), REPO, RUN, stored)
    # The redelivered message finds B's own outcome and does not run again.
    assert _execute(runner_b, RUNNER_B, tmp_path)[1:] == (False, 0)
    assert admin.execute_command("ACL", "LOG") == []  # type: ignore[no-untyped-call]
    _close(admin, runner_a, runner_b)


def _close(*clients: Redis) -> None:
    for client in clients:
        client.close()
