"""Which comment events review again: only those that change the outcome (respx-served GitHub).

`rerun` and an ignore added, changed or removed review again; `smoke` asks for its own review;
an edit that leaves the command as it was, and deleting a `rerun` or `smoke`, do nothing.
`previous_command` is what the service read from the delivery (see core/contract).
"""

from __future__ import annotations

from datetime import date

import pytest
import respx

from core.settings import Settings
from tests.worker.commands.test_handler import (
    COMMENT_ID,
    HEAD,
    PR,
    REPO_NAME,
    RecordingActions,
    _serve,
)
from tests.worker.tokens import forget_tokens  # noqa: F401
from worker.commands.handler import CommandJob, handle_command
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client

IGNORE = "ignore conflict numpy until 2027-06-30 -- fixed upstream in 2.1"
OTHER_IGNORE = "ignore conflict scipy until 2027-06-30 -- fixed upstream in 2.1"


def _handle(
    settings: Settings, actions: RecordingActions, action: str, previous: str | None
) -> str:
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef.parse(REPO_NAME))
    job = CommandJob(1, REPO_NAME, PR, COMMENT_ID, "delivery-1", action, previous)
    return handle_command(api, job, actions, today=date(2026, 11, 26)).status


CASES = [
    # action, body now (None: deleted), command before, status, reruns, smokes
    ("created", "@depreview rerun", None, "rerun", 1, 0),
    ("created", f"@depreview {IGNORE}", None, "ignore", 1, 0),
    ("created", "@depreview smoke", None, "smoke", 0, 1),
    ("edited", "@depreview rerun", "rerun", "unchanged", 0, 0),
    ("edited", f"typo fixed\n@depreview {IGNORE}", IGNORE, "unchanged", 0, 0),
    ("edited", "@depreview smoke", "smoke", "unchanged", 0, 0),
    ("edited", "thanks @depreview", "", "unchanged", 0, 0),
    ("edited", "@depreview rerun", "", "rerun", 1, 0),
    ("edited", "@depreview rerun", "smoke", "rerun", 1, 0),
    ("edited", f"@depreview {OTHER_IGNORE}", IGNORE, "ignore-updated", 1, 0),
    ("edited", f"@depreview {IGNORE}", "", "ignore-updated", 1, 0),
    ("edited", "never mind @depreview", IGNORE, "rerun-after-edit", 1, 0),
    ("edited", "never mind @depreview", "rerun", "no-command", 0, 0),
    ("edited", "never mind @depreview", "smoke", "no-command", 0, 0),
    ("edited", "@depreview smoke", "", "smoke", 0, 1),
    ("edited", "never mind @depreview", None, "rerun-after-edit", 1, 0),  # older message
    ("deleted", None, IGNORE, "rerun-after-delete", 1, 0),
    ("deleted", None, "rerun", "deleted-no-effect", 0, 0),
    ("deleted", None, "smoke", "deleted-no-effect", 0, 0),
    ("deleted", None, "", "deleted-no-effect", 0, 0),
    ("deleted", None, None, "rerun-after-delete", 1, 0),  # older message: be safe
]


@pytest.mark.parametrize(("action", "body", "before", "status", "reruns", "smokes"), CASES)
def test_only_commands_that_change_the_outcome_review_again(
    settings: Settings,
    gh_api: respx.MockRouter,
    action: str,
    body: str | None,
    before: str | None,
    status: str,
    reruns: int,
    smokes: int,
) -> None:
    served = _serve(gh_api, body, "write")
    actions = RecordingActions()
    assert _handle(settings, actions, action, before) == status
    assert actions.reruns == [(PR, HEAD)] * reruns
    assert len(actions.smokes) == smokes
    if status in ("unchanged", "deleted-no-effect", "no-command"):
        assert not served.reactions.called and not served.replies.called
