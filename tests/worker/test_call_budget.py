"""What one review costs in GitHub calls: the App's path against the in-memory fake.

Before issue 12 a small PR's review cost 17 calls counted over HTTP (the PR read three
times, the comments listed twice, every blob fetched at base and head). The App's path
now reads each thing once per task (`CachedRepoApi`) and caches blobs by SHA in Redis.
The installation token mint is not counted: githubkit keeps the token for ~59 minutes
per worker process, so a busy installation mints about once an hour.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import BASE, HEAD, NEWER, FakeCoordinator
from worker.github.session import BlobCache, CachedRepoApi
from worker.review.job import Outcome, ReviewJob, ignore_source, run_review

BUDGET = 12

PYPROJECT = '[project]\nname = "x"\nversion = "1"\ndependencies = ["requests"]\n'
BASE_FILES = {"requirements.txt": "torch==2.2.0\nnumpy<2\n", "pyproject.toml": PYPROJECT}
HEAD_FILES = {**BASE_FILES, "requirements.txt": "torch==2.3.0\nnumpy<2\n"}


class DictStore:
    """GET/SET of a Redis-like store."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def set(self, name: str, value: bytes, ex: int | None = None) -> Any:
        self.data[name] = value


class InteractiveFake(FakeGitHub):
    """The fake plus the permission call commands use (nobody else may ignore)."""

    def get_permission(self, username: str) -> str:
        self._record("GET", f"/collaborators/{username}/permission")
        return "read"


@pytest.fixture
def gh() -> InteractiveFake:
    fake = InteractiveFake()
    fake.commit(BASE, BASE_FILES)
    fake.commit(HEAD, HEAD_FILES)
    fake.open_pr(BASE, HEAD)
    return fake


@pytest.fixture
def settings() -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=False)


def _job(head: str) -> ReviewJob:
    return ReviewJob(1, "octocat/Hello-World", head, "d-1", pr_number=1347)


def _review(api: Any, settings: Settings, head: str) -> Outcome:
    """The review as the App's task runs it: with the PR's ignores."""
    return run_review(
        api, FakeCoordinator(), settings, _job(head), ignores=ignore_source(api, head)
    )


def test_plain_path_cost_before(gh: InteractiveFake, settings: Settings) -> None:
    """The former path (no task memory): what issue 12 measured, for comparison."""
    outcome = _review(gh, settings, HEAD)
    assert outcome.status == "published"
    # measured at this commit: 17 calls, the PR read 4 times, the comments listed twice
    assert len(gh.calls) > BUDGET
    assert len(gh.calls_to("GET", "/pulls/1347")) >= 3


def test_a_small_pr_review_stays_within_the_budget(gh: InteractiveFake, settings: Settings) -> None:
    store = DictStore()
    api = CachedRepoApi(gh, BlobCache(store, ttl_s=3600))
    outcome = _review(api, settings, HEAD)
    assert outcome.status == "published"
    calls = [f"{m} {p}" for m, p, _ in gh.calls]
    assert len(calls) <= BUDGET, calls
    assert len(gh.calls_to("GET", "/pulls/1347")) == 1
    assert len([c for c in calls if "/comments" in c and c.startswith("GET")]) == 1
    blobs = [c for c in calls if "/git/blobs/" in c]
    assert len(blobs) == len(set(blobs)) == 3  # two files at head, one changed at base

    # the next push: unchanged blobs come from the cache
    gh.commit(NEWER, {**HEAD_FILES, "requirements.txt": "torch==2.4.0\nnumpy<2\n"})
    gh.open_pr(BASE, NEWER)
    gh.calls.clear()
    again = CachedRepoApi(gh, BlobCache(store, ttl_s=3600))
    assert _review(again, settings, NEWER).status == "published"
    assert len([1 for m, p, _ in gh.calls if "/git/blobs/" in p]) == 1
    assert len(gh.calls) <= BUDGET - 2


def test_a_long_review_reads_the_pr_again(
    gh: InteractiveFake, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review slower than RECHECK_AFTER_S checks for a newer push before publishing."""
    import worker.review.job as review_job

    monkeypatch.setattr(review_job, "RECHECK_AFTER_S", -1.0)
    api = CachedRepoApi(gh, None)
    _review(api, settings, HEAD)
    assert len(gh.calls_to("GET", "/pulls/1347")) == 2
