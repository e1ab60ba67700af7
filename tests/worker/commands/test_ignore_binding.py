"""`@depreview ignore` is bound to the commit the maintainer reviewed (security finding 13).

Like `@depreview smoke`: a fork's author could push new code right after a maintainer's
ignore, and the ignore would silently cover findings nobody saw.
"""

from __future__ import annotations

from typing import Any

import pytest

from core.commands import parse_line
from worker.commands.handler import CommandJob, handle_command

PUSHED_AFTER = "e" * 40


class Api:
    """The GitHub calls the handler makes for one ignore comment on one PR."""

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

    def get_tree(self, sha: str) -> dict[str, Any]:
        return {"tree": []}

    def get_pull(self, number: int) -> dict[str, Any]:
        return {
            "head": {"sha": PUSHED_AFTER, "repo": {"full_name": self.head_repo}},
            "base": {"sha": "b" * 40, "repo": {"full_name": "org/repo"}},
            "user": {"login": "mallory"},
        }


class Actions:
    def __init__(self) -> None:
        self.reruns: list[str] = []

    def rerun(self, pr_number: int, head_sha: str) -> None:
        self.reruns.append(head_sha)

    def smoke(self, pr_number: int, head_sha: str, requested_by: str) -> str:
        return ""


CASES = [
    # body, fork, status, reviews queued
    ("@depreview ignore conflict -- seen", True, "ignore-unbound", 0),
    ("@depreview ignore conflict at aaaaaaa -- seen", True, "ignore-unbound", 0),
    (f"@depreview ignore conflict at {PUSHED_AFTER[:12]} -- seen", True, "ignore", 1),
    (f"@depreview ignore conflict numpy at {PUSHED_AFTER} -- seen", True, "ignore", 1),
    ("@depreview ignore conflict -- seen", False, "ignore", 1),
    ("@depreview ignore conflict at aaaaaaa -- seen", False, "ignore-unbound", 0),
]


@pytest.mark.parametrize(("body", "fork", "status", "reviews"), CASES)
def test_an_ignore_is_taken_only_for_the_head_it_names(
    body: str, fork: bool, status: str, reviews: int
) -> None:
    api, actions = Api(body, fork=fork), Actions()
    job = CommandJob(1, "org/repo", 5, 77, "d", "created")
    outcome = handle_command(api, job, actions)  # type: ignore[arg-type]
    assert outcome.status == status
    assert actions.reruns == [PUSHED_AFTER] * reviews
    if status == "ignore-unbound":
        assert f"at {PUSHED_AFTER[:12]}" in api.replies[-1]


def test_an_edit_that_unbinds_an_ignore_reviews_again() -> None:
    """Edited to another commit: the ignore the last review applied must stop applying."""
    api, actions = Api("@depreview ignore conflict at aaaaaaa -- seen", fork=True), Actions()
    job = CommandJob(1, "org/repo", 5, 77, "d", "edited", previous_command="ignore conflict -- x")
    outcome = handle_command(api, job, actions)  # type: ignore[arg-type]
    assert outcome.status == "ignore-unbound" and actions.reruns == [PUSHED_AFTER]


@pytest.mark.parametrize(
    ("line", "kind", "package", "days", "sha"),
    [
        ("ignore conflict -- r", "ignore", None, None, None),
        ("ignore conflict at ABCDEF1 -- r", "ignore", None, None, "abcdef1"),
        ("ignore conflict numpy at abcdef1 -- r", "ignore", "numpy", None, "abcdef1"),
        ("ignore conflict numpy for 7d at abcdef1 -- r", "ignore", "numpy", 7, "abcdef1"),
        ("ignore conflict at xyz -- r", "invalid", None, None, None),
        ("ignore conflict numpy at -- r", "invalid", None, None, None),
    ],
)
def test_ignore_takes_an_optional_commit(
    line: str, kind: str, package: str | None, days: int | None, sha: str | None
) -> None:
    command = parse_line(line)
    assert (command.kind, command.package, command.days, command.sha) == (kind, package, days, sha)
