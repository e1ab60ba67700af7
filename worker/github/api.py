"""The narrow view of the GitHub REST API that fetching and publishing need, as a protocol."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class RepoRef:
    """One repository, named by its owner and name."""

    owner: str
    name: str

    @classmethod
    def parse(cls, full_name: str) -> RepoRef:
        """Split ``owner/name``; raise ValueError on anything else."""
        owner, sep, name = full_name.partition("/")
        if not sep or not owner or not name or "/" in name:
            raise ValueError(f"not an owner/name repository: {full_name!r}")
        return cls(owner, name)

    @property
    def full_name(self) -> str:
        """``owner/name``."""
        return f"{self.owner}/{self.name}"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list endpoint and whether GitHub announced a next page."""

    items: Sequence[JSON]
    has_next: bool


class RepoApi(Protocol):
    """The GitHub calls the worker makes on one repository."""

    repo: RepoRef

    def get_pull(self, number: int) -> JSON:
        """GET /repos/{owner}/{repo}/pulls/{number}."""
        ...

    def list_pull_files(self, number: int, page: int, per_page: int) -> Page:
        """GET /repos/{owner}/{repo}/pulls/{number}/files (one page)."""
        ...

    def get_tree(self, sha: str) -> JSON:
        """GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1."""
        ...

    def get_blob(self, sha: str) -> bytes:
        """GET /repos/{owner}/{repo}/git/blobs/{sha}, decoded."""
        ...

    def get_commit_message(self, sha: str) -> str:
        """GET /repos/{owner}/{repo}/git/commits/{sha}: the commit's message."""
        ...

    def list_check_runs(self, ref: str, name: str, app_id: int | None) -> list[JSON]:
        """GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=name."""
        ...

    def create_check_run(self, body: Mapping[str, Any]) -> JSON:
        """POST /repos/{owner}/{repo}/check-runs."""
        ...

    def update_check_run(self, check_run_id: int, body: Mapping[str, Any]) -> JSON:
        """PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}."""
        ...

    def list_issue_comments(self, number: int, page: int, per_page: int) -> Page:
        """GET /repos/{owner}/{repo}/issues/{number}/comments (one page)."""
        ...

    def create_issue_comment(self, number: int, body: str) -> JSON:
        """POST /repos/{owner}/{repo}/issues/{number}/comments."""
        ...

    def update_issue_comment(self, comment_id: int, body: str) -> JSON:
        """PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}."""
        ...


class InteractionApi(RepoApi, Protocol):
    """The calls commands and installation events add: comments, permission, reactions, PRs."""

    def get_issue_comment(self, comment_id: int) -> JSON | None:
        """GET /repos/{owner}/{repo}/issues/comments/{comment_id}; None when it is gone (404)."""
        ...

    def get_permission(self, username: str) -> str:
        """GET .../collaborators/{username}/permission → admin|write|read|none (404: none)."""
        ...

    def create_reaction(self, comment_id: int, content: str) -> None:
        """POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions."""
        ...

    def list_open_pulls(self, page: int, per_page: int) -> Page:
        """GET /repos/{owner}/{repo}/pulls?state=open (one page)."""
        ...
