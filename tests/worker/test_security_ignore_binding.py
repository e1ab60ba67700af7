"""Ignores are judged against the commit under review, not the PR's head as it is later
(security review finding 13; issue 11: ignores are bound to the head SHA the maintainer saw).

A push can land while a review runs: the job reviews `HEAD`, GitHub's PR already says
`PUSHED`. An `@depreview ignore … at PUSHED` must not silence findings on `HEAD` (the
maintainer never saw `HEAD`'s findings under that ignore), and `… at HEAD` still applies
to the review of `HEAD`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from core.settings import Settings
from tests.worker.commands.test_ignores import BASE, EXAMPLE, HEAD, CommandsFake, _tree
from worker.review.job import IgnoreSource, Outcome, ReviewJob, ignore_source

PUSHED = "c" * 40
CATEGORY = "conflict"


def _moved_pr(*shas: str) -> CommandsFake:
    """A PR reviewed at HEAD whose head has since moved to PUSHED; one ignore per `sha`."""
    gh = CommandsFake(permissions={"maintainer": "admin"})
    gh.commit(BASE, _tree(EXAMPLE / "base"))
    gh.commit(HEAD, _tree(EXAMPLE / "head"))
    gh.commit(PUSHED, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, PUSHED)
    for i, sha in enumerate(shas):
        user = {"login": "maintainer", "type": "User"}
        body = f"@depreview ignore {CATEGORY} at {sha[:12]} -- seen it"
        gh.comments.append(
            {"id": 500 + i, "body": body, "user": user, "created_at": "2026-11-20T10:00:00Z"}
        )
    return gh


@pytest.mark.parametrize(
    ("bound_to", "applies"),
    [
        (HEAD, True),  # given for the commit this review is about
        (PUSHED, False),  # given for a commit this review is not about
    ],
)
def test_an_ignore_is_judged_against_the_commit_under_review(bound_to: str, applies: bool) -> None:
    gh = _moved_pr(bound_to)
    ignores = ignore_source(gh, HEAD)(gh.pr_number, False)
    assert (len(ignores.active), len(ignores.stale)) == ((1, 0) if applies else (0, 1))


def test_the_app_review_binds_its_ignores_to_the_jobs_head(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What the review task (`worker.tasks.review`) hands `run_review`: read once per review.
    from worker.tasks import review

    seen: list[IgnoreSource] = []

    def run(api: Any, coord: Any, settings: Settings, job: ReviewJob, **kw: Any) -> Outcome:
        seen.append(kw["ignores"])
        return Outcome("published")

    gh = _moved_pr(HEAD, PUSHED)

    @contextmanager
    def session(installation_id: int, repo_full_name: str) -> Iterator[CommandsFake]:
        yield gh

    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    monkeypatch.setattr(review, "run_review", run)
    monkeypatch.setattr(review, "review_session", session)
    monkeypatch.setattr(review, "settings", lambda: settings)
    monkeypatch.setattr(review, "shared_redis", lambda: None)
    monkeypatch.setattr(review, "smoke_hooks", lambda: None)
    review._run(ReviewJob(1, "octocat/Hello-World", HEAD, "d-bind", pr_number=gh.pr_number))
    (source,) = seen
    ignores = source(gh.pr_number, False)
    assert [i.comment_id for i in ignores.active] == [500]  # the one `at HEAD`
    assert [i.comment_id for i in ignores.stale] == [501]  # the one `at PUSHED`
