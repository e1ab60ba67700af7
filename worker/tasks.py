"""Celery tasks: thin, explicitly named wrappers over plain functions (see service/taskspec)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar, cast

from celery import Task
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from worker.celery_app import app
from worker.coordination import LockBusyError, RedisCoordinator
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client, is_transient
from worker.review_job import Outcome, ReviewJob, fail_job, run_review
from worker.settings import Settings

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def _task(name: str, **options: Any) -> Callable[[F], F]:
    """`app.task` with a type mypy can follow (Celery ships no type information)."""
    return cast(Callable[[F], F], app.task(name=name, bind=True, **options))


class TransientError(RuntimeError):
    """A failure worth retrying later: GitHub 5xx/rate limit/network, a busy lock."""


#: Retried by Celery with backoff; everything else fails the task (and closes its check run).
RETRY_ON = (TransientError, LockBusyError, RedisConnectionError, RedisTimeoutError)
RETRY_BACKOFF_S = 15
RETRY_BACKOFF_MAX_S = 600  # well below the broker's visibility timeout (1 hour by default)
MAX_RETRIES = 5


@cache
def settings() -> Settings:
    """The worker's settings, read once when the first task runs."""
    return Settings()


@cache
def _redis() -> Redis:
    return Redis.from_url(settings().redis_url, socket_timeout=10, socket_connect_timeout=5)


def _api(installation_id: int, repo_full_name: str) -> GitHubRepoApi:
    gh = installation_client(settings(), installation_id)
    return GitHubRepoApi(gh, RepoRef.parse(repo_full_name))


class ReviewTask(Task):  # type: ignore[misc]
    """Base of the review tasks: the retry policy, and closing the check run on final failure."""

    autoretry_for = RETRY_ON
    retry_backoff = RETRY_BACKOFF_S
    retry_backoff_max = RETRY_BACKOFF_MAX_S
    retry_jitter = True
    max_retries = MAX_RETRIES
    acks_late = True  # safe: every review is idempotent (one run per SHA, one comment per PR)

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """The review failed for good: never leave its check run in progress."""
        try:
            job = _job_from(kwargs)
            fail_job(_api(job.installation_id, job.repo_full_name), settings(), job, exc)
        except Exception:
            logger.exception("could not close the check run of a failed review")


def _job_from(kwargs: dict[str, Any]) -> ReviewJob:
    return ReviewJob(
        installation_id=int(kwargs["installation_id"]),
        repo_full_name=str(kwargs["repo_full_name"]),
        head_sha=str(kwargs["head_sha"]),
        delivery_id=str(kwargs.get("delivery_id", "")),
        pr_number=int(kwargs["pr_number"]) if kwargs.get("pr_number") is not None else None,
        base_sha=kwargs.get("base_sha"),
    )


def _run(job: ReviewJob) -> dict[str, Any]:
    try:
        outcome: Outcome = run_review(
            _api(job.installation_id, job.repo_full_name),
            RedisCoordinator(_redis()),
            settings(),
            job,
        )
    except Exception as exc:
        if is_transient(exc):
            raise TransientError(f"{type(exc).__name__}: {exc}") from exc
        raise
    return {
        "status": outcome.status,
        "check_run_id": outcome.check_run_id,
        "conclusion": outcome.conclusion,
        "comment": outcome.comment,
    }


@_task("worker.review_pull_request", base=ReviewTask)
def review_pull_request(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    head_sha: str,
    delivery_id: str,
) -> dict[str, Any]:
    """Review one PR at one head SHA."""
    return _run(
        ReviewJob(installation_id, repo_full_name, head_sha, delivery_id, pr_number=pr_number)
    )


@_task("worker.review_check_suite", base=ReviewTask)
def review_check_suite(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    head_sha: str,
    delivery_id: str,
    pr_numbers: Sequence[int] = (),
    action: str = "",
) -> list[dict[str, Any]]:
    """Review a suite's head SHA for each PR it belongs to; `rerequested` forces a new run."""
    force = action == "rerequested"
    return [
        _run(ReviewJob(installation_id, repo_full_name, head_sha, delivery_id, pr, force=force))
        for pr in pr_numbers
    ]


@_task("worker.review_merge_group", base=ReviewTask)
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


@_task("worker.handle_command")
def handle_command(self: Task, **kwargs: Any) -> str:
    """`@depreview` commands in PR comments: not implemented yet (issue 7)."""
    logger.info("command received; commands are not implemented yet", extra=_ids(kwargs))
    return "not-implemented"


@_task("worker.handle_installation")
def handle_installation(self: Task, **kwargs: Any) -> str:
    """Installation events: logged only for now (issue 7)."""
    logger.info("installation event", extra=_ids(kwargs))
    return "logged"


@_task("worker.handle_check_action")
def handle_check_action(self: Task, **kwargs: Any) -> str:
    """Check-run buttons: not implemented yet (issue 7)."""
    logger.info("check run action received; not implemented yet", extra=_ids(kwargs))
    return "not-implemented"


def _ids(kwargs: dict[str, Any]) -> dict[str, Any]:
    keys = ("delivery_id", "installation_id", "repo_full_name", "pr_number", "head_sha")
    return {k: kwargs[k] for k in keys if k in kwargs}
