"""Per-PR locks and the newest-head marker, kept in Redis so every worker sees them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Protocol

from redis import Redis
from redis.exceptions import LockError, RedisError


class LockBusyError(RuntimeError):
    """Another job holds the lock for this PR; retry later."""


class Coordinator(Protocol):
    """What a review job needs from shared state."""

    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> AbstractContextManager[None]:
        """Hold `key` exclusively (raises LockBusyError after `wait_s`)."""
        ...

    def newest_head(self, key: str) -> str | None:
        """The newest head SHA recorded for a PR, if any."""
        ...

    def record_head(self, key: str, sha: str, ttl_s: int) -> None:
        """Record the newest head SHA seen for a PR."""
        ...


def lock_key(repo_full_name: str, pr_number: int | None, head_sha: str) -> str:
    """The lock for one PR (or one SHA when no PR is involved, e.g. merge groups)."""
    what = f"#{pr_number}" if pr_number is not None else f"@{head_sha}"
    return f"depreview:lock:{repo_full_name}{what}"


def head_key(repo_full_name: str, pr_number: int) -> str:
    """The newest-head marker of one PR."""
    return f"depreview:head:{repo_full_name}#{pr_number}"


class RedisCoordinator:
    """`Coordinator` on Redis: `redis-py` locks (auto-expiring) and plain keys."""

    def __init__(self, client: Redis) -> None:
        self._redis = client

    @property
    def store(self) -> Redis:
        """The Redis client, as a key-value store for caches (resolutions)."""
        return self._redis

    #: Locks are leases: held with a short expiry that a heartbeat renews while the job runs.
    refreshes_locks = True

    @contextmanager
    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Iterator[None]:
        """Hold a Redis lock that expires `timeout_s` after this process stops renewing it.

        A heartbeat renews it every third of `timeout_s` while the block runs, so a long
        review keeps it and a killed worker frees it within `timeout_s`.
        """
        from worker.leases import keepalive

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

    def newest_head(self, key: str) -> str | None:
        """Read the marker."""
        value = self._redis.get(key)
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    def record_head(self, key: str, sha: str, ttl_s: int) -> None:
        """Write the marker."""
        self._redis.set(key, sha, ex=ttl_s)
