"""The `(event, action)` route table, driven by the real payloads through the HTTP endpoint."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from core.contract import (
    HandleCheckAction,
    HandleCommand,
    HandleInstallation,
    ReviewCheckSuite,
    ReviewMergeGroup,
    ReviewPullRequest,
    TaskSpec,
)
from service.webhooks.routes import build_router
from tests.service.deliveries import dumps, headers, payload, payload_bytes
from tests.service.fakes import FakeDeliveryQueue

PR_HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958"

Edit = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value

    return edit


def _merge_group(data: dict[str, Any]) -> None:
    """A merge_group delivery (no real one in the fixtures): built on opened.json's repository."""
    for key in ("pull_request", "number"):
        data.pop(key)
    data["action"] = "checks_requested"
    data["merge_group"] = {
        "head_sha": "1111111111111111111111111111111111111111",
        "head_ref": "refs/heads/gh-readonly-queue/master/pr-2-" + PR_HEAD,
        "base_sha": "2222222222222222222222222222222222222222",
        "base_ref": "refs/heads/master",
    }


# (fixture, event, edits to the payload (None: send the file's exact bytes), expected task)
CASES: list[tuple[str, str, list[Edit] | None, TaskSpec | None]] = [
    ("pull_request/opened.json", "pull_request", None,
     ReviewPullRequest(1, "Codertocat/Hello-World", 2, PR_HEAD, DELIVERY)),
    ("pull_request/synchronize.json", "pull_request", None,
     ReviewPullRequest(1, "Codertocat/Hello-World", 2, PR_HEAD, DELIVERY)),
    ("pull_request/reopened.json", "pull_request", None,
     ReviewPullRequest(1, "Codertocat/Hello-World", 2, PR_HEAD, DELIVERY)),
    ("pull_request/opened.json", "pull_request", [_set("pull_request.draft", True)],
     ReviewPullRequest(1, "Codertocat/Hello-World", 2, PR_HEAD, DELIVERY)),
    ("pull_request/opened.json", "pull_request", [_set("action", "ready_for_review")],
     ReviewPullRequest(1, "Codertocat/Hello-World", 2, PR_HEAD, DELIVERY)),
    ("pull_request/edited.json", "pull_request", None, None),  # title edit
    ("pull_request/edited.json", "pull_request",
     [_set("changes", {"base": {"ref": {"from": "develop"}, "sha": {"from": "3" * 40}}})],
     ReviewPullRequest(63922, "ocombe/test", 10, "ada5e37921fea45fa766fb8f06f99ed359bd9bf0",
                       DELIVERY)),
    ("pull_request/closed.json", "pull_request", None, None),
    ("pull_request/labeled.json", "pull_request", None, None),
    ("check_run/rerequested.json", "check_run", None,
     ReviewCheckSuite(1, "github/hello-world", "d6fde92930d4715a2b49857d24b940956b26d2d3",
                      DELIVERY, (), "rerequested")),
    ("check_run/requested_action.json", "check_run", None,
     HandleCheckAction(690857, "electron/electron", 1494503112,
                       "5bd5f196a46b8222fb7484f05faba41a73cf34bd", "lgtm|26764", "codebytere",
                       DELIVERY)),
    ("check_run/created.json", "check_run", None, None),
    ("check_run/completed.json", "check_run", None, None),
    ("check_suite/requested.json", "check_suite", None,
     ReviewCheckSuite(957387, "Codertocat/Hello-World",
                      "f95f852bd8fca8fcc58a9a2d6c842781e32a215e", DELIVERY, (), "requested")),
    ("check_suite/rerequested.json", "check_suite", None,
     ReviewCheckSuite(957387, "Codertocat/Hello-World", PR_HEAD, DELIVERY, (2,), "rerequested")),
    ("check_suite/completed.json", "check_suite", None, None),
    ("pull_request/opened.json", "merge_group", [_merge_group],
     ReviewMergeGroup(1, "Codertocat/Hello-World", "1" * 40, "2" * 40, DELIVERY)),
    ("issue_comment/created.on-pull-request.json", "issue_comment", None, None),  # no mention
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("comment.body", "@depreview rerun")],
     HandleCommand(3319993, "njsmith-test-org/test-repo", 6, 544211921, DELIVERY, "created")),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("comment.body", "LGTM.\n\n@DepReview ignore numpy-abi -- known, fixed upstream")],
     HandleCommand(3319993, "njsmith-test-org/test-repo", 6, 544211921, DELIVERY, "created")),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("comment.body", "ping @depreview-bot and mail x@depreview.dev")], None),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("action", "edited"), _set("comment.body", "never mind"),
      _set("changes", {"body": {"from": "@depreview smoke"}})],
     HandleCommand(3319993, "njsmith-test-org/test-repo", 6, 544211921, DELIVERY, "edited",
                   "smoke")),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("action", "edited"), _set("comment.body", "@depreview rerun"),
      _set("changes", {"body": {"from": "> @depreview smoke\nplease"}})],
     HandleCommand(3319993, "njsmith-test-org/test-repo", 6, 544211921, DELIVERY, "edited", "")),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("action", "deleted"), _set("comment.body", "@depreview ignore conflict")],
     HandleCommand(3319993, "njsmith-test-org/test-repo", 6, 544211921, DELIVERY, "deleted",
                   "ignore conflict")),
    ("issue_comment/created.on-pull-request.json", "issue_comment",
     [_set("comment.body", "@depreview rerun"), _set("sender.type", "Bot")], None),
    ("issue_comment/created.with-installation.json", "issue_comment",
     [_set("comment.body", "@depreview rerun")], None),  # an issue, not a PR
    ("installation/created.json", "installation", None,
     HandleInstallation(957387, "installation", "created", DELIVERY, ("Codertocat/Hello-World",))),
    ("installation/deleted.json", "installation", None,
     HandleInstallation(2, "installation", "deleted", DELIVERY)),
    ("installation/suspend.json", "installation", None,
     HandleInstallation(16598467, "installation", "suspend", DELIVERY)),
    ("installation/new_permissions_accepted.json", "installation", None,
     HandleInstallation(957387, "installation", "new_permissions_accepted", DELIVERY)),
    ("installation_repositories/added.json", "installation_repositories", None,
     HandleInstallation(957387, "installation_repositories", "added", DELIVERY,
                        ("Codertocat/Space",))),
    ("installation_repositories/removed.json", "installation_repositories", None,
     HandleInstallation(2, "installation_repositories", "removed", DELIVERY, (),
                        ("octocat/Hello-World",))),
    ("push/push.with-installation.json", "push", None, None),
]  # fmt: skip


def _body(name: str, edits: list[Edit] | None) -> bytes:
    if edits is None:
        return payload_bytes(name)
    data = copy.deepcopy(payload(name))
    for edit in edits:
        edit(data)
    return dumps(data)


@pytest.mark.parametrize(
    ("name", "event", "edits", "expected"),
    CASES,
    ids=[f"{c[0]}{'+edited' if c[2] else ''}->{type(c[3]).__name__}" for c in CASES],
)
def test_route(
    client: TestClient,
    queue: FakeDeliveryQueue,
    name: str,
    event: str,
    edits: list[Edit] | None,
    expected: TaskSpec | None,
) -> None:
    body = _body(name, edits)
    response = client.post("/webhooks/github", content=body, headers=headers(event, body, DELIVERY))
    if expected is None:
        assert response.status_code == 204, response.text
        assert queue.sent == []
    else:
        assert response.status_code == 202, response.text
        assert response.json() == {"status": "queued"}
        assert queue.sent == [expected]


def test_route_table_is_exactly_the_documented_one() -> None:
    assert list(build_router().routes()) == [
        ("check_run", "requested_action"),
        ("check_run", "rerequested"),
        ("check_suite", "requested"),
        ("check_suite", "rerequested"),
        ("installation", "created"),
        ("installation", "deleted"),
        ("installation", "new_permissions_accepted"),
        ("installation", "suspend"),
        ("installation", "unsuspend"),
        ("installation_repositories", "added"),
        ("installation_repositories", "removed"),
        ("issue_comment", "created"),
        ("issue_comment", "deleted"),
        ("issue_comment", "edited"),
        ("merge_group", "checks_requested"),
        ("pull_request", "edited"),
        ("pull_request", "opened"),
        ("pull_request", "ready_for_review"),
        ("pull_request", "reopened"),
        ("pull_request", "synchronize"),
    ]
