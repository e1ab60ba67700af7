"""`GET /metrics`: the app's registry plus queue depth read from Redis at scrape time."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from redis import Redis

from core.settings import Settings
from service.app import create_app
from tests.redis_proc import RedisServer
from tests.service.deliveries import SECRET


def _settings(redis_url: str) -> Settings:
    return Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")


@pytest.mark.parametrize(("review", "gpu", "runner"), [(0, 0, 0), (3, 1, 2)])
def test_metrics_show_queue_depth(redis_url: str, review: int, gpu: int, runner: int) -> None:
    redis = Redis.from_url(redis_url)
    for queue, n in (("review", review), ("gpu", gpu), ("gpu.h100-a", runner)):
        if n:
            redis.rpush(queue, *range(n))
    with TestClient(create_app(_settings(redis_url))) as client:
        answer = client.get("/metrics")
    assert answer.status_code == 200
    assert f'depreview_queue_depth{{queue="review"}} {float(review)}' in answer.text
    assert f'depreview_queue_depth{{queue="gpu"}} {float(gpu)}' in answer.text
    assert ('depreview_queue_depth{queue="gpu.h100-a"}' in answer.text) == bool(runner)


def test_metrics_answer_without_queue_depth_when_redis_is_down(
    redis_server: RedisServer, redis_url: str
) -> None:
    with TestClient(create_app(_settings(redis_url))) as client:
        assert "depreview_queue_depth" in client.get("/metrics").text
        redis_server.stop()
        try:
            answer = client.get("/metrics")
        finally:
            redis_server.start()
    assert answer.status_code == 200
    assert "depreview_queue_depth" not in answer.text
    assert "depreview_enqueue_seconds" in answer.text


def test_metrics_answer_when_redis_was_never_there(client: TestClient) -> None:
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert "depreview_queue_depth" not in answer.text
