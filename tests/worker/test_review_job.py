"""`run_review` against the in-memory fake GitHub: idempotence, superseded heads, failures."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from githubkit.exception import RequestError
from redis.exceptions import ConnectionError as RedisConnectionError

from core.settings import Settings
from tests.fakes.github import FakeGitHub, blob_sha
from worker.coordination import LockBusyError
from worker.review.job import ReviewJob, run_review

EXAMPLE = Path(__file__).parents[2] / "examples" / "torch-bump"
BASE, HEAD, NEWER = "b" * 40, "h" * 40, "n" * 40


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@dataclass
class FakeCoordinator:
    """Locks in a set; `busy` keys refuse the lock."""

    busy: set[str] = field(default_factory=set)
    held: list[str] = field(default_factory=list)

    @contextmanager
    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Iterator[None]:
        if key in self.busy:
            raise LockBusyError(key)
        self.busy.add(key)
        self.held.append(key)
        try:
            yield
        finally:
            self.busy.discard(key)


@pytest.fixture
def gh() -> FakeGitHub:
    fake = FakeGitHub()
    fake.commit(BASE, _tree(EXAMPLE / "base"))
    fake.commit(HEAD, _tree(EXAMPLE / "head"))
    fake.open_pr(BASE, HEAD)
    return fake


@pytest.fixture
def settings() -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=False)


JOB = ReviewJob(installation_id=1, repo_full_name="octocat/Hello-World", head_sha=HEAD,
                delivery_id="d-1", pr_number=1347)  # fmt: skip


def test_review_publishes_one_check_run_and_one_comment(gh: FakeGitHub, settings: Settings) -> None:
    coord = FakeCoordinator()
    first = run_review(gh, coord, settings, JOB)
    second = run_review(gh, coord, settings, JOB)
    assert first.status == "published"
    assert second.status == "already-reviewed"
    assert len(gh.check_runs) == 1 and len(gh.comments) == 1
    created = gh.calls_to("POST", "/check-runs")[0]
    assert created["status"] == "in_progress" and created["head_sha"] == HEAD
    assert created["external_id"] == f"pr=1347;base={BASE}"
    run = gh.check_runs[0]
    assert run["status"] == "completed" and run["conclusion"] == first.conclusion
    assert gh.comments[0]["body"].startswith("<!-- depreview -->")
    assert coord.held == ["depreview:lock:octocat/Hello-World#1347"] * 2


def test_existing_comment_is_updated_never_duplicated(gh: FakeGitHub, settings: Settings) -> None:
    gh.comments.append({"id": 9, "body": "LGTM", "user": {"login": "someone"}})
    ours = {"login": "depreview[bot]", "type": "Bot"}
    gh.comments.append({"id": 10, "body": "<!-- depreview -->\nold", "user": ours})
    outcome = run_review(gh, FakeCoordinator(), settings, JOB)
    assert outcome.comment == "updated"
    assert gh.calls_to("POST", "/comments") == []
    assert [c["id"] for c in gh.comments] == [9, 10]
    assert gh.comments[1]["body"] != "<!-- depreview -->\nold"


def test_no_dependency_change_is_a_success_without_comment(settings: Settings) -> None:
    gh = FakeGitHub()
    files = {"requirements.txt": b"torch==2.1.0\n", "src/app.py": b"print(1)\n"}
    gh.commit(BASE, files)
    gh.commit(HEAD, {**files, "src/app.py": b"print(2)\n"})
    gh.open_pr(BASE, HEAD)
    outcome = run_review(gh, FakeCoordinator(), settings, JOB)
    assert (outcome.status, outcome.conclusion) == ("no-dependency-changes", "success")
    assert gh.check_runs[0]["output"]["title"] == "No dependency files changed"
    assert gh.comments == [] and gh.calls_to("GET", "/comments?page=1") == []


def test_superseded_head_does_nothing_before_start(gh: FakeGitHub, settings: Settings) -> None:
    gh.pr_head = NEWER
    coord = FakeCoordinator()
    outcome = run_review(gh, coord, settings, JOB)
    assert outcome.status == "superseded"
    assert gh.check_runs == [] and gh.comments == []


class PushDuringReview(FakeGitHub):
    """The PR's head moves after the job's first look at it."""

    def get_pull(self, number: int) -> Any:
        pull = super().get_pull(number)
        if len(self.calls_to("GET", f"/pulls/{number}")) > 1:
            pull["head"]["sha"] = NEWER
        return pull


def test_superseded_during_review_closes_own_run_neutral_and_keeps_comment(
    settings: Settings,
) -> None:
    gh = PushDuringReview()
    gh.commit(BASE, _tree(EXAMPLE / "base"))
    gh.commit(HEAD, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, HEAD)
    gh.comments.append({"id": 10, "body": "<!-- depreview -->\nnewer result", "user": {}})
    outcome = run_review(gh, FakeCoordinator(), settings, JOB)
    assert outcome.status == "superseded"
    run = gh.check_runs[0]
    assert (run["status"], run["conclusion"]) == ("completed", "neutral")
    assert NEWER[:12] in run["output"]["title"]
    assert gh.comments[0]["body"] == "<!-- depreview -->\nnewer result"
    assert gh.calls_to("PATCH", "/issues/comments/10") == []


class BrokenBlobs(FakeGitHub):
    """Blob reads fail: with a bug (ValueError) or a network error (transient)."""

    error: Exception = ValueError("unexpected blob encoding")
    failures: int = 1

    def get_blob(self, sha: str) -> bytes:
        if self.failures > 0:
            self.failures -= 1
            raise self.error
        return super().get_blob(sha)


def _broken(error: Exception) -> BrokenBlobs:
    gh = BrokenBlobs()
    gh.error = error
    gh.commit(BASE, _tree(EXAMPLE / "base"))
    gh.commit(HEAD, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, HEAD)
    return gh


def test_a_bug_fails_the_check_run_closed_with_the_reason(settings: Settings) -> None:
    # Security review finding 3: `neutral` passes a required check, so a crash must fail it.
    gh = _broken(ValueError("unexpected blob encoding ${PATH}"))
    with pytest.raises(ValueError):
        run_review(gh, FakeCoordinator(), settings, JOB)
    run = gh.check_runs[0]
    assert (run["status"], run["conclusion"]) == ("completed", "failure")
    assert "internal error (ValueError)" in run["output"]["summary"]
    assert "PATH" not in run["output"]["summary"]  # never the exception's text
    (patch,) = [b for b in gh.calls_to("PATCH", f"/check-runs/{run['id']}") if "actions" in b]
    assert [a["identifier"] for a in patch["actions"]] == ["depreview-rerun"]
    assert gh.comments == []


@pytest.mark.parametrize(
    "error",
    [
        RequestError(httpx.ConnectError("connection refused")),
        # Redis is retried by the task too (worker/errors.py): closing the run as `failure`
        # first made the retry find it "already reviewed"
        RedisConnectionError("Connection refused"),
    ],
)
def test_a_transient_error_leaves_the_run_for_the_retry_to_reuse(
    settings: Settings, error: Exception
) -> None:
    gh = _broken(error)
    with pytest.raises(type(error)):
        run_review(gh, FakeCoordinator(), settings, JOB)
    assert gh.check_runs[0]["status"] == "in_progress"
    outcome = run_review(gh, FakeCoordinator(), settings, JOB)
    assert outcome.status == "published"
    assert len(gh.check_runs) == 1 and gh.check_runs[0]["status"] == "completed"


def test_a_held_lock_refuses_the_job(gh: FakeGitHub, settings: Settings) -> None:
    coord = FakeCoordinator(busy={"depreview:lock:octocat/Hello-World#1347"})
    with pytest.raises(LockBusyError):
        run_review(gh, coord, settings, JOB)
    assert gh.calls == []


def test_unchanged_dependency_files_are_still_read(settings: Settings) -> None:
    gh = FakeGitHub()
    docker = b"FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n"
    gh.commit(BASE, {"Dockerfile": docker, "requirements.txt": b"torch==2.0.1\n"})
    gh.commit(HEAD, {"Dockerfile": docker, "requirements.txt": b"torch==2.1.0\n"})
    gh.open_pr(BASE, HEAD)
    run_review(gh, FakeCoordinator(), settings, JOB)
    assert len(gh.calls_to("GET", f"/git/blobs/{blob_sha(docker)}")) == 2


def test_merge_group_review_compares_trees_and_posts_no_comment(
    gh: FakeGitHub, settings: Settings
) -> None:
    job = ReviewJob(1, "octocat/Hello-World", HEAD, "d-mg", pr_number=None, base_sha=BASE)
    outcome = run_review(gh, FakeCoordinator(), settings, job)
    assert outcome.status == "published"
    assert outcome.comment is None and gh.comments == []
    assert gh.calls_to("GET", "/pulls/1347") == []


def test_includes_outside_the_registry_are_fetched(settings: Settings) -> None:
    gh = FakeGitHub()
    pins = b"-r ../deps/more.txt\nnumpy<2\n"
    more = b"scipy==1.10.1\n"
    base = {"requirements.txt": b"-c pins/torch.pins\ntorch==2.0.1\n", "pins/torch.pins": pins,
            "deps/more.txt": more}  # fmt: skip
    gh.commit(BASE, base)
    gh.commit(HEAD, {**base, "requirements.txt": b"-c pins/torch.pins\ntorch==2.1.0\n"})
    gh.open_pr(BASE, HEAD)
    run_review(gh, FakeCoordinator(), settings, JOB)
    assert len(gh.calls_to("GET", f"/git/blobs/{blob_sha(pins)}")) == 2
    assert len(gh.calls_to("GET", f"/git/blobs/{blob_sha(more)}")) == 2
    assert "not in this snapshot" not in gh.comments[0]["body"]


@pytest.mark.parametrize(
    ("existing", "creates", "final"),
    [
        (None, 1, "failure"),
        ({"status": "in_progress", "conclusion": None}, 0, "failure"),
        ({"status": "completed", "conclusion": "failure"}, 0, "failure"),
    ],
)
def test_final_failure_never_leaves_the_run_in_progress(
    gh: FakeGitHub,
    settings: Settings,
    existing: dict[str, Any] | None,
    creates: int,
    final: str,
) -> None:
    from worker.review.job import fail_job

    if existing is not None:
        gh.check_runs.append({"id": 4, "name": "depreview", "head_sha": HEAD, "external_id": "",
                              "output": {}, "annotations": [], **existing})  # fmt: skip
    fail_job(gh, settings, JOB, TimeoutError("GitHub kept answering 502"))
    assert len(gh.calls_to("POST", "/check-runs")) == creates
    run = gh.check_runs[-1]
    assert (run["status"], run["conclusion"]) == ("completed", final)
    if creates or existing["status"] == "in_progress":  # type: ignore[index]
        assert "internal error (TimeoutError)" in run["output"]["summary"]
