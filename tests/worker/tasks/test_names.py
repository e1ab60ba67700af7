"""The split of `worker/tasks.py` into `worker/tasks/` kept every task's name."""

from __future__ import annotations

import importlib
import pkgutil

import worker.tasks
from worker.celery_app import TASK_MODULES, app

#: Every task name `worker/tasks.py` and `worker/app_tasks.py` registered before the split
#: (their `_task("worker....")` decorators): messages already queued carry these names.
NAMES_BEFORE_THE_SPLIT = {
    "worker.review_pull_request",
    "worker.review_check_suite",
    "worker.review_merge_group",
    "worker.fail_lost_review",
    "worker.fail_rate_limited_review",
    "worker.handle_command",
    "worker.handle_installation",
    "worker.handle_check_action",
    "worker.redeliver_failed",
    "worker.gpu_smoke",
    "worker.smoke_started",
    "worker.publish_smoke",
}


def test_the_registered_names_are_the_names_before_the_split() -> None:
    for module in TASK_MODULES:
        importlib.import_module(module)
    ours = {name for name in app.tasks if not name.startswith("celery.")}
    assert ours == NAMES_BEFORE_THE_SPLIT


def test_the_worker_includes_every_task_module() -> None:
    found = {m.name for m in pkgutil.iter_modules(worker.tasks.__path__)}
    public = {f"worker.tasks.{name}" for name in found if not name.startswith("_")}
    assert set(TASK_MODULES) == public
    assert tuple(app.conf.include) == TASK_MODULES
