"""`get_settings()`: the environment is read once per process, until the cache is cleared."""

from __future__ import annotations

import pytest

from core.settings import get_settings


def test_get_settings_reads_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEPREVIEW_REDIS_URL", "redis://127.0.0.1:1/1")
    first = get_settings()
    monkeypatch.setenv("DEPREVIEW_REDIS_URL", "redis://127.0.0.1:2/2")
    assert get_settings() is first
    assert first.redis_url == "redis://127.0.0.1:1/1"

    get_settings.cache_clear()
    assert get_settings().redis_url == "redis://127.0.0.1:2/2"


def test_an_unsafe_secret_is_refused_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEPREVIEW_ENVIRONMENT", "production")
    monkeypatch.setenv("DEPREVIEW_GITHUB_APP_ID", "1")
    monkeypatch.setenv("DEPREVIEW_WEBHOOK_SECRET", "changethis")
    for _ in range(2):  # a failure is not cached as settings
        with pytest.raises(ValueError, match="WEBHOOK_SECRET"):
            get_settings()
