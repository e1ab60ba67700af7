"""The Celery app: built from `Settings` when the worker starts, never at import."""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from celery.signals import setup_logging, worker_ready
from kombu.entity import Queue
from redis import Redis

from core.contract import QUEUE_GPU, QUEUE_REVIEW, REDELIVER_FAILED, TASK_QUEUES
from core.logs import configure_logging
from core.settings import Settings, get_settings
from worker.leases import resend_lost, start_sweeper
from worker.metrics_server import connect_signals
from worker.smoke.bootstep import install_bootstep
from worker.smoke.broker import gpu_worker_config

#: The modules that define the tasks (each task names itself: moving one keeps its name).
TASK_MODULES = ("worker.tasks.review", "worker.tasks.app", "worker.tasks.smoke")


def _queue(name: str) -> Any:
    return Queue(name, routing_key=name)  # type: ignore[no-untyped-call]


def celery_config(settings: Settings) -> dict[str, Any]:
    """The Celery configuration for these settings (a GPU worker's: worker/smoke/broker.py)."""
    config = _shared_config(settings)
    return gpu_worker_config(config) if settings.gpu_worker else config


def _shared_config(settings: Settings) -> dict[str, Any]:
    return {
        "broker_url": settings.redis_url,
        "result_backend": settings.redis_url,
        "task_queues": (_queue(QUEUE_REVIEW), _queue(QUEUE_GPU)),
        "task_default_queue": QUEUE_REVIEW,
        "task_routes": {name: {"queue": queue} for name, queue in TASK_QUEUES.items()},
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "result_expires": 24 * 3600,
        "task_ignore_result": True,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "broker_transport_options": {"visibility_timeout": settings.visibility_timeout_s},
        "result_backend_transport_options": {"visibility_timeout": settings.visibility_timeout_s},
        "broker_connection_retry_on_startup": True,
        "worker_hijack_root_logger": False,
        "enable_utc": True,
        # `celery -A worker.celery_app beat`: redeliver failed webhook deliveries.
        "beat_schedule": {
            "redeliver-failed-deliveries": {
                "task": REDELIVER_FAILED,
                "schedule": float(settings.redelivery_interval_s),
                "options": {"expires": float(settings.redelivery_interval_s)},
            }
        },
    }


def _configure(sender: Celery, **_: Any) -> None:
    """Read `DEPREVIEW_*` when the app is first used (worker start), not at import."""
    sender.conf.update(celery_config(get_settings()))


def make_celery(settings: Settings | None = None) -> Celery:
    """The Celery app: configured from `settings` now (tests and producers pass their own),
    else from `DEPREVIEW_*` when first used (the worker's `app`)."""
    celery = Celery("depreview", include=list(TASK_MODULES))
    if settings is not None:
        celery.conf.update(celery_config(settings))
    else:
        celery.on_configure.connect(_configure, weak=False)
    return celery


app = make_celery()

# GPU workers (`-Q gpu`) register their facts in Redis at start and consume `gpu.<name>`;
# the step does nothing in review workers.
install_bootstep(app)

# Prometheus: task outcomes, and `/metrics` on DEPREVIEW_WORKER_METRICS_PORT when the worker is
# ready (see worker/metrics_server.py for prefork vs `--pool threads`).
connect_signals()


def _start_lease_sweeper(sender: Any = None, **_: Any) -> None:
    """Every worker process watches for reviews whose worker died (worker/leases.py)."""

    settings = get_settings()
    if settings.gpu_worker:  # runs no review; its Redis user may not read the leases
        return

    def store() -> Redis:
        return Redis.from_url(settings.redis_url, socket_timeout=10, socket_connect_timeout=5)

    def run(redis: Any) -> object:
        return resend_lost(redis, app.send_task, max_recoveries=settings.lease_max_recoveries)

    start_sweeper(store, settings.lease_sweep_interval_s, run)


worker_ready.connect(_start_lease_sweeper, weak=False)


def _json_logs(**_: Any) -> None:
    """Worker logs are JSON lines like the service's (delivery id, repo, PR, head SHA)."""

    configure_logging(get_settings().log_level)
    logging.getLogger("httpx").setLevel(logging.WARNING)


setup_logging.connect(_json_logs, weak=False)
