"""Redelivery: exactly the failed events are redelivered, once, within GitHub's window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import respx
from redis import Redis

from core.settings import Settings
from tests.worker.github.conftest import API, fixture, private_key_pem, settings
from worker.github.redelivery import (
    GitHubDeliveriesApi,
    app_client,
    marker_key,
    next_cursor,
    redeliver_failed,
)

__all__ = ["private_key_pem", "settings"]  # fixtures reused from tests/worker/github

NOW = datetime(2019, 6, 4, 12, 0, tzinfo=UTC)
REAL = fixture("hooks/list-app-webhook-deliveries.200.json")  # one guid, two 200 attempts


def _attempt(
    delivery_id: int, guid: str, status_code: int, age: timedelta, redelivery: bool = False
) -> dict[str, Any]:
    """A constructed delivery item shaped like the real fixture's items."""
    item = dict(REAL[0])
    item.update(
        id=delivery_id,
        guid=guid,
        status_code=status_code,
        status="OK" if 200 <= status_code < 300 else "Internal Server Error",
        redelivery=redelivery,
        delivered_at=(NOW - age).strftime("%Y-%m-%dT%H:%M:%SZ"),
        throttled_at=None,
    )
    return item


# newest first, as GitHub lists them; page 2 ends with an item outside the 3-day window
PAGE_1 = [
    *REAL,  # succeeded (and was redelivered once already): never again
    _attempt(300, "failed-twice", 502, timedelta(hours=1), redelivery=True),
    _attempt(299, "failed-then-ok", 200, timedelta(hours=2), redelivery=True),
]
PAGE_2 = [
    _attempt(210, "failed-twice", 500, timedelta(hours=3)),
    _attempt(209, "failed-then-ok", 503, timedelta(hours=4)),
    _attempt(208, "timed-out", 0, timedelta(days=2)),
    _attempt(100, "too-old", 500, timedelta(days=3, hours=1)),
]
PAGE_3 = [_attempt(50, "never-read", 500, timedelta(days=4))]


@pytest.fixture
def store(redis_url: str) -> Any:
    client = Redis.from_url(redis_url)
    client.flushdb()
    return client


@pytest.fixture
def app_api(settings: Settings) -> Any:
    with respx.mock(base_url=API, assert_all_called=False) as router:

        def page(request: httpx.Request) -> httpx.Response:
            cursor = request.url.params.get("cursor")
            assert request.headers["authorization"].startswith("Bearer ")  # the App JWT
            if cursor is None:
                link = f'<{API}/app/hook/deliveries?per_page=100&cursor=c2>; rel="next"'
                return httpx.Response(200, json=PAGE_1, headers={"link": link})
            if cursor == "c2":
                link = f'<{API}/app/hook/deliveries?per_page=100&cursor=c3>; rel="next"'
                return httpx.Response(200, json=PAGE_2, headers={"link": link})
            return httpx.Response(200, json=PAGE_3)

        listing = router.get("/app/hook/deliveries").mock(side_effect=page)
        attempts = router.post(path__regex=r"/app/hook/deliveries/\d+/attempts$")
        attempts.mock(return_value=httpx.Response(202, json=fixture(
            "hooks/redeliver-app-webhook-delivery.202.json"
        )))  # fmt: skip
        yield GitHubDeliveriesApi(app_client(settings)), listing, attempts


def _redelivered_ids(attempts: respx.Route) -> list[int]:
    return [int(str(c.request.url).split("/")[-2]) for c in attempts.calls]


def test_redelivers_exactly_the_failed_events_once(app_api: Any, store: Any) -> None:
    api, listing, attempts = app_api
    first = redeliver_failed(api, store, now=NOW, max_pages=10)
    assert sorted(first) == ["failed-twice", "timed-out"]
    assert sorted(_redelivered_ids(attempts)) == [208, 300]  # the newest attempt of each guid
    assert [c.request.url.params.get("cursor") for c in listing.calls] == [None, "c2"]
    assert store.get(marker_key("failed-twice")) == b"300"

    second = redeliver_failed(api, store, now=NOW, max_pages=10)
    assert second == []
    assert attempts.call_count == 2  # nothing twice


def test_a_refused_redelivery_is_tried_again_next_run(app_api: Any, store: Any) -> None:
    api, _, attempts = app_api
    attempts.mock(
        return_value=httpx.Response(422, json=fixture("errors/422-validation-failed.body.json"))
    )
    assert redeliver_failed(api, store, now=NOW) == []
    assert store.get(marker_key("failed-twice")) is None
    attempts.mock(return_value=httpx.Response(202, json=None))
    assert sorted(redeliver_failed(api, store, now=NOW)) == ["failed-twice", "timed-out"]


def test_page_bound(app_api: Any, store: Any) -> None:
    api, listing, _ = app_api
    assert redeliver_failed(api, store, now=NOW, max_pages=1) == ["failed-twice"]
    assert listing.call_count == 1


def test_real_fixture_alone_needs_nothing(settings: Settings, store: Any) -> None:
    with respx.mock(base_url=API) as router:
        router.get("/app/hook/deliveries").mock(return_value=httpx.Response(200, json=REAL))
        api = GitHubDeliveriesApi(app_client(settings))
        assert redeliver_failed(api, store, now=NOW) == []


@pytest.mark.parametrize(
    ("link", "cursor"),
    [
        (None, None),
        ('<https://api.github.com/app/hook/deliveries?cursor=v1_1207>; rel="next"', "v1_1207"),
        ('<https://x/h?per_page=2&cursor=abc>; rel="next", <https://x/h?cursor=z>; rel="last"',
         "abc"),
        ('<https://x/app/hook/deliveries?cursor=abc>; rel="prev"', None),
    ],
)  # fmt: skip
def test_next_cursor(link: str | None, cursor: str | None) -> None:
    assert next_cursor(link) == cursor
