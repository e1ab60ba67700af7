"""The githubkit-backed RepoApi against respx: auth, exact requests, pagination, batching."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import jwt
import pytest
import respx

from core.settings import Settings
from rules.render.markdown import MARKER
from tests.worker.github.conftest import REPO, fixture
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client, is_transient
from worker.github.publish import (
    AppIdentity,
    complete_check_run,
    find_check_run,
    start_check_run,
    upsert_comment,
)


def _api(settings: Settings) -> GitHubRepoApi:
    return GitHubRepoApi(installation_client(settings, 1), RepoRef("octocat", "Hello-World"))


def _body(route: respx.Route, index: int = -1) -> Any:
    return json.loads(route.calls[index].request.content)


def test_mints_installation_token_with_app_jwt(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    pull = gh_api.get(f"{REPO}/pulls/1347").mock(
        return_value=httpx.Response(200, json={"number": 1347, "head": {"sha": "h"}})
    )
    assert _api(settings).get_pull(1347)["number"] == 1347
    mint = gh_api.routes["mint"].calls.last.request
    scheme, _, token = mint.headers["authorization"].partition(" ")
    assert scheme == "Bearer"
    assert jwt.decode(token, options={"verify_signature": False})["iss"] == "1"
    minted = fixture("apps/create-installation-access-token.201.json")["token"]
    assert pull.calls.last.request.headers["authorization"].endswith(minted)
    assert pull.calls.last.request.url.host == "ghe.example.test"


def test_pull_files_follow_link_header_until_no_next(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    from worker.github.fetch import list_changed_files

    entry = fixture("pulls/list-pull-request-files.200.json")[0]
    link = fixture("pulls/list-pull-request-files.page-1.headers.json")["link"]

    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        items = [{**entry, "filename": f"dir{number}/requirements-{i}.txt"} for i in range(100)]
        if number < 3:
            return httpx.Response(200, json=items, headers={"link": link})
        return httpx.Response(200, json=items[:7])

    route = gh_api.get(f"{REPO}/pulls/1347/files").mock(side_effect=page)
    changed = list_changed_files(_api(settings), 1347, max_files=3000)
    assert changed.complete
    assert len(changed.paths) == 207
    assert [c.request.url.params["page"] for c in route.calls] == ["1", "2", "3"]
    assert {c.request.url.params["per_page"] for c in route.calls} == {"100"}


def test_pull_files_stop_at_the_limit_and_say_so(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    from worker.github.fetch import list_changed_files

    link = fixture("pulls/list-pull-request-files.page-1.headers.json")["link"]
    items = [{"filename": f"f{i}.py", "status": "modified"} for i in range(100)]
    route = gh_api.get(f"{REPO}/pulls/1347/files").mock(
        return_value=httpx.Response(200, json=items, headers={"link": link})
    )
    changed = list_changed_files(_api(settings), 1347, max_files=300)
    assert not changed.complete
    assert len(route.calls) == 3


def test_blob_is_base64_decoded_across_lines(settings: Settings, gh_api: respx.MockRouter) -> None:
    text = "torch==2.1.0\nnumpy<2\n" * 20
    encoded = base64.b64encode(text.encode()).decode()
    wrapped = "\n".join(encoded[i : i + 60] for i in range(0, len(encoded), 60))
    gh_api.get(f"{REPO}/git/blobs/abc").mock(
        return_value=httpx.Response(200, json={"content": wrapped, "encoding": "base64"})
    )
    assert _api(settings).get_blob("abc").decode() == text


def test_tree_is_requested_recursively(settings: Settings, gh_api: respx.MockRouter) -> None:
    route = gh_api.get(f"{REPO}/git/trees/deadbeef").mock(
        return_value=httpx.Response(200, json={"sha": "t", "tree": [], "truncated": False})
    )
    _api(settings).get_tree("deadbeef")
    assert route.calls.last.request.url.params["recursive"] == "1"


def test_check_run_create_body_is_in_progress_with_external_id(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    route = gh_api.post(f"{REPO}/check-runs").mock(
        return_value=httpx.Response(
            201, json=fixture("checks/create-check-run.201.in-progress.json")
        )
    )
    run = start_check_run(_api(settings), "ce587453ced02b1526dfb4cb910479d431683101", "pr=1;base=b")
    assert run.id == 4
    body = _body(route)
    assert body == {
        "name": "depreview",
        "head_sha": "ce587453ced02b1526dfb4cb910479d431683101",
        "status": "in_progress",
        "external_id": "pr=1;base=b",
        "output": {
            "title": "Reviewing dependencies",
            "summary": "depreview is reviewing this commit's dependencies.",
        },
    }


@pytest.mark.parametrize(
    ("count", "batches"), [(0, [0]), (50, [50]), (51, [50, 1]), (120, [50, 50, 20])]
)
def test_annotations_go_fifty_per_request(
    settings: Settings, gh_api: respx.MockRouter, count: int, batches: list[int]
) -> None:
    route = gh_api.patch(f"{REPO}/check-runs/4").mock(
        return_value=httpx.Response(200, json=fixture("checks/update-check-run.200.json"))
    )
    annotations = [
        {
            "path": "requirements.txt",
            "start_line": i + 1,
            "end_line": i + 1,
            "annotation_level": "failure",
            "message": f"problem {i}",
        }
        for i in range(count)
    ]
    sent = complete_check_run(
        _api(settings),
        4,
        "failure",
        title="2 errors",
        summary="S",
        text="T",
        annotations=annotations,
    )
    bodies = [json.loads(c.request.content) for c in route.calls]
    assert sent == len(batches) == len(bodies)
    assert [len(b["output"].get("annotations", [])) for b in bodies] == batches
    assert bodies[0]["status"] == "completed"
    assert bodies[0]["conclusion"] == "failure"
    assert bodies[0]["output"]["text"] == "T"
    assert all("conclusion" not in b for b in bodies[1:])
    assert all(b["output"]["summary"] == "S" for b in bodies)
    messages = [a["message"] for b in bodies for a in b["output"].get("annotations", [])]
    assert messages == [a["message"] for a in annotations]


def test_existing_check_run_found_by_name_and_app(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    run = fixture("checks/create-check-run.201.in-progress.json")
    run["name"] = "depreview"
    route = gh_api.get(f"{REPO}/commits/{run['head_sha']}/check-runs").mock(
        return_value=httpx.Response(200, json={"total_count": 1, "check_runs": [run]})
    )
    found = find_check_run(_api(settings), run["head_sha"], settings.github_app_id)
    assert found is not None and found.id == 4 and found.status == "in_progress"
    params = route.calls.last.request.url.params
    assert params["check_name"] == "depreview"
    assert params["app_id"] == "1"


def _comments_routes(gh_api: respx.MockRouter, pages: list[list[dict[str, Any]]]) -> respx.Route:
    link = '<https://x/?page=2>; rel="next"'

    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        headers = {"link": link} if number < len(pages) else {}
        return httpx.Response(200, json=pages[number - 1], headers=headers)

    return gh_api.get(f"{REPO}/issues/1347/comments").mock(side_effect=page)


def test_comment_created_when_no_marker_on_any_page(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    others = fixture("issues/list-issue-comments.200.json")
    _comments_routes(gh_api, [others, others])
    create = gh_api.post(f"{REPO}/issues/1347/comments").mock(
        return_value=httpx.Response(201, json=fixture("issues/create-issue-comment.201.json"))
    )
    update = gh_api.patch(url__regex=r".*/issues/comments/\d+").mock(
        return_value=httpx.Response(200, json=fixture("issues/update-issue-comment.200.json"))
    )
    action, _ = upsert_comment(_api(settings), 1347, f"{MARKER}\n## depreview\nbody")
    assert action == "created"
    assert _body(create) == {"body": f"{MARKER}\n## depreview\nbody"}
    assert not update.called


def test_comment_updated_when_marker_found_on_a_later_page(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    others = fixture("issues/list-issue-comments.200.json")
    ours = {**others[0], "id": 77, "body": f"{MARKER}\nold"}
    ours["performed_via_github_app"] = {"id": 1, "slug": "depreview"}
    planted = {**others[0], "id": 76, "body": f"{MARKER}\nplanted by a user"}
    _comments_routes(gh_api, [others, [planted, ours]])
    create = gh_api.post(f"{REPO}/issues/1347/comments").mock(
        return_value=httpx.Response(201, json={})
    )
    update = gh_api.patch(f"{REPO}/issues/comments/77").mock(
        return_value=httpx.Response(200, json=fixture("issues/update-issue-comment.200.json"))
    )
    identity = AppIdentity(app_id=1)
    action, comment_id = upsert_comment(_api(settings), 1347, f"{MARKER}\nnew", identity)
    assert (action, comment_id) == ("updated", 77)
    assert _body(update) == {"body": f"{MARKER}\nnew"}
    assert not create.called


def test_long_comment_is_cut_with_a_note(settings: Settings, gh_api: respx.MockRouter) -> None:
    _comments_routes(gh_api, [[]])
    create = gh_api.post(f"{REPO}/issues/1347/comments").mock(
        return_value=httpx.Response(201, json={"id": 5})
    )
    upsert_comment(_api(settings), 1347, MARKER + "x" * 100_000)
    body = _body(create)["body"]
    assert len(body) < 65536
    assert "truncated" in body


@pytest.mark.parametrize(
    ("status", "headers", "body_file", "transient"),
    [
        (502, {}, None, True),
        (500, {}, None, True),
        (404, {}, "errors/404-not-found.body.json", False),
        (422, {}, "errors/422-validation-failed.body.json", False),
        (
            403,
            "errors/403-secondary-rate-limit.headers.json",
            "errors/403-secondary-rate-limit.body.json",
            True,
        ),
        (
            403,
            "errors/403-primary-rate-limit.headers.json",
            "errors/403-primary-rate-limit.body.json",
            True,
        ),
        (403, {}, None, False),
    ],
)
def test_transient_errors_are_told_apart(
    settings: Settings,
    gh_api: respx.MockRouter,
    status: int,
    headers: Any,
    body_file: str | None,
    transient: bool,
) -> None:
    hdrs = fixture(headers) if isinstance(headers, str) else headers
    body = fixture(body_file) if body_file else {"message": "boom"}
    gh_api.get(f"{REPO}/pulls/1").mock(return_value=httpx.Response(status, json=body, headers=hdrs))
    with pytest.raises(Exception) as info:
        _api(settings).get_pull(1)
    assert is_transient(info.value) is transient


def test_network_errors_are_transient(settings: Settings, gh_api: respx.MockRouter) -> None:
    gh_api.get(f"{REPO}/pulls/1").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(Exception) as info:
        _api(settings).get_pull(1)
    assert is_transient(info.value)
