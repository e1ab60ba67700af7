"""The smoke state of one PR head in Redis: what the comment shows and what the check says."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Final, TypeVar

from core.task_auth import outcome_signed_by, sign_outcome, without_signature
from worker.smoke.outcome_auth import own_runner_key, runner_of_queue
from worker.smoke.registry import RedisClient

logger = logging.getLogger(__name__)

RECORD_TTL_S = 14 * 24 * 3600

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class SmokeRecord:
    """The latest smoke state of one PR head: queued, decided without running, or finished.

    `check_run_id` is the `depreview / gpu-smoke` check run this state belongs to (0: none);
    `final` is False while a job is queued or running. `markdown` is the comment section.
    """

    repo: str
    pr_number: int
    head_sha: str
    conclusion: str | None
    title: str
    markdown: str
    final: bool
    check_run_id: int = 0
    findings: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    #: A job really ran to a verdict (not a decision, a timeout or a cancellation).
    ran: bool = False

    def to_json(self) -> str:
        """The record as stored."""
        data = asdict(self)
        data["findings"] = list(self.findings)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> SmokeRecord:
        """The inverse of `to_json`."""
        data = json.loads(text)
        return cls(
            repo=str(data["repo"]),
            pr_number=int(data["pr_number"]),
            head_sha=str(data["head_sha"]),
            conclusion=data.get("conclusion"),
            title=str(data.get("title") or ""),
            markdown=str(data.get("markdown") or ""),
            final=bool(data.get("final")),
            check_run_id=int(data.get("check_run_id") or 0),
            findings=tuple(dict(f) for f in data.get("findings") or ()),
            ran=bool(data.get("ran")),
        )

    @classmethod
    def from_outcome(cls, outcome: Mapping[str, Any], check_run_id: int) -> SmokeRecord:
        """A finished record from `SmokeJobOutcome.to_dict()`."""
        return cls(
            repo=str(outcome["repo"]),
            pr_number=int(outcome["pr_number"]),
            head_sha=str(outcome["head_sha"]),
            conclusion=str(outcome["conclusion"]),
            title=str(outcome["title"]),
            markdown=str(outcome["markdown"]),
            final=True,
            check_run_id=check_run_id,
            findings=tuple(dict(f) for f in outcome.get("findings") or ()),
            ran=outcome.get("status") not in (None, "timeout", "cancelled"),
        )


def record_key(repo: str, pr_number: int, head_sha: str) -> str:
    """The Redis key of one PR head's smoke record."""
    return f"depreview:smoke:record:{repo}#{pr_number}@{head_sha}"


def save(redis: RedisClient, record: SmokeRecord) -> None:
    """Store `record` (replacing the previous state of that head)."""
    key = record_key(record.repo, record.pr_number, record.head_sha)
    redis.set(key, record.to_json(), ex=RECORD_TTL_S)


def load(redis: RedisClient, repo: str, pr_number: int, head_sha: str) -> SmokeRecord | None:
    """The stored record of one PR head, if any (a malformed one reads as none)."""
    return _load(redis, record_key(repo, pr_number, head_sha), SmokeRecord.from_json)


def _load(redis: RedisClient, key: str, parse: Callable[[str | bytes], _T]) -> _T | None:
    """The value stored at `key` as `parse` reads it; None when missing or malformed."""
    raw = redis.get(key)
    if raw is None:
        return None
    try:
        return parse(raw)
    except (ValueError, KeyError, TypeError):
        return None


def outcome_key(repo: str, check_run_id: int, *, runner: str) -> str:
    """The Redis key of one smoke run's outcome, written by runner `runner` (the one the job
    was dispatched to): each runner's Redis user reaches only its own outcome keys
    (deploy/redis/users.acl)."""
    return f"depreview:smoke:outcome:{runner}:{repo}:{check_run_id}"


#: `save_outcome`'s default: sign with this runner's own key (DEPREVIEW_RUNNER_OUTCOME_KEY).
OWN_KEY: Final = b""


def save_outcome(
    redis: RedisClient,
    repo: str,
    check_run_id: int,
    outcome: Mapping[str, Any],
    key: bytes | None = OWN_KEY,
    *,
    runner: str,
) -> None:
    """Store a run's outcome (`SmokeJobOutcome.to_dict()`) for the publisher, signed.

    The GPU worker signs with its own key (the default); the review side's watchdog passes
    the dispatched runner's key. Without a key the outcome is stored unsigned (logged), and
    the publisher rejects it.
    """
    if key == OWN_KEY:
        key = own_runner_key()
    if key is None:
        logger.error(
            "smoke outcome stored unsigned (no outcome key): it will not be published",
            extra={"repo": repo, "check_run_id": check_run_id},
        )
        stored = without_signature(outcome)
    else:
        stored = sign_outcome(key, repo, check_run_id, outcome)
    key_name = outcome_key(repo, check_run_id, runner=runner)
    redis.set(key_name, json.dumps(stored), ex=RECORD_TTL_S)


def load_signed_outcome(
    redis: RedisClient, repo: str, check_run_id: int, *, runner: str
) -> dict[str, Any] | None:
    """A run's stored outcome as stored (with its `signature`), if any."""
    raw = redis.get(outcome_key(repo, check_run_id, runner=runner))
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def load_outcome(
    redis: RedisClient, repo: str, check_run_id: int, *, runner: str
) -> dict[str, Any] | None:
    """A run's stored outcome, if any, without its signature (unverified: see publish.py)."""
    data = load_signed_outcome(redis, repo, check_run_id, runner=runner)
    return None if data is None else without_signature(data)


def load_own_outcome(
    redis: RedisClient,
    repo: str,
    check_run_id: int,
    *,
    runner: str,
    key: bytes | None = OWN_KEY,
) -> dict[str, Any] | None:
    """The outcome this runner stored for a run, if any: only one signed with its own key.

    The GPU side's "already ran" check: anything else under its key (unsigned, signed by
    another runner, malformed) reads as none, so the job runs (and replaces it). Without a
    key of its own a runner accepts no stored outcome (and its outcomes are never
    published anyway).
    """
    if key == OWN_KEY:
        key = own_runner_key()
    stored = load_signed_outcome(redis, repo, check_run_id, runner=runner)
    if stored is None:
        return None
    if not outcome_signed_by(key, repo, check_run_id, stored):
        logger.warning(
            "stored smoke outcome not signed by this runner: running the job",
            extra={"repo": repo, "check_run_id": check_run_id, "runner": runner},
        )
        return None
    return without_signature(stored)


# -- the jobs the review side dispatched (the GPU side cannot write these) ----------------------


@dataclass(frozen=True, slots=True)
class SmokeJob:
    """What the review side sent to a runner: recorded at dispatch, checked at publication.

    `job_id` is a random token that travels only in the job's message; the GPU worker puts
    it into the outcome it stores, so an outcome written by anyone who did not receive the
    job (another runner, code that got hold of Redis) does not match.
    """

    job_id: str
    installation_id: int
    repo: str
    pr_number: int
    head_sha: str
    check_run_id: int
    queue: str = ""

    def to_json(self) -> str:
        """The record as stored."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> SmokeJob:
        """The inverse of `to_json`."""
        data = json.loads(text)
        return cls(
            job_id=str(data["job_id"]),
            installation_id=int(data["installation_id"]),
            repo=str(data["repo"]),
            pr_number=int(data["pr_number"]),
            head_sha=str(data["head_sha"]),
            check_run_id=int(data["check_run_id"]),
            queue=str(data.get("queue") or ""),
        )

    @property
    def runner(self) -> str:
        """The runner the job was sent to (its queue `gpu.<name>`); "" when none is named."""
        return runner_of_queue(self.queue)

    def mismatch(self, outcome: Mapping[str, Any]) -> str | None:
        """Why `outcome` is not this job's (None when it is)."""
        if not self.job_id or outcome.get("job_id") != self.job_id:
            return "job id"
        for key, mine in (
            ("repo", self.repo),
            ("pr_number", self.pr_number),
            ("head_sha", self.head_sha),
        ):
            if outcome.get(key) != mine:
                return key
        return None


def job_key(repo: str, check_run_id: int) -> str:
    """The Redis key of the job dispatched for one smoke check run."""
    return f"depreview:smoke:job:{repo}:{check_run_id}"


def record_job(redis: RedisClient, job: SmokeJob) -> None:
    """Record a dispatched job (before its message is sent)."""
    redis.set(job_key(job.repo, job.check_run_id), job.to_json(), ex=RECORD_TTL_S)


def load_job(redis: RedisClient, repo: str, check_run_id: int) -> SmokeJob | None:
    """The job recorded for one smoke check run, if any (a malformed one reads as none)."""
    return _load(redis, job_key(repo, check_run_id), SmokeJob.from_json)
