"""A review that hits Celery's soft time limit fails its check run closed (security review
finding 7, issue 11 "Bounded work": soft limit → the review closes as failed, with the reason).

The soft limit arrives the way Celery's prefork pool delivers it: the pool sends SIGUSR1 to
the worker process, whose handler raises `SoftTimeLimitExceeded` wherever the main thread is
(billiard/pool.py, `soft_timeout_sighandler`). The tests install that handler and send the
signal while the review is blocked in one stage; GitHub's check run must end `completed` /
`failure` with the time-limit reason and the Re-run button, never `neutral`, `success` or
left `in_progress` (GitHub counts the first two as passing a required check).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from billiard.pool import soft_timeout_sighandler  # type: ignore[import-untyped]
from celery.exceptions import SoftTimeLimitExceeded

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.github.buttons import RERUN_ID
from worker.review.job import ReviewJob, run_review

BASE, HEAD = "b" * 40, "h" * 40
REPO = "octocat/Hello-World"
BASE_FILES = {"requirements.txt": "numpy==1.26.4\n"}
HEAD_FILES = {"requirements.txt": "numpy==1.26.4\ntorch==2.1.0\n"}  # no finding on its own
REASON = "ran out of time"
STALL_S = 30.0  # far longer than the signal takes to arrive; the test fails if it is waited out
SIGNAL_AFTER_S = 0.2

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="needs SIGUSR1")


def _settings(*, resolve: bool = False) -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=resolve)


@contextmanager
def celery_soft_limit_handler() -> Iterator[None]:
    """The worker process's SIGUSR1 handler, as Celery's prefork pool installs it."""
    previous = signal.signal(signal.SIGUSR1, soft_timeout_sighandler)
    try:
        yield
    finally:
        signal.signal(signal.SIGUSR1, previous)


def _stall(*args: object, **kwargs: object) -> Any:
    """Block as a slow stage does; the pool's soft-limit signal arrives meanwhile."""
    threading.Timer(SIGNAL_AFTER_S, os.kill, (os.getpid(), signal.SIGUSR1)).start()
    time.sleep(STALL_S)
    raise AssertionError("the soft time limit never arrived")


class SlowTrees(FakeGitHub):
    """GitHub that takes forever to list the head's tree (a huge repository, a slow API)."""

    def get_tree(self, sha: str) -> dict[str, Any]:
        if sha == HEAD:
            _stall()
        return super().get_tree(sha)


class SlowComments(FakeGitHub):
    """GitHub that takes forever to create the PR comment (the last step before publishing)."""

    def create_issue_comment(self, number: int, body: str) -> Any:
        _stall()


def _gh(cls: type[FakeGitHub] = FakeGitHub) -> FakeGitHub:
    gh = cls()
    gh.commit(BASE, BASE_FILES)
    gh.commit(HEAD, HEAD_FILES)
    gh.open_pr(BASE, HEAD)
    return gh


def _job(gh: FakeGitHub) -> ReviewJob:
    return ReviewJob(1, REPO, HEAD, "d-soft", pr_number=gh.pr_number)


def _assert_failed_for_time(gh: FakeGitHub) -> None:
    (run,) = gh.check_runs
    assert (run["status"], run["conclusion"]) == ("completed", "failure")
    assert run["output"]["title"] == "depreview could not finish this review"
    assert REASON in run["output"]["summary"]
    (closing,) = [b for b in gh.calls_to("PATCH", f"/check-runs/{run['id']}") if "conclusion" in b]
    assert [a["identifier"] for a in closing["actions"]] == [RERUN_ID]


def _slow_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    import worker.review.analysis

    monkeypatch.setattr(worker.review.analysis, "_resolve", _stall)


def _slow_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import worker.review.analysis

    monkeypatch.setattr(worker.review.analysis, "review", _stall)


#: Where the limit hits: (the fake GitHub, a patch making one stage slow, resolve or not).
STAGES: dict[str, tuple[type[FakeGitHub], Callable[[pytest.MonkeyPatch], None], bool]] = {
    "reading the head tree": (SlowTrees, lambda mp: None, False),
    "resolving": (FakeGitHub, _slow_resolver, True),
    "running the rules": (FakeGitHub, _slow_rules, False),
    "writing the comment": (SlowComments, lambda mp: None, False),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_soft_time_limit_fails_the_check_run_with_the_reason_and_rerun(
    stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, slow, resolve = STAGES[stage]
    slow(monkeypatch)
    gh = _gh(cls)
    started = time.monotonic()
    with celery_soft_limit_handler(), pytest.raises(SoftTimeLimitExceeded):
        run_review(gh, FakeCoordinator(), _settings(resolve=resolve), _job(gh))
    assert time.monotonic() - started < STALL_S / 2  # the limit stopped it, not the stall
    _assert_failed_for_time(gh)


def test_without_the_limit_the_same_review_passes() -> None:
    # Control: the change itself is fine, so "failure" above is the limit's doing.
    gh = _gh()
    outcome = run_review(gh, FakeCoordinator(), _settings(), _job(gh))
    assert outcome.conclusion == "success"


def test_a_soft_limit_inside_one_rule_closes_the_review_for_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The rules run each rule under `except Exception` (one buggy rule must not hide the
    # others), but the worker passes Celery's time-limit types as `reraise`: the limit inside
    # a rule stops the review and closes it with the time-limit reason, not as one rule's
    # `rule-error`.
    import rules.checks.registry
    import rules.review

    class SlowOnTheHead:
        id, category = "slow-rule", "conflict"
        calls = 0

        def check(self, ctx: object) -> Any:
            SlowOnTheHead.calls += 1
            return _stall() if SlowOnTheHead.calls == 2 else []

    monkeypatch.setattr(
        rules.review, "ALL_RULES", (SlowOnTheHead(), *rules.checks.registry.ALL_RULES)
    )
    gh = _gh()
    with celery_soft_limit_handler(), pytest.raises(SoftTimeLimitExceeded):
        run_review(gh, FakeCoordinator(), _settings(), _job(gh))
    _assert_failed_for_time(gh)
    assert not any("rule-error" in c["body"] for c in gh.comments)


# -- through the Celery task: the limit hits before the review opened its check run ---------


class SlowPull(FakeGitHub):
    """GitHub that takes forever to answer the first read of the pull request."""

    slow: bool = True

    def get_pull(self, number: int) -> Any:
        if self.slow:
            self.slow = False
            _stall()
        return super().get_pull(number)


def _task_wiring(monkeypatch: pytest.MonkeyPatch, gh: FakeGitHub) -> None:
    """The review task with the fake GitHub and coordinator in place of GitHub and Redis."""
    from worker.tasks import _base, review

    @contextmanager
    def session(installation_id: int, repo_full_name: str) -> Iterator[FakeGitHub]:
        yield gh

    def api(installation_id: int, repo_full_name: str) -> FakeGitHub:
        return gh

    # the task body resolves these in worker.tasks.review; ReviewTask.on_failure (closing
    # a failed review's run) in worker.tasks._base
    for module in (review, _base):
        monkeypatch.setattr(module, "settings", _settings)
        monkeypatch.setattr(module, "repo_api", api)
        monkeypatch.setattr(module, "shared_redis", lambda: None)
    monkeypatch.setattr(review, "review_session", session)
    monkeypatch.setattr(review, "RedisCoordinator", lambda redis: FakeCoordinator())
    monkeypatch.setattr(review, "smoke_hooks", lambda: None)
    monkeypatch.setattr(review.review_pull_request, "leased", False)


@pytest.mark.parametrize("cls", [SlowPull, SlowTrees])
def test_the_review_task_closes_the_run_when_the_limit_hits(
    cls: type[FakeGitHub], monkeypatch: pytest.MonkeyPatch
) -> None:
    # SlowPull: no check run exists yet, so the task's on_failure opens one closed as failure.
    # SlowTrees: the review's own handler closes it, and on_failure finds it completed.
    from worker.tasks.review import review_pull_request

    gh = _gh(cls)
    _task_wiring(monkeypatch, gh)
    kwargs = {"installation_id": 1, "repo_full_name": REPO, "pr_number": gh.pr_number,
              "head_sha": HEAD, "delivery_id": "d-soft"}  # fmt: skip
    with celery_soft_limit_handler():
        apply = review_pull_request.apply  # type: ignore[attr-defined]
        result = apply(kwargs=kwargs, task_id="t-soft")
    assert result.failed() and isinstance(result.result, SoftTimeLimitExceeded)
    _assert_failed_for_time(gh)
    assert len(gh.calls_to("POST", "/check-runs")) == 1


def test_the_hard_limit_closes_the_run_the_killed_review_left_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At the hard limit the pool kills the child; the parent calls the task's on_failure
    # with TimeLimitExceeded (celery/worker/request.py, `Request.on_timeout`), as here.
    from celery.exceptions import TimeLimitExceeded

    from worker.github.publish import start_check_run
    from worker.tasks.review import review_pull_request

    gh = _gh()
    _task_wiring(monkeypatch, gh)
    start_check_run(gh, HEAD, "pr=1347;base=" + BASE, app_id=None)  # the killed review's run
    kwargs = {"installation_id": 1, "repo_full_name": REPO, "pr_number": gh.pr_number,
              "head_sha": HEAD, "delivery_id": "d-hard"}  # fmt: skip
    exc = TimeLimitExceeded(27 * 60)
    review_pull_request.on_failure(exc, "t-hard", (), kwargs, None)  # type: ignore[attr-defined]
    _assert_failed_for_time(gh)


# -- a soft limit inside a conda solve is not "the channel could not be read" ---------------


def test_a_soft_limit_inside_a_conda_solve_is_not_swallowed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # rattler raises its own exception types, so the solve catches broadly; the time limit
    # arriving in it once became a `resolution-incomplete` notice and the review went on
    # to publish a passing conclusion.
    import worker.resolve.conda as conda
    from worker.resolve.indexes import IndexPolicy
    from worker.resolve.model import ResolveTarget
    from worker.resolve.pypi import RunOptions

    def run(coro: Any) -> Any:
        coro.close()
        return _stall()

    monkeypatch.setattr(conda, "_run", run)
    options = RunOptions(policy=IndexPolicy(allowed_hosts=("channel.example",)))
    with celery_soft_limit_handler(), pytest.raises(SoftTimeLimitExceeded):
        conda.solve(["numpy"], ["https://channel.example/conda-forge"], ResolveTarget(), options)
