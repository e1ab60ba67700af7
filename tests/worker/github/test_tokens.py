"""Review D11: after `installation` `new_permissions_accepted` no worker process keeps acting
with a token minted under the old permissions.

githubkit caches the installation token per process (about an hour); these tests mint through
a respx-served GitHub and count the mints.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import respx
from githubkit.cache import DEFAULT_CACHE_STRATEGY

from core.settings import Settings
from tests.worker.github.conftest import REPO, fixture
from tests.worker.tokens import forget_tokens
from worker.github import tokens
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client

__all__ = ["forget_tokens"]


@pytest.fixture(autouse=True)
def no_cached_token_before() -> None:
    """Start without a token another test's client cached (forget_tokens clears after)."""
    DEFAULT_CACHE_STRATEGY._cache = None


class FakeRedis:
    """GET/SET of the marker, shared by the "processes" of a test like one Redis."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.expiry: dict[str, int | None] = {}

    def get(self, name: str) -> bytes | None:
        return self.data.get(name)

    def set(self, name: str, value: str, ex: int | None = None) -> bool:
        self.data[name] = value.encode()
        self.expiry[name] = ex
        return True

    # the suspended-installations set the installation task also touches
    def sadd(self, name: str, *values: Any) -> int:
        return 0

    def srem(self, name: str, *values: Any) -> int:
        return 0

    def sismember(self, name: str, value: Any) -> bool:
        return False


class DownRedis:
    def get(self, name: str) -> Any:
        raise ConnectionError("redis is down")

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        raise ConnectionError("redis is down")


def _serve_tokens(gh_api: respx.MockRouter) -> respx.Route:
    """Each mint returns a new token, `ghs_1`, `ghs_2`, ... (the permissions of its time)."""
    minted: list[int] = []

    def mint(request: httpx.Request) -> httpx.Response:
        minted.append(1)
        body = fixture("apps/create-installation-access-token.201.json")
        body["token"] = f"ghs_{len(minted)}"
        body["expires_at"] = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return httpx.Response(201, json=body)

    gh_api.routes["mint"].mock(side_effect=mint)
    return gh_api.get(f"{REPO}/pulls/1").mock(
        return_value=httpx.Response(200, json=fixture("pulls/get-pull-request.200.json"))
    )


def _read_pull(settings: Settings) -> None:
    """One task's request (a new client, as each task makes one)."""
    gh = installation_client(settings, 1)
    with gh:
        GitHubRepoApi(gh, RepoRef.parse("octocat/Hello-World")).get_pull(1)


def _tokens_used(route: respx.Route) -> list[str]:
    return [call.request.headers["authorization"] for call in route.calls]


def test_the_token_is_cached_until_the_permissions_change(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    pull = _serve_tokens(gh_api)
    redis = FakeRedis()
    _read_pull(settings)
    _read_pull(settings)
    assert _tokens_used(pull) == ["token ghs_1", "token ghs_1"]  # one mint, cached
    tokens.drop_installation_token(redis, settings.github_app_id, 1)
    _read_pull(settings)
    assert _tokens_used(pull)[-1] == "token ghs_2"
    assert gh_api.routes["mint"].call_count == 2
    assert redis.expiry == {"depreview:token-dropped:1": tokens.MARKER_TTL_S}


def test_other_processes_drop_theirs_once_per_marker(
    settings: Settings, gh_api: respx.MockRouter, monkeypatch: Any
) -> None:
    """Another worker process (another host) handled the event: the marker in Redis makes this
    process drop its token before its next task, once."""
    pull = _serve_tokens(gh_api)
    redis = FakeRedis()
    monkeypatch.setattr(tokens, "_seen", {})
    _read_pull(settings)  # this process holds ghs_1
    assert tokens.forget_if_dropped(redis, settings.github_app_id, 1) is False  # no marker
    redis.set("depreview:token-dropped:1", "1700000000.000000", ex=tokens.MARKER_TTL_S)
    assert tokens.forget_if_dropped(redis, settings.github_app_id, 1) is True
    _read_pull(settings)
    assert tokens.forget_if_dropped(redis, settings.github_app_id, 1) is False  # same marker
    _read_pull(settings)
    assert _tokens_used(pull) == ["token ghs_1", "token ghs_2", "token ghs_2"]
    assert tokens.forget_if_dropped(redis, settings.github_app_id, 2) is False  # not ours


def test_a_redis_outage_keeps_the_old_token(settings: Settings, gh_api: respx.MockRouter) -> None:
    pull = _serve_tokens(gh_api)
    _read_pull(settings)
    assert tokens.forget_if_dropped(DownRedis(), settings.github_app_id, 1) is False
    tokens.drop_installation_token(DownRedis(), settings.github_app_id, 1)  # no raise
    _read_pull(settings)
    # the local drop still happened in the handling process
    assert _tokens_used(pull) == ["token ghs_1", "token ghs_2"]


def test_the_installation_task_drops_the_token_on_new_permissions(
    settings: Settings, gh_api: respx.MockRouter, monkeypatch: Any
) -> None:
    from worker.tasks import _base
    from worker.tasks import app as app_tasks

    pull = _serve_tokens(gh_api)
    redis = FakeRedis()
    monkeypatch.setattr(app_tasks, "shared_redis", lambda: redis)
    monkeypatch.setattr(_base, "shared_redis", lambda: redis)
    monkeypatch.setattr(app_tasks, "settings", lambda: settings)
    _read_pull(settings)
    for action in ("created", "unsuspend"):  # other actions keep the token
        app_tasks.handle_installation(  # type: ignore[call-arg]  # Celery binds `self`
            installation_id=1, event="installation", action=action, delivery_id="d-0"
        )
    assert redis.data == {}
    app_tasks.handle_installation(  # type: ignore[call-arg]
        installation_id=1, event="installation", action="new_permissions_accepted",
        delivery_id="d-1",
    )  # fmt: skip
    assert list(redis.data) == ["depreview:token-dropped:1"]
    _read_pull(settings)
    assert _tokens_used(pull) == ["token ghs_1", "token ghs_2"]
