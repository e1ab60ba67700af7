"""`check_run` and `check_suite` deliveries: re-runs, suite requests and our check run's buttons."""

from __future__ import annotations

from core.contract import HandleCheckAction, ReviewCheckSuite, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

router = Router()


@router.register("check_run", "rerequested")
def rerun_check_run(event: Event) -> TaskSpec | None:
    """ "Re-run" on our check run: review its head SHA again (GitHub sends this only to its App)."""
    return ReviewCheckSuite(
        installation_id=event.installation_id(),
        repo_full_name=event.repo_full_name(),
        head_sha=event.str_at("check_run", "head_sha"),
        delivery_id=event.delivery_id,
        pr_numbers=event.pr_numbers("check_run", "pull_requests"),
        action=event.action,
    )


@router.register("check_run", "requested_action")
def press_button(event: Event) -> TaskSpec | None:
    """A button on our check run was pressed; the worker checks who may do what."""
    return HandleCheckAction(
        installation_id=event.installation_id(),
        repo_full_name=event.repo_full_name(),
        check_run_id=event.int_at("check_run", "id"),
        head_sha=event.str_at("check_run", "head_sha"),
        identifier=event.str_at("requested_action", "identifier"),
        sender_login=event.str_at("sender", "login"),
        delivery_id=event.delivery_id,
    )


@router.register("check_suite", "requested", "rerequested")
def review_check_suite(event: Event) -> TaskSpec | None:
    """A new or re-requested suite: review its head SHA (no PRs listed: the worker finds them)."""
    return ReviewCheckSuite(
        installation_id=event.installation_id(),
        repo_full_name=event.repo_full_name(),
        head_sha=event.str_at("check_suite", "head_sha"),
        delivery_id=event.delivery_id,
        pr_numbers=event.pr_numbers("check_suite", "pull_requests"),
        action=event.action,
    )
