"""Merge queues: a `merge_group checks_requested` delivery reviews the group's head SHA."""

from __future__ import annotations

import json
from pathlib import Path

from core.contract import ReviewMergeGroup
from core.settings import Settings
from service.webhooks.event import Event
from service.webhooks.routes import build_router
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.github.buttons import RERUN_ID
from worker.review.job import ReviewJob, run_review

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXAMPLE = Path(__file__).parents[2] / "examples" / "torch-bump"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_merge_group_reviews_the_group_head_against_its_base() -> None:
    payload = json.loads(
        (FIXTURES / "github-webhooks/merge_group/checks_requested.json").read_text("utf-8")
    )
    [spec] = build_router().dispatch(Event("merge_group", "mg-1", payload))
    assert isinstance(spec, ReviewMergeGroup)
    group = payload["merge_group"]
    assert (spec.head_sha, spec.base_sha) == (group["head_sha"], group["base_sha"])

    gh = FakeGitHub()
    gh.commit(spec.base_sha, _tree(EXAMPLE / "base"))
    gh.commit(spec.head_sha, _tree(EXAMPLE / "head"))
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    kwargs = spec.kwargs()
    job = ReviewJob(
        kwargs["installation_id"],
        kwargs["repo_full_name"],
        kwargs["head_sha"],
        kwargs["delivery_id"],
        base_sha=kwargs["base_sha"],
    )
    outcome = run_review(gh, FakeCoordinator(), settings, job)

    assert outcome.status == "published"
    [run] = gh.check_runs
    assert run["name"] == "depreview" and run["head_sha"] == group["head_sha"]
    assert run["external_id"] == f"base={group['base_sha']}"
    assert run["status"] == "completed" and run["conclusion"] == outcome.conclusion
    assert gh.comments == []  # a merge group has no PR conversation
    completing = gh.calls_to("PATCH", f"/check-runs/{run['id']}")[0]
    assert [a["identifier"] for a in completing["actions"]] == [RERUN_ID]
    assert completing["details_url"].endswith("/Codertocat/Hello-World")
    assert not any(p.endswith("/pulls/2") for _, p, _ in gh.calls)  # never looks up a PR
