"""The full PR comment and check run the App posts for `examples/torch-bump`, against golden files.

The App's path end to end (`worker.review.job.run_review` with the PR's ignores, on the fake
GitHub of tests/fakes): any change to what a maintainer reads shows up here as a diff of
`golden/torch-bump.comment.md` (the comment's body) and `golden/torch-bump.check-run.json`
(the PATCH that completes the check run: conclusion, output, annotations, buttons, link).
After a deliberate wording change, regenerate both and review the diff:

    DEPREVIEW_REGENERATE_GOLDEN=1 python3 -m uv run --frozen pytest \
        tests/worker/review/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.review.job import ReviewJob, ignore_source, run_review

EXAMPLE = Path(__file__).parents[3] / "examples" / "torch-bump"
GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("DEPREVIEW_REGENERATE_GOLDEN") == "1"
BASE, HEAD = "b" * 40, "h" * 40


class MemberGitHub(FakeGitHub):
    """The fake GitHub plus the permission call the PR's ignores need."""

    def get_permission(self, username: str) -> str:
        return "write"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _matches(name: str, actual: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; see the module docstring to regenerate"


def test_the_torch_bump_review_posts_the_golden_comment_and_check_run() -> None:
    gh = MemberGitHub()
    gh.commit(BASE, _tree(EXAMPLE / "base"))
    gh.commit(HEAD, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, HEAD)
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    job = ReviewJob(1, "octocat/Hello-World", HEAD, "d-golden", pr_number=gh.pr_number)

    outcome = run_review(gh, FakeCoordinator(), settings, job, ignores=ignore_source(gh, HEAD))

    assert outcome.status == "published"
    (comment,) = gh.comments
    (run,) = gh.check_runs
    # what the App sent to complete the run: conclusion, output, annotations, buttons, link
    patches: list[Any] = gh.calls_to("PATCH", f"/check-runs/{run['id']}")
    _matches("torch-bump.comment.md", comment["body"])
    _matches("torch-bump.check-run.json", json.dumps(patches, indent=2, sort_keys=True) + "\n")
