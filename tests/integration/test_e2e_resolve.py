"""End to end with resolution: the Celery worker resolves with uv against a local index.

The same processes as `test_e2e.py` (redis-server, uvicorn, a `celery worker` process, the
fake GitHub over HTTP); the worker's default index is a generated local index
(`DEPREVIEW_RESOLVE_INDEX_URL`), so uv really resolves, offline.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.fakes.github import FakeGitHub
from tests.integration.test_e2e import PAYLOAD, _completed, _send, _wait, running_stack
from tests.worker.resolve.wheels import build_universe
from worker.github.api import RepoRef

pytestmark = pytest.mark.integration


@pytest.fixture
def conflict_repo() -> FakeGitHub:
    """The payload's PR, whose head raises numpy's floor above scipy's ceiling."""
    payload = json.loads(PAYLOAD.read_bytes())
    pr = payload["pull_request"]
    gh = FakeGitHub(repo=RepoRef.parse(payload["repository"]["full_name"]), pr_number=pr["number"])
    common = {"requirements/ml.txt": b"scipy==1.10.1\n", ".python-version": b"3.11\n"}
    base = {**common, "requirements.txt": b"-r requirements/ml.txt\nnumpy>=1.19\n"}
    head = {**common, "requirements.txt": b"-r requirements/ml.txt\nnumpy>=1.24\n"}
    gh.commit(pr["base"]["sha"], base)
    gh.commit(pr["head"]["sha"], head)
    gh.open_pr(pr["base"]["sha"], pr["head"]["sha"])
    return gh


@pytest.fixture
def resolving_stack(
    redis_url: str, conflict_repo: FakeGitHub, tmp_path: Path
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The stack with resolution on, against a generated local index."""
    universe = build_universe(tmp_path / "index")
    env = {
        "DEPREVIEW_RESOLVE_ENABLED": "true",
        "DEPREVIEW_RESOLVE_INDEX_URL": universe.pypi,
        "DEPREVIEW_UV_CACHE_DIR": str(tmp_path / "uv-cache"),
    }
    with running_stack(redis_url, conflict_repo, tmp_path, env) as running:
        yield running


def test_the_worker_reports_the_resolvers_conflict(
    resolving_stack: tuple[str, subprocess.Popen[bytes]], conflict_repo: FakeGitHub
) -> None:
    url, worker = resolving_stack
    gh = conflict_repo
    with httpx.Client(timeout=5) as client:
        assert _send(client, url, PAYLOAD.read_bytes(), "r-1") == 202
        _wait("the review", lambda: bool(gh.comments) and _completed(gh), [worker])
    time.sleep(0.5)

    assert len(gh.check_runs) == 1 and len(gh.comments) == 1
    run = gh.check_runs[0]
    assert run["conclusion"] == "failure"
    output = run["output"]
    text = output.get("summary", "") + output.get("text", "")
    assert "resolution-conflict" in text
    assert any(a["path"] == "requirements.txt" for a in run["annotations"])
    assert "scipy" in gh.comments[0]["body"] and "numpy" in gh.comments[0]["body"]
