"""The GPU smoke test's tasks: the GPU job, marking it started, publishing its outcome.

The review job decides (worker/smoke/plan.py) and sends `worker.gpu_smoke` to the chosen
runner's own queue `gpu.<name>`, plus a delayed `worker.publish_smoke` as a watchdog. The
GPU task runs the smoke test and stores the outcome in Redis; publishing it to GitHub is
`worker.publish_smoke` on the `review` queue, where the App key is. A GPU host holds no
GitHub secret.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from celery import Task
from celery.exceptions import SoftTimeLimitExceeded
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.contract import SmokeJobSpec
from worker.celery_app import app
from worker.coordination import RedisCoordinator
from worker.errors import retryable_failures
from worker.metrics import StageTimer
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import read_runner_facts
from worker.smoke.gpu_job import execute_smoke
from worker.smoke.plan import SmokeHooks
from worker.smoke.policy import runner_queue
from worker.smoke.publish import SmokeCheckRun, complete_smoke_run, mark_smoke_started
from worker.smoke.publish import publish_smoke as publish
from worker.smoke.store import SmokeRecord
from worker.tasks._base import ReviewTask, repo_api, settings, shared_redis, task

logger = logging.getLogger(__name__)

#: Above the runner's default cap on a job (DEPREVIEW_RUNNER_MAX_TIMEOUT_S, 1800 s); the
#: review side sends per-message limits of `smoke.timeout_s` + 300 / + 600 s.
SMOKE_SOFT_LIMIT_S = 1800 + 300
SMOKE_HARD_LIMIT_S = 1800 + 600
SMOKE_MAX_RETRIES = 2


def smoke_hooks() -> SmokeHooks:
    """What the review job needs to schedule smoke tests from this worker."""

    return SmokeHooks(
        redis=shared_redis(),
        enqueue=send_smoke,
        app_id=settings().github_app_id,
        default_index_url=settings().resolve_index_url,
    )


def send_smoke(spec: SmokeJobSpec) -> None:
    """Send a `SmokeJobSpec` to its runner's queue, and the watchdog to the review queue."""
    app.send_task(
        "worker.gpu_smoke",
        kwargs=spec.kwargs(),
        queue=spec.queue,
        soft_time_limit=spec.soft_time_limit_s,
        time_limit=spec.time_limit_s,
        expires=spec.watchdog_s,
    )
    app.send_task(
        "worker.publish_smoke",
        kwargs={**spec.notice().kwargs(), "watchdog_after_s": spec.watchdog_s},  # tagged
        countdown=spec.watchdog_s,
    )


@task(
    "worker.gpu_smoke",
    autoretry_for=(RedisConnectionError, RedisTimeoutError),
    retry_backoff=10,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=SMOKE_MAX_RETRIES,
    acks_late=True,  # a redelivered message finds its stored outcome and does not rerun
    soft_time_limit=SMOKE_SOFT_LIMIT_S,
    time_limit=SMOKE_HARD_LIMIT_S,
)
def gpu_smoke(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    head_sha: str,
    check_run_id: int = 0,
    pins: dict[str, str] | None = None,
    changed_packages: Sequence[str] = (),
    index_options: Sequence[str] = (),
    base_environment: str | None = None,
    timeout_s: int = 600,
    delivery_id: str = "",
    **extra: Any,
) -> dict[str, Any]:
    """Smoke-test one PR head on this GPU runner; store the outcome; queue its publication.

    Only a job the review side dispatched (pins and a check run) runs. A message without
    them is dropped and logged, never forwarded as a trusted review (a maintainer's request
    goes through `@depreview smoke` or the check's button; security review §4.3). `extra`
    carries `job_id`, which the stored outcome must echo for the publisher to accept it.
    """
    if pins is None or not check_run_id:
        logger.warning(
            "gpu_smoke message without pins or check run dropped",
            extra={
                "installation_id": installation_id,
                "repo_full_name": repo_full_name,
                "pr_number": pr_number,
                "head_sha": head_sha,
                "delivery_id": delivery_id,
            },
        )
        return {"status": "rejected"}

    config = RunnerConfig()
    job = SmokeJobSpec(
        installation_id=installation_id,
        repo_full_name=repo_full_name,
        pr_number=pr_number,
        head_sha=head_sha,
        check_run_id=check_run_id,
        pins=pins,
        queue=runner_queue(config.runner_name),  # a runner consumes its own queue only
        changed_packages=tuple(changed_packages),
        index_options=tuple(index_options),
        base_environment=base_environment,
        timeout_s=timeout_s,
        delivery_id=delivery_id,
        job_id=str(extra.get("job_id") or ""),
    )
    timer = StageTimer()
    with timer.stage("smoke"):
        outcome, ran = execute_smoke(
            shared_redis(),
            job,
            facts=read_runner_facts(labels=config.labels, name=config.name),
            config=config,
            soft_limit=SoftTimeLimitExceeded,
            on_start=lambda: app.send_task("worker.smoke_started", kwargs=job.notice().kwargs()),
        )
    if ran:  # a redelivered job that found its stored outcome ran nothing
        timer.observe()
    app.send_task("worker.publish_smoke", kwargs=job.notice().kwargs())
    return {"status": "ran" if ran else "stored-before", "conclusion": outcome.get("conclusion")}


class SmokePublishTask(ReviewTask):
    """The review tasks' retry policy; a final failure closes the smoke run, not the review."""

    leased = False

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """Never leave the smoke check run open because publishing failed."""

        try:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            record = SmokeRecord(
                str(kwargs["repo_full_name"]),
                int(kwargs["pr_number"]),
                str(kwargs["head_sha"]),
                conclusion="neutral",
                title="GPU smoke test: result could not be published",
                markdown=f"Publishing the smoke result failed: `{reason}`.",
                final=True,
                check_run_id=int(kwargs["check_run_id"]),
            )
            api = repo_api(int(kwargs["installation_id"]), record.repo)
            complete_smoke_run(api, record.check_run_id, record)
        except Exception:
            logger.exception("could not close the smoke check run")


class SmokeStartedTask(ReviewTask):
    """The review tasks' retry policy; a final failure is only logged (the job runs on)."""

    leased = False

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """The check stays `queued` until the result arrives: nothing to close."""
        logger.warning("could not mark the smoke check run in progress", exc_info=exc)


def _check_run(
    installation_id: int, repo_full_name: str, pr_number: int, head_sha: str, check_run_id: int
) -> SmokeCheckRun:
    """The smoke check run a GPU notice names, reached with the App's client, the PR lock's
    coordinator, Redis and the App id (for a review-side step of `worker.smoke.publish`)."""

    return SmokeCheckRun(
        api=repo_api(installation_id, repo_full_name),
        coord=RedisCoordinator(shared_redis()),
        redis=shared_redis(),
        app_id=settings().github_app_id,
        pr_number=pr_number,
        head_sha=head_sha,
        check_run_id=check_run_id,
    )


@task("worker.smoke_started", base=SmokeStartedTask)
def smoke_started(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    head_sha: str,
    check_run_id: int,
    delivery_id: str = "",
) -> str:
    """Mark a smoke check run `in_progress` once its GPU job started (never after completion)."""

    with retryable_failures():  # failures are classified for retry like every review task's
        run = _check_run(installation_id, repo_full_name, pr_number, head_sha, check_run_id)
        return mark_smoke_started(run)


@task("worker.publish_smoke", base=SmokePublishTask)
def publish_smoke(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    head_sha: str,
    check_run_id: int,
    watchdog_after_s: int | None = None,
    delivery_id: str = "",
) -> str:
    """Publish a smoke run's stored outcome (or, as the watchdog, close a silent run)."""

    with retryable_failures():
        run = _check_run(installation_id, repo_full_name, pr_number, head_sha, check_run_id)
        return publish(run, watchdog_after_s=watchdog_after_s)
