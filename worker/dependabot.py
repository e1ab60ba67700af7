"""Which update a Dependabot pull request means, read from the PR GitHub returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rules.manifests.dependabot import DependabotUpdate, parse_commit_message

DEPENDABOT_LOGIN = "dependabot[bot]"


def dependabot_from_pull(pull: Mapping[str, Any]) -> DependabotUpdate | None:
    """Dependabot's update for a Dependabot PR (its title is the head commit's subject)."""
    user = pull.get("user") or {}
    head = pull.get("head") or {}
    login = str(user.get("login", "")) if isinstance(user, Mapping) else ""
    ref = str(head.get("ref", "")) if isinstance(head, Mapping) else ""
    if login != DEPENDABOT_LOGIN and not ref.startswith("dependabot/"):
        return None
    return parse_commit_message(str(pull.get("title") or ""))
