"""The HTTP transport under githubkit: API version, in-place retries and write pacing.

Every GitHub request of the worker passes here, so three rules live in one place:

- `X-GitHub-Api-Version` is the configured version (GHES releases before 3.21 reject the
  `2026-03-10` that githubkit sends; `DEPREVIEW_GITHUB_API_VERSION`).
- Requests that are safe to repeat are retried where they failed: a few quick tries with
  jittered exponential backoff on 5xx and network errors, honouring `Retry-After`; a rate
  limit is waited out in place when GitHub asks for at most `inplace_max_s`, and otherwise
  handed back (githubkit raises, the Celery task retries after the wait). Safe to repeat:
  GET/HEAD/OPTIONS/PUT/DELETE, minting an installation token, a PATCH that appends no
  annotations, and any request GitHub refused with a rate limit or that never connected.
  A POST that may have been applied (a 5xx, a timeout) is never repeated here: the
  creates in `publish.py` look for what they made before creating again.
- Mutative requests of an installation are paced (`pacing.py`).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from worker.github.pacing import Pacer
from worker.github.ratelimit import body_message, wait_from_headers

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({500, 502, 503, 504})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_MUTATIVE = frozenset({"POST", "PATCH", "PUT", "DELETE"})
#: The REST version of GitHub Enterprise Server releases before 3.21.
GHES_API_VERSION = "2022-11-28"


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long one request is retried in place."""

    attempts: int = 4
    base_s: float = 0.5
    max_backoff_s: float = 8.0
    #: Longest `Retry-After`/rate-limit wait done in place; longer ones go back to the queue.
    inplace_max_s: float = 10.0

    def backoff(self, attempt: int, rng: Callable[[], float] = random.random) -> float:
        """Jittered exponential backoff before try `attempt + 1` (half to all of the step)."""
        step = min(self.max_backoff_s, self.base_s * 2.0**attempt)
        return step * (0.5 + 0.5 * rng())


def api_version_for(api_url: str, configured: str | None) -> str | None:
    """The version header to send: the configured one, else GHES's for an `/api/v3` URL."""
    if configured:
        return configured
    if api_url.rstrip("/").endswith("/api/v3"):
        return GHES_API_VERSION
    return None


def _is_token_mint(request: httpx.Request) -> bool:
    path = request.url.path
    return "/app/installations/" in path and path.endswith("/access_tokens")


def repeatable(request: httpx.Request) -> bool:
    """Whether sending `request` twice has the effect of sending it once."""
    if request.method in _SAFE_METHODS or _is_token_mint(request):
        return True
    if request.method == "PATCH":
        return b'"annotations"' not in request.content  # annotations are appended
    return False


class GitHubTransport(httpx.BaseTransport):
    """Wraps an `httpx.HTTPTransport`; re-creates it after githubkit closes its client."""

    def __init__(
        self,
        *,
        api_version: str | None = None,
        policy: RetryPolicy | None = None,
        pacer: Pacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
        inner: Callable[[], httpx.BaseTransport] = httpx.HTTPTransport,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._version = api_version
        self._policy = policy or RetryPolicy()
        self._pacer = pacer
        self._sleep = sleep
        self._make_inner = inner
        self._inner: httpx.BaseTransport | None = None
        self._rng = rng
        self.retries = 0  # in-place retries done, for metrics and tests
        self.paced_s = 0.0  # seconds slept by the pacer

    def _transport(self) -> httpx.BaseTransport:
        if self._inner is None:
            self._inner = self._make_inner()
        return self._inner

    def close(self) -> None:
        """Close the connections; a later request opens new ones."""
        if self._inner is not None:
            self._inner.close()
            self._inner = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, pacing writes and retrying what is safe to retry."""
        if self._version:
            request.headers["X-GitHub-Api-Version"] = self._version
        request.read()  # the body must be replayable
        mutative = request.method in _MUTATIVE and not _is_token_mint(request)
        safe = repeatable(request)
        limited = 0
        attempt = 0
        while True:
            if mutative and self._pacer is not None:
                pause = self._pacer.reserve()
                if pause > 0:
                    self.paced_s += pause
                    self._sleep(pause)
            last = attempt + 1 >= self._policy.attempts
            try:
                response = self._transport().handle_request(request)
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if last or not (safe or never_sent):
                    raise
                self._pause(self._policy.backoff(attempt, self._rng), request, repr(exc))
                attempt += 1
                continue
            wait = self._wait_for(response, safe, limited, attempt)
            if wait is None or last:
                return response
            response.read()
            response.close()
            if response.status_code in (403, 429):
                limited += 1
            self._pause(wait, request, str(response.status_code))
            attempt += 1

    def _wait_for(
        self, response: httpx.Response, safe: bool, limited: int, attempt: int
    ) -> float | None:
        """How long to wait before repeating; None: hand the response back."""
        status = response.status_code
        if status in (403, 429):
            response.read()
            wait = wait_from_headers(
                status,
                response.headers,
                message=body_message(response.content),
                attempt=limited,
            )
            if wait is None or wait > self._policy.inplace_max_s:
                return None
            return wait  # GitHub refused the request: repeating any method is safe
        if status in RETRY_STATUSES and safe:
            backoff = self._policy.backoff(attempt, self._rng)
            retry_after = response.headers.get("retry-after")
            if retry_after is not None:
                try:
                    asked = float(retry_after)
                except ValueError:
                    return backoff
                return asked if asked <= self._policy.inplace_max_s else None
            return backoff
        return None

    def _pause(self, seconds: float, request: httpx.Request, why: str) -> None:
        self.retries += 1
        logger.info(
            "github request retried",
            extra={"method": request.method, "path": request.url.path, "why": why,
                   "wait_s": round(seconds, 2)},
        )  # fmt: skip
        self._sleep(seconds)
