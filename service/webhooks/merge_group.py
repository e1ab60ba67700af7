"""`merge_group` deliveries: review a merge queue's group so a required check works with queues."""

from __future__ import annotations

from core.contract import ReviewMergeGroup, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

router = Router()


@router.register("merge_group", "checks_requested")
def review_merge_group(event: Event) -> TaskSpec | None:
    """Review the group's head SHA against the queue's base SHA."""
    return ReviewMergeGroup(
        **event.repo_task_ids(),
        head_sha=event.str_at("merge_group", "head_sha"),
        base_sha=event.str_at("merge_group", "base_sha"),
    )
