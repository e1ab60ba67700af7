"""What the webhook endpoint needs from the outside: a delivery ledger and an enqueuer.

The app builds the Redis and Celery implementations at start; tests pass fakes.
"""

from __future__ import annotations

from typing import Protocol

from service.taskspec import TaskSpec


class Unavailable(Exception):
    """Redis or the broker could not be reached; the delivery must be answered with 503."""

    def diagnostics(self) -> str:
        """A short reason safe to show in the 503 answer and the logs."""
        return str(self) or type(self).__name__


class DeliveryLedger(Protocol):
    """Remembers delivery ids so a redelivered event is enqueued once."""

    async def claim(self, delivery_id: str) -> bool:
        """Mark the id as being handled; False if already claimed. May raise Unavailable."""
        ...

    async def confirm(self, delivery_id: str) -> None:
        """The delivery's tasks are queued: remember the id for the full dedupe period."""
        ...

    async def release(self, delivery_id: str) -> None:
        """Forget a claim so a redelivery is accepted (best effort, never raises)."""
        ...

    async def ping(self) -> bool:
        """Whether the store answers."""
        ...

    async def close(self) -> None:
        """Close connections."""
        ...


class Enqueuer(Protocol):
    """Sends tasks to the broker."""

    async def enqueue(self, task: TaskSpec) -> None:
        """Publish one task. Raises Unavailable when the broker cannot take it."""
        ...

    async def close(self) -> None:
        """Release broker connections."""
        ...
