"""The worker's second guard for `check_suite.requested` (the service no longer queues it,
service/webhooks/checks.py; a message queued by an older service must still review nothing)."""

from __future__ import annotations

from worker.tasks.review import review_check_suite


def test_a_queued_requested_suite_reviews_nothing() -> None:
    # No Redis, no GitHub: returning before either is touched is the point.
    result = review_check_suite(  # type: ignore[call-arg]  # Celery binds `self`
        installation_id=957387,
        repo_full_name="Codertocat/Hello-World",
        head_sha="ec26c3e57ca3a959ca5aad62de7213c562f8c821",
        delivery_id="d-1",
        pr_numbers=[2],
        action="requested",
    )
    assert result == []
