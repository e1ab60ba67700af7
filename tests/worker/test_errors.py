"""worker/errors.py: one classification of failures, with the exceptions tasks really meet."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from celery.exceptions import SoftTimeLimitExceeded
from githubkit.exception import RequestError, RequestFailed, RequestTimeout
from githubkit.response import Response
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError as RedisResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from worker.coordination import LockBusyError
from worker.errors import (
    Permanent,
    RateLimited,
    RateLimitedError,
    Transient,
    TransientError,
    Verdict,
    classify,
    is_retryable,
    retryable,
    retryable_failures,
)

ERRORS = Path(__file__).parents[1] / "fixtures" / "github-api" / "errors"
URL = "https://ghe.example.test/api/v3/repos/octocat/Hello-World/pulls/1"


def _fixture(name: str) -> Any:
    return json.loads((ERRORS / name).read_text(encoding="utf-8"))


def _failed(status: int, headers: dict[str, str] | None = None, body: Any = None) -> RequestFailed:
    """The exception githubkit raises for an HTTP error status."""
    request = httpx.Request("GET", URL)
    raw = httpx.Response(status, headers=headers or {}, json=body or {}, request=request)
    return RequestFailed(Response(raw, Any))


SECONDARY_BODY = _fixture("403-secondary-rate-limit.body.json")
SECONDARY_HEADERS = _fixture("403-secondary-rate-limit.headers.json")  # retry-after: 60
NO_RETRY_AFTER = {k: v for k, v in SECONDARY_HEADERS.items() if k != "retry-after"}
PRIMARY_BODY = _fixture("403-primary-rate-limit.body.json")
PRIMARY_HEADERS = _fixture("403-primary-rate-limit.headers.json")  # x-ratelimit-remaining: 0
_connect = httpx.ConnectError("connection refused", request=httpx.Request("GET", URL))
_read_timeout = httpx.ReadTimeout("timed out", request=httpx.Request("GET", URL))


@pytest.mark.parametrize(
    ("exc", "verdict"),
    [
        # GitHub rate limits: when GitHub said, else a minute (unsignalled)
        (_failed(403, SECONDARY_HEADERS, SECONDARY_BODY), RateLimited(60.0)),
        (_failed(429, {"Retry-After": "7"}), RateLimited(7.0)),
        (_failed(403, NO_RETRY_AFTER, SECONDARY_BODY), RateLimited(60.0, unsignalled=True)),
        (_failed(429), RateLimited(60.0, unsignalled=True)),
        # a 403 that is no rate limit is a permission problem
        (_failed(403, {"x-ratelimit-remaining": "12"}, {"message": "Resource not accessible"}),
         Permanent()),
        # GitHub's server errors and the network: backoff
        (_failed(500), Transient()),
        (_failed(502), Transient()),
        (_failed(503, {}, {"message": "Service Unavailable"}), Transient()),
        (RequestError(_connect), Transient()),
        (RequestTimeout(_read_timeout), Transient()),
        # client errors: no retry fixes them
        (_failed(404, {}, _fixture("404-not-found.body.json")), Permanent()),
        (_failed(422, {}, _fixture("422-validation-failed.body.json")), Permanent()),
        # our shared state: Redis unreachable, the PR lock held by another job
        (RedisConnectionError("Connection refused"), Transient()),
        (RedisTimeoutError("Timeout reading from socket"), Transient()),
        (LockBusyError("o/r#1"), Transient()),
        (RedisResponseError("WRONGTYPE"), Permanent()),
        # the review's own time limit closes its check run: never retried
        (SoftTimeLimitExceeded(), Permanent()),
        (ValueError("a review needs a base SHA"), Permanent()),
        # already classified
        (TransientError("GitHub 502"), Transient()),
        (RateLimitedError("GitHub rate limit (403)", 42.0), RateLimited(42.0)),
        (RateLimitedError("GitHub rate limit (429)", 60.0, unsignalled=True),
         RateLimited(60.0, unsignalled=True)),
    ],
)  # fmt: skip
def test_classify(exc: BaseException, verdict: Verdict) -> None:
    assert classify(exc) == verdict
    assert is_retryable(exc) is not isinstance(verdict, Permanent)


def test_a_primary_limit_waits_until_the_reset() -> None:
    in_ten_minutes = {**PRIMARY_HEADERS, "x-ratelimit-reset": str(int(time.time()) + 600)}
    verdict = classify(_failed(403, in_ten_minutes, PRIMARY_BODY))
    assert isinstance(verdict, RateLimited) and not verdict.unsignalled
    assert verdict.countdown == pytest.approx(601.0, abs=3.0)


@pytest.mark.parametrize(
    ("exc", "raised", "countdown"),
    [
        (_failed(403, SECONDARY_HEADERS, SECONDARY_BODY), RateLimitedError, 60.0),
        (_failed(502), TransientError, None),
        (RequestError(_connect), TransientError, None),
    ],
)
def test_the_task_raises_the_retryable_form_with_the_original_as_cause(
    exc: BaseException, raised: type[BaseException], countdown: float | None
) -> None:
    with pytest.raises(raised) as caught, retryable_failures():
        raise exc
    assert caught.value.__cause__ is exc
    assert getattr(caught.value, "countdown", None) == countdown


@pytest.mark.parametrize(
    "exc",
    [
        _failed(404),
        SoftTimeLimitExceeded(),
        RedisConnectionError("down"),  # Celery retries it as it is (RETRY_ON)
        LockBusyError("o/r#1"),
        RateLimitedError("limited", 5.0),
    ],
)
def test_what_is_permanent_or_already_retryable_passes_unchanged(exc: BaseException) -> None:
    assert retryable(exc) is exc
    with pytest.raises(type(exc)) as caught, retryable_failures():
        raise exc
    assert caught.value is exc
