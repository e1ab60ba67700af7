"""Publishing through Celery itself: a light Celery app that sends tasks by name (no task code)."""

from __future__ import annotations

import functools
import logging
from typing import Any

import anyio
import anyio.to_thread
from celery import Celery

from core.contract import QUEUE_REVIEW, TASK_QUEUES, TaskSpec
from core.settings import Settings
from service.interface import Unavailable

logger = logging.getLogger(__name__)

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

    Correct but slow (about 1 ms of CPU per task plus the thread hop, see bench/); the app uses
    `service.redis_queue` unless given a queue built on this.
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
