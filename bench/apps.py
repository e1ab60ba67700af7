"""App factories the webhook bench serves next to `service.app:create_app`."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from core.settings import get_settings
from service.app import create_app
from service.celery_publisher import CeleryPublisher, producer_app
from service.dedupe import RedisLedger
from service.ledger_queue import LedgerQueue
from service.redis_queue import redis_client


def create_bare_app() -> FastAPI:
    """The baseline: only `POST /webhooks/github`, which reads the body and answers 202."""
    app = FastAPI(docs_url=None, redoc_url=None)

    @app.post("/webhooks/github")
    async def webhook(request: Request) -> JSONResponse:
        await request.body()
        return JSONResponse({"status": "queued"}, status_code=202)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


def create_celery_path_app() -> FastAPI:
    """The service publishing through Celery's producer (SET NX, send_task in a thread, SET XX)."""
    settings = get_settings()
    queue = LedgerQueue(
        RedisLedger(redis_client(settings), settings.dedupe_ttl_s),
        CeleryPublisher(producer_app(settings)),
    )
    return create_app(settings, queue=queue)
