"""The registration bootstep: registers a gpu worker at start, deregisters at stop."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from celery import Celery

from tests.worker.smoke.fakeredis import FakeRedis
from worker.smoke.bootstep import Hooks, RunnerRegistration, consumes_gpu_queue, install_bootstep
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.registry import alive_runners

FACTS = RunnerFacts(
    "vm", "580.159.04", "13.0", (GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),), name="h100-1"
)


class FakeConsumer:
    """The parts of a Celery consumer the step touches."""

    def __init__(self, queues: list[str]) -> None:
        self.app = SimpleNamespace(
            amqp=SimpleNamespace(queues=SimpleNamespace(consume_from={q: None for q in queues}))
        )
        self.added: list[str] = []
        self.cancelled: list[str] = []

    def add_task_queue(self, name: str) -> None:
        self.added.append(name)
        self.app.amqp.queues.consume_from[name] = None

    def cancel_task_queue(self, name: str) -> None:
        self.cancelled.append(name)
        del self.app.amqp.queues.consume_from[name]


def _step(fake: FakeRedis, facts: RunnerFacts | None = FACTS) -> Any:
    hooks = Hooks(make_config=RunnerConfig, read_facts=lambda cfg: facts, make_redis=lambda: fake)
    cls = type("Step", (RunnerRegistration,), {"hooks": hooks})
    return cls(SimpleNamespace())


def test_gpu_worker_registers_and_deregisters() -> None:
    fake = FakeRedis()
    step = _step(fake)
    consumer = FakeConsumer(["gpu"])
    step.start(consumer)
    assert alive_runners(fake) == [FACTS]
    assert consumer.added == ["gpu.h100-1"]
    assert consumer.cancelled == ["gpu"]  # no job is sent there; its Redis user may not read it
    step.stop(consumer)
    assert alive_runners(fake) == []
    step.start(consumer)  # a restarted consumer (already on gpu.<name> only) registers again
    assert alive_runners(fake) == [FACTS] and consumer.cancelled == ["gpu"]
    step.stop(consumer)


def test_review_worker_does_not_register() -> None:
    fake = FakeRedis()
    consumer = FakeConsumer(["review"])
    _step(fake).start(consumer)
    assert alive_runners(fake) == []
    assert consumer.added == []


def test_gpu_worker_without_a_gpu_does_not_register() -> None:
    fake = FakeRedis()
    consumer = FakeConsumer(["gpu"])
    _step(fake, facts=None).start(consumer)
    assert alive_runners(fake) == []
    assert consumer.added == [] and consumer.cancelled == ["gpu"]  # consumes nothing


def test_install_adds_the_step_to_the_consumer_blueprint() -> None:
    app = Celery("t", set_as_current=False)
    step = install_bootstep(app)
    assert step in app.steps["consumer"]
    assert issubclass(step, RunnerRegistration)


def test_consumes_gpu_queue_reads_the_selected_queues() -> None:
    app = Celery("t", set_as_current=False)
    app.amqp.queues.select_add("gpu")
    app.amqp.queues.select(["gpu"])
    assert consumes_gpu_queue(app)
    restarted = Celery("r", set_as_current=False)  # a consumer that already left `gpu`
    restarted.amqp.queues.select_add("gpu.h100-1")
    restarted.amqp.queues.select(["gpu.h100-1"])
    assert consumes_gpu_queue(restarted)
    other = Celery("u", set_as_current=False)
    other.amqp.queues.select_add("review")
    other.amqp.queues.select(["review"])
    assert not consumes_gpu_queue(other)
