"""Which update a Dependabot pull request means, read from the PR GitHub returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rules.manifests.dependabot import DependabotUpdate, parse_commit_message

DEPENDABOT_LOGIN = "dependabot[bot]"


def is_dependabot_pull(pull: Mapping[str, Any]) -> bool:
    """Whether Dependabot opened the PR: its author is `dependabot[bot]`.

    Never the branch name: anyone can push a `dependabot/...` branch from a fork.
    """
    user = pull.get("user") or {}
    login = str(user.get("login", "")) if isinstance(user, Mapping) else ""
    return login == DEPENDABOT_LOGIN


def dependabot_from_pull(
    pull: Mapping[str, Any], head_message: str | None = None
) -> DependabotUpdate | None:
    """Dependabot's update for a Dependabot PR.

    The head commit's message carries Dependabot's metadata block (dependency type, update
    type, group); the PR title is only its subject, used when the message is not at hand.
    """
    if not is_dependabot_pull(pull):
        return None
    if head_message:
        update = parse_commit_message(head_message)
        if update is not None:
            return update
    return parse_commit_message(str(pull.get("title") or ""))
