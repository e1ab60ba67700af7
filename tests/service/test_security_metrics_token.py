"""`/metrics` behind an optional bearer token (security review finding 19: the endpoints
were unauthenticated). `DEPREVIEW_METRICS_TOKEN` set: the service's and the worker's
`GET /metrics` answer only `Authorization: Bearer <token>`; unset: open, as before.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from prometheus_client import CollectorRegistry
from pydantic import SecretStr

from core.metrics_auth import authorized
from core.settings import Settings
from service.app import create_app
from tests.redis_proc import free_port
from tests.service.deliveries import SECRET
from worker import metrics as worker_metrics
from worker.metrics_server import start_metrics_server

TOKEN = "scrape-7f3a9c1e"

#: (Authorization header or None, answered with metrics when the token is set)
HEADERS = [
    (None, False),
    ("", False),
    ("Bearer", False),
    ("Bearer wrong", False),
    (f"Basic {TOKEN}", False),
    (f"Bearer {TOKEN}x", False),
    (f"Bearer {TOKEN[:-1]}", False),
    (f"Bearer {TOKEN}", True),
    (f"bearer  {TOKEN} ", True),  # the scheme is case-insensitive (RFC 9110 §11.1)
]


@pytest.mark.parametrize(("header", "ok"), HEADERS)
def test_the_token_check(header: str | None, ok: bool) -> None:
    assert authorized(SecretStr(TOKEN), header) is ok
    assert authorized(None, header) is True  # no token set: open
    assert authorized(SecretStr(""), header) is True  # an empty setting is no token


def _service_settings(redis_url: str, token: str | None) -> Settings:
    return Settings(
        webhook_secret=SECRET,
        redis_url=redis_url,
        log_level="WARNING",
        metrics_token=SecretStr(token) if token is not None else None,
    )


@pytest.mark.parametrize(("header", "ok"), HEADERS)
def test_the_service_metrics_need_the_token_when_set(
    redis_url: str, header: str | None, ok: bool
) -> None:
    headers = {"Authorization": header} if header is not None else {}
    with TestClient(create_app(_service_settings(redis_url, TOKEN))) as client:
        answer = client.get("/metrics", headers=headers)
        health = client.get("/healthz")
    assert health.status_code == 200  # only /metrics is guarded
    if ok:
        assert answer.status_code == 200 and "depreview_queue_depth" in answer.text
    else:
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert "depreview" not in answer.text


def test_the_service_metrics_stay_open_without_a_token(redis_url: str) -> None:
    with TestClient(create_app(_service_settings(redis_url, None))) as client:
        assert client.get("/metrics").status_code == 200


@pytest.fixture
def fresh_worker_metrics() -> Iterator[None]:
    """A fresh worker registry (each server registers its queue-depth collector in it)."""
    previous = worker_metrics.use(worker_metrics.WorkerMetrics(CollectorRegistry()))
    try:
        yield
    finally:
        worker_metrics.use(previous)


@pytest.mark.parametrize("token", [TOKEN, None])
@pytest.mark.usefixtures("fresh_worker_metrics")
def test_the_worker_metrics_need_the_token_when_set(redis_url: str, token: str | None) -> None:
    port = free_port()
    settings = Settings(
        redis_url=redis_url,
        worker_metrics_port=port,
        worker_metrics_host="127.0.0.1",
        metrics_token=SecretStr(token) if token is not None else None,
    )
    server = start_metrics_server(settings)
    assert server is not None
    url = f"http://127.0.0.1:{port}/metrics"
    try:
        bare = httpx.get(url, timeout=5)
        wrong = httpx.get(url, headers={"Authorization": "Bearer nope"}, timeout=5)
        right = httpx.get(url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
    finally:
        server.shutdown()
        server.server_close()
    assert right.status_code == 200 and "depreview_queue_depth" in right.text
    if token is None:
        assert (bare.status_code, wrong.status_code) == (200, 200)
    else:
        assert (bare.status_code, wrong.status_code) == (401, 401)
        assert "depreview" not in bare.text + wrong.text
