"""bench/baselines.py: the Celery-producer path the webhook bench compares the service with."""

from __future__ import annotations

import time

import pytest
import redis
from fastapi.testclient import TestClient

from bench.baselines import CeleryPublisher, LedgerQueue, RedisLedger, producer_app
from core.settings import Settings
from service.app import create_app
from service.queue import KEY_PREFIX, redis_client
from tests.redis_proc import free_port
from tests.service.deliveries import SECRET, headers, payload_bytes, queued_messages

pytestmark = pytest.mark.integration

OPENED = payload_bytes("pull_request/opened.json")


def test_celery_path_broker_unreachable_is_503_fast_and_the_key_is_released(
    redis_url: str,
) -> None:
    ledger_settings = Settings(webhook_secret=SECRET, redis_url=redis_url)
    dead_broker = Settings(
        webhook_secret=SECRET, redis_url=f"redis://127.0.0.1:{free_port()}/0", log_level="WARNING"
    )
    queue = LedgerQueue(
        RedisLedger(redis_client(ledger_settings), ledger_settings.dedupe_ttl_s),
        CeleryPublisher(producer_app(dead_broker)),
    )
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(dead_broker, queue=queue)) as client:
        started = time.monotonic()
        answer = client.post("/webhooks/github", content=OPENED, headers=headers(
            "pull_request", OPENED, "int-4"))  # fmt: skip
        elapsed = time.monotonic() - started
    assert answer.status_code == 503, answer.text
    assert elapsed < 5
    assert inspect.exists(KEY_PREFIX + "int-4") == 0
    inspect.close()


def test_celery_path_queues_the_same_task(redis_url: str) -> None:
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")
    queue = LedgerQueue(
        RedisLedger(redis_client(settings), settings.dedupe_ttl_s),
        CeleryPublisher(producer_app(settings)),
    )
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(settings, queue=queue)) as client:
        hdrs = headers("pull_request", OPENED, "int-5")
        assert client.post("/webhooks/github", content=OPENED, headers=hdrs).status_code == 202
        assert client.post("/webhooks/github", content=OPENED, headers=hdrs).status_code == 200
    [message] = queued_messages(inspect)
    assert message["task"] == "worker.review_pull_request"
    assert message["kwargs"]["delivery_id"] == "int-5"
    assert inspect.get(KEY_PREFIX + "int-5") == b"queued"
    inspect.close()
