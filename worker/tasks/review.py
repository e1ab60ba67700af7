"""The review tasks: a PR, a check suite, a merge group; and the leases of lost reviews."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from celery import Task

from worker.commands.actions import check_run_target
from worker.coordination import RedisCoordinator
from worker.errors import LostWorkerError, retryable_failures
from worker.github.ratelimit import RateLimitWaitTooLongError
from worker.review.job import Outcome, ReviewJob, fail_job, ignore_source, run_review
from worker.tasks._base import (
    ReviewTask,
    job_from,
    repo_api,
    review_session,
    settings,
    shared_redis,
    task,
)
from worker.tasks.smoke import smoke_hooks

logger = logging.getLogger(__name__)


def _run(job: ReviewJob) -> dict[str, Any]:
    with retryable_failures(), review_session(job.installation_id, job.repo_full_name) as api:
        store = shared_redis()
        outcome: Outcome = run_review(
            api,
            RedisCoordinator(store),
            settings(),
            job,
            store=store,
            ignores=ignore_source(api, job.head_sha),
            smoke=smoke_hooks(),
        )
    return {
        "status": outcome.status,
        "check_run_id": outcome.check_run_id,
        "conclusion": outcome.conclusion,
        "comment": outcome.comment,
    }


@task("worker.review_pull_request", base=ReviewTask)
def review_pull_request(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    head_sha: str,
    delivery_id: str,
    smoke_requested: bool = False,
) -> dict[str, Any]:
    """Review one PR at one head SHA (`smoke_requested`: a maintainer asked for the GPU test)."""
    return _run(
        ReviewJob(
            installation_id,
            repo_full_name,
            head_sha,
            delivery_id,
            pr_number=pr_number,
            smoke_requested=smoke_requested,
        )
    )


@task("worker.review_check_suite", base=ReviewTask)
def review_check_suite(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    head_sha: str,
    delivery_id: str,
    pr_numbers: Sequence[int] = (),
    action: str = "",
) -> list[dict[str, Any]]:
    """Review a suite's head SHA for each PR it belongs to; `rerequested` forces a new run.

    GitHub leaves `pull_requests` empty for fork PRs and merge groups; on a re-request our own
    check run on that SHA says what it reviewed (its external id). `requested` (a push) is
    skipped: the same push's `pull_request` delivery reviews those PRs, and a second job
    for the same head only spent API calls and a lock wait.
    """
    if action == "requested":
        logger.info(
            "check_suite requested: reviewed by its pull_request delivery",
            extra={"delivery_id": delivery_id, "repo": repo_full_name, "head_sha": head_sha},
        )
        return []
    force = action == "rerequested"
    jobs = [
        ReviewJob(installation_id, repo_full_name, head_sha, delivery_id, pr, force=force)
        for pr in pr_numbers
    ]
    if not jobs and force:
        api = repo_api(installation_id, repo_full_name)
        target = check_run_target(api, head_sha, settings().github_app_id)
        if target is not None and (target.pr_number is not None or target.base_sha):
            base = None if target.pr_number is not None else target.base_sha
            jobs.append(
                ReviewJob(
                    installation_id,
                    repo_full_name,
                    head_sha,
                    delivery_id,
                    target.pr_number,
                    base_sha=base,
                    force=True,
                )
            )
    return [_run(job) for job in jobs]


@task("worker.review_merge_group", base=ReviewTask)
def review_merge_group(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    head_sha: str,
    base_sha: str,
    delivery_id: str,
) -> dict[str, Any]:
    """Review a merge queue group's head SHA against its base (no comment: there is no PR)."""
    return _run(
        ReviewJob(installation_id, repo_full_name, head_sha, delivery_id, base_sha=base_sha)
    )


@task("worker.fail_rate_limited_review", base=ReviewTask, leased=False)
def fail_rate_limited_review(self: Task, job: dict[str, Any], wait_s: float) -> str:
    """Close the check run of a review failed by a long rate limit, once the limit reset."""

    return _fail(job, RateLimitWaitTooLongError(wait_s))


@task("worker.fail_lost_review", base=ReviewTask, leased=False)
def fail_lost_review(self: Task, job: dict[str, Any], recoveries: int) -> str:
    """Close the check run of a review whose workers kept dying (failure, with Re-run)."""

    return _fail(job, LostWorkerError(recoveries))


def _fail(job: dict[str, Any], exc: Exception) -> str:
    """Close the check run of the review `job` (its task's kwargs) as failed by `exc`."""
    review = job_from(job)
    with retryable_failures(), review_session(review.installation_id, review.repo_full_name) as api:
        fail_job(api, settings(), review, exc)
    return "failed"
