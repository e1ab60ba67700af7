"""The FastAPI app factory: `uvicorn service.app:create_app --factory`."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from core.logs import configure_logging
from core.settings import Settings, get_settings
from core.task_auth import task_key
from service import health
from service.metrics import Metrics
from service.queue import DeliveryQueue, RedisDeliveryQueue, redis_client
from service.setup import routes as setup
from service.state import ServiceState
from service.webhooks import endpoint
from service.webhooks.routes import build_router

logger = logging.getLogger(__name__)


def _freeze_startup_heap() -> None:
    """Move everything imported so far out of the collector's reach.

    githubkit's webhook schemas leave ~80k long-lived objects; a full collection over them
    took 30+ ms, which showed up as the p99 answer time under load (bench/webhook_bench.py).
    """
    gc.collect()
    gc.freeze()


def create_app(
    settings: Settings | None = None,
    *,
    queue: DeliveryQueue | None = None,
) -> FastAPI:
    """Build the service; its Redis client is created at start and closed at stop.

    `settings` defaults to `get_settings()` (the environment, read once per process). `queue`
    replaces the Redis delivery queue (tests pass a fake; `bench/baselines.py` publishes
    through Celery's own producer to compare).
    """
    settings = setup.with_setup_token(settings if settings is not None else get_settings())
    metrics = Metrics()
    router = build_router(settings.github_app_id)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.log_level)
        if not settings.webhook_secret.get_secret_value():
            logger.error("DEPREVIEW_WEBHOOK_SECRET is empty: every delivery will be refused (401)")
        state = ServiceState(
            settings=settings,
            router=router,
            metrics=metrics,
            queue=queue
            or RedisDeliveryQueue(
                redis_client(settings),
                settings.dedupe_ttl_s,
                task_key(settings.webhook_secret.get_secret_value()),
            ),
            redis=redis_client(settings),
            decoders=endpoint.payload_decoders(router),
        )
        app.state.service = state
        setup.announce(settings)
        _freeze_startup_heap()
        logger.info("service started", extra={"routes": [f"{e}.{a}" for e, a in router.routes()]})
        try:
            yield
        finally:
            await state.queue.close()
            await state.redis.aclose()
            logger.info("service stopped")

    app = FastAPI(title="depreview", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.router.routes.extend(endpoint.routes)
    app.include_router(health.router)
    app.include_router(setup.router)  # 404 unless DEPREVIEW_SETUP_OUTPUT_PATH is set
    return app
