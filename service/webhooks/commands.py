"""`issue_comment` deliveries: PR comments that mention `@depreview` go to the command handler."""

from __future__ import annotations

import re

from core.commands import command_lines
from core.contract import HandleCommand, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

router = Router()

#: The most of a previous command line that is sent to the worker.
MAX_PREVIOUS_COMMAND = 1000

_MENTION = re.compile(r"(?<![\w@/.-])@depreview(?![\w-])", re.IGNORECASE)


def mentions_depreview(text: object) -> bool:
    """Whether a comment body mentions `@depreview` (not `@depreview-bot` or `a@depreview`)."""
    return isinstance(text, str) and _MENTION.search(text) is not None


@router.register("issue_comment", "created", "edited", "deleted")
def command_comment(event: Event) -> TaskSpec | None:
    """Enqueue a comment on a PR that mentions `@depreview`, now or before an edit.

    Comments on issues and comments by bots (our own comment documents the commands) are
    ignored; the worker parses the command and checks the author's permission.
    """
    if event.get("issue", "pull_request") is None or event.get("sender", "type") == "Bot":
        return None
    if not (
        mentions_depreview(event.get("comment", "body"))
        or mentions_depreview(event.get("changes", "body", "from"))
    ):
        return None
    return HandleCommand(
        **event.repo_task_ids(),
        pr_number=event.int_at("issue", "number"),
        comment_id=event.int_at("comment", "id"),
        action=event.action,
        previous_command=_previous_command(event),
    )


def _previous_command(event: Event) -> str | None:
    """What the comment commanded before an edit (`changes.body.from`) or a deletion."""
    if event.action == "edited":
        before = event.get("changes", "body", "from")
    elif event.action == "deleted":
        before = event.get("comment", "body")
    else:
        return None
    lines = command_lines(before) if isinstance(before, str) else []
    return lines[0][:MAX_PREVIOUS_COMMAND] if lines else ""
