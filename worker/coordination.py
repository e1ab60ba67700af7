"""Per-PR locks, kept in Redis so every worker sees them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Protocol

from redis import Redis
from redis.exceptions import LockError, RedisError

from worker.leases import keepalive


class LockBusyError(RuntimeError):
    """Another job holds the lock for this PR; retry later."""


class Coordinator(Protocol):
    """What a review job needs from shared state."""

    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> AbstractContextManager[None]:
        """Hold `key` exclusively (raises LockBusyError after `wait_s`)."""
        ...


def lock_key(repo_full_name: str, pr_number: int | None, head_sha: str) -> str:
    """The lock for one PR (or one SHA when no PR is involved, e.g. merge groups)."""
    what = f"#{pr_number}" if pr_number is not None else f"@{head_sha}"
    return f"depreview:lock:{repo_full_name}{what}"


class RedisCoordinator:
    """`Coordinator` on Redis: `redis-py` locks (auto-expiring)."""

    def __init__(self, client: Redis) -> None:
        self._redis = client

    #: Locks are leases: held with a short expiry that a heartbeat renews while the job runs.
    refreshes_locks = True

    @contextmanager
    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Iterator[None]:
        """Hold a Redis lock that expires `timeout_s` after this process stops renewing it.

        A heartbeat renews it every third of `timeout_s` while the block runs, so a long
        review keeps it and a killed worker frees it within `timeout_s`.
        """

        # thread_local=False: the heartbeat thread renews the token this thread acquired
        lock = self._redis.lock(key, timeout=timeout_s, blocking_timeout=wait_s, thread_local=False)
        if not lock.acquire():
            raise LockBusyError(f"{key} is held by another job")
        try:
            with keepalive(lock.reacquire, max(0.1, timeout_s / 3), f"lock:{key}"):
                yield
        finally:
            with suppress(LockError, RedisError):  # expired meanwhile / Redis down
                lock.release()
