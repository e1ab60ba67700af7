"""`/healthz` (the process answers), `/readyz` (Redis answers) and `/metrics` (Prometheus)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from core.metrics_auth import CHALLENGE, authorized
from service.metrics import queue_depth_text
from service.state import StateDep

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Liveness: the process is up and serving."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(state: StateDep) -> Response:
    """Readiness: 200 when Redis answers PING, 503 otherwise."""
    if await state.queue.ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable", "detail": "redis unreachable"}, status_code=503)


@router.get("/metrics")
async def metrics(state: StateDep, request: Request) -> Response:
    """Prometheus text: this app's registry plus the Celery queue depth read from Redis now.

    With `DEPREVIEW_METRICS_TOKEN` set, only for `Authorization: Bearer <token>`.
    """
    if not authorized(state.settings.metrics_token, request.headers.get("authorization")):
        return PlainTextResponse(
            "metrics need a bearer token\n", status_code=401, headers=dict([CHALLENGE])
        )
    body = state.metrics.render() + await queue_depth_text(state.redis)
    return Response(body, media_type=state.metrics.content_type)
