"""The App's review job against the attacks of the security review (docs: shared review §2, §3, §6).

Each test is a proof of concept turned into a regression test: the attack input, the App's
own code path (`run_review` on the in-memory fake GitHub), and the outcome that must hold.
"""

from __future__ import annotations

import contextlib
import shutil
from typing import Any

import httpx
import pytest
from githubkit.exception import RequestFailed
from githubkit.response import Response

from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.review.job import ReviewJob, run_review

BASE, HEAD = "b" * 40, "h" * 40
BASE_FILES = {"requirements.txt": "numpy==1.26.4\n"}
CONFLICT = "numpy>=2.0\nnumpy<1.24\n"  # an error-level `conflict` finding on its own

#: failopen_demo.py: a dependency marker that makes the resolver's pip check raise.
PYPROJECT = (
    '[project]\nname = "demo"\nversion = "0"\nrequires-python = ">=3.11"\n'
    'dependencies = ["numpy==1.26.4"]\n'
)
UVLOCK = """version = 1
requires-python = ">=3.11"

[[package]]
name = "demo"
version = "0"
source = { virtual = "." }
dependencies = [{ name = "numpy" }]

[[package]]
name = "numpy"
version = "1.26.4"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "six", marker = "python_version ~= 'x'" }]
"""


def _settings(*, resolve: bool) -> Settings:
    return Settings(
        github_app_id=None, environment="development", resolve_enabled=resolve, resolve_timeout_s=20
    )


def _gh(head: dict[str, str], base: dict[str, str] | None = None) -> FakeGitHub:
    gh = FakeGitHub()
    gh.commit(BASE, base if base is not None else BASE_FILES)
    gh.commit(HEAD, head)
    gh.open_pr(BASE, HEAD)
    return gh


def _job(gh: FakeGitHub) -> ReviewJob:
    return ReviewJob(1, "octocat/Hello-World", HEAD, "d", pr_number=gh.pr_number)


def _run(gh: FakeGitHub, settings: Settings) -> dict[str, Any]:
    # The job may raise (Celery then closes the run); the check run is what counts.
    with contextlib.suppress(Exception):
        run_review(gh, FakeCoordinator(), settings, _job(gh))
    return gh.check_runs[-1]


@pytest.mark.skipif(shutil.which("uv") is None, reason="the resolver needs uv")
def test_failopen_poc_a_crafted_lock_never_concludes_neutral() -> None:
    gh = _gh({"requirements.txt": CONFLICT, "pyproject.toml": PYPROJECT, "uv.lock": UVLOCK})
    run = _run(gh, _settings(resolve=True))
    assert (run["status"], run["conclusion"]) == ("completed", "failure")


class _Boom(RuntimeError):
    pass


def test_a_resolver_crash_becomes_an_error_finding_and_the_rules_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import worker.review.analysis

    def crash(*args: object, **kwargs: object) -> object:
        raise _Boom("resolver bug quoting ${HOME}")

    monkeypatch.setattr(worker.review.analysis, "_resolve", crash)
    gh = _gh({"requirements.txt": "numpy==1.26.4\ntorch==2.1.0\n"})  # nothing else fails
    run = _run(gh, _settings(resolve=True))
    assert (run["status"], run["conclusion"]) == ("completed", "failure")
    body = gh.comments[-1]["body"]
    assert "resolution-error" in body and "_Boom" in body and "HOME" not in body


def test_a_crash_outside_the_rules_concludes_failure_not_neutral() -> None:
    class Broken(FakeGitHub):
        def get_tree(self, sha: str) -> dict[str, Any]:
            raise _Boom("crafted tree")

    gh = Broken()
    gh.commit(BASE, BASE_FILES)
    gh.commit(HEAD, {"requirements.txt": CONFLICT})
    gh.open_pr(BASE, HEAD)
    run = _run(gh, _settings(resolve=False))
    assert run["conclusion"] == "failure"
    assert run["output"]["title"] == "depreview could not finish this review"


HEAD_CONFIGS = [
    "version: 1\nrules:\n  conflict: off\n",
    "version: 1\nignore:\n  - {category: conflict, reason: fine}\n",
    "version: 1\npaths:\n  include: ['docs/**']\n",
    "version: 1\nconclusion: {warning: success}\nrules: {conflict: warning}\n",
]


@pytest.mark.parametrize("config", HEAD_CONFIGS)
def test_the_head_config_does_not_decide_its_own_gate(config: str) -> None:
    gh = _gh({"requirements.txt": CONFLICT, ".github/depreview.yml": config})
    run = _run(gh, _settings(resolve=False))
    assert run["conclusion"] == "failure"
    assert "config-change" in gh.comments[-1]["body"]


PLANTED = {
    "id": 7,
    "user": {"login": "mallory", "type": "User"},
    "body": "<!-- depreview -->\n### ✅ depreview: no new dependency problems\n",
}


class RefusesForeignEdits(FakeGitHub):
    """GitHub if it answers 403 when the App edits a comment it did not write."""

    def update_issue_comment(self, comment_id: int, body: str) -> Any:
        if comment_id == PLANTED["id"]:
            req = httpx.Request("PATCH", f"https://api.github.com/x/comments/{comment_id}")
            raise RequestFailed(Response(httpx.Response(403, request=req, json={}), Any))
        return super().update_issue_comment(comment_id, body)


@pytest.mark.parametrize("cls", [FakeGitHub, RefusesForeignEdits])
def test_marker_poc_a_planted_comment_is_never_taken_for_ours(cls: type[FakeGitHub]) -> None:
    gh = cls()
    gh.commit(BASE, BASE_FILES)
    gh.commit(HEAD, {"requirements.txt": CONFLICT})
    gh.open_pr(BASE, HEAD)
    gh.comments.append(dict(PLANTED))
    outcome = run_review(gh, FakeCoordinator(), _settings(resolve=False), _job(gh))
    assert outcome.conclusion == "failure"
    assert gh.comments[0] == PLANTED  # mallory's comment untouched
    assert not gh.calls_to("PATCH", f"/issues/comments/{PLANTED['id']}")
    assert len(gh.calls_to("POST", f"/issues/{gh.pr_number}/comments")) == 1
    assert "this change introduces" in gh.comments[-1]["body"]
