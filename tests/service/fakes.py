"""A fake DeliveryQueue that records what the endpoint asked of it (a fake, not a mock)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.contract import TaskSpec
from service.queue import Unavailable


@dataclass
class FakeDeliveryQueue:
    """`DeliveryQueue` in memory, with the contract of `service.queue.RedisDeliveryQueue`.

    A delivery id is remembered only together with its tasks; `down=True` fails every call
    like an unreachable Redis: nothing queued, nothing remembered (so a redelivery is taken).
    tests/service/test_queue_contract.py runs the same table against both.
    """

    sent: list[TaskSpec] = field(default_factory=list)
    delivery_ids: set[str] = field(default_factory=set)
    down: bool = False
    closed: bool = False

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        if self.down:
            raise Unavailable("redis: ConnectionError")
        if delivery_id in self.delivery_ids:
            return False
        self.delivery_ids.add(delivery_id)
        self.sent.extend(tasks)
        return True

    async def ping(self) -> bool:
        return not self.down

    async def close(self) -> None:
        self.closed = True
