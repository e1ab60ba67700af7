"""Review D14: one wait for a rate limit is at most 30 minutes. When GitHub says to come back
later (a primary limit's `x-ratelimit-reset` up to an hour away) the review task does not
sleep or retry into the limit: it fails, and its check run is completed as failure with the
reason and Re-run, at once or, when the limit also refuses that, once the limit has reset.

GitHub's answer is the real shape of a primary limit (tests/fixtures/github-api/errors/
403-primary-rate-limit.*), its reset moved to the test's clock.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
from githubkit.exception import RequestFailed
from githubkit.response import Response

from tests.fakes.github import FakeGitHub
from tests.worker.github.conftest import fixture
from tests.worker.test_security_time_limits import HEAD, REPO, _gh, _task_wiring
from worker.errors import RateLimitedError
from worker.github.buttons import RERUN_ID
from worker.github.ratelimit import MAX_WAIT_S, RateLimitWaitTooLongError, retry_wait

LIMITED_CALLS = (
    "get_pull", "list_pull_files", "get_tree", "get_blob", "list_check_runs",
    "create_check_run", "get_check_run", "update_check_run", "list_issue_comments",
)  # fmt: skip


def primary_limit(reset_in_s: float) -> RequestFailed:
    """A 403 primary rate limit whose reset is `reset_in_s` from now."""
    headers = {
        **fixture("errors/403-primary-rate-limit.headers.json"),
        "x-ratelimit-reset": str(int(time.time() + reset_in_s)),
    }
    request = httpx.Request("GET", "https://api.github.com/repos/octocat/Hello-World/pulls/1")
    raw = httpx.Response(
        403,
        json=fixture("errors/403-primary-rate-limit.body.json"),
        headers=headers,
        request=request,
    )
    return RequestFailed(Response(raw, Any))


class LimitedGitHub(FakeGitHub):
    """The fake GitHub answering `limited` calls with a primary limit while `reset_in_s` is set."""

    reset_in_s: float | None = None
    limited: tuple[str, ...] = LIMITED_CALLS

    def __getattribute__(self, name: str) -> Any:
        reset = object.__getattribute__(self, "reset_in_s")
        if reset is not None and name in object.__getattribute__(self, "limited"):

            def refuse(*args: Any, **kwargs: Any) -> Any:
                self.refused.append(name)
                raise primary_limit(reset)

            return refuse
        return object.__getattribute__(self, name)

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []


def _kwargs(gh: FakeGitHub) -> dict[str, Any]:
    return {"installation_id": 1, "repo_full_name": REPO, "pr_number": gh.pr_number,
            "head_sha": HEAD, "delivery_id": "d-limit"}  # fmt: skip


def _sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any], float]]:
    from worker.celery_app import app

    sent: list[tuple[str, dict[str, Any], float]] = []
    monkeypatch.setattr(
        app,
        "send_task",
        lambda name, kwargs, countdown=0.0, **kw: sent.append((name, kwargs, countdown)),
    )
    return sent


def _closed_for_the_limit(gh: FakeGitHub, minutes: int) -> None:
    (run,) = gh.check_runs
    assert (run["status"], run["conclusion"]) == ("completed", "failure")
    summary = run["output"]["summary"]
    assert f"allows the next request in about {minutes} minutes" in summary
    assert "longer than depreview waits (30 minutes)" in summary
    (closing,) = [b for b in gh.calls_to("PATCH", f"/check-runs/{run['id']}") if "conclusion" in b]
    assert [a["identifier"] for a in closing["actions"]] == [RERUN_ID]


@pytest.mark.parametrize(
    ("countdown", "unsignalled", "retries", "expected"),
    [
        (1800.0, False, 0, 1800.0),  # exactly the longest wait: waited
        (1801.0, False, 0, None),  # longer: the review fails
        (3601.0, False, 2, None),
        (3601.0, True, 0, 1800.0),  # no signal: our own doubling, capped, never a failure
        (60.0, True, 9, 1800.0),
    ],
)  # fmt: skip
def test_one_wait_is_at_most_thirty_minutes(
    countdown: float, unsignalled: bool, retries: int, expected: float | None
) -> None:
    from worker.errors import rate_limit_countdown

    exc = RateLimitedError("limited", countdown, unsignalled=unsignalled)
    if expected is None:
        with pytest.raises(RateLimitWaitTooLongError) as caught:
            rate_limit_countdown(exc, retries)
        assert caught.value.wait_s == countdown
    else:
        assert rate_limit_countdown(exc, retries) == expected


def test_the_wait_github_asks_for_is_not_shortened() -> None:
    # before: capped to 30 min here, so the retry landed while still limited (review D14)
    wait = retry_wait(primary_limit(3000))
    assert wait is not None and 2990 < wait <= 3001
    assert wait > MAX_WAIT_S


def test_a_review_told_to_wait_fifty_minutes_fails_and_closes_after_the_reset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from worker.tasks._base import CLOSE_LATER_MAX_S
    from worker.tasks.review import fail_rate_limited_review, review_pull_request

    gh = _gh(LimitedGitHub)
    assert isinstance(gh, LimitedGitHub)
    gh.reset_in_s = 50 * 60  # the whole installation is limited: the closing is refused too
    _task_wiring(monkeypatch, gh)
    sent = _sent(monkeypatch)
    started = time.monotonic()
    result = review_pull_request.apply(kwargs=_kwargs(gh), task_id="t-limit")  # type: ignore[attr-defined]
    assert time.monotonic() - started < 30  # no sleeping on the limit
    assert result.failed() and isinstance(result.result, RateLimitWaitTooLongError)
    assert gh.refused.count("get_pull") == 1  # not retried into the limit
    assert gh.check_runs == []  # nothing could be written while limited
    ((name, kwargs, countdown),) = sent
    assert name == "worker.fail_rate_limited_review"
    assert 50 * 60 - 10 < countdown <= min(50 * 60 + 1, CLOSE_LATER_MAX_S)
    assert 50 * 60 - 10 < kwargs["wait_s"] <= 50 * 60 + 1
    gh.reset_in_s = None  # the limit reset; the delayed task runs
    closed = fail_rate_limited_review.apply(kwargs=kwargs)  # type: ignore[attr-defined]
    assert closed.successful(), closed.traceback
    _closed_for_the_limit(gh, 51)


def test_when_only_the_review_was_refused_its_run_is_closed_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from worker.tasks.review import review_pull_request

    gh = _gh(LimitedGitHub)
    assert isinstance(gh, LimitedGitHub)
    gh.reset_in_s = 40 * 60
    gh.limited = ("get_pull",)
    _task_wiring(monkeypatch, gh)
    sent = _sent(monkeypatch)
    result = review_pull_request.apply(kwargs=_kwargs(gh), task_id="t-limit-2")  # type: ignore[attr-defined]
    assert result.failed() and isinstance(result.result, RateLimitWaitTooLongError)
    assert sent == []
    _closed_for_the_limit(gh, 41)
