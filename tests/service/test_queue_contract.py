"""The fake the endpoint tests use keeps the production queue's contract (same table, both)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest
import redis

from core.contract import ReviewPullRequest, TaskSpec
from core.settings import Settings
from service.queue import DeliveryQueue, RedisDeliveryQueue, Unavailable, redis_client
from tests.redis_proc import RedisServer
from tests.service.deliveries import queued_messages
from tests.service.fakes import FakeDeliveryQueue


def _task(delivery_id: str, pr: int = 2) -> TaskSpec:
    return ReviewPullRequest(1, "o/r", pr, "a" * 40, delivery_id)


class Subject:
    """One queue under test: how to build it, what it queued, how to take its store down."""

    def __init__(
        self,
        build: Callable[[], DeliveryQueue],
        sent: Callable[[DeliveryQueue], list[str]],
        down: Callable[[DeliveryQueue], None],
        up: Callable[[DeliveryQueue], None],
    ) -> None:
        self.build, self.sent, self.down, self.up = build, sent, down, up


@pytest.fixture(params=["fake", "redis"])
def subject(request: pytest.FixtureRequest) -> Iterator[Subject]:
    if request.param == "fake":

        def fake_down(queue: DeliveryQueue) -> None:
            assert isinstance(queue, FakeDeliveryQueue)
            queue.down = True

        def fake_up(queue: DeliveryQueue) -> None:
            assert isinstance(queue, FakeDeliveryQueue)
            queue.down = False

        def fake_sent(queue: DeliveryQueue) -> list[str]:
            assert isinstance(queue, FakeDeliveryQueue)
            return [task.delivery_id for task in queue.sent]

        yield Subject(FakeDeliveryQueue, fake_sent, fake_down, fake_up)
        return
    url = request.getfixturevalue("redis_url")
    server: RedisServer = request.getfixturevalue("redis_server")
    inspect = redis.Redis.from_url(url)

    def build() -> DeliveryQueue:
        return RedisDeliveryQueue(redis_client(Settings(redis_url=url)), 3600, None)

    def sent(_: DeliveryQueue) -> list[str]:
        return [m["kwargs"]["delivery_id"] for m in reversed(queued_messages(inspect))]

    def down(_: DeliveryQueue) -> None:
        server.stop()

    def up(_: DeliveryQueue) -> None:
        server.start()

    yield Subject(build, sent, down, up)
    inspect.close()
    server.start()


def test_a_delivery_is_queued_once(subject: Subject) -> None:
    async def run() -> tuple[list[bool], list[str]]:
        queue = subject.build()
        answers = [
            await queue.enqueue_once("d1", [_task("d1")]),
            await queue.enqueue_once("d1", [_task("d1")]),
            await queue.enqueue_once("d2", [_task("d2", 3)]),
        ]
        sent = subject.sent(queue)
        await queue.close()
        return answers, sent

    assert asyncio.run(run()) == ([True, False, True], ["d1", "d2"])


def test_unavailable_remembers_nothing_so_the_redelivery_is_taken(subject: Subject) -> None:
    async def run() -> tuple[bool, bool, list[str]]:
        queue = subject.build()
        subject.down(queue)
        with pytest.raises(Unavailable):
            await queue.enqueue_once("d3", [_task("d3")])
        ready_when_down = await queue.ping()
        subject.up(queue)
        again = await queue.enqueue_once("d3", [_task("d3")])
        sent = subject.sent(queue)
        await queue.close()
        return ready_when_down, again, sent

    assert asyncio.run(run()) == (False, True, ["d3"])
