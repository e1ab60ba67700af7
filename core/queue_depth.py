"""Celery queue depth read from Redis (LLEN of `review`, `gpu` and the runners' `gpu.*`).

Used by the worker's metrics endpoint (sync Redis) and the service's `/metrics` (asyncio
Redis). Runner queues are found with a bounded SCAN; a Redis failure yields no sample at all,
so the gauge is absent rather than wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from core.contract import QUEUE_GPU, QUEUE_REVIEW

logger = logging.getLogger(__name__)

FIXED_QUEUES = (QUEUE_REVIEW, QUEUE_GPU)
RUNNER_PATTERN = "gpu.*"
#: At most this many runner queues are reported, found in at most `SCAN_ROUNDS` SCAN calls.
MAX_RUNNER_QUEUES = 64
SCAN_ROUNDS = 10
SCAN_COUNT = 500

NAME = "depreview_queue_depth"
HELP = "Messages waiting in a Celery queue (Redis list length)."


def _text(key: bytes | str) -> str:
    return key.decode("utf-8", "replace") if isinstance(key, bytes) else key


def runner_queues(redis: Any) -> list[str]:
    """The runner queues (`gpu.<name>`) that exist now, bounded."""
    found: set[str] = set()
    cursor: int | str = 0
    for _ in range(SCAN_ROUNDS):
        cursor, keys = redis.scan(cursor=cursor, match=RUNNER_PATTERN, count=SCAN_COUNT)
        found.update(_text(k) for k in keys)
        if len(found) >= MAX_RUNNER_QUEUES or int(cursor) == 0:
            break
    return sorted(found)[:MAX_RUNNER_QUEUES]


def _depths(names: list[str], lengths: Iterable[object]) -> dict[str, int]:
    """Lengths by queue; a key that is not a list (an error in the pipeline) is left out."""
    return {name: n for name, n in zip(names, lengths, strict=True) if isinstance(n, int)}


def queue_depths(redis: Any) -> dict[str, int]:
    """LLEN of every queue (sync Redis client); raises the client's errors."""
    names = [*FIXED_QUEUES, *runner_queues(redis)]
    pipe = redis.pipeline(transaction=False)
    for name in names:
        pipe.llen(name)
    return _depths(names, pipe.execute(raise_on_error=False))


async def queue_depths_async(redis: Any) -> dict[str, int]:
    """LLEN of every queue (asyncio Redis client); raises the client's errors."""
    found: set[str] = set()
    cursor: int | str = 0
    for _ in range(SCAN_ROUNDS):
        cursor, keys = await redis.scan(cursor=cursor, match=RUNNER_PATTERN, count=SCAN_COUNT)
        found.update(_text(k) for k in keys)
        if len(found) >= MAX_RUNNER_QUEUES or int(cursor) == 0:
            break
    names = [*FIXED_QUEUES, *sorted(found)[:MAX_RUNNER_QUEUES]]
    async with redis.pipeline(transaction=False) as pipe:
        for name in names:
            pipe.llen(name)
        lengths = await pipe.execute(raise_on_error=False)
    return _depths(names, lengths)


def depth_family(depths: Mapping[str, int]) -> GaugeMetricFamily:
    """`depreview_queue_depth{queue}` for these lengths."""
    family = GaugeMetricFamily(NAME, HELP, labels=["queue"])
    for queue, depth in sorted(depths.items()):
        family.add_metric([queue], depth)
    return family


class QueueDepthCollector(Collector):
    """Reads queue depth at scrape time; yields nothing when Redis does not answer."""

    def __init__(self, redis: Callable[[], Any]) -> None:
        self._redis = redis

    def describe(self) -> Iterator[GaugeMetricFamily]:
        """The family's name, without asking Redis (the registry calls this on register)."""
        yield depth_family({})

    def collect(self) -> Iterator[GaugeMetricFamily]:
        """One gauge family, or none when Redis fails."""
        try:
            depths = queue_depths(self._redis())
        except Exception as exc:  # any Redis or network failure: no sample, never a 500
            logger.warning("queue depth unavailable", extra={"error": type(exc).__name__})
            return
        yield depth_family(depths)
