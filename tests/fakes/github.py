"""An in-memory GitHub repository: trees, blobs, one PR, check runs and comments.

`FakeGitHub` implements the worker's `RepoApi` directly (unit tests) and backs the HTTP
server in `github_server.py` (end-to-end tests, where the worker runs in another process).
Every call is recorded as (method, path, body) so tests assert on what was sent.
`faults` injects failures into the HTTP server (`Fault`): a status instead of the answer,
the answer applied and then a 502 (what makes a create unsafe to repeat), or a hold.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from worker.github.api import JSON, Page, RepoRef


def blob_sha(data: bytes) -> str:
    """Git's blob id of `data`."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class Fault:
    """`count` requests matching `method` and the path regex `path` fail.

    `applied`: the request is served (the object is created) and then answered `status`.
    `hold_s`: the request waits that long (or until `release` is set) before going on.
    """

    method: str
    path: str
    status: int = 502
    count: int = 1
    applied: bool = False
    hold_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, Any] = field(default_factory=lambda: {"message": "Server Error"})
    release: threading.Event = field(default_factory=threading.Event)
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether this fault still applies to a request."""
        return self.hits < self.count and method == self.method and bool(re.search(self.path, path))


@dataclass
class FakeGitHub:
    """One repository with commits (sha → {path: bytes}) and one open pull request."""

    repo: RepoRef = field(default_factory=lambda: RepoRef("octocat", "Hello-World"))
    commits: dict[str, dict[str, bytes]] = field(default_factory=dict)
    pr_number: int = 1347
    pr_head: str = ""
    pr_base: str = ""
    pr_files: list[str] = field(default_factory=list)
    check_runs: list[JSON] = field(default_factory=list)
    comments: list[JSON] = field(default_factory=list)
    calls: list[tuple[str, str, Any]] = field(default_factory=list)
    fail_next: list[int] = field(default_factory=list)
    messages: dict[str, str] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    #: (method, path, status) of every injected fault, in order.
    fault_log: list[tuple[str, str, int]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take_fault(self, method: str, path: str) -> Fault | None:
        """The first fault that applies to this request (counted as used)."""
        with self._lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.hits += 1
                    self.fault_log.append((method, path, fault.status))
                    return fault
        return None

    # -- set-up -------------------------------------------------------------------------
    def commit(self, sha: str, files: Mapping[str, str | bytes]) -> None:
        """Add a commit whose tree holds `files`."""
        self.commits[sha] = {p: d.encode() if isinstance(d, str) else d for p, d in files.items()}

    def open_pr(self, base: str, head: str) -> None:
        """Point the PR at base and head; its file list is the paths that differ."""
        self.pr_base, self.pr_head = base, head
        a, b = self.commits[base], self.commits[head]
        self.pr_files = sorted(p for p in set(a) | set(b) if a.get(p) != b.get(p))

    def _record(self, method: str, path: str, body: Any = None) -> None:
        with self._lock:
            self.calls.append((method, path, body))

    def calls_to(self, method: str, suffix: str) -> list[Any]:
        """Bodies of the recorded calls with this method whose path ends with `suffix`."""
        return [b for m, p, b in self.calls if m == method and p.endswith(suffix)]

    # -- RepoApi ------------------------------------------------------------------------
    def get_pull(self, number: int) -> JSON:
        """The PR."""
        self._record("GET", f"/pulls/{number}")
        assert number == self.pr_number
        return {
            "number": number,
            "state": "open",
            "head": {"sha": self.pr_head, "ref": "feature"},
            "base": {"sha": self.pr_base, "ref": "main"},
            "changed_files": len(self.pr_files),
        }

    def list_pull_files(self, number: int, page: int, per_page: int) -> Page:
        """One page of the PR's files."""
        self._record("GET", f"/pulls/{number}/files?page={page}")
        start = (page - 1) * per_page
        chunk = self.pr_files[start : start + per_page]
        items = [{"filename": p, "status": "modified", "sha": "0" * 40} for p in chunk]
        return Page(items, has_next=start + per_page < len(self.pr_files))

    def get_tree(self, sha: str) -> JSON:
        """The recursive tree of a commit."""
        self._record("GET", f"/git/trees/{sha}")
        files = self.commits[sha]
        tree = [
            {"path": p, "mode": "100644", "type": "blob", "sha": blob_sha(d), "size": len(d)}
            for p, d in sorted(files.items())
        ]
        return {"sha": sha, "tree": tree, "truncated": False}

    def get_commit_message(self, sha: str) -> str:
        """A commit's message ("" unless a test set one in `messages`)."""
        self._record("GET", f"/git/commits/{sha}")
        return self.messages.get(sha, "")

    def get_blob(self, sha: str) -> bytes:
        """A blob by id."""
        self._record("GET", f"/git/blobs/{sha}")
        for files in self.commits.values():
            for data in files.values():
                if blob_sha(data) == sha:
                    return data
        raise KeyError(sha)

    def list_check_runs(self, ref: str, name: str, app_id: int | None) -> list[JSON]:
        """Check runs on a commit with this name."""
        self._record("GET", f"/commits/{ref}/check-runs")
        with self._lock:
            return [dict(r) for r in self.check_runs if r["head_sha"] == ref and r["name"] == name]

    def create_check_run(self, body: Mapping[str, Any]) -> JSON:
        """Create a check run (ids start at 4 like the docs' example)."""
        self._record("POST", "/check-runs", dict(body))
        with self._lock:
            run = {
                "id": 4 + len(self.check_runs),
                "name": body["name"],
                "head_sha": body["head_sha"],
                "status": body.get("status", "queued"),
                "conclusion": body.get("conclusion"),
                "external_id": body.get("external_id", ""),
                "output": dict(body.get("output", {})),
                "annotations": list(body.get("output", {}).get("annotations", [])),
            }
            if run["conclusion"]:
                run["status"] = "completed"
            self.check_runs.append(run)
            return dict(run)

    def get_check_run(self, check_run_id: int) -> JSON:
        """One check run, with `output.annotations_count` as GitHub reports it."""
        self._record("GET", f"/check-runs/{check_run_id}")
        with self._lock:
            run = dict(next(r for r in self.check_runs if r["id"] == check_run_id))
            run["output"] = {**run["output"], "annotations_count": len(run["annotations"])}
            return run

    def update_check_run(self, check_run_id: int, body: Mapping[str, Any]) -> JSON:
        """Update a check run; annotations are appended, as GitHub does."""
        self._record("PATCH", f"/check-runs/{check_run_id}", dict(body))
        with self._lock:
            run = next(r for r in self.check_runs if r["id"] == check_run_id)
            for key in ("status", "conclusion"):
                if key in body:
                    run[key] = body[key]
            if body.get("conclusion"):
                run["status"] = "completed"
            output = dict(body.get("output", {}))
            run["annotations"].extend(output.pop("annotations", []))
            run["output"].update(output)
            return dict(run)

    def list_issue_comments(self, number: int, page: int, per_page: int) -> Page:
        """One page of the PR's comments, by ascending id."""
        self._record("GET", f"/issues/{number}/comments?page={page}")
        start = (page - 1) * per_page
        with self._lock:
            chunk = [dict(c) for c in self.comments[start : start + per_page]]
            return Page(chunk, has_next=start + per_page < len(self.comments))

    def create_issue_comment(self, number: int, body: str) -> JSON:
        """Create a comment."""
        self._record("POST", f"/issues/{number}/comments", {"body": body})
        with self._lock:
            comment = {
                "id": 1000 + len(self.comments),
                "body": body,
                # What GitHub records for a comment an App's installation token writes.
                "user": {"login": "depreview[bot]", "type": "Bot"},
                "performed_via_github_app": {"id": 1, "slug": "depreview"},
            }
            self.comments.append(comment)
            return dict(comment)

    def update_issue_comment(self, comment_id: int, body: str) -> JSON:
        """Update a comment."""
        self._record("PATCH", f"/issues/comments/{comment_id}", {"body": body})
        with self._lock:
            comment = next(c for c in self.comments if c["id"] == comment_id)
            comment["body"] = body
            return dict(comment)
