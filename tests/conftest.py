"""Fixtures shared by every test folder: fresh settings, a real `redis-server`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.settings import get_settings
from tests.redis_proc import RedisServer, redis_binary


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Every test reads `DEPREVIEW_*` anew: `get_settings()` is cached per process."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A real `redis-server` on a free loopback port for the whole session.

    `.url` is its URL; `.stop()` / `.start()` take it down and bring it back on the same port
    (tests that stop it must start it again). Skips when redis-server is not installed.
    """
    if redis_binary() is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs it)")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session Redis, running and emptied (FLUSHALL) for this test."""
    redis_server.start()
    redis_server.command("FLUSHALL")
    return redis_server.url
