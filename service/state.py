"""What one running app holds (settings, route table, queue, metrics), as a named dependency."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Request

from core.settings import Settings
from service.metrics import Metrics
from service.queue import DeliveryQueue
from service.webhooks.projection import Decoder
from service.webhooks.routing import Router


@dataclass(slots=True)
class ServiceState:
    """The app's collaborators; built by `create_app` and completed by its lifespan."""

    settings: Settings
    router: Router
    metrics: Metrics
    queue: DeliveryQueue
    #: asyncio Redis for what the service reads itself (queue depth, /setup state); None: none.
    redis: Any = None
    #: Per event name, a JSON decoder building only the fields its routes read (others: all).
    decoders: Mapping[str, Decoder] = field(default_factory=dict)

    @property
    def webhook_secret(self) -> str:
        """The webhook secret text (never logged)."""
        return self.settings.webhook_secret.get_secret_value()


async def get_state(request: Request) -> ServiceState:
    """The state the lifespan stored on the app (async: FastAPI runs sync deps in a thread)."""
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]
