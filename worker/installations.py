"""Installation events: suspended/deleted installations stop all work; new ones may be reviewed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from worker.github.api import InteractionApi
from worker.github.fetch import wanted

logger = logging.getLogger(__name__)

SUSPENDED_KEY = "depreview:installations:suspended"
STOPS = frozenset({"deleted", "suspend"})
RESUMES = frozenset({"unsuspend", "created", "new_permissions_accepted"})


class SetStore(Protocol):
    """The Redis set commands used here."""

    def sadd(self, name: str, *values: Any) -> Any:
        """SADD."""
        ...

    def srem(self, name: str, *values: Any) -> Any:
        """SREM."""
        ...

    def sismember(self, name: str, value: Any) -> Any:
        """SISMEMBER."""
        ...


def is_suspended(store: SetStore, installation_id: int) -> bool:
    """Whether work for this installation must stop."""
    return bool(store.sismember(SUSPENDED_KEY, str(installation_id)))


def record_state(store: SetStore, installation_id: int, action: str) -> str:
    """Apply an `installation` action to the suspended set; returns "stopped"/"active"/"".."""
    if action in STOPS:
        store.sadd(SUSPENDED_KEY, str(installation_id))
        return "stopped"
    if action in RESUMES:
        store.srem(SUSPENDED_KEY, str(installation_id))
        return "active"
    return ""


@dataclass(frozen=True, slots=True)
class OpenPull:
    """An open PR worth reviewing after installation."""

    repo: str
    number: int
    head_sha: str


def touches_dependencies(api: InteractionApi, number: int) -> bool:
    """Whether a PR's first 100 changed files include a dependency file or the config."""
    page = api.list_pull_files(number, page=1, per_page=100)
    return any(wanted(str(entry.get("filename", ""))) for entry in page.items)


def open_pulls_to_review(
    api_for: Callable[[str], InteractionApi], repos: Iterable[str], *, limit: int
) -> list[OpenPull]:
    """Open PRs (newest first, at most `limit` in all) whose changes touch dependency files."""
    out: list[OpenPull] = []
    for repo in repos:
        if len(out) >= limit:
            break
        api = api_for(repo)
        pulls = api.list_open_pulls(page=1, per_page=100)
        for pull in pulls.items:
            if len(out) >= limit:
                break
            number = int(pull["number"])
            if touches_dependencies(api, number):
                out.append(OpenPull(repo, number, str(pull["head"]["sha"])))
    return out


def handle_installation_event(
    store: SetStore,
    installation_id: int,
    event: str,
    action: str,
    *,
    repositories_added: Sequence[str] = (),
    review_open_prs: bool,
    api_for: Callable[[str], InteractionApi],
    enqueue: Callable[[OpenPull, float], None],
    limit: int,
    spacing_s: float,
) -> dict[str, Any]:
    """Record suspension state; on a new installation, optionally queue reviews (spaced out)."""
    log = {"installation_id": installation_id, "event": event, "action": action}
    state = record_state(store, installation_id, action) if event == "installation" else ""
    logger.info(
        "installation event", extra={**log, "state": state, "repos": len(repositories_added)}
    )
    queued = 0
    new_repos = (event == "installation" and action == "created") or (
        event == "installation_repositories" and action == "added"
    )
    if (
        new_repos
        and review_open_prs
        and repositories_added
        and not is_suspended(store, installation_id)
    ):
        for index, pull in enumerate(
            open_pulls_to_review(api_for, repositories_added, limit=limit)
        ):
            enqueue(pull, index * spacing_s)
            queued += 1
    return {"state": state, "queued_reviews": queued}
