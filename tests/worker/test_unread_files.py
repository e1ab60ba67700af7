"""The App's review of a PR whose dependency file is too large to read fails closed.

Proof of the gap this closes: padding `requirements.txt` with comments past
`MAX_FILE_BYTES` left the file unread, so `torch==2.1.0+cu118` without the PyTorch index
passed the required check (only a "Not reviewed" line in the check run's text said so).
"""

from __future__ import annotations

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import BASE, HEAD, JOB, FakeCoordinator
from worker.github.fetch import MAX_FILE_BYTES
from worker.review.job import run_review

PADDING = b"#" * 79 + b"\n"


def _padded(text: bytes) -> bytes:
    return text + PADDING * (MAX_FILE_BYTES // len(PADDING) + 1)


def _settings() -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=False)


def test_a_changed_file_over_the_limit_fails_the_check() -> None:
    gh = FakeGitHub()
    gh.commit(BASE, {"requirements.txt": b"numpy==1.26.4\n"})
    gh.commit(HEAD, {"requirements.txt": _padded(b"torch==2.1.0+cu118\n")})
    gh.open_pr(BASE, HEAD)
    outcome = run_review(gh, FakeCoordinator(), _settings(), JOB)
    assert outcome.conclusion == "failure"
    run = gh.check_runs[0]
    assert run["conclusion"] == "failure"
    assert "**🔴 `file-not-read`** · `requirements.txt:1`" in run["output"]["text"]
    assert "over the 5242880-byte limit" in run["output"]["summary"]


def test_an_unchanged_file_over_the_limit_does_not_fail_a_clean_change() -> None:
    gh = FakeGitHub()
    lock = b"version = 1\n" + b"#" * (MAX_FILE_BYTES + 1)
    gh.commit(BASE, {"uv.lock": lock, "requirements.txt": b"numpy==1.26.3\n"})
    gh.commit(HEAD, {"uv.lock": lock, "requirements.txt": b"numpy==1.26.4\n"})
    gh.open_pr(BASE, HEAD)
    outcome = run_review(gh, FakeCoordinator(), _settings(), JOB)
    assert outcome.conclusion == "success"
