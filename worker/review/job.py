"""One review job: fetch, review, publish, under the PR's lock (what the Celery tasks call).

`run_review` takes its collaborators explicitly: the GitHub API, the coordinator holding the
PR's lock, the Redis store (suspension, the installation's concurrency slot, the resolution
cache; None in tests and tools), the settings, the job, the PR's ignores and the smoke hooks.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from redis import Redis

from core.links import details_url
from core.logs import job_fields
from core.settings import Settings
from rules.manifests.dependabot import DependabotUpdate
from worker.commands.ignores import IgnoreSet, collect_ignores
from worker.concurrency import installation_slot
from worker.coordination import Coordinator, RedisCoordinator, lock_key
from worker.errors import is_retryable
from worker.github.api import JSON, InteractionApi, RepoApi
from worker.github.buttons import check_actions, completion_extras
from worker.github.publish import (
    AppIdentity,
    CheckRun,
    complete_check_run,
    find_check_run,
    start_check_run,
    upsert_comment,
)
from worker.github.session import CachedRepoApi
from worker.installations import is_suspended
from worker.metrics import StageTimer
from worker.review import comment
from worker.review.inputs import ReviewInputs, read_dependabot
from worker.review.pr_read import IgnoreSource, read_change
from worker.smoke.plan import SmokeHooks, SmokePlan, gpu_relevant, plan_smoke

if TYPE_CHECKING:
    from worker.resolve.cache import ResolutionCache
    from worker.resolve.model import ResolveReport

logger = logging.getLogger(__name__)

LOCK_WAIT_S = 30.0
#: A review that took longer than this reads the PR again before publishing (a push may have
#: come meanwhile); a quicker one publishes on the PR as read at its start: a push during it
#: queues a review of the new head that runs after it under the PR's lock and replaces the
#: comment. Saves one GitHub call per review.
RECHECK_AFTER_S = 15.0

Status = Literal[
    "published",
    "no-dependency-changes",
    "superseded",
    "already-reviewed",
    "failed",
]


@dataclass(frozen=True, slots=True)
class ReviewJob:
    """What a review is about: ids only, as they crossed the queue."""

    installation_id: int
    repo_full_name: str
    head_sha: str
    delivery_id: str
    pr_number: int | None = None
    base_sha: str | None = None
    force: bool = False
    #: A maintainer asked for the GPU smoke test (button or `@depreview smoke`).
    smoke_requested: bool = False

    def log_extra(self) -> dict[str, object]:
        """Fields for structured logs."""
        ids = job_fields(
            self.delivery_id, self.installation_id, self.repo_full_name, self.pr_number
        )
        return {**ids, "head_sha": self.head_sha}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a job did."""

    status: Status
    check_run_id: int | None = None
    conclusion: str | None = None
    comment: str | None = None
    detail: str = ""


def external_id(job: ReviewJob, base_sha: str) -> str:
    """The check run's external id: what was compared (head against base)."""
    pr = f"pr={job.pr_number};" if job.pr_number is not None else ""
    return f"{pr}base={base_sha}"


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
    api: RepoApi,
    coord: Coordinator,
    settings: Settings,
    job: ReviewJob,
    *,
    store: Redis | None = None,
    ignores: IgnoreSource | None = None,
    smoke: SmokeHooks | None = None,
) -> Outcome:
    """Review one head SHA and publish it, holding the PR's lock; idempotent.

    `store` (the App's Redis): a suspended installation is skipped, the review holds one of
    the installation's concurrency slots, and resolutions are cached; without it none of
    that. `ignores` reads the PR's `@depreview ignore` comments (the App passes
    `ignore_source(api, job.head_sha)`). `smoke` enables the GPU smoke decision after the
    review (without it no smoke test is considered). The seconds spent in each stage go to
    `depreview_review_stage_seconds` (worker/metrics.py), also when the review fails.
    Failures propagate as raised; the task classifies them (worker/errors.py).
    """
    if store is None:
        return _review_locked(api, coord, settings, job, None, ignores, smoke)
    if is_suspended(store, job.installation_id):
        logger.info("review skipped: installation suspended or deleted", extra=job.log_extra())
        return Outcome("failed", detail="installation suspended or deleted")
    ttl = settings.lease_ttl_s  # renewed while the review runs (worker/concurrency.py)
    limit = settings.installation_concurrency
    with installation_slot(store, job.installation_id, limit=limit, ttl_s=ttl):
        return _review_locked(api, coord, settings, job, store, ignores, smoke)


def _review_locked(
    api: RepoApi,
    coord: Coordinator,
    settings: Settings,
    job: ReviewJob,
    store: Redis | None,
    ignores: IgnoreSource | None,
    smoke: SmokeHooks | None,
) -> Outcome:
    timer = StageTimer()
    try:
        with coord.lock(
            lock_key(job.repo_full_name, job.pr_number, job.head_sha),
            timeout_s=_lock_timeout(coord, settings),
            wait_s=LOCK_WAIT_S,
        ):
            cache = _resolution_cache(store, settings)
            return _run_locked(_Locked(api, settings, job, ignores, smoke, timer, cache))
    finally:
        timer.observe()


def _lock_timeout(coord: Coordinator, settings: Settings) -> int:
    """The PR lock's expiry: a lease kept alive while the job runs when the coordinator
    refreshes its locks (Redis), so a killed worker frees the PR within `lease_ttl_s`;
    else the former fixed expiry."""
    if isinstance(coord, RedisCoordinator) and coord.refreshes_locks:
        return settings.lease_ttl_s
    return max(60, min(settings.visibility_timeout_s // 2, 1800))


def _resolution_cache(store: Redis | None, settings: Settings) -> ResolutionCache | None:
    """Resolutions cached in Redis when the review has the store."""
    if store is None or not settings.resolve_enabled:
        return None
    from worker.resolve.cache import ResolutionCache

    return ResolutionCache(store, settings.resolve_cache_ttl_s)


@dataclass(frozen=True, slots=True)
class _Locked:
    """What the review does under the PR's lock works with: `run_review`'s collaborators,
    the stage timer and the resolutions cache."""

    api: RepoApi
    settings: Settings
    job: ReviewJob
    pr_ignores: IgnoreSource | None
    smoke: SmokeHooks | None
    timer: StageTimer
    resolve_cache: ResolutionCache | None


def _run_locked(locked: _Locked) -> Outcome:
    api, settings, job, timer = locked.api, locked.settings, locked.job, locked.timer
    base_sha = job.base_sha
    dependabot = None
    pull: JSON | None = None
    if job.pr_number is not None:
        pull = api.get_pull(job.pr_number)
        current = str(pull["head"]["sha"])
        base_sha = base_sha or str(pull["base"]["sha"])
        if current != job.head_sha:
            return _superseded(api, settings, job, current, existing_only=True)
        dependabot = read_dependabot(api, pull)
    if base_sha is None:
        raise ValueError("a review needs a base SHA (from the PR or the merge group)")

    ext_id = external_id(job, base_sha)
    run = find_check_run(api, job.head_sha, settings.github_app_id)
    if run is not None and run.status == "completed" and run.external_id == ext_id:
        if not job.force and not job.smoke_requested:
            logger.info("already reviewed", extra=job.log_extra())
            return Outcome("already-reviewed", run.id, run.conclusion)
        run = None
    if run is None or run.status == "completed":
        with timer.stage("publish"):
            run = start_check_run(api, job.head_sha, ext_id, app_id=settings.github_app_id)
    try:
        return _review_and_publish(locked, base_sha, run, dependabot, pull)
    except Exception as exc:
        if is_retryable(exc):
            raise  # retried by Celery; the run stays in progress and is reused
        fail_check_run(api, run.id, exc)
        raise


def _review_and_publish(
    locked: _Locked,
    base_sha: str,
    run: CheckRun,
    dependabot: DependabotUpdate | None,
    pull: JSON | None,
) -> Outcome:
    api, settings, job, timer = locked.api, locked.settings, locked.job, locked.timer
    started = time.monotonic()
    read = read_change(
        api, settings, base_sha, job.head_sha, pr_number=job.pr_number, pull=pull, timer=timer
    )
    note = "" if read.listed_in_full else comment.listing_note(settings.max_pr_files)
    if not read.changed:
        output = comment.no_changes_output(note)
        with timer.stage("publish"):
            complete_check_run(api, run.id, "success", title=output.title, summary=output.summary)
        return Outcome("no-dependency-changes", run.id, "success")

    prepared = read.inputs(dependabot, locked.pr_ignores, timer)
    inputs, ignores = prepared.inputs, prepared.ignores
    resolved: list[ResolveReport] = []  # the resolver's report, when analyze resolves
    result = prepared.analyze(
        resolve=settings.resolve_enabled,
        settings=settings,
        resolve_cache=locked.resolve_cache,
        on_resolved=resolved.append,
        stage=timer.stage,
    )
    plan = None
    if job.pr_number is not None:
        if isinstance(api, CachedRepoApi) and time.monotonic() - started > RECHECK_AFTER_S:
            api.forget_pull(job.pr_number)
        with timer.stage("fetch"):
            pull = api.get_pull(job.pr_number)
        current = str(pull["head"]["sha"])
        if current != job.head_sha:
            return _superseded(api, settings, job, current, existing_only=False, run=run)
        if locked.smoke is not None:
            plan = _plan_smoke(api, locked.smoke, job, pull, inputs, resolved)

    action, comment_id = None, None
    if job.pr_number is not None:
        body = comment.pr_comment(result, ignores, plan.section if plan is not None else None)
        with timer.stage("publish"):
            identity = AppIdentity.of(settings.github_app_id, run)
            action, comment_id = upsert_comment(api, job.pr_number, body, identity)
    smoke_note = plan.note if plan is not None else ""
    output = comment.review_output(result, (note, comment.skipped_note(read.head.tree), smoke_note))
    actions = check_actions(
        smoke=job.pr_number is not None
        and gpu_relevant(inputs.base, inputs.head, inputs.base_config)
    )
    url = details_url(settings.github_api_url, job.repo_full_name, job.pr_number, comment_id)
    with timer.stage("publish"):
        complete_check_run(
            api,
            run.id,
            result.conclusion,
            title=output.title,
            summary=output.summary,
            text=output.text,
            annotations=output.annotations,
            extra=completion_extras(actions, url),
        )
    logger.info(
        "review published",
        extra={**job.log_extra(), "conclusion": result.conclusion, "comment": action},
    )
    return Outcome("published", run.id, result.conclusion, action)


def _plan_smoke(
    api: RepoApi,
    hooks: SmokeHooks,
    job: ReviewJob,
    pull: JSON,
    inputs: ReviewInputs,
    resolved: list[ResolveReport],
) -> SmokePlan:
    """The smoke decision for this head; a failure to decide never fails the review."""
    assert job.pr_number is not None
    try:
        return plan_smoke(
            api,
            hooks,
            installation_id=job.installation_id,
            pr_number=job.pr_number,
            head_sha=job.head_sha,
            pull=pull,
            base=inputs.base,
            head=inputs.head,
            base_config=inputs.base_config,
            report=resolved[-1] if resolved else None,
            requested=job.smoke_requested,
            delivery_id=job.delivery_id,
        )
    except Exception as exc:
        if is_retryable(exc):
            raise
        logger.exception("smoke decision failed", extra=job.log_extra())
        return SmokePlan("error", comment.smoke_error_note(exc))


def _superseded(
    api: RepoApi,
    settings: Settings,
    job: ReviewJob,
    newer: str,
    *,
    existing_only: bool,
    run: CheckRun | None = None,
) -> Outcome:
    """Close this SHA's own check run as neutral; never touch the comment."""
    if run is None and existing_only:
        run = find_check_run(api, job.head_sha, settings.github_app_id)
        if run is not None and run.status == "completed":
            run = None
    logger.info("superseded", extra={**job.log_extra(), "newer_sha": newer})
    if run is not None:
        output = comment.superseded_output(newer)
        complete_check_run(api, run.id, "neutral", title=output.title, summary=output.summary)
    return Outcome("superseded", run.id if run else None, "neutral" if run else None, None, newer)


def fail_check_run(api: RepoApi, check_run_id: int, exc: BaseException) -> None:
    """Complete a check run that could not finish as FAILURE, with the reason and Re-run.

    Never `neutral` or `success`: GitHub counts both as passing a required check, so a
    review that a crafted input can crash would otherwise let the change through.
    """
    output = comment.failed_output(exc)
    complete_check_run(
        api,
        check_run_id,
        "failure",
        title=output.title,
        summary=output.summary,
        extra={"actions": check_actions(smoke=False)},
    )


def fail_job(api: RepoApi, settings: Settings, job: ReviewJob, exc: BaseException) -> None:
    """After the last retry: close the SHA's open check run (or create a closed one)."""
    run = find_check_run(api, job.head_sha, settings.github_app_id)
    if run is None:
        ext_id = external_id(job, job.base_sha or "")
        run = start_check_run(api, job.head_sha, ext_id, app_id=settings.github_app_id)
    elif run.status == "completed":
        return
    fail_check_run(api, run.id, exc)
