"""Rate limits (wait from the headers), the per-installation semaphore, suspension, buttons."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx
from redis import Redis

from core.links import details_url
from core.settings import Settings
from tests.worker.github.conftest import REPO, fixture, gh_api, private_key_pem, settings
from tests.worker.tokens import forget_tokens
from worker.concurrency import installation_slot
from worker.coordination import LockBusyError, RedisCoordinator
from worker.errors import RateLimitedError, retryable_failures
from worker.github.api import RepoRef
from worker.github.buttons import (
    MAX_DESCRIPTION,
    MAX_IDENTIFIER,
    MAX_LABEL,
    RERUN_ID,
    SMOKE_ID,
    check_actions,
)
from worker.github.client import GitHubRepoApi, installation_client
from worker.github.ratelimit import retry_wait, wait_from_headers
from worker.installations import handle_installation_event, is_suspended
from worker.review.inputs import review_inputs
from worker.review.job import ReviewJob
from worker.review.job import run_review as app_run_review
from worker.smoke.plan import gpu_relevant

# fixtures reused from tests/worker/github, and the token cache reset of tests/worker/tokens
__all__ = ["forget_tokens", "gh_api", "private_key_pem", "settings"]

RESET = 1590701888


@pytest.mark.parametrize(
    ("status", "headers_file", "now", "wait"),
    [
        (403, "errors/403-secondary-rate-limit.headers.json", RESET - 500, 60.0),  # retry-after
        (403, "errors/403-primary-rate-limit.headers.json", RESET - 120, 121.0),  # reset + 1 s
        (403, "errors/403-primary-rate-limit.headers.json", RESET + 10, 1.0),  # floor
        # the wait GitHub asked for; the task caps one wait (tests/worker/test_rate_limit_wait.py)
        (403, "errors/403-primary-rate-limit.headers.json", RESET - 3000, 3001.0),
    ],
)  # fmt: skip
def test_wait_from_the_real_rate_limit_headers(
    status: int, headers_file: str, now: float, wait: float
) -> None:
    assert wait_from_headers(status, fixture(headers_file), now=now) == wait


@pytest.mark.parametrize(
    ("status", "headers", "wait"),
    [
        (403, {"x-ratelimit-remaining": "12"}, None),  # a permission problem: do not retry
        (429, {}, 60.0),  # rate limited without a signal: a minute
        (403, {"Retry-After": "7"}, 7.0),  # header names are case-insensitive
    ],
)
def test_wait_needs_a_signal(status: int, headers: dict[str, str], wait: float | None) -> None:
    assert wait_from_headers(status, headers, now=0) == wait


def test_rate_limited_review_is_retried_when_github_says(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    headers = fixture("errors/403-secondary-rate-limit.headers.json")
    gh_api.get(f"{REPO}/pulls/1347").mock(
        return_value=httpx.Response(
            403, json=fixture("errors/403-secondary-rate-limit.body.json"), headers=headers
        )
    )
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef("octocat", "Hello-World"))
    job = ReviewJob(1, "octocat/Hello-World", "h" * 40, "d", pr_number=1347)
    with pytest.raises(RateLimitedError) as caught, retryable_failures():  # as the task runs it
        app_run_review(api, _NoLock(), settings, job)
    assert caught.value.countdown == 60.0
    assert retry_wait(caught.value.__cause__) == 60.0  # type: ignore[arg-type]


class _NoLock:
    from contextlib import nullcontext

    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Any:
        return self.nullcontext()


@pytest.fixture
def store(redis_url: str) -> Any:
    client = Redis.from_url(redis_url)
    client.flushdb()
    return client


def test_installation_semaphore_limits_and_frees(store: Any) -> None:
    with (
        installation_slot(store, 7, limit=2, ttl_s=60),
        installation_slot(store, 7, limit=2, ttl_s=60),
    ):
        with pytest.raises(LockBusyError), installation_slot(store, 7, limit=2, ttl_s=60):
            pass
        with installation_slot(store, 8, limit=2, ttl_s=60):  # another installation: free
            pass
    with installation_slot(store, 7, limit=2, ttl_s=60):  # released on exit
        pass


def test_a_dead_holders_slot_expires(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    from contextlib import nullcontext

    import worker.concurrency as concurrency

    # a holder that died: never released, and its heartbeat stopped with its process
    monkeypatch.setattr(concurrency, "keepalive", lambda *a: nullcontext())
    held = installation_slot(store, 9, limit=1, ttl_s=1)
    held.__enter__()
    monkeypatch.undo()
    with pytest.raises(LockBusyError), installation_slot(store, 9, limit=1, ttl_s=60):
        pass
    time.sleep(1.1)
    with installation_slot(store, 9, limit=1, ttl_s=60):
        pass


def test_a_live_holders_slot_is_renewed_past_its_ttl(store: Any) -> None:
    import time

    with installation_slot(store, 10, limit=1, ttl_s=1):
        time.sleep(2.5)  # longer than the TTL: the heartbeat keeps the slot
        with pytest.raises(LockBusyError), installation_slot(store, 10, limit=1, ttl_s=60):
            pass
    with installation_slot(store, 10, limit=1, ttl_s=60):
        pass


@pytest.mark.parametrize(
    ("actions", "suspended"),
    [
        (["suspend"], True),
        (["suspend", "unsuspend"], False),
        (["deleted"], True),
        (["deleted", "created"], False),
        (["new_permissions_accepted"], False),
    ],
)
def test_suspended_installations_stop_all_work(
    store: Any, redis_url: str, settings: Settings, actions: list[str], suspended: bool
) -> None:
    for action in actions:
        handle_installation_event(
            store, 42, "installation", action, review_open_prs=False,
            api_for=_no_api, enqueue=_no_enqueue, limit=10, spacing_s=0,
        )  # fmt: skip
    assert is_suspended(store, 42) is suspended
    job = ReviewJob(42, "octocat/Hello-World", "h" * 40, "d", pr_number=1)
    if suspended:  # no GitHub call at all: the api would fail on any use
        coord = RedisCoordinator(store)
        outcome = app_run_review(_Untouchable(), coord, settings, job, store=store)
        assert outcome.detail == "installation suspended or deleted"


def test_new_installation_reviews_open_dependency_prs_spaced_out(
    store: Any, settings: Settings, gh_api: respx.MockRouter
) -> None:
    pulls = [
        {**fixture("pulls/get-pull-request.200.json"), "number": n, "head": {"sha": str(n) * 40}}
        for n in (1, 2, 3)
    ]
    gh_api.get(f"{REPO}/pulls", params={"state": "open"}).mock(
        return_value=httpx.Response(200, json=pulls)
    )
    entry = fixture("pulls/list-pull-request-files.200.json")[0]
    for number, name in ((1, "requirements.txt"), (2, "README.md"), (3, "pyproject.toml")):
        gh_api.get(f"{REPO}/pulls/{number}/files").mock(
            return_value=httpx.Response(200, json=[{**entry, "filename": name}])
        )
    queued: list[tuple[int, float]] = []

    def api_for(repo: str) -> GitHubRepoApi:
        return GitHubRepoApi(installation_client(settings, 1), RepoRef.parse(repo))

    result = handle_installation_event(
        store, 1, "installation", "created", repositories_added=["octocat/Hello-World"],
        review_open_prs=True, api_for=api_for,
        enqueue=lambda pull, delay: queued.append((pull.number, delay)), limit=10, spacing_s=20,
    )  # fmt: skip
    assert queued == [(1, 0.0), (3, 20.0)]
    assert result == {"state": "active", "queued_reviews": 2}


class _Untouchable:
    """A RepoApi whose every call fails the test."""

    repo = RepoRef("octocat", "Hello-World")

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"no GitHub call expected ({name})")


def _no_api(repo: str) -> Any:
    raise AssertionError("no GitHub call expected")


def _no_enqueue(pull: Any, delay: float) -> None:
    raise AssertionError("nothing should be queued")


@pytest.mark.parametrize("smoke", [True, False])
def test_buttons_fit_githubs_limits(smoke: bool) -> None:
    actions = check_actions(smoke=smoke)
    assert [a["identifier"] for a in actions] == [RERUN_ID, SMOKE_ID][: 2 if smoke else 1]
    assert len(actions) <= 3
    for action in actions:
        assert len(action["label"]) <= MAX_LABEL and len(action["identifier"]) <= MAX_IDENTIFIER
        assert len(action["description"]) <= MAX_DESCRIPTION


@pytest.mark.parametrize(
    ("base", "head", "relevant"),
    [
        ({"requirements.txt": b"torch==2.1.0\n"}, {"requirements.txt": b"torch==2.2.0\n"}, True),
        ({"requirements.txt": b"rich==13.0\n"}, {"requirements.txt": b"rich==13.1\n"}, False),
        (
            {"Dockerfile": b"FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\n"},
            {"Dockerfile": b"FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\n"},
            True,
        ),
    ],
)
def test_smoke_button_only_for_gpu_relevant_changes(
    base: dict[str, bytes], head: dict[str, bytes], relevant: bool
) -> None:
    inputs = review_inputs(base, head)
    assert gpu_relevant(inputs.base, inputs.head, inputs.base_config) is relevant


@pytest.mark.parametrize(
    ("api_url", "pr", "comment", "url"),
    [
        ("https://api.github.com", 5, 9, "https://github.com/o/r/pull/5#issuecomment-9"),
        ("https://ghe.example.test/api/v3", 5, None, "https://ghe.example.test/o/r/pull/5"),
        ("https://api.github.com", None, None, "https://github.com/o/r"),
    ],
)
def test_details_url(api_url: str, pr: int | None, comment: int | None, url: str) -> None:
    assert details_url(api_url, "o/r", pr, comment) == url


@pytest.mark.parametrize("task_name", ["review_pull_request", "handle_command"])
def test_a_rate_limited_task_is_retried_at_githubs_time(
    task_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from celery.app.task import Task

    from worker.tasks import app as app_tasks
    from worker.tasks import review

    seen: dict[str, Any] = {}
    monkeypatch.setattr(Task, "retry", lambda self, *args, **kwargs: seen.update(kwargs))
    task = getattr(review, task_name, None) or getattr(app_tasks, task_name)
    task.retry(exc=RateLimitedError("GitHub rate limit", 42.0), countdown=900)
    assert seen["countdown"] == 42.0
