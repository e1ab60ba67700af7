"""What every task module shares: the task decorator, the review retry policy, the clients."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar, cast

from celery import Task
from redis import Redis

from core.settings import Settings, get_settings
from worker.celery_app import app
from worker.errors import RETRY_ON, RateLimitedError, rate_limit_countdown
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client
from worker.github.pacing import RedisPacer
from worker.github.ratelimit import RateLimitWaitTooLongError, retry_wait
from worker.github.session import BlobCache, CachedRepoApi
from worker.review_job import ReviewJob, fail_job

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def task(name: str, **options: Any) -> Callable[[F], F]:
    """`app.task` with a type mypy can follow (Celery ships no type information).

    `shared=False`: these tasks belong to depreview's Celery app only; a shared task would
    also be registered in every other Celery app the process creates.
    """
    return cast(Callable[[F], F], app.task(name=name, bind=True, shared=False, **options))


#: Retried by Celery (`RETRY_ON`, worker/errors.py) with backoff, or when GitHub said;
#: everything else fails the task (and closes its check run).
RETRY_BACKOFF_S = 15
#: Every review task is bounded: at the soft limit the review closes its check run as
#: `failure` ("ran out of time", with Re-run); the hard limit kills a task stuck in C code.
#: Below the PR lock's timeout (30 min) and the broker's visibility timeout (1 hour).
REVIEW_SOFT_LIMIT_S = 25 * 60
REVIEW_HARD_LIMIT_S = REVIEW_SOFT_LIMIT_S + 120
RETRY_BACKOFF_MAX_S = 600  # well below the broker's visibility timeout (1 hour by default)
MAX_RETRIES = 5


def settings() -> Settings:
    """The worker's settings, read once when the first task runs."""
    return get_settings()


@cache
def shared_redis() -> Redis:
    """The worker process's Redis client (made when the first task needs it)."""
    return Redis.from_url(settings().redis_url, socket_timeout=10, socket_connect_timeout=5)


def _pacer(installation_id: int) -> RedisPacer:
    return RedisPacer(
        shared_redis(),
        installation_id,
        interval_s=settings().github_write_interval_s,
        per_minute=settings().github_writes_per_minute,
    )


def _client(installation_id: int) -> Any:
    """An installation's client; a token minted before a permission change is dropped first."""
    from worker.github.tokens import forget_if_dropped

    forget_if_dropped(shared_redis(), settings().github_app_id, installation_id)
    return installation_client(settings(), installation_id, pacer=_pacer(installation_id))


def repo_api(installation_id: int, repo_full_name: str) -> GitHubRepoApi:
    """An installation's API on one repository (writes paced across every worker)."""
    return GitHubRepoApi(_client(installation_id), RepoRef.parse(repo_full_name))


@contextmanager
def review_session(installation_id: int, repo_full_name: str) -> Iterator[CachedRepoApi]:
    """A review's API: one HTTP client for the whole task, reads made once, blobs cached."""
    gh = _client(installation_id)
    with gh:
        api = GitHubRepoApi(gh, RepoRef.parse(repo_full_name))
        yield CachedRepoApi(api, BlobCache(shared_redis(), settings().blob_cache_ttl_s))


class ReviewTask(Task):  # type: ignore[misc]
    """Base of the review tasks: the retry policy, and closing the check run on final failure."""

    autoretry_for = RETRY_ON
    retry_backoff = RETRY_BACKOFF_S
    retry_backoff_max = RETRY_BACKOFF_MAX_S
    retry_jitter = True
    max_retries = MAX_RETRIES
    acks_late = True  # safe: every review is idempotent (one run per SHA, one comment per PR)
    soft_time_limit = REVIEW_SOFT_LIMIT_S
    time_limit = REVIEW_HARD_LIMIT_S
    #: Runs under a lease (worker/leases.py): a killed worker's review is sent again.
    leased = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the task under a lease when it came from the queue."""
        task_id = getattr(self.request, "id", None)
        if not self.leased or not task_id or args or getattr(self.request, "called_directly", True):
            return super().__call__(*args, **kwargs)
        from worker.leases import job_lease

        with job_lease(shared_redis(), task_id, self.name, kwargs, settings().lease_ttl_s):
            return super().__call__(*args, **kwargs)

    def retry(self, *args: Any, **kwargs: Any) -> Any:
        """A rate limit is retried when GitHub said (`Retry-After`/reset), not on the backoff."""
        exc = kwargs.get("exc")
        if isinstance(exc, RateLimitedError):
            kwargs["countdown"] = rate_limit_countdown(exc, int(self.request.retries))
        return super().retry(*args, **kwargs)

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """The review failed for good: never leave its check run in progress."""
        close_failed_review(kwargs, exc)


#: The longest delay of a check run's closing after a rate limit (GitHub's reset is at most an
#: hour away; below the broker's visibility timeout).
CLOSE_LATER_MAX_S = 3300.0


def close_failed_review(kwargs: dict[str, Any], exc: BaseException) -> None:
    """Complete the check run of a failed review as failure (reason, Re-run).

    When GitHub refuses that with a rate limit (the limit that failed the review also stops
    its closing), `worker.fail_rate_limited_review` closes it once the limit has reset.
    """
    try:
        job = job_from(kwargs)
        fail_job(repo_api(job.installation_id, job.repo_full_name), settings(), job, exc)
    except Exception as error:
        wait = retry_wait(error)
        if wait is None:
            logger.exception("could not close the check run of a failed review")
            return
        # a review that used up its retries on shorter limits is reported as such (wait_s 0)
        asked = exc.wait_s if isinstance(exc, RateLimitWaitTooLongError) else 0.0
        logger.warning(
            "check run of a failed review closed after the rate limit",
            extra={"wait_s": round(wait, 1), "head_sha": kwargs.get("head_sha")},
        )
        app.send_task(
            "worker.fail_rate_limited_review",
            kwargs={"job": dict(kwargs), "wait_s": asked},
            countdown=min(wait, CLOSE_LATER_MAX_S),
        )


def job_from(kwargs: dict[str, Any]) -> ReviewJob:
    """The review job a review task's kwargs describe."""
    return ReviewJob(
        installation_id=int(kwargs["installation_id"]),
        repo_full_name=str(kwargs["repo_full_name"]),
        head_sha=str(kwargs["head_sha"]),
        delivery_id=str(kwargs.get("delivery_id", "")),
        pr_number=int(kwargs["pr_number"]) if kwargs.get("pr_number") is not None else None,
        base_sha=kwargs.get("base_sha"),
    )
