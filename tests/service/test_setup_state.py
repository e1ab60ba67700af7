"""The /setup `state` lives in Redis (any process takes the callback, once); memory without it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import respx
from fastapi.testclient import TestClient
from redis import Redis

from core.settings import Settings
from service.app import create_app
from service.setup.routes import MAX_AGE_S, STATE_KEY_PREFIX, make_state
from tests.redis_proc import RedisServer
from tests.service.deliveries import SECRET
from tests.service.test_setup import API, CREATED


def _settings(redis_url: str, output: Path) -> Settings:
    return Settings(
        webhook_secret=SECRET,
        redis_url=redis_url,
        log_level="WARNING",
        github_api_url=API,
        setup_output_path=output,
        setup_token="t",
    )


def _state(page: str) -> str:
    action = html.unescape(re.search(r"action='([^']+)'", page).group(1))  # type: ignore[union-attr]
    return action.split("state=", 1)[1]


@pytest.fixture
def two_processes(redis_url: str, tmp_path: Path) -> Iterator[tuple[TestClient, TestClient]]:
    """Two service instances (separate signing keys would not help them) on one Redis."""
    settings = _settings(redis_url, tmp_path / "app.json")
    with TestClient(create_app(settings)) as first, TestClient(create_app(settings)) as second:
        yield first, second


def _callback(client: TestClient, state: str) -> tuple[httpx.Response, int]:
    with respx.mock(base_url=API, assert_all_called=False) as github:
        convert = github.post("/app-manifests/abc/conversions").mock(
            return_value=httpx.Response(201, json=CREATED)
        )
        page = client.get("/setup/callback", params={"code": "abc", "state": state})
    return page, convert.call_count


def test_state_is_kept_in_redis_for_an_hour_and_works_in_any_process(
    two_processes: tuple[TestClient, TestClient], redis_url: str
) -> None:
    first, second = two_processes
    state = _state(first.get("/setup?token=t").text)
    ttl = Redis.from_url(redis_url).ttl(STATE_KEY_PREFIX + state)
    assert MAX_AGE_S - 60 < ttl <= MAX_AGE_S
    page, converted = _callback(second, state)
    assert (page.status_code, converted) == (200, 1), page.text
    assert Redis.from_url(redis_url).exists(STATE_KEY_PREFIX + state) == 0


@pytest.mark.parametrize("use", ["same", "other"])
def test_a_state_works_once(two_processes: tuple[TestClient, TestClient], use: str) -> None:
    first, second = two_processes
    state = _state(first.get("/setup?token=t").text)
    assert _callback(first, state)[0].status_code == 200
    again, converted = _callback(first if use == "same" else second, state)
    assert (again.status_code, converted) == (400, 0)
    assert "already used" in again.text


@pytest.mark.parametrize(
    "state", ["", "x" * 43, "not a nonce at all!", "a.b", STATE_KEY_PREFIX + "x" * 40]
)
def test_unknown_states_are_refused(
    two_processes: tuple[TestClient, TestClient], state: str
) -> None:
    page, converted = _callback(two_processes[0], state)
    assert (page.status_code, converted) == (400, 0)


def test_redis_down_at_the_callback_refuses_and_says_try_again(
    two_processes: tuple[TestClient, TestClient], redis_server: RedisServer
) -> None:
    first, _ = two_processes
    state = _state(first.get("/setup?token=t").text)
    redis_server.stop()
    try:
        page, converted = _callback(first, state)
    finally:
        redis_server.start()
    assert (page.status_code, converted) == (400, 0)
    assert "try again" in page.text


def test_without_redis_a_signed_state_works_once_in_its_process(tmp_path: Path) -> None:
    settings = _settings("redis://127.0.0.1:1/0", tmp_path / "app.json")
    with TestClient(create_app(settings)) as client:
        state = _state(client.get("/setup?token=t").text)
        assert state.count(".") == 2  # the in-memory fallback
        assert _callback(client, state)[0].status_code == 200
        again, converted = _callback(client, state)
    assert (again.status_code, converted) == (400, 0)
    assert "already used" in again.text


def test_a_signed_state_of_another_process_is_refused(tmp_path: Path) -> None:
    settings = _settings("redis://127.0.0.1:1/0", tmp_path / "app.json")
    with TestClient(create_app(settings)) as client:
        page, converted = _callback(client, make_state(key=b"another process" * 2))
    assert (page.status_code, converted) == (400, 0)
    assert "not issued by this server" in page.text
