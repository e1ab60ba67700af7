"""The check run's buttons (`check_run requested_action`) and re-requests without a PR list."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from worker.commands.permissions import may_command
from worker.github.api import InteractionApi
from worker.github.buttons import RERUN_ID, SMOKE_ID
from worker.github.publish import CHECK_NAME

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Target:
    """What a check run reviewed, from its `external_id` (`pr=N;base=SHA` or `base=SHA`)."""

    pr_number: int | None
    base_sha: str | None


def parse_external_id(text: str) -> Target:
    """Read our check run's external id back."""
    fields = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    pr = fields.get("pr")
    return Target(int(pr) if pr and pr.isdigit() else None, fields.get("base") or None)


def check_run_target(
    api: InteractionApi, head_sha: str, app_id: int | None, check_run_id: int | None = None
) -> Target | None:
    """The PR (or merge group base) behind our check run on `head_sha`."""
    runs = [r for r in api.list_check_runs(head_sha, CHECK_NAME, app_id) if r.get("external_id")]
    if check_run_id is not None:
        runs = [r for r in runs if int(r["id"]) == check_run_id] or runs
    if not runs:
        return None
    run = max(runs, key=lambda r: int(r["id"]))
    return parse_external_id(str(run["external_id"]))


@dataclass(frozen=True, slots=True)
class ButtonPress:
    """A `requested_action` delivery, as ids."""

    check_run_id: int
    head_sha: str
    identifier: str
    sender_login: str


def button_action(
    api: InteractionApi, press: ButtonPress, app_id: int | None
) -> tuple[str, Target | None]:
    """Decide what a button press does: ("rerun"|"smoke", target) or (refusal, None)."""
    if press.identifier not in (RERUN_ID, SMOKE_ID):
        return "unknown-button", None
    if not may_command(api.get_permission(press.sender_login)):
        logger.info("button refused", extra={"login": press.sender_login})
        return "refused", None
    target = check_run_target(api, press.head_sha, app_id, press.check_run_id)
    if target is None:
        return "no-target", None
    if press.identifier == SMOKE_ID:
        return ("smoke", target) if target.pr_number is not None else ("no-target", None)
    return "rerun", target
