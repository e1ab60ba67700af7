"""A per-installation concurrency limit: a Redis semaphore whose slots expire (TTL)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any, Protocol

from worker.coordination import LockBusyError
from worker.leases import keepalive

_ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
  redis.call('EXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0
"""
_RENEW = """
if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
  redis.call('ZADD', KEYS[1], 'XX', ARGV[1], ARGV[2])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
end
return 1
"""


class ScriptStore(Protocol):
    """The Redis commands the semaphore uses."""

    def eval(self, script: str, numkeys: int, *keys_and_args: Any) -> Any:
        """EVAL."""
        ...

    def zrem(self, name: str, *values: Any) -> Any:
        """ZREM."""
        ...


def semaphore_key(installation_id: int) -> str:
    """The sorted set holding one installation's running jobs (member → expiry time)."""
    return f"depreview:running:{installation_id}"


@contextmanager
def installation_slot(
    store: ScriptStore, installation_id: int, *, limit: int, ttl_s: int
) -> Iterator[str]:
    """Hold one of `limit` slots of an installation; raise LockBusyError when all are taken.

    A heartbeat renews the slot while the job runs; one whose holder died frees itself
    after `ttl_s`.
    """
    token = uuid.uuid4().hex
    now = time.time()
    key = semaphore_key(installation_id)
    got = store.eval(_ACQUIRE, 1, key, now, limit, now + ttl_s, token, ttl_s + 60)
    if not int(got):
        raise LockBusyError(f"installation {installation_id} already runs {limit} jobs")

    def renew() -> None:  # the slot's expiry moves on while the job runs
        store.eval(_RENEW, 1, key, time.time() + ttl_s, token, ttl_s + 60)

    try:
        with keepalive(renew, max(0.1, ttl_s / 3), f"slot:{installation_id}"):
            yield token
    finally:
        with suppress(Exception):  # Redis down: the slot expires by itself
            store.zrem(key, token)
