"""`POST /webhooks/github` answers: 401, 400, 204, 200 pong/duplicate, 202 and 503 (with fakes)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from core.settings import Settings
from service.app import create_app
from tests.service.deliveries import SECRET, dumps, headers, payload, payload_bytes, sign
from tests.service.fakes import FakeDeliveryQueue
from tests.service.test_signature import DOCS_PAYLOAD, DOCS_SECRET, DOCS_SIGNATURE

URL = "/webhooks/github"
OPENED = payload_bytes("pull_request/opened.json")


def _post(client: TestClient, body: bytes, hdrs: dict[str, str]) -> tuple[int, dict[str, str]]:
    response = client.post(URL, content=body, headers=hdrs)
    return response.status_code, (response.json() if response.content else {})


def test_opened_is_queued_with_ids_only(client: TestClient, queue: FakeDeliveryQueue) -> None:
    status, body = _post(client, OPENED, headers("pull_request", OPENED, "abc"))
    assert (status, body) == (202, {"status": "queued"})
    assert [task.kwargs() for task in queue.sent] == [
        {
            "installation_id": 1,
            "repo_full_name": "Codertocat/Hello-World",
            "pr_number": 2,
            "head_sha": "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
            "delivery_id": "abc",
        }
    ]


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(None, id="missing"),
        pytest.param(sign(OPENED, "wrong secret"), id="other-secret"),
        pytest.param(sign(OPENED + b" "), id="signed-other-bytes"),
        pytest.param("sha256=", id="empty-digest"),
        pytest.param("garbage", id="garbage"),
    ],
)
def test_bad_or_missing_signature_is_401_before_anything_else(
    client: TestClient, queue: FakeDeliveryQueue, signature: str | None
) -> None:
    hdrs = headers("pull_request", OPENED)
    if signature is None:
        del hdrs["X-Hub-Signature-256"]
    else:
        hdrs["X-Hub-Signature-256"] = signature
    status, body = _post(client, OPENED, hdrs)
    assert status == 401
    assert "X-Hub-Signature-256" in body["detail"]
    assert queue.sent == [] and queue.delivery_ids == set()


def test_unsigned_garbage_is_401_not_400(client: TestClient) -> None:
    status, _ = _post(client, b"{not json", {"X-GitHub-Event": "nonsense"})
    assert status == 401


def test_docs_test_vector_passes_the_endpoints_signature_check(queue: FakeDeliveryQueue) -> None:
    settings = Settings(webhook_secret=DOCS_SECRET, log_level="WARNING")
    with TestClient(create_app(settings, queue=queue)) as client:
        hdrs = {
            "X-GitHub-Event": "pull_request",
            "X-GitHub-Delivery": "v",
            "X-Hub-Signature-256": DOCS_SIGNATURE,
        }
        status, body = _post(client, DOCS_PAYLOAD, hdrs)
        # Signed correctly, so the endpoint gets as far as parsing "Hello, World!" as JSON.
        assert status == 400 and "not valid JSON" in body["detail"]
        hdrs["X-Hub-Signature-256"] = sign(DOCS_PAYLOAD, "x")
        assert _post(client, DOCS_PAYLOAD, hdrs)[0] == 401


def test_empty_secret_refuses_everything(queue: FakeDeliveryQueue) -> None:
    settings = Settings(webhook_secret="", environment="development", log_level="WARNING")
    with TestClient(create_app(settings, queue=queue)) as client:
        status, _ = _post(client, OPENED, headers("pull_request", OPENED, secret=""))
        assert status == 401


@pytest.mark.parametrize(
    ("body", "drop", "event", "detail"),
    [
        pytest.param(b"{not json", None, "pull_request", "not valid JSON", id="malformed-json"),
        pytest.param(b"", None, "pull_request", "not valid JSON", id="empty-body"),
        pytest.param(b"\xff\xfe{}", None, "pull_request", "not valid JSON", id="not-utf8"),
        pytest.param(b"[1, 2]", None, "pull_request", "JSON object", id="json-array"),
        pytest.param(OPENED, "X-GitHub-Event", "", "missing X-GitHub-Event", id="no-event"),
        pytest.param(OPENED, None, "pull_requests", "unknown X-GitHub-Event", id="unknown-event"),
        pytest.param(OPENED, "X-GitHub-Delivery", "pull_request", "X-GitHub-Delivery",
                     id="no-delivery"),
        pytest.param(dumps({"action": "opened", "installation": {"id": 1}}), None,
                     "pull_request", "repository.full_name", id="payload-lacks-repository"),
        pytest.param(dumps({**payload("pull_request/opened.json"), "installation": {"id": "1"}}),
                     None, "pull_request", "installation.id must be an integer",
                     id="payload-id-not-int"),
    ],
)  # fmt: skip
def test_bad_requests_are_400_with_a_clear_message(
    client: TestClient,
    queue: FakeDeliveryQueue,
    body: bytes,
    drop: str | None,
    event: str,
    detail: str,
) -> None:
    hdrs = headers(event, body)
    if drop:
        del hdrs[drop]
    status, answer = _post(client, body, hdrs)
    assert status == 400
    assert detail in answer["detail"]
    assert queue.sent == []


@pytest.mark.parametrize(
    ("name", "event"),
    [
        ("push/push.json", "push"),
        ("pull_request/closed.json", "pull_request"),
        ("check_suite/completed.json", "check_suite"),
        ("issue_comment/created.json", "issue_comment"),
    ],
)
def test_ignored_events_are_204(
    client: TestClient, queue: FakeDeliveryQueue, name: str, event: str
) -> None:
    body = payload_bytes(name)
    response = client.post(URL, content=body, headers=headers(event, body))
    assert response.status_code == 204 and response.content == b""
    assert queue.sent == [] and queue.delivery_ids == set()


@pytest.mark.parametrize("name", ["ping/ping.json", "ping/ping.app.json"])
def test_ping_is_pong(client: TestClient, queue: FakeDeliveryQueue, name: str) -> None:
    body = payload_bytes(name)
    status, answer = _post(client, body, headers("ping", body))
    assert status == 200
    assert answer == {"status": "pong", "zen": payload(name)["zen"]}
    assert queue.sent == []


def test_form_encoded_delivery_is_read_from_its_payload_field(
    client: TestClient, queue: FakeDeliveryQueue
) -> None:
    body = urlencode({"payload": OPENED.decode()}).encode()
    hdrs = headers("pull_request", body) | {"Content-Type": "application/x-www-form-urlencoded"}
    assert _post(client, body, hdrs)[0] == 202
    assert [task.task_name for task in queue.sent] == ["worker.review_pull_request"]


def test_same_delivery_twice_enqueues_once(client: TestClient, queue: FakeDeliveryQueue) -> None:
    hdrs = headers("pull_request", OPENED, "same-id")
    first = _post(client, OPENED, hdrs)
    second = _post(client, OPENED, hdrs)
    third = _post(client, OPENED, headers("pull_request", OPENED, "other-id"))
    assert first == (202, {"status": "queued"})
    assert second == (200, {"status": "duplicate"})
    assert third == (202, {"status": "queued"})
    assert [task.delivery_id for task in queue.sent] == ["same-id", "other-id"]


def test_redis_down_is_503_and_nothing_is_queued(
    client: TestClient, queue: FakeDeliveryQueue
) -> None:
    queue.down = True
    status, answer = _post(client, OPENED, headers("pull_request", OPENED, "r1"))
    assert status == 503 and answer["status"] == "unavailable"
    assert queue.sent == []
    queue.down = False
    assert _post(client, OPENED, headers("pull_request", OPENED, "r1"))[0] == 202
    assert len(queue.sent) == 1


def test_lifespan_closes_what_it_was_given(settings: Settings) -> None:
    queue = FakeDeliveryQueue()
    with TestClient(create_app(settings, queue=queue)):
        assert not queue.closed
    assert queue.closed


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_readyz_follows_redis(client: TestClient, queue: FakeDeliveryQueue) -> None:
    assert client.get("/readyz").status_code == 200
    queue.down = True
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


def _sample(text: str, name: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_outcomes_by_event(client: TestClient, queue: FakeDeliveryQueue) -> None:
    hdrs = headers("pull_request", OPENED, "m1")
    _post(client, OPENED, hdrs)
    _post(client, OPENED, hdrs)
    _post(client, OPENED, hdrs | {"X-Hub-Signature-256": "sha256=00"})
    _post(client, OPENED, headers("made_up_event", OPENED))
    queue.down = True
    _post(client, OPENED, headers("pull_request", OPENED, "m2"))
    text = client.get("/metrics").text
    counts = {
        outcome: _sample(
            text, f'depreview_webhook_deliveries_total{{event="pull_request",outcome="{outcome}"}}'
        )
        for outcome in ("queued", "duplicate", "unauthorized", "unavailable")
    }
    assert counts == {"queued": 1, "duplicate": 1, "unauthorized": 1, "unavailable": 1}
    unknown = 'depreview_webhook_deliveries_total{event="unknown",outcome="bad_request"}'
    assert _sample(text, unknown) == 1
    assert _sample(text, "depreview_enqueue_seconds_count") == 1


def test_two_apps_keep_separate_metrics(settings: Settings) -> None:
    apps = [create_app(settings, queue=FakeDeliveryQueue()) for _ in range(2)]
    with TestClient(apps[0]) as first, TestClient(apps[1]) as second:
        _post(first, OPENED, headers("pull_request", OPENED))
        name = 'depreview_webhook_deliveries_total{event="pull_request",outcome="queued"}'
        assert _sample(first.get("/metrics").text, name) == 1
        assert _sample(second.get("/metrics").text, name) == 0


def test_no_secret_in_settings_repr() -> None:
    assert SECRET not in repr(Settings(webhook_secret=SECRET))


def test_a_body_over_githubs_cap_is_413_before_it_is_read(
    client: TestClient, queue: FakeDeliveryQueue
) -> None:
    from service.webhooks.endpoint import MAX_BODY_BYTES

    big = b" " * (MAX_BODY_BYTES + 1)
    status, body = _post(client, big, headers("pull_request", big))
    assert status == 413
    assert body["status"] == "too_large"
    assert queue.sent == [] and queue.delivery_ids == set()


def test_a_streamed_body_over_the_cap_is_refused_without_content_length(
    client: TestClient, queue: FakeDeliveryQueue
) -> None:
    from service.webhooks.endpoint import MAX_BODY_BYTES

    chunk = b" " * (1024 * 1024)
    sent = 0

    def stream() -> object:
        nonlocal sent
        while sent <= MAX_BODY_BYTES + len(chunk):
            sent += len(chunk)
            yield chunk

    hdrs = headers("pull_request", OPENED)
    response = client.post(URL, content=stream(), headers=hdrs)  # type: ignore[arg-type]
    assert response.status_code == 413
    assert queue.sent == []


def test_a_body_at_the_cap_is_read(client: TestClient) -> None:
    status, _ = _post(client, OPENED + b" " * 10, headers("pull_request", OPENED + b" " * 10, "x1"))
    assert status == 202
