"""`check_run` and `check_suite` deliveries: re-runs, suite requests and our check run's buttons."""

from __future__ import annotations

import logging

from core.contract import HandleCheckAction, ReviewCheckSuite, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

logger = logging.getLogger(__name__)

#: The `check_run` routes; `suite_router` adds the `check_suite` ones (they need the App id).
router = Router()


@router.register("check_run", "rerequested")
def rerun_check_run(event: Event) -> TaskSpec | None:
    """ "Re-run" on our check run: review its head SHA again (GitHub sends this only to its App)."""
    return _review_again(event, "check_run")


def _review_again(event: Event, source: str) -> ReviewCheckSuite:
    """Review the head SHA of the delivery's `source` (`check_run` / `check_suite`) again, for
    the pull requests it lists."""
    return ReviewCheckSuite(
        **event.repo_task_ids(),
        head_sha=event.str_at(source, "head_sha"),
        pr_numbers=event.pr_numbers(source, "pull_requests"),
        action=event.action,
    )


@router.register("check_run", "requested_action")
def press_button(event: Event) -> TaskSpec | None:
    """A button on our check run was pressed; the worker checks who may do what."""
    return HandleCheckAction(
        **event.repo_task_ids(),
        check_run_id=event.int_at("check_run", "id"),
        head_sha=event.str_at("check_run", "head_sha"),
        identifier=event.str_at("requested_action", "identifier"),
        sender_login=event.str_at("sender", "login"),
    )


#: What a `check_suite` delivery leads to, decided from its payload alone (no API call):
#: `review`, or why it is not a review. GitHub sends `requested` to every App with Checks
#: write when code is pushed (its own suite for that commit), next to the push's
#: `pull_request` delivery; only a re-request asks for a review the other events do not.
SUITE_REVIEW = "review"
SUITE_ANOTHER_APP = "another-app"
SUITE_REVIEWED_BY_PULL_REQUEST = "reviewed-by-pull-request"
SUITE_NO_PULL_REQUEST = "no-pull-request"


def suite_decision(event: Event, app_id: int | None) -> str:
    """Whether a `check_suite` `requested`/`rerequested` delivery is a review, and why not.

    - another App's suite (`check_suite.app.id` is not `app_id`): not ours to run;
    - `rerequested` ("Re-run all checks" on our suite): a forced review, PRs listed or not
      (the worker finds a fork PR or merge group from our check run on that SHA);
    - `requested` with `pull_requests`: those PRs' `opened`/`synchronize` delivery reviews
      the same head; a second job only spent API calls and a lock wait (review D13);
    - `requested` without: a push to a branch with no PR (nothing to review), a fork's PR
      head (GitHub leaves the list empty; the PR's `pull_request` delivery reviews it) or a
      merge queue branch (its `merge_group` delivery reviews it).

    `app_id` None (the service was not told its App id): every suite counts as ours.
    """
    suite_app = event.get("check_suite", "app", "id")
    if app_id is not None and isinstance(suite_app, int) and suite_app != app_id:
        return SUITE_ANOTHER_APP
    if event.action == "rerequested":
        return SUITE_REVIEW
    if event.pr_numbers("check_suite", "pull_requests"):
        return SUITE_REVIEWED_BY_PULL_REQUEST
    return SUITE_NO_PULL_REQUEST


def suite_router(app_id: int | None) -> Router:
    """The `check_suite` routes of the App `app_id` (None: unknown, every suite is ours)."""
    suites = Router()

    @suites.register("check_suite", "requested", "rerequested")
    def review_check_suite(event: Event) -> TaskSpec | None:
        """A re-requested suite of ours: review its head SHA again; anything else: nothing."""
        decision = suite_decision(event, app_id)
        if decision != SUITE_REVIEW:
            logger.info(
                "check_suite not reviewed",
                extra={
                    "delivery_id": event.delivery_id,
                    "action": event.action,
                    "head_sha": event.get("check_suite", "head_sha"),
                    "reason": decision,
                },
            )
            return None
        return _review_again(event, "check_suite")

    return suites
