"""`run_review` as the App runs it: suspension, a concurrency slot, PR ignores.

The Celery review tasks call this in place of `worker.review_job.run_review`; tests call either.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from core.settings import Settings
from worker.commands.ignores import IgnoreSet, collect_ignores
from worker.concurrency import installation_slot
from worker.coordination import Coordinator
from worker.github.api import InteractionApi, RepoApi
from worker.installations import is_suspended
from worker.review_job import IgnoreSource, Outcome, ReviewJob
from worker.review_job import run_review as run_plain_review

logger = logging.getLogger(__name__)


def ignore_source(api: InteractionApi, head_sha: str | None = None) -> IgnoreSource:
    """Reads the PR's `@depreview ignore` comments as they are now (no database).

    `head_sha`: the commit under review. An ignore bound to a commit (`at <sha>`) applies
    only to that one; without `head_sha` the PR's head as GitHub says now is used, which a
    push during the review moves (security review finding 13).
    """

    def read(pr_number: int, allow_self: bool) -> IgnoreSet:
        pull = api.get_pull(pr_number)
        author = str((pull.get("user") or {}).get("login") or "")
        return collect_ignores(
            api,
            pr_number,
            pr_author=author,
            allow_self=allow_self,
            today=date.today(),
            head_sha=head_sha,
            pull=pull,
        )

    return read


def run_review(
    api: RepoApi, coord: Coordinator, settings: Settings, job: ReviewJob, **kwargs: Any
) -> Outcome:
    """Skip suspended installations; hold an installation slot; add PR ignores.

    Failures propagate as raised; the task classifies them (worker/errors.py).
    """
    store = getattr(coord, "store", None)
    if store is not None and is_suspended(store, job.installation_id):
        logger.info("review skipped: installation suspended or deleted", extra=job.log_extra())
        return Outcome("failed", detail="installation suspended or deleted")
    if job.pr_number is not None and hasattr(api, "get_permission"):
        kwargs.setdefault("pr_ignores", ignore_source(api, job.head_sha))  # type: ignore[arg-type]
    if store is None:
        return run_plain_review(api, coord, settings, job, **kwargs)
    ttl = settings.lease_ttl_s  # renewed while the review runs (worker/concurrency.py)
    limit = settings.installation_concurrency
    with installation_slot(store, job.installation_id, limit=limit, ttl_s=ttl):
        return run_plain_review(api, coord, settings, job, **kwargs)
