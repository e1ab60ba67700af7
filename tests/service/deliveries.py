"""Signed webhook deliveries built from the real payloads in tests/fixtures/github-webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent.parent / "fixtures" / "github-webhooks"
SECRET = "test-webhook-secret-0123456789"


def payload_bytes(name: str) -> bytes:
    """The exact bytes of a fixture, e.g. `pull_request/opened.json`."""
    return (FIXTURES / name).read_bytes()


def payload(name: str) -> dict[str, Any]:
    """A fixture parsed, to edit before `dumps` (for variants the fixtures lack)."""
    data: dict[str, Any] = json.loads(payload_bytes(name))
    return data


def dumps(data: Any) -> bytes:
    """Compact JSON as GitHub sends it."""
    return json.dumps(data, separators=(",", ":")).encode()


def sign(body: bytes, secret: str = SECRET) -> str:
    """`sha256=` + HMAC-SHA256 hex of exactly `body` (computed here, independently of the app)."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def headers(
    event: str, body: bytes, delivery_id: str = "d-1", secret: str = SECRET
) -> dict[str, str]:
    """The headers GitHub sends with a delivery of `body`."""
    return {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": delivery_id,
        "X-Hub-Signature-256": sign(body, secret),
        "Content-Type": "application/json",
        "User-Agent": "GitHub-Hookshot/test",
    }


def queued_messages(inspect: Any, queue: str = "review") -> list[dict[str, Any]]:
    """The Celery messages waiting on a queue's Redis list, decoded (task, args, kwargs)."""
    import base64

    messages = []
    for raw in inspect.lrange(queue, 0, -1):
        envelope = json.loads(raw)
        args, kwargs, _ = json.loads(base64.b64decode(envelope["body"]))
        messages.append({"task": envelope["headers"]["task"], "args": args, "kwargs": kwargs})
    return messages
