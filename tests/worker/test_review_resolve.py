"""The App's review path resolves for real: uv against a local index, findings in the check run."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.resolve.wheels import build_universe
from tests.worker.test_review_job import FakeCoordinator
from worker.review.job import ReviewJob, run_review

BASE, HEAD = "b" * 40, "h" * 40
JOB = ReviewJob(installation_id=1, repo_full_name="octocat/Hello-World", head_sha=HEAD,
                delivery_id="d-r", pr_number=1347)  # fmt: skip


def _repo(base_req: bytes, head_req: bytes) -> FakeGitHub:
    gh = FakeGitHub()
    common = {"requirements/ml.txt": b"scipy==1.10.1\n", ".python-version": b"3.11\n"}
    gh.commit(BASE, {**common, "requirements.txt": base_req})
    gh.commit(HEAD, {**common, "requirements.txt": head_req})
    gh.open_pr(BASE, HEAD)
    return gh


def test_resolution_conflict_is_reported_next_to_static_findings(tmp_path: Path) -> None:
    universe = build_universe(tmp_path / "index")
    settings = Settings(
        github_app_id=None,
        environment="development",
        resolve_enabled=True,
        resolve_index_url=universe.pypi,
        uv_cache_dir=tmp_path / "uv-cache",
    )
    gh = _repo(
        b"-r requirements/ml.txt\nnumpy>=1.19\n",
        b"-r requirements/ml.txt\nnumpy>=1.24\n",  # scipy 1.10.1 caps numpy<1.24
    )
    outcome = run_review(gh, FakeCoordinator(), settings, JOB)

    assert outcome.conclusion == "failure"
    run = gh.check_runs[0]
    text = run["output"]["summary"] + run["output"].get("text", "")
    assert "resolution-conflict" in text or "unsatisfiable" in text
    comment = gh.comments[0]["body"]
    assert "numpy" in comment and "scipy" in comment


def test_resolution_disabled_reports_only_static_findings(tmp_path: Path) -> None:
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    gh = _repo(b"numpy>=1.19\nscipy==1.10.1\n", b"numpy>=1.24\nscipy==1.10.1\n")
    run_review(gh, FakeCoordinator(), settings, JOB)
    run = gh.check_runs[0]
    assert "resolution-conflict" not in run["output"]["summary"] + run["output"].get("text", "")
