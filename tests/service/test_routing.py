"""The `(event, action)` route table, driven by the real payloads through the HTTP endpoint."""

from __future__ import annotations

import copy
import json
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
from core.settings import Settings
from service.app import create_app
from service.webhooks import checks
from service.webhooks.event import Event
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
    ("check_suite/requested.json", "check_suite", None, None),  # see SUITES below
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


# -- check_suite: only a re-request of our own suite is a review (issue 12, review D13) -------
#
# The fixtures' suites belong to App 29310 ("octocoders-linter"). `rerequested.json`'s suite is
# on PR 2's head ec26c3e, the head `pull_request/synchronize.json` pushes: as `requested` it
# is the suite GitHub creates next to that synchronize delivery.
SUITE_APP = 29310
SUITE_HEAD = PR_HEAD
REQUESTED_WITH_PR = [_set("action", "requested")]

# (fixture, edits, the service's App id, decision, task)
SUITES: list[tuple[str, list[Edit] | None, int | None, str, TaskSpec | None]] = [
    ("check_suite/requested.json", None, None, checks.SUITE_NO_PULL_REQUEST, None),
    ("check_suite/requested.json", None, SUITE_APP, checks.SUITE_NO_PULL_REQUEST, None),
    ("check_suite/requested.json", None, 1, checks.SUITE_ANOTHER_APP, None),
    ("check_suite/rerequested.json", REQUESTED_WITH_PR, None,
     checks.SUITE_REVIEWED_BY_PULL_REQUEST, None),
    ("check_suite/rerequested.json", REQUESTED_WITH_PR, SUITE_APP,
     checks.SUITE_REVIEWED_BY_PULL_REQUEST, None),
    ("check_suite/rerequested.json", None, None, checks.SUITE_REVIEW,
     ReviewCheckSuite(957387, "Codertocat/Hello-World", SUITE_HEAD, DELIVERY, (2,), "rerequested")),
    ("check_suite/rerequested.json", None, SUITE_APP, checks.SUITE_REVIEW,
     ReviewCheckSuite(957387, "Codertocat/Hello-World", SUITE_HEAD, DELIVERY, (2,), "rerequested")),
    ("check_suite/rerequested.json", [_set("check_suite.pull_requests", [])], SUITE_APP,
     checks.SUITE_REVIEW,  # a fork PR or a merge group: the worker finds it from our run
     ReviewCheckSuite(957387, "Codertocat/Hello-World", SUITE_HEAD, DELIVERY, (), "rerequested")),
    ("check_suite/rerequested.json", None, 1, checks.SUITE_ANOTHER_APP, None),
]  # fmt: skip


def _client_for(settings: Settings, app_id: int | None, queue: FakeDeliveryQueue) -> TestClient:
    app = create_app(
        settings.model_copy(update={"github_app_id": app_id}),
        queue=queue,
    )
    return TestClient(app)


@pytest.mark.parametrize(
    ("name", "edits", "app_id", "decision", "expected"),
    SUITES,
    ids=[f"{c[0]}{'+edited' if c[1] else ''}-app{c[2]}->{c[3]}" for c in SUITES],
)
def test_check_suite_route(
    settings: Settings,
    name: str,
    edits: list[Edit] | None,
    app_id: int | None,
    decision: str,
    expected: TaskSpec | None,
) -> None:
    body = _body(name, edits)
    event = Event("check_suite", DELIVERY, payload=json.loads(body))
    assert checks.suite_decision(event, app_id) == decision
    queue = FakeDeliveryQueue()
    with _client_for(settings, app_id, queue) as client:
        response = client.post(
            "/webhooks/github", content=body, headers=headers("check_suite", body, DELIVERY)
        )
    assert response.status_code == (204 if expected is None else 202), response.text
    assert queue.sent == ([] if expected is None else [expected])


@pytest.mark.parametrize("app_id", [None, SUITE_APP])
def test_a_push_to_a_pr_is_reviewed_once_not_twice(settings: Settings, app_id: int | None) -> None:
    """The push's two deliveries, `pull_request.synchronize` and `check_suite.requested` for the
    same head, queue exactly one review (before: a second, redundant review job)."""
    queue = FakeDeliveryQueue()
    sync = payload_bytes("pull_request/synchronize.json")
    suite = _body("check_suite/rerequested.json", REQUESTED_WITH_PR)
    assert payload("pull_request/synchronize.json")["pull_request"]["head"]["sha"] == SUITE_HEAD
    with _client_for(settings, app_id, queue) as client:
        for event, body, delivery in (
            ("check_suite", suite, "suite-1"),
            ("pull_request", sync, "sync-1"),
        ):
            client.post("/webhooks/github", content=body, headers=headers(event, body, delivery))
    assert queue.sent == [ReviewPullRequest(1, "Codertocat/Hello-World", 2, SUITE_HEAD, "sync-1")]
