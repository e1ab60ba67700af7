"""How long to wait after a GitHub rate limit, read from the response headers."""

from __future__ import annotations

import time
from collections.abc import Mapping

from githubkit.exception import RequestFailed

#: Waits are capped below the broker's visibility timeout and above a floor that avoids spinning.
MIN_WAIT_S = 1.0
MAX_WAIT_S = 1800.0
#: A 403/429 that says "rate limit" without any header: wait at least a minute (GitHub's docs).
UNSIGNALLED_WAIT_S = 60.0


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def wait_from_headers(
    status: int, headers: Mapping[str, str], *, now: float | None = None
) -> float | None:
    """Seconds to wait before retrying, from `Retry-After` or `x-ratelimit-reset`; None: no signal.

    GitHub's rule: `retry-after` wins; else, when `x-ratelimit-remaining` is 0, wait until
    `x-ratelimit-reset` (UTC epoch seconds).
    """
    retry_after = _header(headers, "retry-after")
    if retry_after is not None:
        try:
            return _clamp(float(retry_after))
        except ValueError:
            pass
    remaining = _header(headers, "x-ratelimit-remaining")
    reset = _header(headers, "x-ratelimit-reset")
    if remaining is not None and remaining.strip() == "0" and reset is not None:
        try:
            return _clamp(float(reset) - (time.time() if now is None else now) + 1.0)
        except ValueError:
            pass
    if status == 429:
        return UNSIGNALLED_WAIT_S
    return None


def _clamp(seconds: float) -> float:
    return min(MAX_WAIT_S, max(MIN_WAIT_S, seconds))


def retry_wait(exc: BaseException, *, now: float | None = None) -> float | None:
    """The wait a GitHub error asks for (None when it is not a rate limit)."""
    if not isinstance(exc, RequestFailed):
        return None
    response = exc.response
    if response.status_code not in (403, 429):
        return None
    return wait_from_headers(response.status_code, dict(response.headers), now=now)
