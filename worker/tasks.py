"""Celery tasks: thin, explicitly named wrappers over plain functions (see service/taskspec)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, TypeVar, cast

from celery import Task
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from worker.app_review import RateLimitedError, run_review
from worker.celery_app import app
from worker.coordination import LockBusyError, RedisCoordinator
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client, is_transient
from worker.github.pacing import RedisPacer
from worker.github.ratelimit import (
    MAX_WAIT_S,
    UNSIGNALLED_WAIT_S,
    RateLimitWaitTooLongError,
    retry_wait,
)
from worker.github.session import BlobCache, CachedRepoApi
from worker.metrics import StageTimer
from worker.review_job import Outcome, ReviewJob, fail_job
from worker.settings import Settings

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def _task(name: str, **options: Any) -> Callable[[F], F]:
    """`app.task` with a type mypy can follow (Celery ships no type information).

    `shared=False`: these tasks belong to depreview's Celery app only; a shared task would
    also be registered in every other Celery app the process creates.
    """
    return cast(Callable[[F], F], app.task(name=name, bind=True, shared=False, **options))


class TransientError(RuntimeError):
    """A failure worth retrying later: GitHub 5xx/rate limit/network, a busy lock."""


#: Retried by Celery with backoff; everything else fails the task (and closes its check run).
RETRY_ON = (
    TransientError,
    RateLimitedError,
    LockBusyError,
    RedisConnectionError,
    RedisTimeoutError,
)
RETRY_BACKOFF_S = 15
#: Every review task is bounded: at the soft limit the review closes its check run as
#: `failure` ("ran out of time", with Re-run); the hard limit kills a task stuck in C code.
#: Below the PR lock's timeout (30 min) and the broker's visibility timeout (1 hour).
REVIEW_SOFT_LIMIT_S = 25 * 60
REVIEW_HARD_LIMIT_S = REVIEW_SOFT_LIMIT_S + 120
RETRY_BACKOFF_MAX_S = 600  # well below the broker's visibility timeout (1 hour by default)
MAX_RETRIES = 5


@cache
def settings() -> Settings:
    """The worker's settings, read once when the first task runs."""
    return Settings()


@cache
def _redis() -> Redis:
    return Redis.from_url(settings().redis_url, socket_timeout=10, socket_connect_timeout=5)


def _pacer(installation_id: int) -> RedisPacer:
    return RedisPacer(
        _redis(),
        installation_id,
        interval_s=settings().github_write_interval_s,
        per_minute=settings().github_writes_per_minute,
    )


def _client(installation_id: int) -> Any:
    """An installation's client; a token minted before a permission change is dropped first."""
    from worker.github.tokens import forget_if_dropped

    forget_if_dropped(_redis(), settings().github_app_id, installation_id)
    return installation_client(settings(), installation_id, pacer=_pacer(installation_id))


def _api(installation_id: int, repo_full_name: str) -> GitHubRepoApi:
    """An installation's API on one repository (writes paced across every worker)."""
    return GitHubRepoApi(_client(installation_id), RepoRef.parse(repo_full_name))


@contextmanager
def _session(installation_id: int, repo_full_name: str) -> Iterator[CachedRepoApi]:
    """A review's API: one HTTP client for the whole task, reads made once, blobs cached."""
    gh = _client(installation_id)
    with gh:
        api = GitHubRepoApi(gh, RepoRef.parse(repo_full_name))
        yield CachedRepoApi(api, BlobCache(_redis(), settings().blob_cache_ttl_s))


def rate_limit_countdown(exc: RateLimitedError, retries: int) -> float:
    """When to retry after a rate limit: when GitHub said; without a signal at least a
    minute, doubling with each retry (GitHub: "wait … exponentially increasing").

    One wait is at most `MAX_WAIT_S` (30 min). When GitHub said to come back later than that
    (a primary limit's `x-ratelimit-reset` can be an hour away) the task does not sleep on
    it: RateLimitWaitTooLongError fails the review (review D14).
    """
    countdown = exc.countdown
    if exc.unsignalled:
        return min(max(countdown, UNSIGNALLED_WAIT_S * 2.0**retries), MAX_WAIT_S)
    if countdown > MAX_WAIT_S:
        raise RateLimitWaitTooLongError(countdown)
    return countdown


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

        with job_lease(_redis(), task_id, self.name, kwargs, settings().lease_ttl_s):
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
        job = _job_from(kwargs)
        fail_job(_api(job.installation_id, job.repo_full_name), settings(), job, exc)
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
        with _session(job.installation_id, job.repo_full_name) as api:
            outcome: Outcome = run_review(
                api,
                RedisCoordinator(_redis()),
                settings(),
                job,
                smoke=_smoke_hooks(),
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
        from worker.commands.actions import check_run_target

        api = _api(installation_id, repo_full_name)
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


# -- leases: reviews whose worker died --------------------------------------------------------

#: The tasks a sweeper may send again (a lease entry naming anything else is dropped).
LEASED_TASKS = frozenset(
    {"worker.review_pull_request", "worker.review_check_suite", "worker.review_merge_group"}
)


def sweep_leases(store: Any) -> list[Any]:
    """One sweep (worker/leases.py): send lost reviews again, or close them after too many."""
    from worker.leases import LeasedTask, sweep

    def resend(task: LeasedTask) -> None:
        if task.name in LEASED_TASKS:
            app.send_task(task.name, kwargs=task.kwargs)

    def give_up(task: LeasedTask, count: int) -> None:
        if task.name in LEASED_TASKS:
            app.send_task(
                "worker.fail_lost_review", kwargs={"job": task.kwargs, "recoveries": count}
            )

    return sweep(
        store, resend=resend, give_up=give_up, max_recoveries=settings().lease_max_recoveries
    )


@_task("worker.fail_rate_limited_review", base=ReviewTask, leased=False)
def fail_rate_limited_review(self: Task, job: dict[str, Any], wait_s: float) -> str:
    """Close the check run of a review failed by a long rate limit, once the limit reset."""
    review = _job_from(job)
    try:
        with _session(review.installation_id, review.repo_full_name) as api:
            fail_job(api, settings(), review, RateLimitWaitTooLongError(wait_s))
    except Exception as error:
        if is_transient(error):
            raise TransientError(f"{type(error).__name__}: {error}") from error
        raise
    return "failed"


@_task("worker.fail_lost_review", base=ReviewTask, leased=False)
def fail_lost_review(self: Task, job: dict[str, Any], recoveries: int) -> str:
    """Close the check run of a review whose workers kept dying (failure, with Re-run)."""
    from worker.review_job import LostWorkerError

    review = _job_from(job)
    exc = LostWorkerError(recoveries)
    try:
        with _session(review.installation_id, review.repo_full_name) as api:
            fail_job(api, settings(), review, exc)
    except Exception as error:
        if is_transient(error):
            raise TransientError(f"{type(error).__name__}: {error}") from error
        raise
    return "failed"


#: Commands, buttons, installation events and redelivery live in their own module.
from worker import app_tasks as _app_tasks  # noqa: E402,F401  (registers those tasks)

# -- the GPU smoke test ------------------------------------------------------------------------
#
# The review job decides (worker/smoke/dispatch.py) and sends `worker.gpu_smoke` to the chosen
# runner's own queue `gpu.<name>`, plus a delayed `worker.publish_smoke` as a watchdog. The
# GPU task runs the smoke test and stores the outcome in Redis; publishing it to GitHub is
# `worker.publish_smoke` on the `review` queue, where the App key is. A GPU host holds no
# GitHub secret.

#: Above the runner's default cap on a job (DEPREVIEW_RUNNER_MAX_TIMEOUT_S, 1800 s); the
#: review side sends per-message limits of `smoke.timeout_s` + 300 / + 600 s.
SMOKE_SOFT_LIMIT_S = 1800 + 300
SMOKE_HARD_LIMIT_S = 1800 + 600
SMOKE_MAX_RETRIES = 2


def _smoke_hooks() -> Any:
    """What the review job needs to schedule smoke tests from this worker."""
    from worker.smoke.dispatch import SmokeHooks

    return SmokeHooks(
        redis=_redis(),
        enqueue=send_smoke,
        app_id=settings().github_app_id,
        default_index_url=settings().resolve_index_url,
    )


def send_smoke(spec: Any) -> None:
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
        kwargs={
            "installation_id": spec.installation_id,
            "repo_full_name": spec.repo_full_name,
            "pr_number": spec.pr_number,
            "head_sha": spec.head_sha,
            "check_run_id": spec.check_run_id,
            "watchdog_after_s": spec.watchdog_s,
            "delivery_id": spec.delivery_id,
        },
        countdown=spec.watchdog_s,
    )


@_task(
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
    ids = {
        "installation_id": installation_id,
        "repo_full_name": repo_full_name,
        "pr_number": pr_number,
        "head_sha": head_sha,
        "delivery_id": delivery_id,
    }
    if pins is None or not check_run_id:
        logger.warning("gpu_smoke message without pins or check run dropped", extra=ids)
        return {"status": "rejected"}
    from celery.exceptions import SoftTimeLimitExceeded

    from worker.smoke.config import RunnerConfig
    from worker.smoke.execute import execute_smoke
    from worker.smoke.facts import read_runner_facts

    config = RunnerConfig()
    timer = StageTimer()
    with timer.stage("smoke"):
        outcome, ran = execute_smoke(
            _redis(),
            repo=repo_full_name,
            pr_number=pr_number,
            head_sha=head_sha,
            check_run_id=check_run_id,
            pins=pins,
            changed_packages=changed_packages,
            index_options=index_options,
            base_environment=base_environment,
            timeout_s=timeout_s,
            facts=read_runner_facts(labels=config.labels, name=config.name),
            config=config,
            soft_limit=SoftTimeLimitExceeded,
            soft_limit_s=timeout_s + 300,
            on_start=lambda: app.send_task(
                "worker.smoke_started", kwargs={**ids, "check_run_id": check_run_id}
            ),
            job_id=str(extra.get("job_id") or ""),
        )
    if ran:  # a redelivered job that found its stored outcome ran nothing
        timer.observe()
    app.send_task("worker.publish_smoke", kwargs={**ids, "check_run_id": check_run_id})
    return {"status": "ran" if ran else "stored-before", "conclusion": outcome.get("conclusion")}


class SmokePublishTask(ReviewTask):
    """The review tasks' retry policy; a final failure closes the smoke run, not the review."""

    leased = False

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """Never leave the smoke check run open because publishing failed."""
        from worker.smoke.publish import complete_smoke_run
        from worker.smoke.store import SmokeRecord

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
            api = _api(int(kwargs["installation_id"]), record.repo)
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


@_task("worker.smoke_started", base=SmokeStartedTask)
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
    from worker.smoke.publish import mark_smoke_started

    try:
        return mark_smoke_started(
            _api(installation_id, repo_full_name),
            RedisCoordinator(_redis()),
            _redis(),
            pr_number=pr_number,
            head_sha=head_sha,
            check_run_id=check_run_id,
            app_id=settings().github_app_id,
        )
    except Exception as exc:
        if is_transient(exc):
            raise TransientError(f"{type(exc).__name__}: {exc}") from exc
        raise


@_task("worker.publish_smoke", base=SmokePublishTask)
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
    from worker.smoke.publish import publish_smoke as publish

    try:
        return publish(
            _api(installation_id, repo_full_name),
            RedisCoordinator(_redis()),
            _redis(),
            pr_number=pr_number,
            head_sha=head_sha,
            check_run_id=check_run_id,
            app_id=settings().github_app_id,
            watchdog_after_s=watchdog_after_s,
        )
    except Exception as exc:
        if is_transient(exc):
            raise TransientError(f"{type(exc).__name__}: {exc}") from exc
        raise
