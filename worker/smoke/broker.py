"""A GPU worker's Celery settings: what it touches in Redis stays apart from the review side.

kombu's Redis transport keeps every message a worker holds (`acks_late`) in one hash,
`unacked` (with the index `unacked_index` and the lock `unacked_mutex`), whatever its
queue: a user that may read it reads the review tasks in flight (installations,
repositories, PRs). A GPU worker therefore keeps its own `gpu-unacked*` keys (kombu's
`unacked_key`, `unacked_index_key`, `unacked_mutex_key` transport options), declares no
queue of the shared exchange (a declaration writes the routing table
`_kombu.binding.review`, which decides where review messages go), and runs without remote
control (Celery's pidbox: a `&` channel and keys of every worker). Its own queue
`gpu.<name>` has its own exchange, so declaring it writes only `_kombu.binding.gpu.<name>`.
What is left is what `deploy/redis/users.acl` grants the GPU user (docs/gpu-runners.md).
"""

from __future__ import annotations

from typing import Any

from kombu.entity import Queue

#: kombu's unacked keys for GPU workers (all under the GPU user's `~gpu*` pattern).
GPU_UNACKED_KEYS: dict[str, str] = {
    "unacked_key": "gpu-unacked",
    "unacked_index_key": "gpu-unacked_index",
    "unacked_mutex_key": "gpu-unacked_mutex",
}


def gpu_worker_config(config: dict[str, Any]) -> dict[str, Any]:
    """`config` (the shared Celery configuration) as a GPU worker must run it."""
    queues = tuple(
        Queue(q.name, routing_key=q.routing_key, no_declare=True)  # type: ignore[no-untyped-call]
        for q in config["task_queues"]
    )
    return {
        **config,
        "task_queues": queues,
        "broker_transport_options": {**config["broker_transport_options"], **GPU_UNACKED_KEYS},
        "worker_enable_remote_control": False,
        "worker_send_task_events": False,
        "task_send_sent_event": False,
    }
