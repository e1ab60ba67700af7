"""The review messages the App tasks send carry the contract's keyword arguments."""

from __future__ import annotations

from typing import Any

import pytest

from worker.celery_app import app
from worker.installations import OpenPull
from worker.tasks import app as app_tasks

Sent = list[tuple[str, dict[str, Any], dict[str, Any]]]


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> Sent:
    out: Sent = []
    monkeypatch.setattr(app, "send_task", lambda name, kwargs, **kw: out.append((name, kwargs, kw)))
    return out


def test_a_rerun_sends_a_forced_check_suite_review(sent: Sent) -> None:
    actions = app_tasks.CeleryActions(7, "o/r", "d-1")
    actions.rerun(12, "a" * 40)
    actions.rerun_sha("b" * 40)
    ids = {"installation_id": 7, "repo_full_name": "o/r", "delivery_id": "d-1"}
    assert sent == [
        (
            "worker.review_check_suite",
            {**ids, "head_sha": "a" * 40, "pr_numbers": [12], "action": "rerequested"},
            {},
        ),
        (
            "worker.review_check_suite",
            {**ids, "head_sha": "b" * 40, "pr_numbers": [], "action": "rerequested"},
            {},
        ),
    ]


def test_an_installation_queues_its_open_prs_reviews_spaced_out(
    sent: Sent, monkeypatch: pytest.MonkeyPatch
) -> None:
    def event(*args: Any, enqueue: Any, **kwargs: Any) -> dict[str, Any]:
        enqueue(OpenPull("o/r", 5, "c" * 40), 20.0)
        return {"queued": 1}

    monkeypatch.setattr(app_tasks, "handle_installation_event", event)
    monkeypatch.setattr(app_tasks, "shared_redis", lambda: None)
    result = app.tasks["worker.handle_installation"](
        installation_id=7, event="installation", action="created", delivery_id="d-2"
    )
    assert result == {"queued": 1}
    kwargs = {
        "installation_id": 7,
        "repo_full_name": "o/r",
        "pr_number": 5,
        "head_sha": "c" * 40,
        "delivery_id": "d-2",
    }
    assert sent == [("worker.review_pull_request", kwargs, {"countdown": 20.0})]
