"""A Celery consumer bootstep: a GPU worker registers its facts at start, leaves at stop."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import redis
from celery import bootsteps

from core.settings import get_settings
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import RunnerFacts, read_runner_facts
from worker.smoke.policy import runner_queue
from worker.smoke.registry import Heartbeat, RedisClient

logger = logging.getLogger(__name__)

GPU_QUEUE = "gpu"


def _selected(app: Any) -> Any:
    queues = app.amqp.queues
    selected = getattr(queues, "consume_from", None)
    return selected if selected is not None else queues


def consumes_gpu_queue(app: Any) -> bool:
    """Whether this is a GPU worker: started with the `gpu` queue (`-Q gpu`), or already
    consuming its own `gpu.<name>` (a consumer restarted after the step left `gpu`)."""
    return any(name == GPU_QUEUE or name.startswith(f"{GPU_QUEUE}.") for name in _selected(app))


def leave_shared_queue(c: Any) -> None:
    """Stop consuming the shared `gpu` queue (before the consumer's loop starts).

    Jobs are sent to a runner's own queue `gpu.<name>` only, and a runner's Redis user may
    not read `gpu` (deploy/redis/users.acl): a BRPOP naming it would be refused whole.
    """
    if GPU_QUEUE in _selected(c.app):
        c.cancel_task_queue(GPU_QUEUE)


def _default_redis() -> RedisClient:

    client: RedisClient = redis.Redis.from_url(get_settings().redis_url)
    return client


def _default_facts(config: RunnerConfig) -> RunnerFacts | None:
    return read_runner_facts(labels=config.labels, name=config.name)


@dataclass(frozen=True, slots=True)
class Hooks:
    """Where the step gets its config, facts and Redis client (replaceable in tests)."""

    make_config: Callable[[], RunnerConfig] = RunnerConfig
    read_facts: Callable[[RunnerConfig], RunnerFacts | None] = _default_facts
    make_redis: Callable[[], RedisClient] = _default_redis


class RunnerRegistration(bootsteps.StartStopStep):  # type: ignore[misc]
    """Registers the runner's facts with a heartbeat and consumes its own `gpu.<name>` queue
    (and not the shared `gpu`)."""

    requires = ("celery.worker.consumer.tasks:Tasks",)
    hooks: ClassVar[Hooks] = Hooks()

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.heartbeat: Heartbeat | None = None
        self.facts: RunnerFacts | None = None

    def start(self, c: Any) -> None:
        """At consumer start: read facts, register, start the heartbeat, add the own queue."""
        if self.heartbeat is not None or not consumes_gpu_queue(c.app):
            return
        leave_shared_queue(c)
        config = self.hooks.make_config()
        facts = self.hooks.read_facts(config)
        if facts is None:
            logger.warning("gpu worker without a usable NVIDIA GPU: not registering as runner")
            return
        self.facts = facts
        self.heartbeat = Heartbeat(
            self.hooks.make_redis(),
            facts,
            ttl_s=config.heartbeat_ttl_s,
            interval_s=config.heartbeat_interval_s,
        )
        self.heartbeat.start()
        c.add_task_queue(runner_queue(facts.runner_name))
        logger.info(
            "gpu runner registered",
            extra={"runner": facts.runner_name, "driver": facts.driver_version},
        )

    def stop(self, c: Any) -> None:
        """At consumer stop: stop the heartbeat and deregister."""
        if self.heartbeat is not None:
            self.heartbeat.stop()
            self.heartbeat = None

    def shutdown(self, c: Any) -> None:
        """At worker shutdown: the same as stop."""
        self.stop(c)


def install_bootstep(app: Any, hooks: Hooks | None = None) -> type[RunnerRegistration]:
    """Add the registration step to `app`'s consumer (call once in worker/celery_app.py)."""
    step = type("RunnerRegistration", (RunnerRegistration,), {"hooks": hooks or Hooks()})
    app.steps["consumer"].add(step)
    return step
