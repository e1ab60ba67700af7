"""`/healthz` (the process answers), `/readyz` (Redis answers) and `/metrics` (Prometheus)."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

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
async def metrics(state: StateDep) -> Response:
    """Prometheus text: this app's registry plus the Celery queue depth read from Redis now."""
    body = state.metrics.render() + await queue_depth_text(state.redis)
    return Response(body, media_type=state.metrics.content_type)
