"""The FastAPI app factory: `uvicorn service.app:create_app --factory`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service import health
from service.dedupe import RedisLedger, redis_client
from service.interface import DeliveryLedger, Enqueuer
from service.logs import configure_logging
from service.metrics import Metrics
from service.producer import CeleryEnqueuer, producer_app
from service.state import ServiceState
from service.webhooks import endpoint
from service.webhooks.routes import build_router
from worker.settings import Settings

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    *,
    ledger: DeliveryLedger | None = None,
    enqueuer: Enqueuer | None = None,
) -> FastAPI:
    """Build the service; Redis and the Celery producer are created at start and closed at stop.

    `settings` defaults to `Settings()` read from the environment now. `ledger` and `enqueuer`
    replace the Redis and Celery implementations (tests pass fakes).
    """
    settings = settings if settings is not None else Settings()
    metrics = Metrics()
    router = build_router()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.log_level)
        if not settings.webhook_secret.get_secret_value():
            logger.error("DEPREVIEW_WEBHOOK_SECRET is empty: every delivery will be refused (401)")
        state = ServiceState(
            settings=settings,
            router=router,
            metrics=metrics,
            ledger=ledger or RedisLedger(redis_client(settings), settings.dedupe_ttl_s),
            enqueuer=enqueuer or CeleryEnqueuer(producer_app(settings)),
        )
        app.state.service = state
        logger.info("service started", extra={"routes": [f"{e}.{a}" for e, a in router.routes()]})
        try:
            yield
        finally:
            await state.enqueuer.close()
            await state.ledger.close()
            logger.info("service stopped")

    app = FastAPI(title="depreview", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.include_router(endpoint.router)
    app.include_router(health.router)
    return app
