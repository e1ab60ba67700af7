"""Count GitHub REST calls and track rate limits: an httpx response hook for githubkit clients.

URLs become route templates (`/repos/{owner}/{repo}/pulls/{pull_number}`), so the label values
are bounded: a path that matches none of the routes depreview calls is counted as `other`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from worker.metrics import current

#: The routes depreview calls (GitHub's own templates), most specific first where they overlap.
ROUTES = (
    "/app",
    "/app/installations/{installation_id}/access_tokens",
    "/app/hook/deliveries",
    "/app/hook/deliveries/{delivery_id}",
    "/app/hook/deliveries/{delivery_id}/attempts",
    "/app-manifests/{code}/conversions",
    "/installation/repositories",
    "/repos/{owner}/{repo}",
    "/repos/{owner}/{repo}/installation",
    "/repos/{owner}/{repo}/pulls",
    "/repos/{owner}/{repo}/pulls/{pull_number}",
    "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    "/repos/{owner}/{repo}/check-runs",
    "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    "/repos/{owner}/{repo}/collaborators/{username}/permission",
)
OTHER = "other"

_PARAM = re.compile(r"\\\{[a-z_]+\\\}")


def _compile(template: str) -> re.Pattern[str]:
    return re.compile(_PARAM.sub("[^/]+", re.escape(template)) + "/?")


_COMPILED = tuple((_compile(t), t) for t in ROUTES)


def route_template(path: str, base_path: str = "") -> str:
    """The template of a request path (`base_path`: GHES's `/api/v3`); `other` if unknown."""
    base = base_path.rstrip("/")
    if base and path.startswith(base + "/"):
        path = path[len(base) :]
    matches = [template for pattern, template in _COMPILED if pattern.fullmatch(path)]
    if not matches:
        return OTHER
    # Fewest parameters: the most literal template that matches.
    return min(matches, key=lambda template: template.count("{"))


def record_response(response: httpx.Response, installation: str, base_path: str = "") -> None:
    """Count one response; remember its `x-ratelimit-remaining` for the installation."""
    request = response.request
    metrics = current()
    metrics.github_calls.labels(
        method=request.method,
        route=route_template(request.url.path, base_path),
        status=str(response.status_code),
    ).inc()
    remaining = response.headers.get("x-ratelimit-remaining")
    resource = response.headers.get("x-ratelimit-resource", "core")
    if remaining is not None and resource == "core" and remaining.isdigit():
        metrics.ratelimit_remaining.labels(installation=installation).set(int(remaining))


def event_hooks(installation: str, base_url: str) -> dict[str, list[Callable[..., Any]]]:
    """httpx `event_hooks` for a githubkit client acting as `installation` (`app`, `token`)."""
    base_path = urlsplit(base_url).path

    def on_response(response: httpx.Response) -> None:
        record_response(response, installation, base_path)

    return {"response": [on_response]}
