"""The check run's buttons (at most three) and its completing fields (the link: core/links.py)."""

from __future__ import annotations

from typing import Any

RERUN_ID = "depreview-rerun"
SMOKE_ID = "depreview-smoke"
#: GitHub's limits on a check run action.
MAX_ACTIONS, MAX_LABEL, MAX_IDENTIFIER, MAX_DESCRIPTION = 3, 20, 20, 40

RERUN_ACTION: dict[str, str] = {
    "label": "Re-run",
    "description": "Review the dependency change again",
    "identifier": RERUN_ID,
}
#: The GPU smoke test's button (on the review check when the change is GPU-relevant, and on
#: a fork's smoke check that waits for a maintainer).
CHECK_ACTION: dict[str, str] = {
    "label": "Run GPU smoke test",
    "description": "Install and test this PR on a GPU",
    "identifier": SMOKE_ID,
}


def check_actions(*, smoke: bool) -> list[dict[str, str]]:
    """Re-run always; "Run GPU smoke test" only when the change is GPU-relevant."""
    actions = [dict(RERUN_ACTION)]
    if smoke:
        actions.append(dict(CHECK_ACTION))
    for action in actions:
        assert len(action["label"]) <= MAX_LABEL, action
        assert len(action["identifier"]) <= MAX_IDENTIFIER, action
        assert len(action["description"]) <= MAX_DESCRIPTION, action
    return actions[:MAX_ACTIONS]


def completion_extras(actions: list[dict[str, str]], url: str) -> dict[str, Any]:
    """The extra fields of the completing PATCH: `actions` and `details_url`."""
    return {"actions": actions, "details_url": url}
