"""A Dependabot PR is labelled with the update Dependabot meant (title and update type)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.review.inputs import dependabot_from_pull
from worker.review.job import ReviewJob, run_review

BASE, HEAD = "b" * 40, "h" * 40
FIXTURES = Path(__file__).parents[1] / "fixtures" / "dependabot"
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
                "user": {"login": "mallory"},
                "head": {"ref": "dependabot/pip/torch-2.1.0"},
            },
            None,  # security review finding 18: a fork's branch name is not Dependabot
        ),
        ({"title": TITLE, "user": {"login": "me"}, "head": {"ref": "bump-torch"}}, None),
        ({"title": "", "user": {"login": "dependabot[bot]"}, "head": {}}, None),
    ],
)
def test_dependabot_from_pull(pull: dict[str, Any], expected: str | None) -> None:
    update = dependabot_from_pull(pull)
    names = [d.name for d in update.dependencies] if update else []
    assert (names[0] if names else None) == expected


def test_redos_dependabot_poc_a_spoofed_branch_never_parses_the_subject() -> None:
    import time

    pull = {
        "user": {"login": "mallory", "type": "User"},
        "head": {"ref": "dependabot/pip/x", "repo": {"full_name": "mallory/fork"}},
        "title": "innocent title",
    }
    started = time.monotonic()
    assert dependabot_from_pull(pull, "bump " + "a," * 40 + "a!") is None
    assert time.monotonic() - started < 1.0


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


def test_head_commit_metadata_gives_dependency_and_update_type() -> None:
    """The real Dependabot commit message (metadata block) wins over the PR title."""
    message = (FIXTURES / "pip-group-2-updates-semver-major.commit-message.txt").read_text()
    gh = DependabotPull()
    gh.commit(BASE, {"requirements.txt": b"mypy==1.20.2\n"})
    gh.commit(HEAD, {"requirements.txt": b"mypy==2.1.0\n"})
    gh.open_pr(BASE, HEAD)
    gh.messages[HEAD] = message
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    job = ReviewJob(installation_id=1, repo_full_name="octocat/Hello-World", head_sha=HEAD,
                    delivery_id="d-dep2", pr_number=gh.pr_number)  # fmt: skip
    run_review(gh, FakeCoordinator(), settings, job)
    assert ("GET", f"/git/commits/{HEAD}", None) in gh.calls
    assert message.splitlines()[0] in gh.comments[0]["body"]
    update = dependabot_from_pull(gh.get_pull(gh.pr_number), message)
    assert update is not None and update.has_metadata
    assert {d.name: d.update_type for d in update.dependencies}["mypy"] == "semver-major"


def test_non_dependabot_pr_costs_no_commit_call() -> None:
    gh = FakeGitHub()
    gh.commit(BASE, {"requirements.txt": b"torch==2.0.1\n"})
    gh.commit(HEAD, {"requirements.txt": b"torch==2.1.0\n"})
    gh.open_pr(BASE, HEAD)
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    job = ReviewJob(installation_id=1, repo_full_name="octocat/Hello-World", head_sha=HEAD,
                    delivery_id="d-dep3", pr_number=gh.pr_number)  # fmt: skip
    run_review(gh, FakeCoordinator(), settings, job)
    assert not [c for c in gh.calls if c[1].startswith("/git/commits/")]
