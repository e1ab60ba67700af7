"""What a failure means for the task that met it: one classification for every task.

- `RateLimited(countdown)`: GitHub said when to come back (`Retry-After`, or
  `x-ratelimit-remaining: 0` with `x-ratelimit-reset`), or a 403/429 secondary limit said
  nothing (`unsignalled`: at least a minute, doubling with each retry; see
  `worker/github/ratelimit.py`).
- `Transient`: worth retrying with backoff: GitHub 5xx, network errors, Redis unreachable,
  another job holding the PR lock.
- `Permanent`: anything else, the soft time limit included; the task fails (a review
  closes its check run with the reason).

Celery retries only what `RETRY_ON` names, so a task turns a failure into its retryable
form with `retryable_failures()`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from githubkit.exception import RequestFailed
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from worker.coordination import LockBusyError
from worker.github.client import is_transient
from worker.github.ratelimit import (
    MAX_WAIT_S,
    UNSIGNALLED_WAIT_S,
    RateLimitWaitTooLongError,
    retry_wait,
)


class LostWorkerError(RuntimeError):
    """The workers running a review died (killed, out of memory) too many times."""

    def __init__(self, times: int) -> None:
        super().__init__(f"the worker running this review stopped {times} times")
        self.times = times


@dataclass(frozen=True)
class RateLimited:
    """Retry after `countdown` seconds (GitHub's own figure, or a minute when unsignalled)."""

    countdown: float
    unsignalled: bool = False


@dataclass(frozen=True)
class Transient:
    """Retry with the task's exponential backoff."""


@dataclass(frozen=True)
class Permanent:
    """Do not retry."""


Verdict = RateLimited | Transient | Permanent


class TransientError(RuntimeError):
    """A failure worth retrying later: GitHub 5xx/network, a busy lock."""


class RateLimitedError(RuntimeError):
    """GitHub said when to come back (`Retry-After` / `x-ratelimit-reset`): retry then.

    `unsignalled`: a secondary limit without either header; the task waits at least a
    minute, doubling with each retry.
    """

    def __init__(self, message: str, countdown: float, *, unsignalled: bool = False) -> None:
        super().__init__(message)
        self.countdown = countdown
        self.unsignalled = unsignalled


#: What Celery retries (`autoretry_for`); everything else fails the task.
RETRY_ON: tuple[type[BaseException], ...] = (
    TransientError,
    RateLimitedError,
    LockBusyError,
    RedisConnectionError,
    RedisTimeoutError,
)


def classify(exc: BaseException) -> Verdict:
    """Whether (and when) the work that raised `exc` is worth doing again."""
    if isinstance(exc, RateLimitedError):
        return RateLimited(exc.countdown, unsignalled=exc.unsignalled)
    if isinstance(exc, RETRY_ON):
        return Transient()
    if isinstance(exc, RequestFailed):
        wait = retry_wait(exc)
        if wait is not None:
            return RateLimited(wait, unsignalled=not _signalled(exc))
    if is_transient(exc):
        return Transient()
    return Permanent()


def is_retryable(exc: BaseException) -> bool:
    """Whether a later try may succeed (the caller leaves its state for that try)."""
    return not isinstance(classify(exc), Permanent)


def _signalled(exc: RequestFailed) -> bool:
    headers = {k.lower(): v for k, v in exc.response.headers.items()}
    remaining = headers.get("x-ratelimit-remaining", "").strip()
    return "retry-after" in headers or (remaining == "0" and "x-ratelimit-reset" in headers)


def retryable(exc: BaseException) -> BaseException:
    """`exc` as Celery retries it (`RETRY_ON`), or `exc` itself when it is permanent."""
    verdict = classify(exc)
    if isinstance(exc, RETRY_ON) or isinstance(verdict, Permanent):
        return exc
    if isinstance(verdict, RateLimited):
        status = exc.response.status_code if isinstance(exc, RequestFailed) else "?"
        return RateLimitedError(
            f"GitHub rate limit ({status})", verdict.countdown, unsignalled=verdict.unsignalled
        )
    return TransientError(f"{type(exc).__name__}: {exc}")


@contextmanager
def retryable_failures() -> Iterator[None]:
    """Raise what the block raises in its retryable form (the original as its cause)."""
    try:
        yield
    except Exception as exc:
        mapped = retryable(exc)
        if mapped is exc:
            raise
        raise mapped from exc


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
