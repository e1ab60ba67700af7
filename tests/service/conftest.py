"""Service fixtures: the app with a fake delivery queue, and a client running its lifespan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from service.app import create_app
from tests.service.deliveries import SECRET
from tests.service.fakes import FakeDeliveryQueue


@pytest.fixture
def settings() -> Settings:
    """Settings with a test secret; the Redis URL points nowhere (fakes replace Redis)."""
    return Settings(webhook_secret=SECRET, redis_url="redis://127.0.0.1:1/0", log_level="WARNING")


@pytest.fixture
def queue() -> FakeDeliveryQueue:
    return FakeDeliveryQueue()


@pytest.fixture
def client(settings: Settings, queue: FakeDeliveryQueue) -> Iterator[TestClient]:
    """A TestClient of the app with the fake queue, lifespan started and stopped around the test."""
    app = create_app(settings, queue=queue)
    with TestClient(app) as test_client:
        yield test_client
