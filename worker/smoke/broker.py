"""A GPU worker's Celery settings: what it touches in Redis stays apart from the review side
and from every other runner.

kombu's Redis transport keeps every message a worker holds (`acks_late`) in one hash,
`unacked` (with the index `unacked_index` and the lock `unacked_mutex`), whatever its
queue: a user that may read it reads the review tasks in flight (installations,
repositories, PRs). A GPU worker therefore keeps its own unacked keys, named after its
runner (`gpu-unacked.<name>`, `gpu-unacked_index.<name>`, `gpu-unacked_mutex.<name>`:
kombu's `unacked_key`, `unacked_index_key`, `unacked_mutex_key` transport options), so
one runner's Redis user cannot read or restore another runner's held jobs. It declares no
queue of the shared exchange (a declaration writes the routing table
`_kombu.binding.review`, which decides where review messages go), and runs without remote
control (Celery's pidbox: a `&` channel and keys of every worker). It consumes only its own
queue `gpu.<name>` (the bootstep adds it and leaves the shared `gpu`, where no job is
sent), which has its own exchange, so declaring it writes only `_kombu.binding.gpu.<name>`.
What is left is what `deploy/redis/users.acl` grants the runner's user
`depreview-gpu-<name>` (docs/gpu-runners.md).
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from kombu.entity import Queue

from worker.smoke.config import RunnerConfig

logger = logging.getLogger(__name__)

#: A runner's Redis user is this prefix and its name (deploy/redis/users.acl).
GPU_USER_PREFIX = "depreview-gpu-"


def gpu_unacked_keys(runner: str) -> dict[str, str]:
    """kombu's unacked keys of runner `runner`'s worker (its Redis user's own keys)."""
    return {
        "unacked_key": f"gpu-unacked.{runner}",
        "unacked_index_key": f"gpu-unacked_index.{runner}",
        "unacked_mutex_key": f"gpu-unacked_mutex.{runner}",
    }


def user_mismatch(broker_url: str, runner: str) -> str | None:
    """Why the Redis user of `broker_url` cannot be runner `runner`'s (None when it is, or
    when the URL names no runner user: development without the ACL)."""
    user = urlsplit(broker_url).username or ""
    if not user.startswith(GPU_USER_PREFIX.rstrip("-")) or user == f"{GPU_USER_PREFIX}{runner}":
        return None
    return (
        f"the Redis user is {user!r} but the runner is {runner!r}: its queue, keys and user "
        f"are named after DEPREVIEW_RUNNER_NAME, so the ACL will refuse this worker "
        f"(expected {GPU_USER_PREFIX}{runner}; docs/gpu-runners.md, 'Redis ACL')"
    )


def _own_runner_name() -> str:

    return RunnerConfig().runner_name


def gpu_worker_config(config: dict[str, Any], runner: str | None = None) -> dict[str, Any]:
    """`config` (the shared Celery configuration) as the GPU worker of runner `runner` (by
    default this host's: DEPREVIEW_RUNNER_NAME, else the host name) must run it."""
    name = runner if runner is not None else _own_runner_name()
    mismatch = user_mismatch(str(config.get("broker_url") or ""), name)
    if mismatch is not None:
        logger.error("gpu worker misconfigured: %s", mismatch)
    queues = tuple(
        Queue(q.name, routing_key=q.routing_key, no_declare=True)  # type: ignore[no-untyped-call]
        for q in config["task_queues"]
    )
    return {
        **config,
        "task_queues": queues,
        "broker_transport_options": {
            **config["broker_transport_options"],
            **gpu_unacked_keys(name),
        },
        "worker_enable_remote_control": False,
        "worker_send_task_events": False,
        "task_send_sent_event": False,
    }
