"""The service's DeliveryQueue: dedupe and enqueue in one atomic Redis script call.

`SET depreview:delivery:<id> NX EX ttl` and, only when that key is new, `LPUSH` every task's
Celery message onto its queue list, inside one Lua script: one round trip from the event loop,
and a failure leaves neither the key nor a message behind (nothing to release).
"""

from __future__ import annotations

from collections.abc import Sequence

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import RedisError

from service.celery_message import celery_message
from service.interface import Unavailable
from service.taskspec import TaskSpec
from worker.settings import Settings

KEY_PREFIX = "depreview:delivery:"

_ENQUEUE_ONCE = """
if not redis.call('SET', KEYS[1], 'queued', 'NX', 'EX', ARGV[1]) then
  return 0
end
for i = 2, #KEYS do
  redis.call('LPUSH', KEYS[i], ARGV[i])
end
return 1
"""


def redis_client(settings: Settings) -> Redis:
    """An asyncio Redis client with short timeouts and one quick retry (connects on first use)."""
    return Redis.from_url(
        settings.redis_url,
        socket_connect_timeout=1.0,
        socket_timeout=2.0,
        retry=Retry(ExponentialBackoff(cap=0.05, base=0.01), 1),
        health_check_interval=30,
    )


class RedisDeliveryQueue:
    """DeliveryQueue on one Redis that is both the dedupe store and the Celery broker."""

    def __init__(self, redis: Redis, ttl_s: int) -> None:
        self._redis = redis
        self._ttl_s = ttl_s
        self._script = redis.register_script(_ENQUEUE_ONCE)

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue the tasks unless the delivery id is known; Unavailable when Redis fails."""
        keys = [KEY_PREFIX + delivery_id, *(task.queue for task in tasks)]
        args: list[str | int] = [self._ttl_s, *(celery_message(task) for task in tasks)]
        try:
            created = await self._script(keys=keys, args=args)
        except (RedisError, OSError) as error:
            raise Unavailable(f"redis: {type(error).__name__}") from error
        return bool(created)

    async def ping(self) -> bool:
        """Redis `PING`."""
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        """Close the client and its pool."""
        await self._redis.aclose()
