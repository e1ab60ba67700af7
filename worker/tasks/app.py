"""Celery tasks of the App around the review: commands, buttons, installations, redelivery."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, cast

from celery import Task

from core.contract import ReviewCheckSuite, ReviewPullRequest
from worker.celery_app import app
from worker.commands.actions import ButtonPress, button_action
from worker.commands.handler import CommandJob
from worker.commands.handler import handle_command as run_command
from worker.commands.smoke import request_smoke
from worker.errors import retryable_failures
from worker.github.publish import AppIdentity
from worker.github.redelivery import GitHubDeliveriesApi, app_client
from worker.github.redelivery import redeliver_failed as redeliver
from worker.github.tokens import drop_installation_token
from worker.installations import OpenPull, handle_installation_event, is_suspended
from worker.tasks._base import ReviewTask, repo_api, settings, shared_redis, task

logger = logging.getLogger(__name__)


class CeleryActions:
    """What commands and buttons start, as Celery messages (`handler.Actions`)."""

    def __init__(self, installation_id: int, repo_full_name: str, delivery_id: str) -> None:
        self.installation_id = installation_id
        self.repo_full_name = repo_full_name
        self.delivery_id = delivery_id

    def rerun(self, pr_number: int, head_sha: str) -> None:
        """A forced review of the PR head (`review_check_suite` with `rerequested`)."""
        self._rerun(head_sha, [pr_number])

    def rerun_sha(self, head_sha: str) -> None:
        """A forced review of whatever our check run on `head_sha` reviewed (merge groups)."""
        self._rerun(head_sha, [])

    def _rerun(self, head_sha: str, pr_numbers: list[int]) -> None:

        review = ReviewCheckSuite(
            installation_id=self.installation_id,
            repo_full_name=self.repo_full_name,
            head_sha=head_sha,
            delivery_id=self.delivery_id,
            pr_numbers=tuple(pr_numbers),
            action="rerequested",
        )
        app.send_task(review.task_name, kwargs=review.kwargs())

    def smoke(self, pr_number: int, head_sha: str, requested_by: str) -> str:
        """A review that asks for the GPU smoke test as a maintainer's request."""

        logger.info(
            "smoke test requested",
            extra={"repo": self.repo_full_name, "pr": pr_number, "login": requested_by},
        )
        return request_smoke(
            app,
            installation_id=self.installation_id,
            repo=self.repo_full_name,
            pr_number=pr_number,
            head_sha=head_sha,
            delivery_id=self.delivery_id,
        )


class AppTask(ReviewTask):
    """The review tasks' retry policy (rate limits wait as GitHub said); no check run to close."""

    acks_late = True  # a repeated command re-checks permission and queues an idempotent review
    leased = False  # a command is a few calls; its review is the leased task
    soft_time_limit = 5 * 60  # a command or an installation event is a few API calls
    time_limit = 6 * 60

    def on_failure(
        self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any
    ) -> None:
        """Log only: commands, buttons and installation events own no check run."""
        logger.error("task failed for good", extra={"task_id": task_id, "error": repr(exc)})


def _suspended(installation_id: int, what: str) -> bool:
    if is_suspended(cast(Any, shared_redis()), installation_id):
        logger.info(
            "skipped: installation suspended or deleted",
            extra={"installation_id": installation_id, "what": what},
        )
        return True
    return False


def _github(fn: Any) -> Any:
    """Run a GitHub call; rate limits and transient failures become retryable errors."""
    with retryable_failures():
        return fn()


@task("worker.handle_command", base=AppTask)
def handle_command(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    pr_number: int,
    comment_id: int,
    delivery_id: str,
    action: str,
    previous_command: str | None = None,
) -> str:
    """An `@depreview` comment was created, edited or deleted: check, acknowledge, act."""
    if _suspended(installation_id, "command"):
        return "suspended"
    job = CommandJob(
        installation_id,
        repo_full_name,
        pr_number,
        comment_id,
        delivery_id,
        action,
        previous_command,
    )
    actions = CeleryActions(installation_id, repo_full_name, delivery_id)
    api = repo_api(installation_id, repo_full_name)
    identity = AppIdentity(settings().github_app_id)
    outcome = _github(lambda: run_command(api, job, actions, identity=identity))
    logger.info("command handled", extra={**job.log_extra(), "status": outcome.status})
    return str(outcome.status)


@task("worker.handle_installation", base=AppTask)
def handle_installation(
    self: Task,
    installation_id: int,
    event: str,
    action: str,
    delivery_id: str,
    repositories_added: Sequence[str] = (),
    repositories_removed: Sequence[str] = (),
) -> dict[str, Any]:
    """Track suspension; optionally review a new installation's open dependency PRs."""

    cfg = settings()
    if event == "installation" and action == "new_permissions_accepted":
        drop_installation_token(cast(Any, shared_redis()), cfg.github_app_id, installation_id)

    def enqueue(pull: OpenPull, countdown: float) -> None:
        review = ReviewPullRequest(
            installation_id=installation_id,
            repo_full_name=pull.repo,
            pr_number=pull.number,
            head_sha=pull.head_sha,
            delivery_id=delivery_id,
        )
        app.send_task(review.task_name, kwargs=review.kwargs(), countdown=countdown)

    return cast(
        dict[str, Any],
        _github(
            lambda: handle_installation_event(
                cast(Any, shared_redis()),
                installation_id,
                event,
                action,
                repositories_added=repositories_added,
                review_open_prs=cfg.review_open_prs_on_install,
                api_for=lambda repo: repo_api(installation_id, repo),
                enqueue=enqueue,
                limit=cfg.install_review_max_prs,
                spacing_s=cfg.install_review_spacing_s,
            )
        ),
    )


@task("worker.handle_check_action", base=AppTask)
def handle_check_action(
    self: Task,
    installation_id: int,
    repo_full_name: str,
    check_run_id: int,
    head_sha: str,
    identifier: str,
    sender_login: str,
    delivery_id: str,
) -> str:
    """A button on our check run: Re-run (forced review) or Run GPU smoke test."""
    if _suspended(installation_id, "button"):
        return "suspended"
    api = repo_api(installation_id, repo_full_name)
    press = ButtonPress(check_run_id, head_sha, identifier, sender_login)
    decision, target = _github(lambda: button_action(api, press, settings().github_app_id))
    actions = CeleryActions(installation_id, repo_full_name, delivery_id)
    if decision == "rerun" and target is not None:
        if target.pr_number is not None:
            actions.rerun(target.pr_number, head_sha)
        else:
            actions.rerun_sha(head_sha)
    elif decision == "smoke" and target is not None and target.pr_number is not None:
        actions.smoke(target.pr_number, head_sha, sender_login)
    logger.info(
        "check run action",
        extra={
            "delivery_id": delivery_id,
            "installation_id": installation_id,
            "repo": repo_full_name,
            "head_sha": head_sha,
            "identifier": identifier,
            "status": decision,
        },
    )
    return str(decision)


@task("worker.redeliver_failed", base=AppTask)
def redeliver_failed(self: Task) -> list[str]:
    """Periodic (Celery beat): ask GitHub to redeliver deliveries that never succeeded."""

    api = GitHubDeliveriesApi(app_client(settings()))
    store = cast(Any, shared_redis())
    return cast(
        list[str], _github(lambda: redeliver(api, store, max_pages=settings().redelivery_max_pages))
    )
