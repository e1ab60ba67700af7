"""Celery's task time limits, recognised where code must catch broadly.

A review task's soft limit arrives as `SoftTimeLimitExceeded` raised wherever the worker's
main thread is (billiard's SIGUSR1 handler). Code that catches `Exception` around a
third-party call (rattler raises its own types) re-raises it, so the review stops and closes
its check run as `failure` with the time-limit reason instead of carrying on with a piece
of its work silently missing.
"""

from __future__ import annotations


def is_time_limit(exc: BaseException) -> bool:
    """True for Celery's soft or hard time limit."""
    try:
        from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
    except ImportError:  # pragma: no cover - celery is a dependency of the worker
        return False
    return isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded)


def time_limit_types() -> tuple[type[BaseException], ...]:
    """Celery's time-limit exception types (for code that must let them through)."""
    try:
        from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
    except ImportError:  # pragma: no cover - celery is a dependency of the worker
        return ()
    return (SoftTimeLimitExceeded, TimeLimitExceeded)
