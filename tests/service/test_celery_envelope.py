"""Hand-built Celery messages: body, routing and ids (the shape check against Celery is in the
integration tests, and a real Celery worker runs one there)."""

from __future__ import annotations

import base64
import json

from core.contract import HandleCommand, ReviewCheckSuite
from core.task_auth import TAG_HEADER, task_key, verify_task
from service._celery_envelope import celery_message

KEY = task_key("envelope-test-secret-0123456789")


def test_body_holds_the_kwargs_and_routing_names_the_queue() -> None:
    task = ReviewCheckSuite(7, "o/r", "c" * 40, "d-1", (4, 5))
    envelope = json.loads(celery_message(task, key=KEY, task_id="t-1", now=1000.0))
    args, kwargs, embed = json.loads(base64.b64decode(envelope["body"]))
    assert (args, kwargs) == ([], task.kwargs())
    assert embed == {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
    assert envelope["headers"]["task"] == "worker.review_check_suite"
    assert envelope["headers"]["id"] == envelope["headers"]["root_id"] == "t-1"
    assert envelope["properties"]["correlation_id"] == "t-1"
    assert envelope["properties"]["delivery_info"] == {"exchange": "", "routing_key": "review"}
    tag = envelope["headers"][TAG_HEADER]
    assert verify_task(KEY, "worker.review_check_suite", kwargs, tag, now=1000.0).ok


def test_without_a_key_the_message_goes_untagged() -> None:
    task = HandleCommand(1, "o/r", 2, 3, "d", "created")
    assert json.loads(celery_message(task, key=None))["headers"][TAG_HEADER] is None


def test_each_message_gets_fresh_ids() -> None:
    task = HandleCommand(1, "o/r", 2, 3, "d", "created")
    first, second = (json.loads(celery_message(task, key=KEY)) for _ in range(2))
    assert first["headers"]["id"] != second["headers"]["id"]
    assert first["properties"]["delivery_tag"] != second["properties"]["delivery_tag"]
