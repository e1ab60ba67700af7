"""Authenticated task messages and smoke outcomes: HMAC-SHA256 tags with derived keys.

Anyone who can write to the broker can push a Celery message (a GPU runner's Redis user
must, for its two notices). So every task the service or a review worker sends carries a
tag over (task name, timestamp, canonical JSON of its kwargs), in the message header
`TAG_HEADER`; the review worker runs only tagged tasks (worker/tasks/_base.py). The key is
derived from the webhook secret, which the service and every review worker already hold
(core/settings.py refuses an unsafe one in production with an App id) and a GPU runner
never does: no new setting. A GPU runner signs its smoke outcome with its own key, derived
from the same secret and its runner name (`runner_key`); the operator hands each runner
its key (`python -m worker.smoke.outcome_auth <name>`), so one runner cannot sign for another.

Pure functions: no I/O, no clock of their own (callers pass `now`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

#: The message header (Celery protocol 2 `headers`) that carries a task's tag.
TAG_HEADER: Final = "depreview_auth"
#: Tag format version (the first field of the header value).
VERSION: Final = "v1"
#: A tag older than this is refused (the longest legitimate delay, a countdown of at most
#: an hour or a queue that waited out an outage, is far below).
MAX_AGE_S: Final = 7 * 24 * 3600
#: A tag dated this far in the future is refused (clock skew between hosts).
MAX_SKEW_S: Final = 300

#: Secrets from which no key is derived: everyone knows them (core/settings.py's list).
UNSAFE_SECRETS: Final = frozenset({"", "changethis", "secret", "development"})

_TASK_LABEL: Final = b"depreview/task-auth/v1"
_RUNNER_LABEL: Final = b"depreview/runner-outcome/v1\x00"
_OUTCOME_LABEL: Final = "depreview/outcome/v1"
_SIGNATURE_FIELD: Final = "signature"


def canonical_json(value: Mapping[str, Any]) -> str:
    """One text per JSON value: sorted keys, no spaces, ASCII, no NaN.

    A value that went through JSON (the broker) gives the same text as the value sent;
    a value JSON cannot carry (a set, NaN, a non-string key after a round trip) raises.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    )


def _derive(secret: str, label: bytes) -> bytes | None:
    if secret in UNSAFE_SECRETS:
        return None
    return hmac.new(secret.encode("utf-8"), label, hashlib.sha256).digest()


def task_key(webhook_secret: str) -> bytes | None:
    """The key of task tags, from the webhook secret; None for an empty or well-known one."""
    return _derive(webhook_secret, _TASK_LABEL)


def runner_key(webhook_secret: str, runner_name: str) -> bytes | None:
    """The key one GPU runner signs its outcomes with (None: no usable secret or name)."""
    if not runner_name or "\x00" in runner_name:
        return None
    return _derive(webhook_secret, _RUNNER_LABEL + runner_name.encode("utf-8"))


def _task_mac(key: bytes, task_name: str, timestamp: int, kwargs: Mapping[str, Any]) -> str:
    message = f"{VERSION}\n{task_name}\n{timestamp}\n{canonical_json(kwargs)}"
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def tag_task(key: bytes, task_name: str, kwargs: Mapping[str, Any], now: float) -> str:
    """The header value for one task message: `v1:<unix time>:<hex HMAC-SHA256>`."""
    timestamp = int(now)
    return f"{VERSION}:{timestamp}:{_task_mac(key, task_name, timestamp, kwargs)}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a message's tag holds; `reason` says why not (for the log and the metric)."""

    ok: bool
    reason: str = ""


def verify_task(
    key: bytes | None, task_name: str, kwargs: Mapping[str, Any], tag: object, now: float
) -> Verdict:
    """Check a task message's tag against its name and kwargs (fail closed)."""
    if key is None:
        return Verdict(False, "no-key")
    if not isinstance(tag, str) or not tag:
        return Verdict(False, "missing")
    parts = tag.split(":")
    if len(parts) != 3 or parts[0] != VERSION or not parts[1].isdigit():
        return Verdict(False, "malformed")
    timestamp = int(parts[1])
    try:
        expected = _task_mac(key, task_name, timestamp, kwargs)
    except (TypeError, ValueError):
        return Verdict(False, "kwargs-not-json")
    if not hmac.compare_digest(expected, parts[2]):
        return Verdict(False, "bad-tag")
    if timestamp < now - MAX_AGE_S:
        return Verdict(False, "expired")
    if timestamp > now + MAX_SKEW_S:
        return Verdict(False, "future")
    return Verdict(True)


# -- smoke outcomes signed by the runner the job went to --------------------------------------


def _outcome_mac(key: bytes, repo: str, check_run_id: int, outcome: Mapping[str, Any]) -> str:
    body = {k: v for k, v in outcome.items() if k != _SIGNATURE_FIELD}
    message = f"{_OUTCOME_LABEL}\n{repo}\n{check_run_id}\n{canonical_json(body)}"
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def sign_outcome(
    key: bytes, repo: str, check_run_id: int, outcome: Mapping[str, Any]
) -> dict[str, Any]:
    """`outcome` with a `signature` over it, its repository and its check run."""
    body = {k: v for k, v in outcome.items() if k != _SIGNATURE_FIELD}
    return {**body, _SIGNATURE_FIELD: _outcome_mac(key, repo, check_run_id, body)}


def outcome_signed_by(
    key: bytes | None, repo: str, check_run_id: int, outcome: Mapping[str, Any]
) -> bool:
    """Whether `outcome` (as stored) carries a valid signature under `key`."""
    signature = outcome.get(_SIGNATURE_FIELD)
    if key is None or not isinstance(signature, str):
        return False
    try:
        expected = _outcome_mac(key, repo, check_run_id, outcome)
    except (TypeError, ValueError):
        return False
    return hmac.compare_digest(expected, signature)


def without_signature(outcome: Mapping[str, Any]) -> dict[str, Any]:
    """The outcome as the runner made it (the stored signature dropped)."""
    return {k: v for k, v in outcome.items() if k != _SIGNATURE_FIELD}
