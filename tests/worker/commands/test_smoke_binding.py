"""`@depreview smoke` is bound to the commit the maintainer saw (security review finding 13).

The PoC: a maintainer comments `@depreview smoke` on a fork PR; the fork's author force-pushes
before the worker handles the comment, and the new head ran on the GPU runner.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.commands import parse_line
from worker.commands.handler import CommandJob, handle_command

PUSHED_AFTER = "e" * 40


class Api:
    """The GitHub calls the handler makes, for one comment on one PR."""

    def __init__(self, body: str, *, fork: bool) -> None:
        self.body = body
        self.head_repo = "mallory/fork" if fork else "org/repo"
        self.replies: list[str] = []

    def get_issue_comment(self, comment_id: int) -> dict[str, Any]:
        return {
            "id": comment_id,
            "user": {"login": "maintainer", "type": "User"},
            "created_at": "2026-01-01T10:00:00Z",
            "body": self.body,
        }

    def get_permission(self, login: str) -> str:
        return "write"

    def create_reaction(self, comment_id: int, content: str) -> None:
        pass

    def create_issue_comment(self, number: int, body: str) -> None:
        self.replies.append(body)

    def get_pull(self, number: int) -> dict[str, Any]:
        return {
            "head": {"sha": PUSHED_AFTER, "repo": {"full_name": self.head_repo}},
            "base": {"sha": "b" * 40, "repo": {"full_name": "org/repo"}},
            "user": {"login": "mallory"},
        }


class Actions:
    def __init__(self) -> None:
        self.smokes: list[str] = []

    def rerun(self, pr_number: int, head_sha: str) -> None:
        pass

    def smoke(self, pr_number: int, head_sha: str, requested_by: str) -> str:
        self.smokes.append(head_sha)
        return ""


CASES = [
    # body, fork, status, smoke runs
    ("@depreview smoke", True, "smoke-unbound", 0),  # the PoC: refused, asks for the SHA
    ("@depreview smoke aaaaaaa", True, "smoke-unbound", 0),  # approved another commit
    (f"@depreview smoke {PUSHED_AFTER[:12]}", True, "smoke", 1),
    (f"@depreview smoke {PUSHED_AFTER.upper()}", True, "smoke", 1),
    ("@depreview smoke", False, "smoke", 1),  # same repository: its pushers can write
    ("@depreview smoke aaaaaaa", False, "smoke-unbound", 0),
]


@pytest.mark.parametrize(("body", "fork", "status", "runs"), CASES)
def test_smoke_runs_only_the_commit_the_maintainer_named(
    body: str, fork: bool, status: str, runs: int
) -> None:
    api, actions = Api(body, fork=fork), Actions()
    job = CommandJob(1, "org/repo", 5, 77, "d", "created")
    outcome = handle_command(api, job, actions)  # type: ignore[arg-type]
    assert outcome.status == status
    assert actions.smokes == [PUSHED_AFTER] * runs
    if status == "smoke-unbound":
        assert f"@depreview smoke {PUSHED_AFTER[:12]}" in api.replies[-1]


@pytest.mark.parametrize(
    ("line", "kind", "sha"),
    [
        ("smoke", "smoke", None),
        ("smoke ABCDEF1", "smoke", "abcdef1"),
        ("smoke abc", "invalid", None),
        ("smoke now please", "invalid", None),
    ],
)
def test_smoke_takes_an_optional_sha(line: str, kind: str, sha: str | None) -> None:
    command = parse_line(line)
    assert (command.kind, command.sha) == (kind, sha)
