"""Prometheus metrics of one app instance, in a registry of its own."""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.exposition import generate_latest

OUTCOMES = (
    "queued",
    "duplicate",
    "ignored",
    "pong",
    "unauthorized",
    "bad_request",
    "unavailable",
)


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

    def delivery(self, event: str, outcome: str) -> None:
        """Count one delivery."""
        self.deliveries.labels(event=event, outcome=outcome).inc()

    def render(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
