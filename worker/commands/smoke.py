"""`@depreview smoke` and the "Run GPU smoke test" button: a review that asks for the GPU test.

The review job (worker/smoke/plan.py) resolves the head, treats the request as a
maintainer's (trusted, even for a fork), picks a fitting runner and reports on the check run
when none fits or none is online.
"""

from __future__ import annotations

from typing import Any

REVIEW_TASK = "worker.review_pull_request"


def request_smoke(
    celery: Any,
    *,
    installation_id: int,
    repo: str,
    pr_number: int,
    head_sha: str,
    delivery_id: str,
) -> str:
    """Queue a review of the PR head with `smoke_requested`; "" (the check run tells the rest)."""
    celery.send_task(
        REVIEW_TASK,
        kwargs={
            "installation_id": installation_id,
            "repo_full_name": repo,
            "pr_number": pr_number,
            "head_sha": head_sha,
            "delivery_id": delivery_id,
            "smoke_requested": True,
        },
    )
    return ""
