"""The real path: signed delivery → Redis dedupe → Celery message on `review`; Redis down → 503."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient

from service.app import create_app
from service.dedupe import KEY_PREFIX
from tests.redis_proc import RedisServer
from tests.service.deliveries import SECRET, headers, payload_bytes
from worker.settings import Settings

pytestmark = pytest.mark.integration

OPENED = payload_bytes("pull_request/opened.json")


@pytest.fixture
def live(redis_url: str) -> Iterator[tuple[TestClient, redis.Redis]]:
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(settings)) as client:
        yield client, inspect
    inspect.close()


def _queued(inspect: redis.Redis) -> list[dict[str, Any]]:
    """The Celery messages waiting on the `review` list, decoded."""
    messages = []
    for raw in inspect.lrange("review", 0, -1):
        envelope = json.loads(raw)
        args, kwargs, _ = json.loads(base64.b64decode(envelope["body"]))
        messages.append({"task": envelope["headers"]["task"], "args": args, "kwargs": kwargs})
    return messages


def test_delivery_lands_on_the_review_queue_once(live: tuple[TestClient, redis.Redis]) -> None:
    client, inspect = live
    hdrs = headers("pull_request", OPENED, "int-1")
    first = client.post("/webhooks/github", content=OPENED, headers=hdrs)
    again = client.post("/webhooks/github", content=OPENED, headers=hdrs)
    assert (first.status_code, first.json()) == (202, {"status": "queued"})
    assert (again.status_code, again.json()) == (200, {"status": "duplicate"})
    assert _queued(inspect) == [
        {
            "task": "worker.review_pull_request",
            "args": [],
            "kwargs": {
                "installation_id": 1,
                "repo_full_name": "Codertocat/Hello-World",
                "pr_number": 2,
                "head_sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
                "delivery_id": "int-1",
            },
        }
    ]
    assert inspect.get(KEY_PREFIX + "int-1") == b"queued"
    ttl = inspect.ttl(KEY_PREFIX + "int-1")
    assert 3 * 24 * 3600 <= ttl <= Settings().dedupe_ttl_s
    assert client.get("/readyz").status_code == 200


def test_redis_down_is_503_then_the_same_delivery_is_accepted(
    redis_server: RedisServer, live: tuple[TestClient, redis.Redis]
) -> None:
    client, inspect = live
    hdrs = headers("pull_request", OPENED, "int-2")
    assert client.post("/webhooks/github", content=OPENED, headers=hdrs).status_code == 202
    redis_server.stop()
    try:
        started = time.monotonic()
        down = client.post("/webhooks/github", content=OPENED, headers=headers(
            "pull_request", OPENED, "int-3"))  # fmt: skip
        assert down.status_code == 503, down.text
        assert time.monotonic() - started < 5, "a 503 must come well inside GitHub's 10 s"
        assert client.get("/readyz").status_code == 503
    finally:
        redis_server.start()
    # The restarted Redis is empty (no persistence): the redelivery is accepted and queued.
    back = client.post("/webhooks/github", content=OPENED, headers=headers(
        "pull_request", OPENED, "int-3"))  # fmt: skip
    assert back.status_code == 202, back.text
    assert [m["kwargs"]["delivery_id"] for m in _queued(inspect)] == ["int-3"]
    assert client.get("/readyz").status_code == 200


def test_broker_unreachable_is_503_fast_and_the_real_key_is_released(redis_url: str) -> None:
    from service.dedupe import RedisLedger, redis_client
    from tests.redis_proc import free_port

    ledger_settings = Settings(webhook_secret=SECRET, redis_url=redis_url)
    dead_broker = Settings(
        webhook_secret=SECRET, redis_url=f"redis://127.0.0.1:{free_port()}/0", log_level="WARNING"
    )
    ledger = RedisLedger(redis_client(ledger_settings), ledger_settings.dedupe_ttl_s)
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(dead_broker, ledger=ledger)) as client:
        started = time.monotonic()
        answer = client.post("/webhooks/github", content=OPENED, headers=headers(
            "pull_request", OPENED, "int-4"))  # fmt: skip
        elapsed = time.monotonic() - started
    assert answer.status_code == 503, answer.text
    assert elapsed < 5
    assert inspect.exists(KEY_PREFIX + "int-4") == 0
    inspect.close()
