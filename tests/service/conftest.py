"""Service fixtures: the app with fake ledger and enqueuer, and a client running its lifespan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from service.app import create_app
from tests.service.deliveries import SECRET
from tests.service.fakes import FakeEnqueuer, FakeLedger
from worker.settings import Settings


@pytest.fixture
def settings() -> Settings:
    """Settings with a test secret; the Redis URL points nowhere (fakes replace Redis)."""
    return Settings(webhook_secret=SECRET, redis_url="redis://127.0.0.1:1/0", log_level="WARNING")


@pytest.fixture
def ledger() -> FakeLedger:
    return FakeLedger()


@pytest.fixture
def enqueuer() -> FakeEnqueuer:
    return FakeEnqueuer()


@pytest.fixture
def client(settings: Settings, ledger: FakeLedger, enqueuer: FakeEnqueuer) -> Iterator[TestClient]:
    """A TestClient of the app with the fakes, lifespan started and stopped around the test."""
    app = create_app(settings, ledger=ledger, enqueuer=enqueuer)
    with TestClient(app) as test_client:
        yield test_client
