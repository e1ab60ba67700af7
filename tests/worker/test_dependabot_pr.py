"""A Dependabot PR is labelled with the update Dependabot meant (title and update type)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.dependabot import dependabot_from_pull
from worker.review_job import ReviewJob, run_review
from worker.settings import Settings

BASE, HEAD = "b" * 40, "h" * 40
TITLE = "Bump torch from 2.0.1 to 2.1.0"


class DependabotPull(FakeGitHub):
    """The fake PR, opened by Dependabot from its branch."""

    def get_pull(self, number: int) -> Any:
        pull = dict(super().get_pull(number))
        pull["title"] = TITLE
        pull["user"] = {"login": "dependabot[bot]", "type": "Bot"}
        pull["head"] = {**pull["head"], "ref": "dependabot/pip/torch-2.1.0"}
        return pull


@pytest.mark.parametrize(
    ("pull", "expected"),
    [
        ({"title": TITLE, "user": {"login": "dependabot[bot]"}, "head": {"ref": "x"}}, "torch"),
        (
            {
                "title": TITLE,
                "user": {"login": "me"},
                "head": {"ref": "dependabot/pip/torch-2.1.0"},
            },
            "torch",
        ),
        ({"title": TITLE, "user": {"login": "me"}, "head": {"ref": "bump-torch"}}, None),
        ({"title": "", "user": {"login": "dependabot[bot]"}, "head": {}}, None),
    ],
)
def test_dependabot_from_pull(pull: dict[str, Any], expected: str | None) -> None:
    update = dependabot_from_pull(pull)
    names = [d.name for d in update.dependencies] if update else []
    assert (names[0] if names else None) == expected


def test_dependabot_pr_comment_names_the_update() -> None:
    gh = DependabotPull()
    gh.commit(BASE, {"requirements.txt": b"torch==2.0.1\ntorchvision==0.15.2\n"})
    gh.commit(HEAD, {"requirements.txt": b"torch==2.1.0\ntorchvision==0.15.2\n"})
    gh.open_pr(BASE, HEAD)
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    job = ReviewJob(installation_id=1, repo_full_name="octocat/Hello-World", head_sha=HEAD,
                    delivery_id="d-dep", pr_number=gh.pr_number)  # fmt: skip
    run_review(gh, FakeCoordinator(), settings, job)
    body = gh.comments[0]["body"]
    assert TITLE in body
    assert "torch-family-mismatch" in body or "torchvision" in body
