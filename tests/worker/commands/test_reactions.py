"""A reaction is only an acknowledgement: the command acts first and a failed reaction
never fails it, retries it or runs its action twice (issue 12, review D1).

Each allowed command and a refusal are run while GitHub answers the reaction with what an
installation without Issues write gets (403 "Resource not accessible by integration"), with a
404 (the comment was deleted meanwhile) and with a 502.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx

from core.settings import Settings
from tests.worker.commands.test_handler import COMMANDS, RecordingActions, _run, _serve
from tests.worker.github.conftest import fixture

REACTION_FAILURES = {
    "403-no-issues-write": httpx.Response(
        403,
        json=fixture("errors/403-resource-not-accessible.body.json"),
        headers=fixture("errors/403-resource-not-accessible.headers.json"),
    ),
    "404-comment-gone": httpx.Response(404, json=fixture("errors/404-not-found.body.json")),
    "502": httpx.Response(502, text="<html><body><h1>502 Bad Gateway</h1></body></html>"),
}


def _effects(actions: RecordingActions) -> list[tuple[Any, ...]]:
    return [*actions.reruns, *actions.smokes]


@pytest.mark.parametrize("failure", sorted(REACTION_FAILURES))
@pytest.mark.parametrize(("body", "status", "reaction"), COMMANDS)
def test_a_failed_reaction_leaves_the_command_done_exactly_once(
    settings: Settings,
    gh_api: respx.MockRouter,
    body: str,
    status: str,
    reaction: str,
    failure: str,
) -> None:
    served = _serve(gh_api, body, "write")
    actions = RecordingActions()
    seen_before_reaction: list[int] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        seen_before_reaction.append(len(_effects(actions)))
        return REACTION_FAILURES[failure]

    served.reactions.mock(side_effect=refuse)
    outcome = _run(settings, actions)
    assert outcome.status == status
    assert len(_effects(actions)) == 1  # the review (or smoke) was queued once
    assert seen_before_reaction == [1]  # ... before the reaction was tried, which was tried once
    assert json.loads(served.reactions.calls[0].request.content) == {"content": reaction}
    # only the ignore answers in the conversation, once
    assert served.replies.call_count == (1 if status == "ignore" else 0)


@pytest.mark.parametrize("failure", sorted(REACTION_FAILURES))
def test_a_refusal_is_answered_even_when_its_reaction_fails(
    settings: Settings, gh_api: respx.MockRouter, failure: str
) -> None:
    served = _serve(gh_api, "@depreview rerun", "read")
    replies_before_reaction: list[int] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        replies_before_reaction.append(served.replies.call_count)
        return REACTION_FAILURES[failure]

    served.reactions.mock(side_effect=refuse)
    actions = RecordingActions()
    outcome = _run(settings, actions)
    assert outcome.status == "refused"
    assert replies_before_reaction == [1]  # the reply first, then the reaction
    assert served.replies.call_count == 1
    assert "write access" in json.loads(served.replies.calls[0].request.content)["body"]
    assert _effects(actions) == []


def test_a_rate_limited_reaction_does_not_fail_the_command(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    # A primary limit: the wait is far longer than an in-place retry, so the transport hands
    # the 403 back; the command is done and must not be retried for its reaction.
    served = _serve(gh_api, "@depreview rerun", "admin")
    served.reactions.mock(
        return_value=httpx.Response(
            403,
            json=fixture("errors/403-primary-rate-limit.body.json"),
            headers={
                **fixture("errors/403-primary-rate-limit.headers.json"),
                "x-ratelimit-reset": "9999999999",
            },
        )
    )
    actions = RecordingActions()
    assert _run(settings, actions).status == "rerun"
    assert len(actions.reruns) == 1
    assert served.reactions.call_count == 1
