"""What the webhook endpoint needs from the outside: a queue that takes a delivery's tasks once.

The app builds the Redis implementation at start; tests pass fakes (pip-audit style: this file
holds the protocols and the root error, each implementation is one module).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from core.contract import TaskSpec


class Unavailable(Exception):
    """Redis or the broker could not be reached; the delivery must be answered with 503."""

    def diagnostics(self) -> str:
        """A short reason safe to show in the logs."""
        return str(self) or type(self).__name__


class DeliveryQueue(Protocol):
    """Queues a delivery's tasks at most once per `X-GitHub-Delivery`."""

    async def enqueue_once(self, delivery_id: str, tasks: Sequence[TaskSpec]) -> bool:
        """Queue `tasks` unless this delivery id was queued before (then False).

        Raises Unavailable when nothing could be queued; the delivery id is then not
        remembered, so GitHub's redelivery of it is accepted.
        """
        ...

    async def ping(self) -> bool:
        """Whether the store answers."""
        ...

    async def close(self) -> None:
        """Close connections."""
        ...


class DeliveryLedger(Protocol):
    """Remembers delivery ids (used when the broker is not the dedupe store)."""

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


class Publisher(Protocol):
    """Sends one task to the broker."""

    async def publish(self, task: TaskSpec) -> None:
        """Publish one task. Raises Unavailable when the broker cannot take it."""
        ...

    async def close(self) -> None:
        """Release broker connections."""
        ...
