"""Serve the worker's metrics: `prometheus_client.start_http_server` when the worker is ready.

Set `DEPREVIEW_WORKER_METRICS_PORT` to serve them (on `DEPREVIEW_WORKER_METRICS_HOST`, and
only for `Authorization: Bearer $DEPREVIEW_METRICS_TOKEN` when that is set). Celery's default
prefork pool runs tasks in child processes whose metrics a server in the parent cannot see,
so either run the worker with `--pool threads` (or `solo`): one process, one registry,
nothing else to set; or keep prefork and set `PROMETHEUS_MULTIPROC_DIR` to an empty
directory for each worker start: every process then writes its samples there and the
endpoint adds them up (prometheus_client's multiprocess mode). Queue depth is read from
Redis at scrape time in the serving process either way.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import cache
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, make_wsgi_app, start_http_server
from prometheus_client import multiprocess as prom_multiprocess
from prometheus_client.exposition import ThreadingWSGIServer
from pydantic import SecretStr
from redis import Redis

from core.metrics_auth import require_token
from core.queue_depth import QueueDepthCollector
from core.settings import Settings, get_settings
from worker.metrics import current

logger = logging.getLogger(__name__)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def multiprocess_enabled() -> bool:
    """Whether prometheus_client's multiprocess mode is on (set before the worker starts)."""
    return bool(os.environ.get(MULTIPROC_ENV))


def serving_registry(redis_url: str) -> CollectorRegistry:
    """The registry the endpoint serves: this process's metrics (or every process's) + queues."""
    if multiprocess_enabled():
        registry = CollectorRegistry()
        prom_multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = current().registry

    @cache
    def client() -> Redis:
        return Redis.from_url(redis_url, socket_timeout=1.0, socket_connect_timeout=1.0)

    registry.register(QueueDepthCollector(client))
    return registry


def start_metrics_server(settings: Settings) -> WSGIServer | None:
    """Serve `/metrics` on `settings.worker_metrics_port` (a daemon thread); None when unset."""
    port = settings.worker_metrics_port
    if port is None:
        return None
    registry = serving_registry(settings.redis_url)
    host = settings.worker_metrics_host
    if settings.metrics_token is not None:
        server = _serve_with_token(host, port, registry, settings.metrics_token)
    else:
        server, _ = start_http_server(port, addr=host, registry=registry)
    logger.info(
        "worker metrics served",
        extra={
            "host": host,
            "port": port,
            "multiprocess": multiprocess_enabled(),
            "token": settings.metrics_token is not None,
        },
    )
    return server


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on stderr (prometheus_client's own server logs none either)."""


def _serve_with_token(
    host: str, port: int, registry: CollectorRegistry, token: SecretStr
) -> WSGIServer:
    """prometheus_client's WSGI app behind the bearer token, on a daemon thread."""
    app = require_token(make_wsgi_app(registry), token)
    server = make_server(host, port, app, ThreadingWSGIServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def on_worker_ready(**_: Any) -> None:
    """Celery `worker_ready`: start the endpoint in the main worker process."""
    try:
        start_metrics_server(get_settings())
    except OSError:
        logger.exception("could not serve the worker metrics")


def on_process_shutdown(pid: int | None = None, **_: Any) -> None:
    """Celery `worker_process_shutdown`: drop a dead child's live gauges (multiprocess mode)."""
    if multiprocess_enabled():
        prom_multiprocess.mark_process_dead(pid or os.getpid())  # type: ignore[no-untyped-call]


def _task_name(sender: Any) -> str:
    return str(getattr(sender, "name", None) or "unknown")


def on_task_success(sender: Any = None, **_: Any) -> None:
    """Celery `task_success`."""
    current().task_outcomes.labels(task=_task_name(sender), outcome="success").inc()


def on_task_retry(sender: Any = None, **_: Any) -> None:
    """Celery `task_retry`."""
    current().task_outcomes.labels(task=_task_name(sender), outcome="retry").inc()


def on_task_failure(sender: Any = None, **_: Any) -> None:
    """Celery `task_failure`."""
    current().task_outcomes.labels(task=_task_name(sender), outcome="failure").inc()


def connect_signals() -> None:
    """Connect the handlers above to Celery's signals (idempotent: strong refs, dispatch uid)."""
    from celery.signals import (
        task_failure,
        task_retry,
        task_success,
        worker_process_shutdown,
        worker_ready,
    )

    worker_ready.connect(on_worker_ready, weak=False, dispatch_uid="depreview-metrics-ready")
    worker_process_shutdown.connect(
        on_process_shutdown, weak=False, dispatch_uid="depreview-metrics-shutdown"
    )
    task_success.connect(on_task_success, weak=False, dispatch_uid="depreview-task-success")
    task_retry.connect(on_task_retry, weak=False, dispatch_uid="depreview-task-retry")
    task_failure.connect(on_task_failure, weak=False, dispatch_uid="depreview-task-failure")
