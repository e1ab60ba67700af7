"""The worker's Prometheus metrics: review stages, GitHub API calls, rate limits, task outcomes.

Every metric lives on one `WorkerMetrics` (its own `CollectorRegistry`); code records through
`current()`, and tests swap in a fresh one with `use()`. Serving them is `worker.metrics_server`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

STAGE_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800)


class WorkerMetrics:
    """The worker's metrics on one registry (one per process; tests build their own)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        self.stage_seconds = Histogram(
            "depreview_review_stage_seconds",
            "Seconds one review spent in a stage (fetch, parse, rules, resolve, smoke, publish).",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=self.registry,
        )
        self.github_calls = Counter(
            "depreview_github_api_calls",
            "GitHub REST calls by method, route template and response status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.ratelimit_remaining = Gauge(
            "depreview_github_ratelimit_remaining",
            "x-ratelimit-remaining of the latest core REST response, per installation.",
            ["installation"],
            multiprocess_mode="mostrecent",
            registry=self.registry,
        )
        self.task_outcomes = Counter(
            "depreview_task_outcomes",
            "Celery task outcomes by task name (success, retry, failure).",
            ["task", "outcome"],
            registry=self.registry,
        )


_current = WorkerMetrics()


def current() -> WorkerMetrics:
    """The metrics this process records to."""
    return _current


def use(metrics: WorkerMetrics) -> WorkerMetrics:
    """Record to `metrics` from now on (tests); returns the previous ones."""
    global _current
    previous, _current = _current, metrics
    return previous


class StageTimer:
    """Adds up the seconds of each stage of one review; `observe()` records one sample each."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time the block as part of stage `name` (blocks of one stage add up)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            self.seconds[name] = self.seconds.get(name, 0.0) + elapsed

    def observe(self) -> None:
        """Record each stage that ran once in `depreview_review_stage_seconds`."""
        histogram = current().stage_seconds
        for name, seconds in self.seconds.items():
            histogram.labels(stage=name).observe(seconds)
