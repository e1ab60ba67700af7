"""Runner outcome keys (worker/smoke/outcome_auth.py) and how the store signs with them."""

from __future__ import annotations

import json

import pytest

from core.task_auth import outcome_signed_by, runner_key
from tests.worker.smoke.fakeredis import FakeRedis
from worker.smoke.outcome_auth import main, own_runner_key, runner_of_queue
from worker.smoke.store import (
    SmokeJob,
    load_outcome,
    load_signed_outcome,
    outcome_key,
    save_outcome,
)

SECRET = "outcome-auth-webhook-secret-0123456789"
OUTCOME = {
    "repo": "o/r", "pr_number": 1, "head_sha": "h" * 40, "conclusion": "success",
    "title": "t", "markdown": "m", "status": "completed", "findings": [], "job_id": "J",
}  # fmt: skip


def _key(name: str) -> bytes:
    key = runner_key(SECRET, name)
    assert key is not None
    return key


def test_the_cli_prints_the_key_the_review_side_derives(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEPREVIEW_WEBHOOK_SECRET", SECRET)
    assert main(["h100-a"]) == 0
    assert capsys.readouterr().out.strip() == _key("h100-a").hex()
    assert main([]) == 2


def test_the_cli_derives_nothing_without_a_usable_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DEPREVIEW_WEBHOOK_SECRET", "")
    assert main(["h100-a"]) == 1 and capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("zz", None),  # not hex
        ("ab" * 16, None),  # 16 bytes: not a derived key
        ("AB" * 32, bytes.fromhex("ab" * 32)),
        (" " + "ab" * 32 + "\n", bytes.fromhex("ab" * 32)),  # from an env file
    ],
)
def test_the_runner_reads_its_own_key(
    monkeypatch: pytest.MonkeyPatch, value: str | None, expected: bytes | None
) -> None:
    if value is None:
        monkeypatch.delenv("DEPREVIEW_RUNNER_OUTCOME_KEY", raising=False)
    else:
        monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", value)
    assert own_runner_key() == expected


@pytest.mark.parametrize(
    ("queue", "runner"), [("gpu.h100-a", "h100-a"), ("gpu", ""), ("review", ""), ("gpu.", "")]
)
def test_the_runner_of_a_job_is_its_queue_s(queue: str, runner: str) -> None:
    assert runner_of_queue(queue) == runner
    assert SmokeJob("J", 1, "o/r", 1, "h" * 40, 9, queue).runner == runner


def test_the_gpu_side_signs_with_its_own_key_and_reads_back_the_outcome(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", _key("h100-a").hex())
    redis = FakeRedis()
    save_outcome(redis, "o/r", 9, OUTCOME, runner="h100-a")
    stored = load_signed_outcome(redis, "o/r", 9, runner="h100-a")
    assert stored is not None and outcome_signed_by(_key("h100-a"), "o/r", 9, stored)
    assert not outcome_signed_by(_key("h100-b"), "o/r", 9, stored)
    assert (
        load_outcome(redis, "o/r", 9, runner="h100-a") == OUTCOME
    )  # the runner's view: no signature


def test_without_a_key_the_outcome_is_stored_unsigned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEPREVIEW_RUNNER_OUTCOME_KEY", raising=False)
    redis = FakeRedis()
    save_outcome(redis, "o/r", 9, {**OUTCOME, "signature": "0" * 64}, runner="h100-a")
    assert json.loads(redis.get(outcome_key("o/r", 9, runner="h100-a")) or "{}") == OUTCOME
