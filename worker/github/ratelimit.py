"""How long to wait after a GitHub rate limit, read from the response headers and body.

GitHub's rules ("Rate limits for the REST API", "Best practices for using the REST API"):
`retry-after` wins; else, when `x-ratelimit-remaining` is 0, wait until `x-ratelimit-reset`;
else a 403/429 secondary limit means "wait for at least one minute before retrying", waiting
exponentially longer when it persists.

The wait returned is the one GitHub asked for (a primary limit's `x-ratelimit-reset` may be up
to an hour away). One wait of the worker is at most `MAX_WAIT_S` (30 min): a review that GitHub
tells to wait longer is not put to sleep for it but fails (`RateLimitWaitTooLongError`; its
check run is completed as failure, with the reason and Re-run, see worker/tasks/_base.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping

from githubkit.exception import RequestFailed

#: A floor that avoids spinning; the longest single wait of a task (below the broker's
#: visibility timeout): GitHub asking for more fails the review instead (review D14).
MIN_WAIT_S = 1.0
MAX_WAIT_S = 1800.0
#: A 403/429 secondary limit without any header: wait at least a minute (GitHub's docs).
UNSIGNALLED_WAIT_S = 60.0
_SECONDARY = "secondary rate limit"


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def is_secondary_limit(status: int, message: str) -> bool:
    """A 403/429 whose message says "secondary rate limit" (or any bare 429)."""
    return status == 429 or (status == 403 and _SECONDARY in message.lower())


def wait_from_headers(
    status: int,
    headers: Mapping[str, str],
    *,
    now: float | None = None,
    message: str = "",
    attempt: int = 0,
) -> float | None:
    """Seconds to wait before retrying a 403/429; None: it is no rate limit.

    `message` is the body's `message` (it names a secondary limit); `attempt` counts earlier
    unsignalled waits of the same request, which double each time (60 s, 120 s, 240 s, …).
    """
    retry_after = _header(headers, "retry-after")
    if retry_after is not None:
        try:
            return _floor(float(retry_after))
        except ValueError:
            pass
    remaining = _header(headers, "x-ratelimit-remaining")
    reset = _header(headers, "x-ratelimit-reset")
    if remaining is not None and remaining.strip() == "0" and reset is not None:
        try:
            return _floor(float(reset) - (time.time() if now is None else now) + 1.0)
        except ValueError:
            pass
    if is_secondary_limit(status, message):
        return min(MAX_WAIT_S, UNSIGNALLED_WAIT_S * 2.0 ** max(0, attempt))
    return None


def _floor(seconds: float) -> float:
    return max(MIN_WAIT_S, seconds)


class RateLimitWaitTooLongError(RuntimeError):
    """GitHub asked a task to wait longer than `MAX_WAIT_S` (a primary limit resetting later)."""

    def __init__(self, wait_s: float) -> None:
        super().__init__(
            f"GitHub asked to wait {wait_s:.0f} s; the longest wait is {MAX_WAIT_S:.0f} s"
        )
        self.wait_s = wait_s

    def __reduce__(self) -> tuple[type[RateLimitWaitTooLongError], tuple[float]]:
        """Pickled by its wait (Celery stores a failed task's exception)."""
        return (type(self), (self.wait_s,))

    def minutes(self) -> int:
        """The wait GitHub asked for, in whole minutes (rounded up)."""
        return int(-(-self.wait_s // 60))


def body_message(content: bytes) -> str:
    """The `message` of a GitHub error body ("" when it is not JSON)."""

    try:
        body = json.loads(content)
    except ValueError:
        return ""
    return str(body.get("message") or "") if isinstance(body, dict) else ""


def retry_wait(exc: BaseException, *, now: float | None = None, attempt: int = 0) -> float | None:
    """The wait a GitHub error asks for (None when it is not a rate limit)."""
    if not isinstance(exc, RequestFailed):
        return None
    response = exc.response
    if response.status_code not in (403, 429):
        return None
    return wait_from_headers(
        response.status_code,
        dict(response.headers),
        now=now,
        message=body_message(response.raw_response.content),
        attempt=attempt,
    )
