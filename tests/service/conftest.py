"""Service fixtures: the app with fake ledger and publisher, and a client running its lifespan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from service.app import create_app
from tests.service.deliveries import SECRET
from tests.service.fakes import FakeLedger, FakePublisher, fake_queue


@pytest.fixture
def settings() -> Settings:
    """Settings with a test secret; the Redis URL points nowhere (fakes replace Redis)."""
    return Settings(webhook_secret=SECRET, redis_url="redis://127.0.0.1:1/0", log_level="WARNING")


@pytest.fixture
def ledger() -> FakeLedger:
    return FakeLedger()


@pytest.fixture
def publisher() -> FakePublisher:
    return FakePublisher()


@pytest.fixture
def client(
    settings: Settings, ledger: FakeLedger, publisher: FakePublisher
) -> Iterator[TestClient]:
    """A TestClient of the app with the fakes, lifespan started and stopped around the test."""
    app = create_app(settings, queue=fake_queue(ledger, publisher))
    with TestClient(app) as test_client:
        yield test_client
