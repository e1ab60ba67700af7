"""A replayed delivery queues nothing (security review finding 20; issue 11).

GitHub signs the body only; `X-GitHub-Delivery` and `X-GitHub-Event` are not signed. The
service accepts each delivery id once: the first delivery sets
`depreview:delivery:<id>` with `SET NX EX dedupe_ttl_s` (at least 3 days, GitHub.com's
redelivery window, atomically with the queue push: service/queue.py). A captured,
validly signed delivery sent again, as is or under another event name, is answered
`duplicate` and nothing more is queued. GitHub's own redeliveries carry the same id (the
`guid` of a delivery is "shared with all deliveries ... for this event", REST
hook-delivery-item schema), so they are refused the same way after the first was queued.

Not covered (documented in docs/security.md): the same body under a *new* delivery id.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import redis
from fastapi.testclient import TestClient

from core.settings import Settings
from service.app import create_app
from service.queue import KEY_PREFIX
from tests.service.deliveries import SECRET, dumps, headers, payload, payload_bytes

pytestmark = pytest.mark.integration


def _smoke_comment() -> bytes:
    """A maintainer's `@depreview smoke` on a PR (replaying it would ask for GPU time again)."""
    data = payload("issue_comment/created.on-pull-request.json")
    data["comment"]["body"] = "@depreview smoke"
    return dumps(data)


#: Signed deliveries of each kind of event that queues work: (event, body).
DELIVERIES = [
    ("pull_request", payload_bytes("pull_request/opened.json")),
    ("issue_comment", _smoke_comment()),
    ("check_run", payload_bytes("check_run/requested_action.json")),
    ("check_suite", payload_bytes("check_suite/rerequested.json")),
]


@pytest.fixture
def live(redis_url: str) -> Iterator[tuple[TestClient, redis.Redis]]:
    settings = Settings(webhook_secret=SECRET, redis_url=redis_url, log_level="WARNING")
    inspect = redis.Redis.from_url(redis_url)
    with TestClient(create_app(settings)) as client:
        yield client, inspect
    inspect.close()


def _queued(inspect: redis.Redis) -> dict[str, int]:
    """Messages waiting on every Celery queue list."""
    keys = [k.decode() if isinstance(k, bytes) else str(k) for k in inspect.keys("*")]
    names = [k for k in keys if inspect.type(k) == b"list"]
    return {name: int(inspect.llen(name)) for name in sorted(names)}


@pytest.mark.parametrize(("event", "body"), DELIVERIES, ids=[e for e, _ in DELIVERIES])
def test_a_replayed_signed_delivery_queues_nothing(
    live: tuple[TestClient, redis.Redis], event: str, body: bytes
) -> None:
    client, inspect = live
    hdrs = headers(event, body, "replay-1")
    first = client.post("/webhooks/github", content=body, headers=hdrs)
    assert (first.status_code, first.json()) == (202, {"status": "queued"})
    queued = _queued(inspect)
    assert sum(queued.values()) >= 1
    again = client.post("/webhooks/github", content=body, headers=hdrs)
    assert (again.status_code, again.json()) == (200, {"status": "duplicate"})
    assert _queued(inspect) == queued
    ttl = inspect.ttl(KEY_PREFIX + "replay-1")
    assert 3 * 24 * 3600 <= ttl <= Settings().dedupe_ttl_s


def test_the_same_id_under_another_event_name_queues_nothing(
    live: tuple[TestClient, redis.Redis],
) -> None:
    # The event header is not signed either: the id is what is remembered, whatever the name.
    client, inspect = live
    opened = payload_bytes("pull_request/opened.json")
    first = client.post(
        "/webhooks/github", content=opened, headers=headers("pull_request", opened, "replay-2")
    )
    assert first.status_code == 202
    queued = _queued(inspect)
    for event in ("check_suite", "merge_group"):
        again = client.post(
            "/webhooks/github", content=opened, headers=headers(event, opened, "replay-2")
        )
        assert again.status_code in (200, 204, 400)
        assert again.status_code != 202
    assert _queued(inspect) == queued


def test_a_tampered_replay_is_refused_before_the_ledger(
    live: tuple[TestClient, redis.Redis],
) -> None:
    # A replay with a changed body keeps the old signature and fails it: nothing is recorded.
    client, inspect = live
    body = payload_bytes("pull_request/opened.json")
    hdrs = headers("pull_request", body, "replay-3")
    edited = body.replace(b'"number": 2', b'"number": 3', 1)
    assert edited != body
    refused = client.post("/webhooks/github", content=edited, headers=hdrs)
    assert refused.status_code == 401
    assert inspect.get(KEY_PREFIX + "replay-3") is None and _queued(inspect) == {}
