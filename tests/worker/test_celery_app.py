"""The Celery app and tasks: configuration from settings, names, routes and retry policy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from core import contract
from core.settings import Settings
from worker.celery_app import make_celery


def _register_all() -> None:
    """Import the modules the worker includes (what `celery worker` does at start)."""
    import importlib

    from worker.celery_app import TASK_MODULES

    for module in TASK_MODULES:
        importlib.import_module(module)


def test_config_comes_from_settings() -> None:
    settings = Settings(redis_url="redis://127.0.0.1:6399/5", visibility_timeout_s=1800)
    conf = make_celery(settings).conf
    assert conf.broker_url == conf.result_backend == "redis://127.0.0.1:6399/5"
    assert conf.broker_transport_options == {"visibility_timeout": 1800}
    assert {q.name for q in conf.task_queues} == {"review", "gpu"}
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    assert conf.accept_content == ["json"] and conf.task_serializer == "json"


def test_import_reads_no_environment() -> None:
    code = (
        "import os; os.environ['DEPREVIEW_REDIS_URL'] = 'redis://127.0.0.1:1/9';"
        "import worker.celery_app as c, worker.tasks.review, worker.tasks.app, worker.tasks.smoke;"
        "os.environ['DEPREVIEW_REDIS_URL'] = 'redis://127.0.0.1:2/9';"
        "print(c.app.conf.broker_url)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "redis://127.0.0.1:2/9"


@pytest.mark.parametrize(("name", "queue"), sorted(contract.TASK_QUEUES.items()))
def test_every_task_of_the_contract_is_registered_and_routed(name: str, queue: str) -> None:
    from worker.celery_app import app

    _register_all()

    assert name in app.tasks
    assert make_celery(Settings()).conf.task_routes[name] == {"queue": queue}


@pytest.mark.parametrize(
    "name",
    [contract.REVIEW_PULL_REQUEST, contract.REVIEW_CHECK_SUITE, contract.REVIEW_MERGE_GROUP],
)
def test_review_tasks_retry_transient_errors_with_bounded_backoff(name: str) -> None:
    from redis.exceptions import ConnectionError as RedisConnectionError

    from worker.celery_app import app
    from worker.coordination import LockBusyError
    from worker.errors import TransientError

    task = app.tasks[name]
    assert {TransientError, LockBusyError, RedisConnectionError} <= set(task.autoretry_for)
    assert task.retry_backoff and task.retry_backoff_max < Settings().visibility_timeout_s
    assert 0 < task.max_retries <= 10
    assert task.acks_late


@pytest.mark.parametrize(
    "spec",
    [
        contract.ReviewPullRequest(1, "o/r", 2, "h" * 40, "d"),
        contract.ReviewCheckSuite(1, "o/r", "h" * 40, "d", (2,)),
        contract.ReviewMergeGroup(1, "o/r", "h" * 40, "b" * 40, "d"),
        contract.HandleCommand(1, "o/r", 2, 3, "d", "created"),
        contract.HandleInstallation(1, "installation", "created", "d", ("o/r",)),
        contract.HandleCheckAction(1, "o/r", 4, "h" * 40, "rerun", "me", "d"),
    ],
)
def test_task_signatures_accept_the_service_kwargs(spec: contract.TaskSpec) -> None:
    import inspect

    from worker.celery_app import app

    signature = inspect.signature(app.tasks[spec.task_name].run)
    signature.bind(**spec.kwargs())
