"""A newer push supersedes the older smoke job: the newest head of a PR, kept in Redis.

The review side marks the head it schedules (`mark_latest`); the GPU job checks, before it
starts and while it runs, whether a newer head was scheduled since (`is_superseded`).
"""

from __future__ import annotations

from worker.smoke.registry import RedisClient

LATEST_TTL_S = 7 * 24 * 3600


def latest_key(repo: str, pr_number: int) -> str:
    """The Redis key holding the newest head SHA of a PR that asked for a smoke test."""
    return f"depreview:smoke:{repo}#{pr_number}"


def mark_latest(redis: RedisClient, repo: str, pr_number: int, head_sha: str) -> None:
    """Record `head_sha` as the newest smoke request of the PR (call when enqueueing)."""
    redis.set(latest_key(repo, pr_number), head_sha, ex=LATEST_TTL_S)


def is_superseded(redis: RedisClient, repo: str, pr_number: int, head_sha: str) -> bool:
    """True when a newer push of the PR has been scheduled since `head_sha`."""
    value = redis.get(latest_key(repo, pr_number))
    if value is None:
        return False
    latest = value.decode() if isinstance(value, bytes) else str(value)
    return latest != head_sha
