"""The real path: signed delivery → Redis dedupe → Celery message on `review`; Redis down → 503."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from fastapi.testclient import TestClient

from bench.baselines import producer_app
from core.contract import ReviewPullRequest
from core.settings import Settings
from core.task_auth import TAG_HEADER, task_key
from service._celery_envelope import celery_message
from service.app import create_app
from service.queue import KEY_PREFIX, RedisDeliveryQueue, redis_client
from tests.redis_proc import RedisServer
from tests.service.deliveries import SECRET, headers, payload_bytes, queued_messages

pytestmark = pytest.mark.integration

OPENED = payload_bytes("pull_request/opened.json")


@pytest.fixture
def live(redis_url: str) -> Iterator[tuple[TestClient, redis.Redis]]:
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(settings)) as client:
        yield client, inspect
    inspect.close()


def test_delivery_lands_on_the_review_queue_once(live: tuple[TestClient, redis.Redis]) -> None:
    client, inspect = live
    hdrs = headers("pull_request", OPENED, "int-1")
    first = client.post("/webhooks/github", content=OPENED, headers=hdrs)
    again = client.post("/webhooks/github", content=OPENED, headers=hdrs)
    assert (first.status_code, first.json()) == (202, {"status": "queued"})
    assert (again.status_code, again.json()) == (200, {"status": "duplicate"})
    assert queued_messages(inspect) == [
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


def test_a_flushed_script_cache_is_refilled_and_the_deliveryqueued_messages(
    live: tuple[TestClient, redis.Redis],
) -> None:
    client, inspect = live
    assert client.post("/webhooks/github", content=OPENED, headers=headers(
        "pull_request", OPENED, "int-flush-1")).status_code == 202  # fmt: skip
    inspect.script_flush()
    again = client.post("/webhooks/github", content=OPENED, headers=headers(
        "pull_request", OPENED, "int-flush-2"))  # fmt: skip
    assert again.status_code == 202, again.text
    assert [m["kwargs"]["delivery_id"] for m in queued_messages(inspect)] == [
        "int-flush-2",
        "int-flush-1",
    ]
    assert inspect.get(KEY_PREFIX + "int-flush-2") == b"queued"


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
    assert [m["kwargs"]["delivery_id"] for m in queued_messages(inspect)] == ["int-3"]
    assert client.get("/readyz").status_code == 200


def test_hand_built_message_has_the_shape_celery_writes(redis_url: str) -> None:
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url)
    task = ReviewPullRequest(1, "o/r", 2, "a" * 40, "d-shape")
    producer_app(settings).send_task(
        task.task_name, kwargs=task.kwargs(), queue=task.queue, ignore_result=True
    )
    inspect = redis.Redis.from_url(redis_url)
    raw = inspect.rpop("review")
    assert isinstance(raw, bytes)
    celerys = json.loads(raw)
    ours = json.loads(celery_message(task, key=task_key(SECRET)))

    def shape(envelope: dict[str, Any]) -> dict[str, Any]:
        return {
            "keys": sorted(envelope),
            "headers": sorted(set(envelope["headers"]) - {TAG_HEADER}),  # ours adds the tag
            "properties": sorted(envelope["properties"]),
            "delivery_info": envelope["properties"]["delivery_info"],
            "task": envelope["headers"]["task"],
            "body": json.loads(base64.b64decode(envelope["body"])),
            "content": (envelope["content-type"], envelope["content-encoding"]),
            "encoding": envelope["properties"]["body_encoding"],
        }

    assert shape(ours) == shape(celerys)
    inspect.close()


def test_a_real_celery_worker_runs_the_queued_task(redis_url: str) -> None:
    """Our hand-built message, consumed by a Celery worker thread with a task of that name."""
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")
    received: list[dict[str, Any]] = []
    consumer = producer_app(settings)

    # shared=False: a shared task would be added to every Celery app finalized later,
    # shadowing worker.tasks.review.review_pull_request in the tests that run after this one.
    @consumer.task(name="worker.review_pull_request", shared=False)  # type: ignore[untyped-decorator]
    def review_pull_request(**kwargs: Any) -> None:
        received.append(kwargs)

    with TestClient(create_app(settings)) as client:
        hdrs = headers("pull_request", OPENED, "int-6")
        assert client.post("/webhooks/github", content=OPENED, headers=hdrs).status_code == 202
    with start_worker(consumer, pool="solo", perform_ping_check=False, queues=["review"]):
        deadline = time.monotonic() + 10
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)
    assert received == [
        {
            "installation_id": 1,
            "repo_full_name": "Codertocat/Hello-World",
            "pr_number": 2,
            "head_sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
            "delivery_id": "int-6",
        }
    ]


def test_concurrent_deliveries_share_round_trips_and_stay_exact(redis_url: str) -> None:
    """Deliveries sent together (some twice) are each queued exactly once."""
    import asyncio

    settings = Settings(webhook_secret=SECRET, redis_url=redis_url)
    ids = [f"c-{i % 15}" for i in range(40)]  # 15 ids, most sent two or three times

    async def run() -> list[bool]:
        queue = RedisDeliveryQueue(redis_client(settings), settings.dedupe_ttl_s, None)
        try:
            return await asyncio.gather(
                *(queue.enqueue_once(d, [ReviewPullRequest(1, "o/r", 2, "a" * 40, d)]) for d in ids)
            )
        finally:
            await queue.close()

    results = asyncio.run(run())
    firsts = [ids.index(d) == i for i, d in enumerate(ids)]
    assert results == firsts
    inspect = redis.Redis.from_url(redis_url)
    assert sorted(m["kwargs"]["delivery_id"] for m in queued_messages(inspect)) == sorted(set(ids))
    inspect.close()
