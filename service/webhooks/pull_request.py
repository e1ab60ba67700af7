"""`pull_request` deliveries: review the PR whenever its head or its base changes."""

from __future__ import annotations

from core.contract import ReviewPullRequest, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

router = Router()
router.reads(
    "pull_request",
    {
        "action": None,
        "installation": {"id": None},
        "repository": {"full_name": None},
        "pull_request": {"number": None, "head": {"sha": None}},
        "changes": {"base": None},
    },
)


def _review(event: Event) -> ReviewPullRequest:
    return ReviewPullRequest(
        **event.repo_task_ids(),
        pr_number=event.int_at("pull_request", "number"),
        head_sha=event.str_at("pull_request", "head", "sha"),
    )


@router.register("pull_request", "opened", "synchronize", "reopened", "ready_for_review")
def review_new_head(event: Event) -> TaskSpec | None:
    """Review the PR at its head SHA; drafts too, since a broken pin is worth knowing early."""
    return _review(event)


@router.register("pull_request", "edited")
def review_new_base(event: Event) -> TaskSpec | None:
    """Re-review when the base branch changed; title or body edits change nothing we check."""
    if event.get("changes", "base") is None:
        return None
    return _review(event)
