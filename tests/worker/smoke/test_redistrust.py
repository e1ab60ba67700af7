"""Forged smoke outcomes against a real redis-server (security review §4.3, finding 6).

The attacker of the review holds only the Redis address (read from the worker's
environment, which the sandbox now hides): it stores an outcome for another repository's
check run and sends `worker.publish_smoke`. The publisher (review side, App key) must post
only outcomes of jobs it recorded at dispatch. The GPU worker's Redis user is tested in
test_redis_acl.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from redis import Redis

from tests.fakes.github import FakeGitHub
from tests.redis_proc import RedisServer, redis_binary
from tests.worker.smoke.conftest import smoke_job
from worker.github.api import RepoRef
from worker.smoke.gpu_job import execute_smoke
from worker.smoke.publish import SMOKE_CHECK_NAME, SmokeCheckRun, publish_smoke
from worker.smoke.runner import SmokeResult
from worker.smoke.store import SmokeJob, load_outcome, outcome_key, record_job, save_outcome

pytestmark = [
    pytest.mark.skipif(redis_binary() is None, reason="redis-server is not installed"),
    pytest.mark.usefixtures("outcome_keys"),  # conftest: runner h100-a's key on both sides
]

VICTIM = "victim-org/private-repo"
HEAD = "h" * 40
FORGED = {
    "repo": VICTIM, "pr_number": 1347, "head_sha": HEAD, "conclusion": "success",
    "title": "GPU smoke test passed", "status": "completed", "findings": [],
    "markdown": "<details><summary>passed</summary>\n\n[fixed wheels](https://evil.example/x)\n</details>\n",
}  # fmt: skip


def _cmd(client: Redis, *args: Any) -> Any:
    return client.execute_command(*args)  # type: ignore[no-untyped-call]


class Coordinator:
    """Locks that always succeed (one process)."""

    @contextmanager
    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Iterator[None]:
        yield


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    srv = RedisServer(tmp_path_factory.mktemp("redis"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def redis(server: RedisServer) -> Iterator[Redis]:
    client = Redis.from_url(server.url)
    client.flushdb()
    yield client
    client.close()


def _victim() -> tuple[FakeGitHub, int]:
    gh = FakeGitHub(repo=RepoRef("victim-org", "private-repo"))
    gh.commit("b" * 40, {})
    gh.commit(HEAD, {})
    gh.open_pr("b" * 40, HEAD)
    run = gh.create_check_run(
        {"name": SMOKE_CHECK_NAME, "head_sha": HEAD, "status": "queued", "external_id": "x"}
    )
    return gh, int(run["id"])


def _publish(gh: FakeGitHub, redis: Redis, run_id: int, **kw: Any) -> str:
    run = SmokeCheckRun(
        gh, Coordinator(), redis, app_id=None, pr_number=1347, head_sha=HEAD, check_run_id=run_id
    )
    return publish_smoke(run, **kw)


def _state(gh: FakeGitHub) -> tuple[str, str | None, bool]:
    run = gh.check_runs[0]
    posted = any("evil.example" in c["body"] for c in gh.comments)
    return str(run["status"]), run.get("conclusion"), posted


def test_a_forged_outcome_for_a_run_nobody_dispatched_is_not_posted(
    redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    gh, run_id = _victim()
    redis.set(
        outcome_key(VICTIM, run_id, runner="h100-a"), json.dumps(FORGED)
    )  # what the attacker wrote
    assert _publish(gh, redis, run_id) == "rejected"
    assert _publish(gh, redis, run_id, watchdog_after_s=60) == "rejected"
    assert _state(gh) == ("queued", None, False) and gh.comments == []
    assert "no such job was dispatched" in caplog.text


@pytest.mark.parametrize(
    "forged",
    [
        FORGED,  # no job id: written by someone who never received the job
        {**FORGED, "job_id": "0" * 32},  # a guessed job id
        {**FORGED, "job_id": "J" * 32, "head_sha": "e" * 40},  # the right id, another head
    ],
    ids=["no-job-id", "wrong-job-id", "other-head"],
)
def test_a_forged_outcome_for_a_dispatched_run_is_not_posted(
    redis: Redis, forged: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    gh, run_id = _victim()
    record_job(redis, SmokeJob("J" * 32, 7, VICTIM, 1347, HEAD, run_id, "gpu.h100-a"))
    save_outcome(redis, VICTIM, run_id, forged, runner="h100-a")
    assert _publish(gh, redis, run_id) == "rejected"
    assert _state(gh) == ("queued", None, False)
    assert "does not match the dispatched job" in caplog.text
    # the watchdog then closes the run as timed out, never with the forged verdict
    assert _publish(gh, redis, run_id, watchdog_after_s=60) == "published"
    assert _state(gh) == ("completed", "timed_out", False)


def test_the_runner_s_real_outcome_is_posted(redis: Redis, tmp_path: Path) -> None:
    """The positive control: the same path publishes the job the runner really ran."""
    from worker.smoke.config import RunnerConfig

    gh, run_id = _victim()
    record_job(redis, SmokeJob("J" * 32, 7, VICTIM, 1347, HEAD, run_id, "gpu.h100-a"))
    result = SmokeResult(
        "completed", "ok", {"imports": [], "torch": {"present": False}}, (), (), 1.0
    )
    job = smoke_job(HEAD, {"torch": "2.4.1"}, repo=VICTIM, pr_number=1347, check_run_id=run_id,
                    job_id="J" * 32)  # fmt: skip
    outcome, ran = execute_smoke(
        redis, job, facts=None, run=lambda pins, **kw: result,
        config=RunnerConfig(name="h100-a", workdir=tmp_path / "w", cache_dir=tmp_path / "c"),
    )  # fmt: skip
    assert ran and load_outcome(redis, VICTIM, run_id, runner="h100-a") == outcome
    assert _publish(gh, redis, run_id) == "published"
    assert _state(gh)[:2] == ("completed", outcome["conclusion"])
