"""The worker's side of task authentication (worker/tasks/_base.py): which message may run,
and that every message a review-side process sends through Celery carries a valid tag."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from redis import Redis

from core import contract
from core.settings import Settings
from core.task_auth import TAG_HEADER, tag_task, task_key, verify_task
from worker.tasks._base import AuthenticatedTask, message_verdict

SECRET = "worker-test-webhook-secret-0123456789"
KEY = task_key(SECRET)
NOW = 1_800_000_000.0
KW = {"installation_id": 1, "repo_full_name": "o/r", "pr_number": 2, "head_sha": "h" * 40}


def _tag(name: str, kwargs: dict[str, Any] = KW) -> str:
    assert KEY is not None
    return tag_task(KEY, name, kwargs, NOW)


@pytest.mark.parametrize(
    ("name", "args", "tag", "gpu_worker", "expected"),
    [
        # review worker: tagged review tasks run, untagged or foreign ones do not
        (contract.REVIEW_PULL_REQUEST, (), "tagged", False, ""),
        (contract.REVIEW_PULL_REQUEST, (), None, False, "missing"),
        (contract.HANDLE_COMMAND, (), None, False, "missing"),
        (contract.REDELIVER_FAILED, (), None, False, "missing"),
        (contract.REVIEW_PULL_REQUEST, (1,), "tagged", False, "positional-args"),
        # a GPU job never runs on a review worker, even tagged: a runner can read the tagged
        # job messages on the GPU queues and push one onto `review`
        (contract.GPU_SMOKE, (), None, False, "gpu-task-on-review-worker"),
        (contract.GPU_SMOKE, (), "tagged", False, "gpu-task-on-review-worker"),
        # the GPU notices: untagged from the GPU worker (dispatch records decide), or tagged
        (contract.SMOKE_STARTED, (), None, False, ""),
        (contract.PUBLISH_SMOKE, (), None, False, ""),
        (contract.PUBLISH_SMOKE, (), "tagged", False, ""),
        (contract.PUBLISH_SMOKE, (), "v1:1:" + "0" * 64, False, "bad-tag"),
        (contract.PUBLISH_SMOKE, (1,), None, False, "positional-args"),
        # a GPU worker holds no key: it runs its job and nothing else
        (contract.GPU_SMOKE, (), None, True, ""),
        (contract.REVIEW_PULL_REQUEST, (), "tagged", True, "not-a-gpu-task"),
        (contract.PUBLISH_SMOKE, (), None, True, "not-a-gpu-task"),
    ],
)
def test_which_message_may_run(
    name: str, args: tuple[Any, ...], tag: str | None, gpu_worker: bool, expected: str
) -> None:
    header = _tag(name) if tag == "tagged" else tag
    verdict = message_verdict(name, args, dict(KW), header, gpu_worker=gpu_worker, key=KEY, now=NOW)
    assert (verdict.ok, verdict.reason) == (expected == "", expected)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({**KW, "check_run_id": 9, "delivery_id": "d"}, ""),  # what gpu_smoke sends
        ({**KW, "check_run_id": 9, "watchdog_after_s": 1}, "untagged-notice-kwargs"),
        ({**KW, "check_run_id": 9, "smoke_requested": True}, "untagged-notice-kwargs"),
    ],
)
def test_an_untagged_notice_carries_only_the_gpu_worker_s_ids(
    kwargs: dict[str, Any], expected: str
) -> None:
    """The watchdog form of publish_smoke (closing a run as timed out) needs a tag."""
    verdict = message_verdict(
        contract.PUBLISH_SMOKE, (), kwargs, None, gpu_worker=False, key=KEY, now=NOW
    )
    assert verdict.reason == expected
    tagged = message_verdict(
        contract.PUBLISH_SMOKE, (), kwargs, _tag(contract.PUBLISH_SMOKE, kwargs),
        gpu_worker=False, key=KEY, now=NOW,
    )  # fmt: skip
    assert tagged.ok


def test_a_review_worker_without_a_key_runs_nothing_but_the_notices() -> None:
    for name in (contract.REVIEW_PULL_REQUEST, contract.HANDLE_CHECK_ACTION):
        verdict = message_verdict(name, (), KW, _tag(name), gpu_worker=False, key=None, now=NOW)
        assert verdict.reason == "no-key"
    assert message_verdict(
        contract.PUBLISH_SMOKE, (), KW, None, gpu_worker=False, key=None, now=NOW
    ).ok


def test_every_registered_task_is_authenticated() -> None:
    import importlib

    from worker.celery_app import TASK_MODULES, app

    for module in TASK_MODULES:
        importlib.import_module(module)
    ours = [name for name in app.tasks if name.startswith("worker.")]
    assert set(contract.TASK_QUEUES) <= set(ours)
    for name in ours:
        assert isinstance(app.tasks[name], AuthenticatedTask), name


def _sent(redis_url: str, queue: str) -> dict[str, Any]:
    from worker.celery_app import make_celery

    producer = make_celery(Settings(redis_url=redis_url))
    producer.send_task(
        contract.REVIEW_CHECK_SUITE, kwargs={**KW, "action": "rerequested"}, queue=queue
    )
    producer.close()
    client = Redis.from_url(redis_url)
    raw = client.rpop(queue)
    client.close()
    assert isinstance(raw, bytes)
    return dict(json.loads(raw)["headers"])


@pytest.mark.parametrize(
    ("env", "tagged"),
    [
        ({"DEPREVIEW_WEBHOOK_SECRET": SECRET}, True),  # review worker, beat, lease sweeper
        ({"DEPREVIEW_WEBHOOK_SECRET": ""}, False),  # no usable secret: untagged (refused)
        ({"DEPREVIEW_WEBHOOK_SECRET": SECRET, "DEPREVIEW_GPU_WORKER": "true"}, False),
    ],
    ids=["review-side", "no-secret", "gpu-worker"],
)
def test_messages_sent_through_celery_are_tagged_on_the_review_side(
    redis_url: str, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tagged: bool
) -> None:
    import worker.tasks._base  # noqa: F401  (connects the publish signal, as in a worker)

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    headers = _sent(redis_url, "review")
    tag = headers.get(TAG_HEADER)
    kwargs = {**KW, "action": "rerequested"}
    if tagged:
        assert verify_task(KEY, contract.REVIEW_CHECK_SUITE, kwargs, tag, time.time()).ok
    else:
        assert tag is None


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"DEPREVIEW_WEBHOOK_SECRET": SECRET}, None),
        ({"DEPREVIEW_WEBHOOK_SECRET": "changethis"}, "DEPREVIEW_WEBHOOK_SECRET"),
        ({"DEPREVIEW_GPU_WORKER": "true", "DEPREVIEW_RUNNER_OUTCOME_KEY": "ab" * 32}, None),
        ({"DEPREVIEW_GPU_WORKER": "true", "DEPREVIEW_RUNNER_OUTCOME_KEY": ""}, "OUTCOME_KEY"),
    ],
    ids=["review-ok", "review-no-key", "gpu-ok", "gpu-no-key"],
)
def test_a_worker_says_at_start_when_its_messages_cannot_be_authenticated(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    env: dict[str, str],
    complaint: str | None,
) -> None:
    from worker.tasks._base import _check_keys

    monkeypatch.setenv("DEPREVIEW_ENVIRONMENT", "development")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with caplog.at_level("ERROR"):
        _check_keys()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    if complaint is None:
        assert errors == []
    else:
        assert len(errors) == 1 and complaint in errors[0]
