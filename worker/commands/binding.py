"""Commands bound to the commit the maintainer reviewed (`smoke [<sha>]`, `ignore ... at <sha>`).

A command that names a commit applies only while the pull request's head is that commit. One
that names none applies to a same-repository pull request's head whatever it is (its pushers
can write to the repository anyway), and is refused on a pull request from a fork, whose
author could push new code between the maintainer's comment and the moment it is acted on
(security review finding 13).
"""

from __future__ import annotations

from worker.github.api import JSON


def head_sha(pull: JSON) -> str:
    """The PR's head commit."""
    return str((pull.get("head") or {}).get("sha") or "")


def _repo_of(side: object) -> str:
    repo = side.get("repo") if isinstance(side, dict) else None
    return str(repo.get("full_name") or "") if isinstance(repo, dict) else ""


def same_repository(pull: JSON) -> bool:
    """True when head and base are one repository (a deleted head repo counts as a fork)."""
    base_repo, head_repo = _repo_of(pull.get("base")), _repo_of(pull.get("head"))
    return bool(head_repo) and head_repo == base_repo


def binds(sha: str | None, pull: JSON, head: str | None = None) -> bool:
    """Whether a command naming `sha` (or none) applies to the PR's head (`head` overrides)."""
    current = (head or head_sha(pull)).lower()
    if sha:
        return bool(current) and current.startswith(sha.lower())
    return same_repository(pull)


def refusal(sha: str | None, pull: JSON, again: str, head: str | None = None) -> str:
    """Why the command does not apply to the head ("" when it does).

    `again` is the command to suggest, with ``{sha}`` where the head's short SHA goes.
    """
    if binds(sha, pull, head):
        return ""
    current = (head or head_sha(pull))[:12]
    suggestion = again.format(sha=current)
    if sha:
        return (
            f"The head of this pull request is now `{current}`, not `{sha[:12]}`; "
            f"review it, then comment `{suggestion}`."
        )
    return (
        "This pull request comes from a fork: name the commit you reviewed, "
        f"`{suggestion}` (the head now), so newer pushes are not covered."
    )
