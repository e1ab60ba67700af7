"""The service's route table: every behaviour module's router composed into one."""

from __future__ import annotations

from service.webhooks import checks, commands, installation, merge_group, pull_request
from service.webhooks.routing import Router


def build_router(app_id: int | None = None) -> Router:
    """One router holding the routes of every webhook behaviour module.

    `app_id`: the App's id (`DEPREVIEW_GITHUB_APP_ID`), so another App's check suites are
    not reviewed; None treats every suite as ours.
    """
    return Router(
        pull_request.router,
        checks.router,
        checks.suite_router(app_id),
        merge_group.router,
        commands.router,
        installation.router,
    )
