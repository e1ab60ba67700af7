"""In-place retries and write pacing of `GitHubTransport` (fake clock, no real sleeping)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

import httpx
import pytest

from tests.worker.github.conftest import fixture
from worker.github.pacing import MemoryPacer
from worker.github.transport import GitHubTransport, RetryPolicy, repeatable

URL = "https://api.github.com/repos/octocat/Hello-World"


class Script:
    """Answers requests from a list of responses or exceptions, recording each request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _send(
    script: Script, request: httpx.Request, sleeps: list[float], **kwargs: object
) -> httpx.Response:
    transport = GitHubTransport(
        inner=lambda: httpx.MockTransport(script),
        sleep=sleeps.append,
        rng=lambda: 1.0,
        **kwargs,  # type: ignore[arg-type]
    )
    return transport.handle_request(request)


OK = httpx.Response(200, json={})
BAD = httpx.Response(502, json={"message": "Server Error"})


@pytest.mark.parametrize(
    ("request_", "answers", "status", "tries"),
    [
        (httpx.Request("GET", f"{URL}/pulls/1"), [BAD, BAD, OK], 200, 3),
        (httpx.Request("GET", f"{URL}/pulls/1"), [httpx.ReadTimeout("slow"), OK], 200, 2),
        (httpx.Request("GET", f"{URL}/pulls/1"), [BAD] * 4, 502, 4),  # gives up: the task retries
        (httpx.Request("POST", "https://api.github.com/app/installations/1/access_tokens"),
         [BAD, OK], 200, 2),  # minting a token is safe to repeat
        (httpx.Request("PATCH", f"{URL}/check-runs/4", json={"output": {"summary": "s"}}),
         [BAD, OK], 200, 2),
        (httpx.Request("PATCH", f"{URL}/check-runs/4", json={"output": {"annotations": []}}),
         [BAD, OK], 502, 1),  # appended: never repeated blindly
        (httpx.Request("POST", f"{URL}/check-runs", json={}), [BAD, OK], 502, 1),  # may exist
        (httpx.Request("POST", f"{URL}/check-runs", json={}),
         [httpx.ConnectError("refused"), OK], 200, 2),  # never reached GitHub
    ],
)  # fmt: skip
def test_what_is_retried_in_place(
    request_: httpx.Request, answers: list[httpx.Response | Exception], status: int, tries: int
) -> None:
    script = Script(*answers)
    sleeps: list[float] = []
    response = _send(script, request_, sleeps)
    assert response.status_code == status
    assert len(script.seen) == tries
    assert len(sleeps) == tries - 1
    assert all(0 < s <= 8.0 for s in sleeps)


def test_retry_after_is_honoured_in_place_when_short() -> None:
    script = Script(httpx.Response(503, headers={"retry-after": "3"}), OK)
    sleeps: list[float] = []
    assert _send(script, httpx.Request("GET", f"{URL}/pulls/1"), sleeps).status_code == 200
    assert sleeps == [3.0]


def test_a_long_wait_goes_back_to_the_queue() -> None:
    headers = fixture("errors/403-secondary-rate-limit.headers.json")  # retry-after: 60
    body = fixture("errors/403-secondary-rate-limit.body.json")
    script = Script(httpx.Response(403, json=body, headers=headers), OK)
    sleeps: list[float] = []
    response = _send(script, httpx.Request("GET", f"{URL}/pulls/1"), sleeps)
    assert response.status_code == 403 and sleeps == [] and len(script.seen) == 1


def test_a_refused_create_is_repeated_after_the_limit() -> None:
    """A rate-limited POST was not applied: repeating it is safe, after the wait."""
    body = fixture("errors/403-secondary-rate-limit.body.json")
    script = Script(httpx.Response(403, json=body, headers={"retry-after": "2"}), OK)
    sleeps: list[float] = []
    request = httpx.Request("POST", f"{URL}/issues/1/comments", json={"body": "x"})
    assert _send(script, request, sleeps).status_code == 200
    assert sleeps == [2.0]
    assert [json.loads(r.content) for r in script.seen] == [{"body": "x"}] * 2


def test_unsignalled_secondary_limits_double_in_place() -> None:
    body = fixture("errors/403-secondary-rate-limit.body.json")
    limited = httpx.Response(403, json=body, headers={"x-ratelimit-remaining": "4999"})
    script = Script(limited, httpx.Response(403, json=body), OK)
    sleeps: list[float] = []
    policy = RetryPolicy(inplace_max_s=300)
    response = _send(script, httpx.Request("GET", f"{URL}/pulls/1"), sleeps, policy=policy)
    assert response.status_code == 200
    assert sleeps == [60.0, 120.0]


def test_a_permission_403_is_not_retried() -> None:
    script = Script(httpx.Response(403, json={"message": "Resource not accessible by integration"}))
    sleeps: list[float] = []
    assert _send(script, httpx.Request("GET", f"{URL}/pulls/1"), sleeps).status_code == 403
    assert sleeps == []


def test_api_version_header_replaced() -> None:
    script = Script(OK)
    request = httpx.Request("GET", f"{URL}/pulls/1", headers={"X-GitHub-Api-Version": "2026-03-10"})
    _send(script, request, [], api_version="2022-11-28")
    assert script.seen[0].headers["X-GitHub-Api-Version"] == "2022-11-28"


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("GET", "/repos/o/r/pulls/1", None, True),
        ("POST", "/app/installations/9/access_tokens", {}, True),
        ("POST", "/repos/o/r/check-runs", {}, False),
        ("POST", "/repos/o/r/issues/comments/1/reactions", {"content": "+1"}, False),
        ("PATCH", "/repos/o/r/issues/comments/1", {"body": "b"}, True),
        ("PATCH", "/repos/o/r/check-runs/1", {"output": {"annotations": [{}]}}, False),
    ],
)
def test_repeatable(method: str, path: str, body: object, expected: bool) -> None:
    request = httpx.Request(method, f"https://api.github.com{path}", json=body)
    assert repeatable(request) is expected


# -- pacing ------------------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_writes_are_paced_reads_and_token_mints_are_not() -> None:
    clock = Clock()
    pacer = MemoryPacer(interval_s=1.0, per_minute=80, clock=clock)
    transport = GitHubTransport(
        inner=lambda: httpx.MockTransport(lambda r: OK), pacer=pacer, sleep=clock.sleep
    )
    sent: list[tuple[str, float]] = []
    requests = [
        httpx.Request("POST", "https://api.github.com/app/installations/1/access_tokens"),
        httpx.Request("GET", f"{URL}/pulls/1"),
        httpx.Request("POST", f"{URL}/check-runs", json={}),
        httpx.Request("GET", f"{URL}/git/trees/abc"),
        httpx.Request("POST", f"{URL}/issues/1/comments", json={"body": "b"}),
        httpx.Request("PATCH", f"{URL}/check-runs/4", json={"status": "completed"}),
    ]
    for request in requests:
        transport.handle_request(request)
        sent.append((request.method, clock.now))
    writes = [t for (m, t), r in zip(sent, requests, strict=True)
              if m in ("POST", "PATCH") and "access_tokens" not in r.url.path]  # fmt: skip
    assert [b - a for a, b in itertools.pairwise(writes)] == [1.0, 1.0]
    assert transport.paced_s == 2.0


@pytest.mark.parametrize(
    ("interval", "per_minute", "n", "last_wait"),
    [
        (1.0, 80, 5, 4.0),  # one a second
        (0.0, 80, 80, 0.0),  # the 80th in the same minute still goes now
        (0.0, 80, 81, 60.0),  # the 81st waits for the minute to pass
        (0.5, 80, 100, 60.0 + 19 * 0.5),  # 80 in 39.5 s, then the window holds the rest
    ],
)
def test_memory_pacer_schedule(interval: float, per_minute: int, n: int, last_wait: float) -> None:
    clock = Clock()
    pacer = MemoryPacer(interval_s=interval, per_minute=per_minute, clock=clock)
    waits = [pacer.reserve() for _ in range(n)]
    assert waits[-1] == pytest.approx(last_wait)
    assert waits == sorted(waits)


def _check_minute_windows(times: list[float], cap: int) -> None:
    for i, start in enumerate(times):
        assert sum(1 for t in times[i:] if t < start + 60) <= cap


def test_redis_pacer_is_shared_by_processes(redis_url: str) -> None:
    """Two pacers on one Redis (as two worker hosts would hold) never overlap their slots."""
    from redis import Redis

    from worker.github.pacing import RedisPacer

    clock = Clock()
    make: Callable[[], RedisPacer] = lambda: RedisPacer(  # noqa: E731
        Redis.from_url(redis_url), 7, interval_s=1.0, per_minute=10, clock=clock
    )
    a, b = make(), make()
    slots = sorted(clock.now + p.reserve() for p in [a, b] * 10)
    assert [y - x for x, y in itertools.pairwise(slots)][:9] == [1.0] * 9
    _check_minute_windows(slots, 10)
    assert slots[10] - slots[0] >= 60.0
    other = RedisPacer(Redis.from_url(redis_url), 8, clock=clock)
    assert other.reserve() == 0.0  # another installation has its own budget


def test_redis_pacer_fails_open_when_redis_is_down() -> None:
    from redis import Redis

    from worker.github.pacing import RedisPacer

    pacer = RedisPacer(Redis(port=1, socket_connect_timeout=0.2), 1, interval_s=1.0)
    assert pacer.reserve() == 1.0
