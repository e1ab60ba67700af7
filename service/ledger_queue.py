"""A DeliveryQueue from a ledger and a publisher: claim, publish, confirm; release on failure."""

from __future__ import annotations

from collections.abc import Sequence

from core.contract import TaskSpec
from service.interface import DeliveryLedger, Publisher, Unavailable


class LedgerQueue:
    """Claims the delivery id, publishes every task, then confirms; a failed publish releases."""

    def __init__(self, ledger: DeliveryLedger, publisher: Publisher) -> None:
        self.ledger = ledger
        self.publisher = publisher

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue the tasks once per delivery id; Unavailable (claim released) when not queued."""
        if not await self.ledger.claim(delivery_id):
            return False
        try:
            for task in tasks:
                await self.publisher.publish(task)
        except Unavailable:
            await self.ledger.release(delivery_id)
            raise
        await self.ledger.confirm(delivery_id)
        return True

    async def ping(self) -> bool:
        """Whether the ledger's store answers."""
        return await self.ledger.ping()

    async def close(self) -> None:
        """Close the publisher, then the ledger."""
        await self.publisher.close()
        await self.ledger.close()
