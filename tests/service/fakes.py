"""Fake ledger and publisher that record what the endpoint asked of them (fakes, not mocks)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.contract import TaskSpec
from service.interface import Unavailable
from service.ledger_queue import LedgerQueue


@dataclass
class FakeLedger:
    """An in-memory DeliveryLedger; `down=True` makes every call fail like an unreachable Redis."""

    keys: dict[str, str] = field(default_factory=dict)
    down: bool = False
    released: list[str] = field(default_factory=list)
    closed: bool = False

    async def claim(self, delivery_id: str) -> bool:
        if self.down:
            raise Unavailable("redis: ConnectionError")
        if delivery_id in self.keys:
            return False
        self.keys[delivery_id] = "pending"
        return True

    async def confirm(self, delivery_id: str) -> None:
        if not self.down and delivery_id in self.keys:
            self.keys[delivery_id] = "queued"

    async def release(self, delivery_id: str) -> None:
        self.released.append(delivery_id)
        if not self.down:
            self.keys.pop(delivery_id, None)

    async def ping(self) -> bool:
        return not self.down

    async def close(self) -> None:
        self.closed = True


@dataclass
class FakePublisher:
    """Records published tasks; `down=True` refuses them like an unreachable broker."""

    sent: list[TaskSpec] = field(default_factory=list)
    down: bool = False
    closed: bool = False

    async def publish(self, task: TaskSpec) -> None:
        if self.down:
            raise Unavailable("broker: OperationalError")
        self.sent.append(task)

    async def close(self) -> None:
        self.closed = True


def fake_queue(ledger: FakeLedger, publisher: FakePublisher) -> LedgerQueue:
    """The production LedgerQueue logic over the fakes."""
    return LedgerQueue(ledger, publisher)
