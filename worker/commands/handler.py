"""Handle one `@depreview` comment: check who asked, act, acknowledge, or answer why not.

The action comes first (queue the review, post the reply), the reaction after it. A reaction
is an acknowledgement only: it needs the Issues *write* permission (an installation that
accepted an older manifest has Issues read and gets 403 "Resource not accessible by
integration"), and GitHub may answer 404 (the comment was deleted meanwhile) or 5xx. None of
that fails the command or retries it (a retried command would queue its review again): the
failure is logged and the command goes on (`react`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from githubkit.exception import GitHubException

from core.commands import Command, parse_command, parse_line
from core.contract import HandleCommand
from core.logs import job_fields
from rules.config import CONFIG_PATH, load_config
from worker.commands import binding
from worker.commands.ignores import (
    comment_date,
    ignore_rule,
    read_record,
    self_ignore_refusal,
    yaml_for,
)
from worker.commands.permissions import PermissionCache
from worker.github.api import JSON, InteractionApi
from worker.github.publish import AppIdentity, find_comment

logger = logging.getLogger(__name__)

ACCEPTED = "+1"
QUEUED = "eyes"
REFUSED = "confused"


@dataclass(frozen=True, slots=True)
class CommandJob(HandleCommand):
    """A comment event: the `worker.handle_command` task's ids (core/contract.HandleCommand)."""

    def previous(self) -> Command | None:
        """The command the comment held before this edit or deletion (None: none or unknown)."""
        return parse_line(self.previous_command) if self.previous_command else None

    def previous_known(self) -> bool:
        """Whether the delivery said what the comment held before."""
        return self.previous_command is not None

    def log_extra(self) -> dict[str, object]:
        """Fields for structured logs."""
        ids = job_fields(
            self.delivery_id, self.installation_id, self.repo_full_name, self.pr_number
        )
        return {**ids, "comment_id": self.comment_id}


class Actions(Protocol):
    """What commands start (Celery in the App, recorders in tests)."""

    def rerun(self, pr_number: int, head_sha: str) -> None:
        """Queue a forced review of the PR at `head_sha`."""
        ...

    def smoke(self, pr_number: int, head_sha: str, requested_by: str) -> str:
        """Mark the request trusted and queue the GPU smoke test; "" or why it cannot run."""
        ...


@dataclass(frozen=True, slots=True)
class CommandOutcome:
    """What the handler did: a status word and the reply it posted, if any."""

    status: str
    reply: str = ""


def base_config_allows_self_ignore(api: InteractionApi, base_sha: str) -> bool:
    """`commands.allow_self_ignore` of the config on the PR's base commit."""
    tree = api.get_tree(base_sha)
    for entry in tree.get("tree", []):
        if entry.get("path") == CONFIG_PATH and entry.get("type") == "blob":
            text = api.get_blob(str(entry["sha"])).decode("utf-8", "replace")
            return load_config(text)[0].commands.allow_self_ignore
    return False


def handle_command(
    api: InteractionApi,
    job: CommandJob,
    actions: Actions,
    *,
    today: date | None = None,
    identity: AppIdentity | None = None,
) -> CommandOutcome:
    """Run the command in one comment (created, edited or deleted).

    Only what changes the outcome reviews again: `rerun`, and an ignore added, changed or
    removed (by an edit or a deletion). `smoke` asks for its own review. An edit that leaves
    the command as it was does nothing; deleting a `rerun` or `smoke` comment does nothing.
    """
    before = job.previous()
    comment = None if job.action == "deleted" else api.get_issue_comment(job.comment_id)
    if comment is None:
        if job.previous_known() and (before is None or before.kind != "ignore"):
            return CommandOutcome("deleted-no-effect")
        # The deleted comment held (or may have held) an ignore: review so it stops applying,
        # but only when the last review applied it (a non-writer's ignore never did).
        if not applied_ignore(api, job, identity):
            return CommandOutcome("deleted-no-effect")
        _rerun_head(api, job, actions)
        return CommandOutcome("rerun-after-delete")
    user = comment.get("user") or {}
    if user.get("type") == "Bot":
        return CommandOutcome("ignored-bot")
    command = parse_command(str(comment.get("body") or ""))
    if job.action == "edited" and job.previous_known():
        if command == before:
            return CommandOutcome("unchanged")
        dropped = before is not None and before.kind == "ignore" and command_drops_ignore(command)
        # The ignore was edited away (or into a rerun/smoke/invalid line): it must go.
        if dropped and applied_ignore(api, job, identity):
            _rerun_head(api, job, actions)
            if command is None:
                return CommandOutcome("rerun-after-edit")
    if command is None:
        # Old message (no previous text): be safe, but only for an ignore that applied.
        if (
            job.action == "edited"
            and not job.previous_known()
            and applied_ignore(api, job, identity)
        ):
            _rerun_head(api, job, actions)
            return CommandOutcome("rerun-after-edit")
        return CommandOutcome("no-command")
    login = str(user.get("login") or "")
    perms = PermissionCache(api.get_permission)
    if not perms.allowed(login):
        return _reply(
            api,
            job,
            "refused",
            f"@{login} depreview commands need write access to this repository "
            f"(your permission: `{perms.permission(login)}`).",
        )
    if command.kind == "invalid":
        return _reply(api, job, "invalid", f"@{login} {command.error}")
    pull = api.get_pull(job.pr_number)
    head_sha = str(pull["head"]["sha"])
    if command.kind == "rerun":
        actions.rerun(job.pr_number, head_sha)
        react(api, job, ACCEPTED)
        return CommandOutcome("rerun")
    if command.kind == "smoke":
        refusal = smoke_refusal(command, pull)
        if refusal:
            return _reply(api, job, "smoke-unbound", f"@{login} {refusal}")
        why = actions.smoke(job.pr_number, head_sha, login)
        react(api, job, QUEUED)
        if why:
            return _reply(api, job, "smoke-unavailable", f"@{login} {why}")
        return CommandOutcome("smoke")
    return _ignore(api, job, actions, command, comment, pull, login, today or date.today())


def applied_ignore(api: InteractionApi, job: CommandJob, identity: AppIdentity | None) -> bool:
    """Whether the App's comment records this comment's ignore (the last review applied it).

    Only the App's own comment is read (found by its author, never by its marker).
    """
    ours = find_comment(api, job.pr_number, identity)
    record = read_record(str(ours.get("body") or "")) if ours is not None else None
    if not record:
        return False
    entries = [*record.get("active", []), *record.get("expired", [])]
    return any(isinstance(e, dict) and e.get("comment_id") == job.comment_id for e in entries)


def smoke_refusal(command: Command, pull: JSON) -> str:
    """Why `@depreview smoke` may not run the PR's head ("" when it may).

    The approval is bound to the commit the maintainer saw: with a SHA it must be the head;
    without one only a same-repository PR (its pushers can write anyway) is approved, as a
    fork's author could push new code between the comment and the run.
    """
    return binding.refusal(command.sha, pull, "@depreview smoke {sha}")


def ignore_refusal(command: Command, pull: JSON) -> str:
    """Why `@depreview ignore` does not apply to the PR's head ("" when it does); same binding."""
    return binding.refusal(command.sha, pull, "@depreview ignore ... at {sha} -- <reason>")


def command_drops_ignore(command: Command | None) -> bool:
    """Whether a comment that held an ignore no longer holds one (that review must run)."""
    return command is None or command.kind in ("invalid", "smoke")


def _rerun_head(api: InteractionApi, job: CommandJob, actions: Actions) -> None:
    pull = api.get_pull(job.pr_number)
    actions.rerun(job.pr_number, str(pull["head"]["sha"]))


def _ignore(
    api: InteractionApi,
    job: CommandJob,
    actions: Actions,
    command: Command,
    comment: JSON,
    pull: JSON,
    login: str,
    today: date,
) -> CommandOutcome:
    author = str((pull.get("user") or {}).get("login") or "")
    allow_self = base_config_allows_self_ignore(api, str(pull["base"]["sha"]))
    why = self_ignore_refusal(login, author, allow_self)
    if why:
        return _reply(api, job, "refused-self-ignore", f"@{login} {why}")
    try:
        rule = ignore_rule(command, login, comment_date(comment))
    except ValueError as exc:
        return _reply(api, job, "invalid", f"@{login} This ignore is not valid: {exc}")
    if rule.expired(today):
        return _reply(
            api, job, "invalid", f"@{login} This ignore expired on {rule.expires}; nothing to do."
        )
    unbound = ignore_refusal(command, pull)
    if unbound:
        if job.action != "created":  # an edit may have unbound an ignore the last review applied
            actions.rerun(job.pr_number, str(pull["head"]["sha"]))
        return _reply(api, job, "ignore-unbound", f"@{login} {unbound}")
    actions.rerun(job.pr_number, str(pull["head"]["sha"]))
    react(api, job, ACCEPTED)
    if job.action != "created":
        return CommandOutcome("ignore-updated")
    what = f"`{rule.rule or rule.category}`" + (f" for `{rule.package}`" if rule.package else "")
    until = f" until {rule.expires}" if rule.expires else ""
    scope = (
        f"at commit `{command.sha[:12]}` (a later push needs `at <new sha>`)"
        if command.sha
        else "on this pull request"
    )
    text = (
        f"@{login} Ignoring {what} {scope}{until}; the review runs again and lists "
        "it under “Ignored on this pull request”. Deleting or editing your comment undoes it.\n\n"
        "To ignore it everywhere, add this to `.github/depreview.yml`:\n\n"
        f"```yaml\n{yaml_for(rule)}```"
    )
    return _reply(api, job, "ignore", text, react_too=False)


def _reply(
    api: InteractionApi, job: CommandJob, status: str, text: str, *, react_too: bool = True
) -> CommandOutcome:
    """Answer in the PR conversation (refusals and failures say why), then react."""
    api.create_issue_comment(job.pr_number, text)
    if react_too and status not in ("smoke-unavailable",):
        react(api, job, REFUSED)
    logger.info("command answered", extra={**job.log_extra(), "status": status})
    return CommandOutcome(status, text)


def react(api: InteractionApi, job: CommandJob, content: str) -> bool:
    """Add a reaction to the command's comment; False (logged) when GitHub refused or failed.

    Never raises for a GitHub answer or a network error: the command's effect already
    happened, and the reaction only acknowledges it.
    """
    try:
        api.create_reaction(job.comment_id, content)
    except GitHubException as exc:
        response = getattr(exc, "response", None)
        logger.warning(
            "reaction failed; the command went on",
            extra={
                **job.log_extra(),
                "reaction": content,
                "status": getattr(response, "status_code", None),
                "error": type(exc).__name__,
            },
        )
        return False
    return True
