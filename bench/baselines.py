"""The baselines the webhook bench serves next to `service.app:create_app`.

- `create_bare_app`: only `POST /webhooks/github`, answering 202 (the ceiling);
- `create_celery_path_app`: the service publishing through Celery's own producer: a Redis
  ledger (`SET NX`), `send_task` in a worker thread, then `SET XX` (`LedgerQueue`). The
  service itself queues with one Redis script call (`service/queue.py`); this path is what
  that replaced, kept here to measure the difference (docs/performance.md).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from typing import Any, Protocol

import anyio
import anyio.to_thread
from celery import Celery
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.contract import QUEUE_REVIEW, TASK_QUEUES, TaskSpec
from core.settings import Settings, get_settings
from service.app import create_app
from service.queue import KEY_PREFIX, Unavailable, redis_client

logger = logging.getLogger(__name__)


def create_bare_app() -> FastAPI:
    """The baseline: only `POST /webhooks/github`, which reads the body and answers 202."""
    app = FastAPI(docs_url=None, redoc_url=None)

    @app.post("/webhooks/github")
    async def webhook(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "queued"}, status_code=202)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def create_celery_path_app() -> FastAPI:
    """The service publishing through Celery's producer (SET NX, send_task in a thread, SET XX)."""
    settings = get_settings()
    queue = LedgerQueue(
        RedisLedger(redis_client(settings), settings.dedupe_ttl_s),
        CeleryPublisher(producer_app(settings)),
    )
    return create_app(settings, queue=queue)


# -- the Celery-producer path: a ledger, a publisher, and the queue made of both ----------------


class DeliveryLedger(Protocol):
    """Remembers delivery ids (used when the broker is not the dedupe store)."""

    async def claim(self, delivery_id: str) -> bool:
        """Mark the id as being handled; False if already claimed. May raise Unavailable."""
        ...

    async def confirm(self, delivery_id: str) -> None:
        """The delivery's tasks are queued: remember the id for the full dedupe period."""
        ...

    async def release(self, delivery_id: str) -> None:
        """Forget a claim so a redelivery is accepted (best effort, never raises)."""
        ...

    async def ping(self) -> bool:
        """Whether the store answers."""
        ...

    async def close(self) -> None:
        """Close connections."""
        ...


class Publisher(Protocol):
    """Sends one task to the broker."""

    async def publish(self, task: TaskSpec) -> None:
        """Publish one task. Raises Unavailable when the broker cannot take it."""
        ...

    async def close(self) -> None:
        """Release broker connections."""
        ...


class LedgerQueue:
    """Claims the delivery id, publishes every task, then confirms; a failed publish releases."""

    def __init__(self, ledger: DeliveryLedger, publisher: Publisher) -> None:
        self.ledger = ledger
        self.publisher = publisher

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue the tasks once per delivery id; Unavailable (claim released) when not queued."""
        if not await self.ledger.claim(delivery_id):
            return False
        try:
            for task in tasks:
                await self.publisher.publish(task)
        except Unavailable:
            await self.ledger.release(delivery_id)
            raise
        await self.ledger.confirm(delivery_id)
        return True

    async def ping(self) -> bool:
        """Whether the ledger's store answers."""
        return await self.ledger.ping()

    async def close(self) -> None:
        """Close the publisher, then the ledger."""
        await self.publisher.close()
        await self.ledger.close()


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


PUBLISH_POOL = 10
"""Broker connections kept for publishing, and threads that may publish at once."""


def producer_app(settings: Settings) -> Celery:
    """A Celery app configured from settings for sending only; it connects on first send."""
    app = Celery("depreview-producer", broker=settings.redis_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        task_default_queue=QUEUE_REVIEW,
        task_routes={name: {"queue": queue} for name, queue in TASK_QUEUES.items()},
        task_ignore_result=True,
        broker_pool_limit=PUBLISH_POOL,
        broker_connection_timeout=2.0,
        broker_transport_options={
            "visibility_timeout": settings.visibility_timeout_s,
            "socket_connect_timeout": 1.0,
            "socket_timeout": 2.0,
        },
        # Fail fast: GitHub waits 10 s; a 503 it records can be redelivered.
        task_publish_retry=True,
        task_publish_retry_policy={
            "max_retries": 1,
            "interval_start": 0.05,
            "interval_step": 0.05,
            "interval_max": 0.1,
        },
    )
    return app


class CeleryPublisher:
    """Publisher using `send_task` in a worker thread, so the event loop never blocks.

    Correct but slow (about 1 ms of CPU per task plus the thread hop, see bench/); the
    service uses `service.queue` instead.
    """

    def __init__(self, app: Celery) -> None:
        self._app = app
        self._limiter = anyio.CapacityLimiter(PUBLISH_POOL)

    def _send(self, task: TaskSpec) -> None:
        self._app.send_task(
            task.task_name, kwargs=task.kwargs(), queue=task.queue, ignore_result=True
        )

    async def publish(self, task: TaskSpec) -> None:
        """Publish one task; Unavailable when the broker refuses or cannot be reached."""
        try:
            await anyio.to_thread.run_sync(
                functools.partial(self._send, task), limiter=self._limiter
            )
        except Exception as error:  # kombu/redis raise many types; all mean "not queued"
            raise Unavailable(f"broker: {type(error).__name__}") from error

    async def close(self) -> None:
        """Close the publishing connection pool."""
        close: Any = self._app.close
        await anyio.to_thread.run_sync(close)
