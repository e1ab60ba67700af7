"""Creates that fail after GitHub applied them are not repeated (`publish.create_once`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from githubkit.exception import RequestError

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import BASE, EXAMPLE, HEAD, JOB, FakeCoordinator, _tree
from worker.github.api import JSON
from worker.github.publish import complete_check_run, start_check_run, upsert_comment
from worker.github.session import CachedRepoApi
from worker.review.job import run_review


def _lost_answer() -> RequestError[Any]:
    return RequestError(httpx.ReadTimeout("the answer was lost"))


class ApplyThenFail(FakeGitHub):
    """Creates and annotation PATCHes that land on GitHub and then fail `failures` times."""

    failures: int = 1

    def create_check_run(self, body: Mapping[str, Any]) -> JSON:
        created = super().create_check_run(body)
        if self.failures:
            self.failures -= 1
            raise _lost_answer()
        return created

    def create_issue_comment(self, number: int, body: str) -> JSON:
        created = super().create_issue_comment(number, body)
        if self.failures:
            self.failures -= 1
            raise _lost_answer()
        return created

    def update_check_run(self, check_run_id: int, body: Mapping[str, Any]) -> JSON:
        updated = super().update_check_run(check_run_id, body)
        if self.failures and body.get("output", {}).get("annotations"):
            self.failures -= 1
            raise _lost_answer()
        return updated


def test_a_check_run_create_whose_answer_was_lost_is_found_not_repeated() -> None:
    gh = ApplyThenFail()
    run = start_check_run(gh, HEAD, "pr=1;base=b", sleep=lambda s: None)
    assert len(gh.check_runs) == 1 and run.id == gh.check_runs[0]["id"]


def test_a_comment_create_whose_answer_was_lost_is_found_not_repeated() -> None:
    gh = ApplyThenFail()
    action, comment_id = upsert_comment(
        CachedRepoApi(gh), gh.pr_number, "body", sleep=lambda s: None
    )
    assert action == "created" and len(gh.comments) == 1
    assert comment_id == gh.comments[0]["id"]


@pytest.mark.parametrize("failures", [1, 2])
def test_annotation_batches_land_once(failures: int) -> None:
    gh = ApplyThenFail()
    gh.failures = 0
    run = start_check_run(gh, HEAD, "x")
    gh.failures = failures
    notes = [{"path": "r.txt", "start_line": i, "end_line": i, "annotation_level": "notice",
              "message": "m"} for i in range(1, 121)]  # fmt: skip
    complete_check_run(
        gh, run.id, "neutral", title="t", summary="s", annotations=notes, sleep=lambda s: None
    )
    assert len(gh.check_runs[0]["annotations"]) == 120


class FailUnapplied(FakeGitHub):
    """A create that fails before GitHub applied it: the retry creates it."""

    failures: int = 1

    def create_issue_comment(self, number: int, body: str) -> JSON:
        if self.failures:
            self.failures -= 1
            self._record("POST", f"/issues/{number}/comments", {"body": body})
            raise _lost_answer()
        return super().create_issue_comment(number, body)


def test_a_comment_create_that_did_not_land_is_sent_again() -> None:
    gh = FailUnapplied()
    action, _ = upsert_comment(CachedRepoApi(gh), gh.pr_number, "body", sleep=lambda s: None)
    assert action == "created" and len(gh.comments) == 1
    assert len(gh.calls_to("POST", "/comments")) == 2


def test_a_whole_review_with_lost_answers_publishes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import worker.github.publish as publish

    monkeypatch.setattr(publish.time, "sleep", lambda s: None)
    gh = ApplyThenFail()
    gh.failures = 3
    gh.commit(BASE, _tree(EXAMPLE / "base"))
    gh.commit(HEAD, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, HEAD)
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    outcome = run_review(CachedRepoApi(gh), FakeCoordinator(), settings, JOB)  # type: ignore[arg-type]
    assert outcome.status == "published"
    assert len(gh.check_runs) == 1 and len(gh.comments) == 1
    assert gh.check_runs[0]["status"] == "completed"
