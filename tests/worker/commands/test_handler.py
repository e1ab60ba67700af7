"""Commands against a respx-served GitHub, from the real `issue_comment` payload.

Each command is tried by allowed users (admin, write) and refused ones (read, none): allowed
ones get a reaction and their action; refused ones get a reply saying why, and nothing runs.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
import yaml

from core.settings import Settings
from tests.worker.github.conftest import API, fixture
from worker.commands.handler import CommandJob, handle_command
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client

HOOK = json.loads(
    (
        Path(__file__).parents[2]
        / "fixtures/github-webhooks/issue_comment/created.on-pull-request.json"
    ).read_text(encoding="utf-8")
)
REPO_NAME = HOOK["repository"]["full_name"]
REPO = f"{API}/repos/{REPO_NAME}"
PR = HOOK["issue"]["number"]
COMMENT_ID = HOOK["comment"]["id"]
COMMENTER = HOOK["comment"]["user"]["login"]
HEAD, BASE = "h" * 40, "b" * 40
CONFIG_BLOB = "c" * 40


@dataclass
class RecordingActions:
    """`handler.Actions` that records what would be queued."""

    reruns: list[tuple[int, str]] = field(default_factory=list)
    smokes: list[tuple[int, str, str]] = field(default_factory=list)
    smoke_answer: str = ""

    def rerun(self, pr_number: int, head_sha: str) -> None:
        self.reruns.append((pr_number, head_sha))

    def smoke(self, pr_number: int, head_sha: str, requested_by: str) -> str:
        self.smokes.append((pr_number, head_sha, requested_by))
        return self.smoke_answer


@dataclass
class Served:
    """The respx routes of one scenario."""

    reactions: respx.Route
    replies: respx.Route
    permission: respx.Route


def _serve(
    gh_api: respx.MockRouter,
    body: str | None,
    permission: str,
    *,
    pr_author: str = "someone-else",
    base_config: str | None = None,
    applied: bool = True,
) -> Served:
    if body is None:
        gh_api.get(f"{REPO}/issues/comments/{COMMENT_ID}").mock(
            return_value=httpx.Response(404, json=fixture("errors/404-not-found.body.json"))
        )
    else:
        comment = {**HOOK["comment"], "body": body}
        gh_api.get(f"{REPO}/issues/comments/{COMMENT_ID}").mock(
            return_value=httpx.Response(200, json=comment)
        )
    level = fixture("collaborators/get-collaborator-permission.200.json")
    level["permission"] = permission
    if permission == "none":
        perm = httpx.Response(404, json=fixture("errors/404-not-found.body.json"))
    else:
        perm = httpx.Response(200, json=level)
    permission_route = gh_api.get(f"{REPO}/collaborators/{COMMENTER}/permission").mock(
        return_value=perm
    )
    pull = fixture("pulls/get-pull-request.200.json")
    pull["number"] = PR
    pull["head"]["sha"], pull["base"]["sha"] = HEAD, BASE
    pull["user"]["login"] = pr_author
    gh_api.get(f"{REPO}/pulls/{PR}").mock(return_value=httpx.Response(200, json=pull))
    tree: list[dict[str, Any]] = []
    if base_config is not None:
        tree.append({"path": ".github/depreview.yml", "type": "blob", "sha": CONFIG_BLOB})
        gh_api.get(f"{REPO}/git/blobs/{CONFIG_BLOB}").mock(
            return_value=httpx.Response(
                200,
                json={
                    "encoding": "base64",
                    "content": base64.b64encode(base_config.encode()).decode(),
                },
            )
        )
    gh_api.get(f"{REPO}/git/trees/{BASE}").mock(
        return_value=httpx.Response(200, json={"sha": BASE, "tree": tree, "truncated": False})
    )
    # The App's own comment; its ignore record lists this comment when its ignore applied.
    record = {"active": [{"comment_id": COMMENT_ID}] if applied else [], "expired": []}
    ours = {
        "id": 99,
        "user": {"login": "depreview[bot]", "type": "Bot"},
        "body": f"<!-- depreview -->\nreview\n<!-- depreview-ignore {json.dumps(record)} -->",
    }
    gh_api.get(f"{REPO}/issues/{PR}/comments").mock(return_value=httpx.Response(200, json=[ours]))
    reactions = gh_api.post(f"{REPO}/issues/comments/{COMMENT_ID}/reactions").mock(
        return_value=httpx.Response(201, json={"id": 1, "content": "+1"})
    )
    replies = gh_api.post(f"{REPO}/issues/{PR}/comments").mock(
        return_value=httpx.Response(201, json=fixture("issues/create-issue-comment.201.json"))
    )
    return Served(reactions, replies, permission_route)


def _run(settings: Settings, actions: RecordingActions, action: str = "created") -> Any:
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef.parse(REPO_NAME))
    job = CommandJob(1, REPO_NAME, PR, COMMENT_ID, "delivery-1", action)
    return handle_command(api, job, actions, today=date(2026, 11, 26))


def _json(route: respx.Route, index: int = -1) -> Any:
    return json.loads(route.calls[index].request.content)


COMMANDS = [
    ("@depreview rerun", "rerun", "+1"),
    ("@depreview smoke", "smoke", "eyes"),
    ("@depreview ignore conflict numpy until 2027-06-30 -- fixed upstream in 2.1", "ignore", "+1"),
]


@pytest.mark.parametrize("permission", ["admin", "write"])
@pytest.mark.parametrize(("body", "status", "reaction"), COMMANDS)
def test_allowed_users_get_a_reaction_and_the_action(
    settings: Settings,
    gh_api: respx.MockRouter,
    body: str,
    status: str,
    reaction: str,
    permission: str,
) -> None:
    served = _serve(gh_api, body, permission)
    actions = RecordingActions()
    outcome = _run(settings, actions)
    assert outcome.status == status
    assert _json(served.reactions, 0) == {"content": reaction}
    if status == "smoke":
        assert actions.smokes == [(PR, HEAD, COMMENTER)] and not actions.reruns
    else:
        assert actions.reruns == [(PR, HEAD)] and not actions.smokes
    if status == "ignore":  # the reply shows the YAML for a permanent ignore
        reply = _json(served.replies)["body"]
        snippet = reply.split("```yaml\n", 1)[1].split("```", 1)[0]
        entry = yaml.safe_load(snippet)["ignore"][0]
        assert entry == {
            "category": "conflict",
            "package": "numpy",
            "reason": "fixed upstream in 2.1",
            "owner": f"@{COMMENTER}",
            "expires": date(2027, 6, 30),
        }
    else:
        assert not served.replies.called


@pytest.mark.parametrize("permission", ["read", "none"])
@pytest.mark.parametrize(("body", "status", "reaction"), COMMANDS)
def test_refused_users_get_a_reply_and_nothing_runs(
    settings: Settings,
    gh_api: respx.MockRouter,
    body: str,
    status: str,
    reaction: str,
    permission: str,
) -> None:
    served = _serve(gh_api, body, permission)
    actions = RecordingActions()
    outcome = _run(settings, actions)
    assert outcome.status == "refused"
    assert served.permission.call_count == 1
    assert not actions.reruns and not actions.smokes
    reply = _json(served.replies)["body"]
    assert reply.startswith(f"@{COMMENTER} ") and "write access" in reply
    assert f"`{permission}`" in reply
    assert _json(served.reactions) == {"content": "confused"}


def test_the_authors_own_ignore_is_refused(settings: Settings, gh_api: respx.MockRouter) -> None:
    served = _serve(gh_api, "@depreview ignore conflict -- mine", "admin", pr_author=COMMENTER)
    actions = RecordingActions()
    assert _run(settings, actions).status == "refused-self-ignore"
    assert not actions.reruns
    assert "author of a pull request cannot ignore" in _json(served.replies)["body"]


def test_the_base_config_may_allow_self_ignores(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    _serve(
        gh_api,
        "@depreview ignore conflict -- mine",
        "write",
        pr_author=COMMENTER,
        base_config="version: 1\ncommands:\n  allow_self_ignore: true\n",
    )
    actions = RecordingActions()
    assert _run(settings, actions).status == "ignore"
    assert actions.reruns == [(PR, HEAD)]


def test_invalid_command_is_answered_with_the_reason(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    served = _serve(gh_api, "@depreview ignore conflict", "admin")
    actions = RecordingActions()
    assert _run(settings, actions).status == "invalid"
    assert "needs a reason" in _json(served.replies)["body"]
    assert not actions.reruns


def test_smoke_that_cannot_run_says_why(settings: Settings, gh_api: respx.MockRouter) -> None:
    served = _serve(gh_api, "@depreview smoke", "write")
    actions = RecordingActions(smoke_answer="No GPU runner is online right now.")
    assert _run(settings, actions).status == "smoke-unavailable"
    assert "No GPU runner" in _json(served.replies)["body"]


@pytest.mark.parametrize(("action", "body"), [("deleted", "ignored"), ("created", None)])
def test_deleted_comment_reviews_again_so_its_ignore_goes(
    settings: Settings, gh_api: respx.MockRouter, action: str, body: str | None
) -> None:
    served = _serve(gh_api, body, "admin")
    actions = RecordingActions()
    assert _run(settings, actions, action).status == "rerun-after-delete"
    assert actions.reruns == [(PR, HEAD)]
    assert not served.replies.called and not served.permission.called


@pytest.mark.parametrize(("action", "body"), [("deleted", None), ("edited", "never mind")])
def test_rerun_noperm_poc_an_ignore_that_never_applied_reviews_nothing(
    settings: Settings, gh_api: respx.MockRouter, action: str, body: str | None
) -> None:
    # Security review finding 17: a stranger's refused ignore, edited or deleted, forced a
    # review each time. It never applied (not in the App's record): nothing to undo.
    _serve(gh_api, body, "none", applied=False)
    actions = RecordingActions()
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef.parse(REPO_NAME))
    job = CommandJob(1, REPO_NAME, PR, COMMENT_ID, "d", action, "ignore conflict -- x")
    outcome = handle_command(api, job, actions, today=date(2026, 11, 26))
    assert outcome.status in ("deleted-no-effect", "no-command")
    assert actions.reruns == []


def test_a_planted_record_in_someone_elses_comment_is_not_read(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    _serve(gh_api, None, "none", applied=True)
    planted = {
        "id": 98,
        "user": {"login": "mallory", "type": "User"},
        "body": '<!-- depreview -->\n<!-- depreview-ignore {"active": [{"comment_id": '
        f'{COMMENT_ID}}}], "expired": []}} -->',
    }
    gh_api.get(f"{REPO}/issues/{PR}/comments").mock(
        return_value=httpx.Response(200, json=[planted])
    )
    actions = RecordingActions()
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef.parse(REPO_NAME))
    job = CommandJob(1, REPO_NAME, PR, COMMENT_ID, "d", "deleted", "ignore conflict -- x")
    assert handle_command(api, job, actions).status == "deleted-no-effect"
    assert actions.reruns == []


def test_command_edited_away_reviews_again(settings: Settings, gh_api: respx.MockRouter) -> None:
    _serve(gh_api, "never mind", "admin")
    actions = RecordingActions()
    assert _run(settings, actions, "edited").status == "rerun-after-edit"
    assert actions.reruns == [(PR, HEAD)]


def test_an_ignore_that_already_expired_is_refused(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    # the payload's comment was written on 2019-10-20: 14 days from then is long past
    served = _serve(gh_api, "@depreview ignore conflict for 14d -- old", "admin")
    actions = RecordingActions()
    assert _run(settings, actions).status == "invalid"
    assert "expired on 2019-11-03" in _json(served.replies)["body"]
    assert not actions.reruns
