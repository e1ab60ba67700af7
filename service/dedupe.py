"""A DeliveryLedger in Redis (`SET NX` on `X-GitHub-Delivery`), for publishing through Celery."""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

from service.interface import Unavailable
from service.redis_queue import KEY_PREFIX

logger = logging.getLogger(__name__)

PENDING_TTL_S = 120
"""A claim lives this long until `confirm`: if Redis dies mid-delivery and `release` cannot
run, the key still expires soon, so a later redelivery is not refused for days."""


class RedisLedger:
    """DeliveryLedger on Redis keys `depreview:delivery:<id>` with a TTL of `ttl_s`."""

    def __init__(self, redis: Redis, ttl_s: int) -> None:
        self._redis = redis
        self._ttl_s = ttl_s

    async def claim(self, delivery_id: str) -> bool:
        """`SET key pending NX EX 120`: True for the first claim of this id."""
        try:
            created = await self._redis.set(
                KEY_PREFIX + delivery_id, b"pending", nx=True, ex=PENDING_TTL_S
            )
        except (RedisError, OSError) as error:
            raise Unavailable(f"redis: {type(error).__name__}") from error
        return bool(created)

    async def confirm(self, delivery_id: str) -> None:
        """`SET key queued XX EX ttl`; a failure only shortens the dedupe window (logged)."""
        try:
            await self._redis.set(KEY_PREFIX + delivery_id, b"queued", xx=True, ex=self._ttl_s)
        except (RedisError, OSError) as error:
            logger.warning(
                "could not extend delivery dedupe key",
                extra={"delivery_id": delivery_id, "error": type(error).__name__},
            )

    async def release(self, delivery_id: str) -> None:
        """`DEL key`, best effort."""
        try:
            await self._redis.delete(KEY_PREFIX + delivery_id)
        except (RedisError, OSError) as error:
            logger.warning(
                "could not release delivery dedupe key; it expires by itself",
                extra={"delivery_id": delivery_id, "error": type(error).__name__},
            )

    async def ping(self) -> bool:
        """Redis `PING`."""
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        """Close the client and its pool."""
        await self._redis.aclose()
