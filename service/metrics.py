"""Prometheus metrics of one app instance, in a registry of its own."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector

from core.queue_depth import depth_family, queue_depths_async

logger = logging.getLogger(__name__)

#: The most a scrape waits for Redis before answering without the queue depth gauge.
QUEUE_DEPTH_TIMEOUT_S = 1.0


class Metrics:
    """Delivery outcomes by event and enqueue latency; one registry per app (tests build many)."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.deliveries = Counter(
            "depreview_webhook_deliveries",
            "Webhook deliveries by event and outcome.",
            ["event", "outcome"],
            registry=self.registry,
        )
        self.enqueue_seconds = Histogram(
            "depreview_enqueue_seconds",
            "Time to publish one delivery's tasks to the broker.",
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
            registry=self.registry,
        )
        self._delivery_counters: dict[tuple[str, str], Any] = {}

    def delivery(self, event: str, outcome: str) -> None:
        """Count one delivery (the labelled child is looked up once per event and outcome)."""
        counter = self._delivery_counters.get((event, outcome))
        if counter is None:
            counter = self.deliveries.labels(event=event, outcome=outcome)
            self._delivery_counters[(event, outcome)] = counter
        counter.inc()

    def render(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)


class _Fixed(Collector):
    """A collector of metric families computed before the scrape (async code cannot collect)."""

    def __init__(self, *families: Metric) -> None:
        self._families = families

    def collect(self) -> Iterator[Metric]:
        """The families as given."""
        yield from self._families


async def queue_depth_text(redis: Any, timeout_s: float = QUEUE_DEPTH_TIMEOUT_S) -> bytes:
    """`depreview_queue_depth{queue}` read from Redis now; b"" when Redis fails or is slow."""
    if redis is None:
        return b""
    try:
        depths = await asyncio.wait_for(queue_depths_async(redis), timeout_s)
    except Exception as exc:  # Redis down, slow or odd: /metrics still answers, without it
        logger.warning("queue depth unavailable", extra={"error": type(exc).__name__})
        return b""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Fixed(depth_family(depths)))
    return generate_latest(registry)
