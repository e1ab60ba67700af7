"""One task's view of a repository: each read made once, blobs cached by SHA in Redis.

A review reads the PR, two trees and their dependency blobs, and the PR's comments (for
`@depreview ignore` and for the App's own comment). `CachedRepoApi` keeps what it read for
the task's lifetime, so the PR and the comment list are fetched once, a blob present at base
and head is fetched once, and an include round reuses the tree. Blobs are immutable by SHA,
so they are also kept in Redis (`BlobCache`) for later reviews of the repository. Writes pass
through; a comment write forgets the comment list. Anything else (`get_permission`, ...)
is the wrapped API's.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol

from worker.github.api import JSON, Page, RepoApi, RepoRef

logger = logging.getLogger(__name__)


class BlobStore(Protocol):
    """The Redis commands the blob cache uses."""

    def get(self, name: str) -> Any:
        """GET."""
        ...

    def set(self, name: str, value: bytes, ex: int | None = None) -> Any:
        """SET with expiry."""
        ...


class BlobCache:
    """Blobs by repository and SHA in Redis; a Redis failure is a miss, never an error."""

    def __init__(self, store: BlobStore, ttl_s: int, max_bytes: int = 1_000_000) -> None:
        self._store = store
        self._ttl = ttl_s
        self._max = max_bytes

    @staticmethod
    def key(repo: RepoRef, sha: str) -> str:
        """One blob's key (per repository: a cache never answers for another tenant)."""
        return f"depreview:blob:{repo.full_name}:{sha}"

    def get(self, repo: RepoRef, sha: str) -> bytes | None:
        """The cached blob, or None."""
        try:
            value = self._store.get(self.key(repo, sha))
        except Exception:  # a cache outage must not fail the review
            logger.warning("blob cache unavailable", exc_info=True)
            return None
        return bytes(value) if value is not None else None

    def put(self, repo: RepoRef, sha: str, data: bytes) -> None:
        """Cache a blob (big ones are not cached)."""
        if self._ttl <= 0 or len(data) > self._max:
            return
        try:
            self._store.set(self.key(repo, sha), data, ex=self._ttl)
        except Exception:
            logger.warning("blob cache unavailable", exc_info=True)


class CachedRepoApi:
    """`RepoApi` (and whatever else `api` offers) with the task-long memory described above."""

    def __init__(self, api: RepoApi, blobs: BlobCache | None = None) -> None:
        self._api = api
        self.repo: RepoRef = api.repo
        self._blob_cache = blobs
        self._pulls: dict[int, JSON] = {}
        self._trees: dict[str, JSON] = {}
        self._blobs: dict[str, bytes] = {}
        self._comments: dict[tuple[int, int, int], Page] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)

    @property
    def wrapped(self) -> RepoApi:
        """The API underneath."""
        return self._api

    # -- memoized reads -----------------------------------------------------------------
    def get_pull(self, number: int) -> JSON:
        """The PR as first read in this task (`forget_pull` to read it again)."""
        if number not in self._pulls:
            self._pulls[number] = self._api.get_pull(number)
        return self._pulls[number]

    def forget_pull(self, number: int) -> None:
        """Read the PR again on the next `get_pull`."""
        self._pulls.pop(number, None)

    def get_tree(self, sha: str) -> JSON:
        """A recursive tree, read once per task."""
        if sha not in self._trees:
            self._trees[sha] = self._api.get_tree(sha)
        return self._trees[sha]

    def get_blob(self, sha: str) -> bytes:
        """A blob: this task's copy, else Redis, else GitHub (then cached)."""
        data = self._blobs.get(sha)
        if data is None and self._blob_cache is not None:
            data = self._blob_cache.get(self.repo, sha)
        if data is None:
            data = self._api.get_blob(sha)
            if self._blob_cache is not None:
                self._blob_cache.put(self.repo, sha, data)
        self._blobs[sha] = data
        return data

    def list_issue_comments(self, number: int, page: int, per_page: int) -> Page:
        """One page of comments, read once until a comment is written."""
        key = (number, page, per_page)
        if key not in self._comments:
            self._comments[key] = self._api.list_issue_comments(number, page, per_page)
        return self._comments[key]

    # -- pass-through -------------------------------------------------------------------
    def list_pull_files(self, number: int, page: int, per_page: int) -> Page:
        """GitHub's answer."""
        return self._api.list_pull_files(number, page, per_page)

    def get_commit_message(self, sha: str) -> str:
        """GitHub's answer."""
        return self._api.get_commit_message(sha)

    def list_check_runs(self, ref: str, name: str, app_id: int | None) -> list[JSON]:
        """GitHub's answer (never cached: runs change)."""
        return self._api.list_check_runs(ref, name, app_id)

    def create_check_run(self, body: Mapping[str, Any]) -> JSON:
        """Write."""
        return self._api.create_check_run(body)

    def update_check_run(self, check_run_id: int, body: Mapping[str, Any]) -> JSON:
        """Write."""
        return self._api.update_check_run(check_run_id, body)

    def create_issue_comment(self, number: int, body: str) -> JSON:
        """Write; the comment list is read again afterwards (also when the write failed)."""
        try:
            return self._api.create_issue_comment(number, body)
        finally:
            self._forget_comments(number)

    def update_issue_comment(self, comment_id: int, body: str) -> JSON:
        """Write; every comment list is read again afterwards."""
        try:
            return self._api.update_issue_comment(comment_id, body)
        finally:
            self._comments.clear()

    def _forget_comments(self, number: int) -> None:
        for key in [k for k in self._comments if k[0] == number]:
            del self._comments[key]
