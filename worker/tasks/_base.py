"""What every task module shares: the task decorator, the review retry policy, the clients."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar, cast

from celery import Task
from celery.exceptions import Ignore
from celery.signals import before_task_publish, worker_ready
from redis import Redis

from core.contract import GPU_NOTICE_KWARGS, GPU_NOTICES, GPU_SMOKE
from core.settings import Settings, get_settings
from core.task_auth import TAG_HEADER, Verdict, tag_task, task_key, verify_task
from worker.celery_app import app
from worker.errors import RETRY_ON, RateLimitedError, rate_limit_countdown
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client
from worker.github.pacing import RedisPacer
from worker.github.ratelimit import RateLimitWaitTooLongError, retry_wait
from worker.github.session import BlobCache, CachedRepoApi
from worker.github.tokens import forget_if_dropped
from worker.leases import job_lease
from worker.metrics import current
from worker.review.job import ReviewJob, fail_job
from worker.smoke.outcome_auth import own_runner_key

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def task(name: str, **options: Any) -> Callable[[F], F]:
    """`app.task` with a type mypy can follow (Celery ships no type information).

    `shared=False`: these tasks belong to depreview's Celery app only; a shared task would
    also be registered in every other Celery app the process creates. Every task's base is
    an `AuthenticatedTask`: a message from the broker runs only when its tag holds.
    """
    base = options.setdefault("base", AuthenticatedTask)
    if not issubclass(base, AuthenticatedTask):
        raise TypeError(f"task {name}: its base must be an AuthenticatedTask")
    return cast(Callable[[F], F], app.task(name=name, bind=True, shared=False, **options))


# -- authenticated task messages (core/task_auth.py) --------------------------------------------


def current_task_key() -> bytes | None:
    """This process's task key (None on a GPU worker, or without a usable webhook secret)."""
    cfg = settings()
    return None if cfg.gpu_worker else task_key(cfg.webhook_secret.get_secret_value())


def message_verdict(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], tag: object, *, gpu_worker: bool,
    key: bytes | None, now: float,
) -> Verdict:  # fmt: skip
    """Whether a task message from the broker may run in this worker (fail closed).

    A GPU worker cannot check tags (it holds no key) and runs `worker.gpu_smoke` only. A
    review worker never runs `worker.gpu_smoke` (a runner can read the tagged job messages
    on the GPU queues and push one onto `review`); it runs the GPU notices untagged (with
    the ids a GPU worker sends and nothing more: the watchdog's `watchdog_after_s` needs a
    tag) and everything else only with a valid tag.
    """
    if gpu_worker:
        return Verdict(True) if name == GPU_SMOKE else Verdict(False, "not-a-gpu-task")
    if name == GPU_SMOKE:
        return Verdict(False, "gpu-task-on-review-worker")
    if args:
        return Verdict(False, "positional-args")
    if name in GPU_NOTICES and tag is None:
        extra = set(kwargs) - GPU_NOTICE_KWARGS
        return Verdict(False, "untagged-notice-kwargs") if extra else Verdict(True)
    return verify_task(key, name, kwargs, tag, now)


def _from_broker(task: Task) -> bool:
    request = task.request
    return not getattr(request, "called_directly", True) and not getattr(request, "is_eager", False)


class AuthenticatedTask(Task):  # type: ignore[misc]
    """A task that runs a message from the broker only when `message_verdict` allows it.

    A refused message is logged, counted (`depreview_task_outcomes_total{outcome="refused"}`) and
    acknowledged (`Ignore`): never run, never retried, no `on_failure`.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Check the message's tag, then run."""
        if _from_broker(self):
            verdict = message_verdict(
                self.name, args, kwargs, getattr(self.request, TAG_HEADER, None),
                gpu_worker=settings().gpu_worker, key=current_task_key(), now=time.time(),
            )  # fmt: skip
            if not verdict.ok:
                _refuse(self, verdict.reason)
        return self.run_verified(*args, **kwargs)

    def run_verified(self, *args: Any, **kwargs: Any) -> Any:
        """Run the task (subclasses wrap it, e.g. in a lease)."""
        return super().__call__(*args, **kwargs)


def _refuse(task: Task, reason: str) -> None:

    kwargs = getattr(task.request, "kwargs", None)
    kwargs = kwargs if isinstance(kwargs, dict) else {}
    logger.warning(
        "task message refused: not authenticated",
        extra={
            "task": task.name,
            "task_id": getattr(task.request, "id", None),
            "reason": reason,
            # to re-run a review refused after an upgrade (messages queued untagged before it)
            "repo": str(kwargs.get("repo_full_name", ""))[:200],
            "pr": str(kwargs.get("pr_number", ""))[:20],
        },
    )
    current().task_outcomes.labels(task=task.name, outcome="refused").inc()
    raise Ignore()


def _tag_outgoing(
    sender: str | None = None, body: Any = None, headers: dict[str, Any] | None = None, **_: Any
) -> None:
    """`before_task_publish`: tag every message this process sends (review side only)."""
    if headers is None or not isinstance(body, (tuple, list)) or len(body) < 2:
        return
    key = current_task_key()
    if key is None:
        if not settings().gpu_worker:
            logger.error(
                "task sent untagged: no usable DEPREVIEW_WEBHOOK_SECRET; review workers refuse it",
                extra={"task": headers.get("task") or sender},
            )
        return
    name = str(headers.get("task") or sender)
    headers[TAG_HEADER] = tag_task(key, name, dict(body[1] or {}), time.time())


def _check_keys(**_: Any) -> None:
    """`worker_ready`: say at start when this worker's messages cannot be authenticated."""
    cfg = settings()
    if cfg.gpu_worker:
        if own_runner_key() is None:
            logger.error(
                "DEPREVIEW_RUNNER_OUTCOME_KEY is not set: the review side rejects this runner's "
                "outcomes (docs/gpu-runners.md, 'Outcomes')"
            )
    elif current_task_key() is None:
        logger.error(
            "DEPREVIEW_WEBHOOK_SECRET is empty or well known: task messages cannot be "
            "authenticated, and this worker refuses every task but the GPU notices"
        )


before_task_publish.connect(_tag_outgoing, weak=False)
worker_ready.connect(_check_keys, weak=False)


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


class ReviewTask(AuthenticatedTask):
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

    def run_verified(self, *args: Any, **kwargs: Any) -> Any:
        """Run the task (its message authenticated) under a lease when it came from the queue."""
        task_id = getattr(self.request, "id", None)
        if not self.leased or not task_id or args or getattr(self.request, "called_directly", True):
            return super().run_verified(*args, **kwargs)

        with job_lease(shared_redis(), task_id, self.name, kwargs, settings().lease_ttl_s):
            return super().run_verified(*args, **kwargs)

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
