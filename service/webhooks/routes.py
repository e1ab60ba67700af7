"""The service's route table: every behaviour module's router composed into one."""

from __future__ import annotations

from service.webhooks import checks, commands, installation, merge_group, pull_request
from service.webhooks.routing import Router


def build_router() -> Router:
    """One router holding the routes of every webhook behaviour module."""
    return Router(
        pull_request.router,
        checks.router,
        merge_group.router,
        commands.router,
        installation.router,
    )
