"""`POST /webhooks/github`: verify, parse, route, dedupe, enqueue ids, answer in milliseconds."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import parse_qs

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from githubkit_schemas.latest.webhooks import VALID_EVENT_NAMES
from pydantic_core import from_json
from starlette.routing import Route

from service.metrics import Metrics
from service.queue import DeliveryQueue, Unavailable
from service.webhooks.event import Event, PayloadError
from service.webhooks.projection import Decoder, Fields, decoder, merge
from service.webhooks.routing import Router
from service.webhooks.signature import signature_valid

logger = logging.getLogger(__name__)


KNOWN_EVENTS: frozenset[str] = frozenset(VALID_EVENT_NAMES)
MAX_DELIVERY_ID = 128
#: GitHub caps webhook payloads at 25 MB and does not deliver larger ones; a bigger body is
#: not GitHub's and is refused before it is read (security review, finding 12).
MAX_BODY_BYTES = 25 * 1024 * 1024
LOG_FIELDS: Fields = {
    "action": None,
    "installation": {"id": None},
    "repository": {"full_name": None},
}
"""What `_route` reads for its log line, on top of what the routes read."""


class WebhookState(Protocol):
    """What the endpoint reads of the app's state (`service.state.ServiceState` has it)."""

    @property
    def webhook_secret(self) -> str: ...
    @property
    def router(self) -> Router: ...
    @property
    def decoders(self) -> Mapping[str, Decoder]: ...
    @property
    def queue(self) -> DeliveryQueue: ...
    @property
    def metrics(self) -> Metrics: ...


def payload_decoders(router: Router) -> dict[str, Decoder]:
    """Per routed event, a decoder of only the fields its routes and the log line read."""
    decoders = {}
    for event in sorted({event for event, _ in router.routes()}):
        fields = router.fields(event)
        if fields is not None:
            decoders[event] = decoder(merge(fields, LOG_FIELDS) or {})
    return decoders


def _answer(state: WebhookState, event: str, outcome: str, status: int, **body: Any) -> Response:
    state.metrics.delivery(event if event in KNOWN_EVENTS else "unknown", outcome)
    if status == 204:
        return Response(status_code=204)
    if not body:  # `{"status": outcome}`, as JSONResponse renders it, without rendering it
        return Response(_status_only(outcome), status_code=status, media_type="application/json")
    return JSONResponse({"status": outcome, **body}, status_code=status)


@functools.cache
def _status_only(outcome: str) -> bytes:
    return bytes(JSONResponse({"status": outcome}).body)


def _full(text: bytes | str) -> Any:
    return from_json(text, cache_strings="keys")


def _decode(body: bytes, content_type: str, decode: Decoder = _full) -> Any:
    """The JSON document of a delivery (JSON body, or the `payload` field of a form body).

    pydantic-core's parser (jiter) takes half the time of `json.loads` on a 28 kB payload;
    `decode` may build only the fields the routes read (`service.webhooks.projection`).
    """
    if content_type.startswith("application/x-www-form-urlencoded"):
        fields = parse_qs(body.decode("utf-8"), strict_parsing=True)
        if len(fields.get("payload", ())) != 1:
            raise ValueError("form body has no single `payload` field")
        return decode(fields["payload"][0])
    return decode(body)


class _TooLarge(Exception):
    """The body is over `MAX_BODY_BYTES`."""


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused from its `Content-Length` or, streamed, as soon as it passes `limit`."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def github_webhook(request: Request) -> Response:
    """Receive one GitHub delivery and enqueue the tasks its `(event, action)` routes to.

    A plain Starlette route: FastAPI's dependency solving cost more than the rest of the
    handler together (bench/webhook_bench.py).
    """
    state: WebhookState = request.app.state.service
    headers = request.headers
    name = headers.get("x-github-event", "")
    try:
        body = await _read_body(request, MAX_BODY_BYTES)
    except _TooLarge:
        return _answer(
            state, name, "too_large", 413, detail=f"body over {MAX_BODY_BYTES} bytes (GitHub's cap)"
        )
    if not signature_valid(state.webhook_secret, body, headers.get("x-hub-signature-256")):
        return _answer(
            state, name, "unauthorized", 401, detail="missing or invalid X-Hub-Signature-256"
        )
    if not name:
        return _answer(state, name, "bad_request", 400, detail="missing X-GitHub-Event header")
    if name not in KNOWN_EVENTS:
        return _answer(
            state, name, "bad_request", 400, detail=f"unknown X-GitHub-Event {name[:64]!r}"
        )
    delivery_id = headers.get("x-github-delivery", "")
    if not delivery_id or len(delivery_id) > MAX_DELIVERY_ID or not delivery_id.isprintable():
        return _answer(
            state, name, "bad_request", 400, detail="missing or malformed X-GitHub-Delivery"
        )
    try:
        payload = _decode(
            body, headers.get("content-type", "application/json"), state.decoders.get(name, _full)
        )
    except (ValueError, UnicodeDecodeError) as error:
        return _answer(state, name, "bad_request", 400, detail=f"body is not valid JSON: {error}")
    if not isinstance(payload, dict):
        return _answer(state, name, "bad_request", 400, detail="body must be a JSON object")
    return await _route(state, Event(name=name, delivery_id=delivery_id, payload=payload))


async def _route(state: WebhookState, event: Event) -> Response:
    log: dict[str, Any] = {
        "delivery_id": event.delivery_id,
        "event": event.name,
        "action": event.action,
    }
    if event.name == "ping":
        logger.info("ping", extra=log | {"hook_id": event.get("hook_id")})
        return _answer(state, event.name, "pong", 200, zen=event.get("zen"))
    try:
        tasks = state.router.dispatch(event)
    except PayloadError as error:
        logger.info("malformed payload", extra=log | {"error": error.diagnostics()})
        return _answer(state, event.name, "bad_request", 400, detail=error.diagnostics())
    if not tasks:
        return _answer(state, event.name, "ignored", 204)
    log |= {
        "installation": event.get("installation", "id"),
        "repo": event.get("repository", "full_name"),
        "pr": getattr(tasks[0], "pr_number", None),
        "head_sha": getattr(tasks[0], "head_sha", None),
        "tasks": [task.task_name for task in tasks],
    }
    started = time.perf_counter()
    try:
        queued = await state.queue.enqueue_once(event.delivery_id, tasks)
    except Unavailable as error:
        logger.warning("not queued", extra=log | {"error": error.diagnostics()})
        return _answer(
            state, event.name, "unavailable", 503, detail="queue unavailable; redeliver later"
        )
    if not queued:
        logger.info("duplicate delivery", extra=log)
        return _answer(state, event.name, "duplicate", 200)
    state.metrics.enqueue_seconds.observe(time.perf_counter() - started)
    logger.info("queued", extra=log)
    return _answer(state, event.name, "queued", 202)


routes = [Route("/webhooks/github", github_webhook, methods=["POST"])]
