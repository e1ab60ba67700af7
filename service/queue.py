"""The delivery queue: what the webhook endpoint needs from the outside, and its Redis form.

`DeliveryQueue` takes a delivery's tasks at most once; the app builds `RedisDeliveryQueue` at
start and tests pass a fake. `RedisDeliveryQueue` dedupes and enqueues in one atomic Redis
script call:

`SET depreview:delivery:<id> NX EX ttl` and, only when that key is new, `LPUSH` every task's
Celery message onto its queue list, inside one Lua script: a failure leaves neither the key nor
a message behind (nothing to release). Deliveries that arrive while a round trip is in flight
are sent together in the next pipeline, so under load one socket write serves many of them.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import NoScriptError, RedisError

from core.contract import TaskSpec
from core.settings import Settings
from service._celery_envelope import celery_message

KEY_PREFIX = "depreview:delivery:"


class Unavailable(Exception):
    """Redis or the broker could not be reached; the delivery must be answered with 503."""

    def diagnostics(self) -> str:
        """A short reason safe to show in the logs."""
        return str(self) or type(self).__name__


class DeliveryQueue(Protocol):
    """Queues a delivery's tasks at most once per `X-GitHub-Delivery`."""

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue `tasks` unless this delivery id was queued before (then False).

        Raises Unavailable when nothing could be queued; the delivery id is then not
        remembered, so GitHub's redelivery of it is accepted.
        """
        ...

    async def ping(self) -> bool:
        """Whether the store answers."""
        ...

    async def close(self) -> None:
        """Close connections."""
        ...


_ENQUEUE_ONCE = """
if not redis.call('SET', KEYS[1], 'queued', 'NX', 'EX', ARGV[1]) then
  return 0
end
for i = 2, #KEYS do
  redis.call('LPUSH', KEYS[i], ARGV[i])
end
return 1
"""
_ENQUEUE_ONCE_SHA = hashlib.sha1(_ENQUEUE_ONCE.encode(), usedforsecurity=False).hexdigest()


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

    def __init__(self, redis: Redis, ttl_s: int, task_key: bytes | None) -> None:
        """`task_key` (core.task_auth.task_key of the webhook secret) tags every message;
        None queues untagged messages, which review workers refuse."""
        self._redis = redis
        self._ttl_s = ttl_s
        self._task_key = task_key
        self._pending: list[tuple[list[str], list[str | int], asyncio.Future[bool]]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue the tasks unless the delivery id is known; Unavailable when Redis fails."""
        keys = [KEY_PREFIX + delivery_id, *(task.queue for task in tasks)]
        args: list[str | int] = [
            self._ttl_s,
            *(celery_message(task, key=self._task_key) for task in tasks),
        ]
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((keys, args, done))
        if self._flusher is None:
            self._flusher = asyncio.create_task(self._flush())
        return await done

    async def _flush(self) -> None:
        """Send what is pending, one pipeline at a time, until nothing is left."""
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                await self._send(batch)
        finally:
            self._flusher = None

    async def _send(
        self, batch: list[tuple[list[str], list[str | int], asyncio.Future[bool]]]
    ) -> None:
        try:
            results = await self._execute(batch, by_sha=True)
            if any(isinstance(result, NoScriptError) for result in results):
                # Redis restarted or flushed its script cache: nothing ran; send the text once.
                results = await self._execute(batch, by_sha=False)
        except Exception as error:  # whatever it is, every waiting delivery must get an answer
            results = [error] * len(batch)
        for (_, _, done), result in zip(batch, results, strict=True):
            if done.done():
                continue
            if isinstance(result, Exception):
                unavailable = Unavailable(f"redis: {type(result).__name__}")
                unavailable.__cause__ = result
                done.set_exception(unavailable)
            else:
                done.set_result(bool(result))

    async def _execute(
        self, batch: list[tuple[list[str], list[str | int], asyncio.Future[bool]]], by_sha: bool
    ) -> list[Any]:
        """One pipeline of the script per delivery: `EVALSHA` (the script's text when not)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            for keys, args, _ in batch:
                if by_sha:
                    pipe.evalsha(_ENQUEUE_ONCE_SHA, len(keys), *keys, *args)
                else:
                    pipe.eval(_ENQUEUE_ONCE, len(keys), *keys, *args)
            results: list[Any] = await pipe.execute(raise_on_error=False)
        return results

    async def ping(self) -> bool:
        """Redis `PING`."""
        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        """Wait for pending sends, then close the client and its pool."""
        if self._flusher is not None:
            await self._flusher
        await self._redis.aclose()
