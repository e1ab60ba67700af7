"""Task tags and outcome signatures (core/task_auth.py): what verifies and what does not."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kombu.utils.json import dumps as kombu_dumps
from kombu.utils.json import loads as kombu_loads

from core.contract import ReviewPullRequest
from core.task_auth import (
    MAX_AGE_S,
    MAX_SKEW_S,
    UNSAFE_SECRETS,
    outcome_signed_by,
    runner_key,
    sign_outcome,
    tag_task,
    task_key,
    verify_task,
    without_signature,
)

SECRET = "core-test-webhook-secret-0123456789"
KEY = task_key(SECRET)
NAME = "worker.review_pull_request"
KWARGS = ReviewPullRequest(7, "acme/ml", 12, "a" * 40, "d-1").kwargs()
NOW = 1_800_000_000.0


def _key() -> bytes:
    assert KEY is not None
    return KEY


def test_a_tag_verifies_for_its_task_and_kwargs() -> None:
    tag = tag_task(_key(), NAME, KWARGS, NOW)
    assert verify_task(_key(), NAME, KWARGS, tag, NOW).ok
    assert verify_task(_key(), NAME, dict(reversed(KWARGS.items())), tag, NOW).ok  # key order


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    return str(value) + "x"


@pytest.mark.parametrize("field", sorted(KWARGS))
def test_tampering_with_any_kwarg_is_refused(field: str) -> None:
    tag = tag_task(_key(), NAME, KWARGS, NOW)
    tampered = {**KWARGS, field: _changed(KWARGS[field])}
    assert verify_task(_key(), NAME, tampered, tag, NOW).reason == "bad-tag"


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({**KWARGS, "smoke_requested": True}, "an added kwarg"),
        ({k: v for k, v in KWARGS.items() if k != "delivery_id"}, "a removed kwarg"),
        ({**KWARGS, "pr_number": "12"}, "the same value as another JSON type"),
    ],
)
def test_adding_or_removing_a_kwarg_is_refused(kwargs: dict[str, Any], why: str) -> None:
    tag = tag_task(_key(), NAME, KWARGS, NOW)
    assert not verify_task(_key(), NAME, kwargs, tag, NOW).ok, why


@pytest.mark.parametrize(
    ("key", "name", "tag_now", "check_now", "reason"),
    [
        (task_key("another-webhook-secret-0123456789"), NAME, NOW, NOW, "bad-tag"),
        (runner_key(SECRET, "h100-a"), NAME, NOW, NOW, "bad-tag"),  # a runner's key
        (KEY, "worker.review_check_suite", NOW, NOW, "bad-tag"),  # another task's name
        (KEY, NAME, NOW - MAX_AGE_S - 1, NOW, "expired"),
        (KEY, NAME, NOW + MAX_SKEW_S + 1, NOW, "future"),
    ],
    ids=["other-secret", "runner-key", "other-task", "expired", "future"],
)
def test_a_tag_from_another_key_task_or_time_is_refused(
    key: bytes | None, name: str, tag_now: float, check_now: float, reason: str
) -> None:
    assert key is not None
    tag = tag_task(key, name, KWARGS, tag_now)
    assert verify_task(_key(), NAME, KWARGS, tag, check_now).reason == reason


def test_the_timestamp_is_covered_by_the_tag() -> None:
    version, _, mac = tag_task(_key(), NAME, KWARGS, NOW).split(":")
    moved = f"{version}:{int(NOW) + 1}:{mac}"
    assert verify_task(_key(), NAME, KWARGS, moved, NOW).reason == "bad-tag"


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        (None, "missing"),
        ("", "missing"),
        (42, "missing"),
        ("v1:123", "malformed"),
        ("v2:1800000000:" + "0" * 64, "malformed"),
        ("v1:-5:" + "0" * 64, "malformed"),
        ("v1:1800000000:" + "0" * 64, "bad-tag"),
    ],
)
def test_missing_or_malformed_tags_are_refused(tag: object, reason: str) -> None:
    assert verify_task(_key(), NAME, KWARGS, tag, NOW).reason == reason


def test_without_a_key_nothing_verifies() -> None:
    tag = tag_task(_key(), NAME, KWARGS, NOW)
    assert verify_task(None, NAME, KWARGS, tag, NOW).reason == "no-key"


@pytest.mark.parametrize("secret", sorted(UNSAFE_SECRETS))
def test_no_key_comes_from_an_empty_or_well_known_secret(secret: str) -> None:
    assert task_key(secret) is None and runner_key(secret, "h100-a") is None


def test_keys_are_separated_by_purpose_and_runner() -> None:
    keys = {
        task_key(SECRET),
        runner_key(SECRET, "h100-a"),
        runner_key(SECRET, "h100-b"),
        task_key(SECRET + "x"),
    }
    assert len(keys) == 4 and None not in keys
    assert runner_key(SECRET, "") is None and runner_key(SECRET, "a\x00b") is None


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
KWARGS_DICTS = st.dictionaries(st.text(min_size=1), JSON_VALUES, max_size=6)


@given(KWARGS_DICTS)
def test_a_tag_survives_the_broker_s_json_round_trip(kwargs: dict[str, Any]) -> None:
    """What the worker decodes (kombu's JSON, or plain JSON) verifies against the sent tag."""
    tag = tag_task(_key(), NAME, kwargs, NOW)
    decoded = kombu_loads(kombu_dumps(kwargs))  # type: ignore[no-untyped-call]
    assert verify_task(_key(), NAME, decoded, tag, NOW).ok
    assert verify_task(_key(), NAME, json.loads(json.dumps(kwargs)), tag, NOW).ok


@given(KWARGS_DICTS, st.data())
def test_any_changed_value_is_refused(kwargs: dict[str, Any], data: st.DataObject) -> None:
    tag = tag_task(_key(), NAME, kwargs, NOW)
    field = data.draw(st.sampled_from(sorted(kwargs)) if kwargs else st.just("added"))
    new = data.draw(JSON_VALUES.filter(lambda v: json.dumps(v) != json.dumps(kwargs.get(field))))
    if field in kwargs and new == kwargs[field] and type(new) is type(kwargs[field]):
        return  # equal as JSON after all (e.g. 0.0 and -0.0 print differently, compare equal)
    assert not verify_task(_key(), NAME, {**kwargs, field: new}, tag, NOW).ok


# -- outcome signatures --------------------------------------------------------------------------

OUTCOME = {
    "repo": "acme/ml", "pr_number": 12, "head_sha": "a" * 40, "conclusion": "success",
    "title": "t", "markdown": "m", "status": "completed", "findings": [], "job_id": "J",
}  # fmt: skip


def _runner(name: str) -> bytes:
    key = runner_key(SECRET, name)
    assert key is not None
    return key


def test_a_signed_outcome_verifies_and_reads_back_unchanged() -> None:
    stored = sign_outcome(_runner("b"), "acme/ml", 9, OUTCOME)
    assert outcome_signed_by(_runner("b"), "acme/ml", 9, json.loads(json.dumps(stored)))
    assert without_signature(stored) == OUTCOME


@pytest.mark.parametrize(
    ("signer", "repo", "run_id", "change"),
    [
        ("a", "acme/ml", 9, {}),  # another runner signed it
        ("b", "acme/other", 9, {}),  # moved to another repository's key
        ("b", "acme/ml", 10, {}),  # moved to another check run
        ("b", "acme/ml", 9, {"conclusion": "failure"}),  # edited after signing
        ("b", "acme/ml", 9, {"signature": "0" * 64}),  # a made-up signature
    ],
    ids=["other-runner", "other-repo", "other-run", "edited", "made-up"],
)
def test_a_swapped_or_edited_outcome_does_not_verify(
    signer: str, repo: str, run_id: int, change: dict[str, Any]
) -> None:
    stored = {**sign_outcome(_runner(signer), repo, run_id, OUTCOME), **change}
    assert not outcome_signed_by(_runner("b"), "acme/ml", 9, stored)


def test_an_unsigned_outcome_or_a_missing_key_does_not_verify() -> None:
    assert not outcome_signed_by(_runner("b"), "acme/ml", 9, OUTCOME)
    assert not outcome_signed_by(
        None, "acme/ml", 9, sign_outcome(_runner("b"), "acme/ml", 9, OUTCOME)
    )
