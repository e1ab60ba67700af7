"""The githubkit-backed `RepoApi`: an installation client minted from the App's key.

Retries happen at two levels. githubkit's own retries are off (`auto_retry=False`). First,
in place: `worker/github/transport.py` repeats a request that is safe to repeat a few times
within seconds (5xx, network errors, short `Retry-After`s). Second, for longer outages, Celery:
`worker/errors.py` classifies a GitHub failure as `RateLimited` (a 403/429 with `Retry-After`,
`x-ratelimit-remaining: 0` and `x-ratelimit-reset`, or a secondary limit without either: at
least a minute, see `worker/github/ratelimit.py`) or `Transient` (5xx, network:
exponential backoff), both bounded; anything else fails the task, and a failed review closes
its check run with the reason.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Mapping
from typing import Any, cast

from githubkit import AppInstallationAuthStrategy, GitHub, TokenAuthStrategy
from githubkit.exception import RateLimitExceeded, RequestError, RequestFailed

from core.settings import Settings
from worker.github.api import JSON, Page, RepoRef
from worker.github.metrics import event_hooks
from worker.github.pacing import Pacer
from worker.github.ratelimit import retry_wait
from worker.github.transport import GitHubTransport, RetryPolicy, api_version_for

#: Which retries githubkit does: none. Celery owns retries (worker/errors.py, worker/tasks/), so a
#: transient failure is retried once, with backoff, in one place.
_AUTO_RETRY = False


class AppNotConfiguredError(RuntimeError):
    """The App id or private key is missing from the settings."""


def transport(
    settings: Settings,
    pacer: Pacer | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> GitHubTransport:
    """The transport every client here sends through (version header, retries, pacing)."""
    policy = RetryPolicy(
        attempts=settings.github_retry_attempts,
        inplace_max_s=settings.github_retry_inplace_max_s,
    )
    version = api_version_for(settings.github_api_url, settings.github_api_version)
    return GitHubTransport(api_version=version, policy=policy, pacer=pacer, sleep=sleep)


def installation_client(
    settings: Settings,
    installation_id: int,
    *,
    pacer: Pacer | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> GitHub[Any]:
    """A githubkit client acting as the App's installation (token minted on first use).

    Use it as `with gh:` for a task's lifetime: one HTTP client (one connection pool) for
    every call, instead of a new connection per request.
    """
    key = settings.private_key_pem()
    if settings.github_app_id is None or not key:
        raise AppNotConfiguredError(
            "DEPREVIEW_GITHUB_APP_ID and DEPREVIEW_GITHUB_PRIVATE_KEY(_PATH) must be set"
        )
    auth = AppInstallationAuthStrategy(settings.github_app_id, key, installation_id)
    return GitHub(
        auth,
        base_url=settings.github_api_url,
        timeout=settings.github_timeout_s,
        http_cache=False,
        auto_retry=_AUTO_RETRY,
        user_agent="depreview",
        transport=transport(settings, pacer, sleep),
        event_hooks=event_hooks(str(installation_id), settings.github_api_url),
    )


def token_client(settings: Settings, token: str) -> GitHub[Any]:
    """A githubkit client with a plain token (the CLI's `--pr`)."""
    return GitHub(
        TokenAuthStrategy(token),
        base_url=settings.github_api_url,
        timeout=settings.github_timeout_s,
        http_cache=False,
        auto_retry=_AUTO_RETRY,
        user_agent="depreview",
        transport=transport(settings),
        event_hooks=event_hooks("token", settings.github_api_url),
    )


def _has_next(link: str | None) -> bool:
    return link is not None and 'rel="next"' in link


class GitHubRepoApi:
    """`RepoApi` over githubkit's REST methods; bodies are read as plain JSON."""

    def __init__(self, gh: GitHub[Any], repo: RepoRef) -> None:
        self._gh = gh
        self.repo = repo

    def get_pull(self, number: int) -> JSON:
        """GET a pull request."""
        resp = self._gh.rest.pulls.get(self.repo.owner, self.repo.name, number)
        return cast(JSON, resp.json())

    def list_pull_files(self, number: int, page: int, per_page: int) -> Page:
        """GET one page of a pull request's files."""
        resp = self._gh.rest.pulls.list_files(
            self.repo.owner, self.repo.name, number, per_page=per_page, page=page
        )
        return Page(cast(list[JSON], resp.json()), _has_next(resp.headers.get("link")))

    def get_tree(self, sha: str) -> JSON:
        """GET the recursive tree of a commit or tree sha."""
        resp = self._gh.rest.git.get_tree(self.repo.owner, self.repo.name, sha, recursive="1")
        return cast(JSON, resp.json())

    def get_blob(self, sha: str) -> bytes:
        """GET a blob and decode its base64 content."""
        resp = self._gh.rest.git.get_blob(self.repo.owner, self.repo.name, sha)
        body = cast(JSON, resp.json())
        content = str(body.get("content", ""))
        if body.get("encoding") == "base64":
            return base64.b64decode("".join(content.split()))
        return content.encode("utf-8")

    def get_commit_message(self, sha: str) -> str:
        """GET a git commit and return its message."""
        resp = self._gh.rest.git.get_commit(self.repo.owner, self.repo.name, sha)
        return str(cast(JSON, resp.json()).get("message", ""))

    def list_check_runs(self, ref: str, name: str, app_id: int | None) -> list[JSON]:
        """GET the check runs named `name` on a commit (first 100 are plenty for one name).

        `filter=all`: how `latest` (by `completed_at`) ranks a run still in progress against
        an older completed one is not specified; callers pick by id.
        """
        kwargs: dict[str, Any] = {"check_name": name, "per_page": 100, "filter_": "all"}
        if app_id is not None:
            kwargs["app_id"] = app_id
        resp = self._gh.rest.checks.list_for_ref(self.repo.owner, self.repo.name, ref, **kwargs)
        body = cast(JSON, resp.json())
        return cast(list[JSON], body.get("check_runs", []))

    def create_check_run(self, body: Mapping[str, Any]) -> JSON:
        """POST a check run."""
        resp = self._gh.rest.checks.create(self.repo.owner, self.repo.name, data=dict(body))  # type: ignore[call-overload]
        return cast(JSON, resp.json())

    def get_check_run(self, check_run_id: int) -> JSON:
        """GET one check run (`output.annotations_count` tells which PATCHes landed)."""
        resp = self._gh.rest.checks.get(self.repo.owner, self.repo.name, check_run_id)
        return cast(JSON, resp.json())

    def update_check_run(self, check_run_id: int, body: Mapping[str, Any]) -> JSON:
        """PATCH a check run."""
        resp = self._gh.rest.checks.update(  # type: ignore[call-overload]
            self.repo.owner, self.repo.name, check_run_id, data=dict(body)
        )
        return cast(JSON, resp.json())

    def list_issue_comments(self, number: int, page: int, per_page: int) -> Page:
        """GET one page of a PR's conversation comments."""
        resp = self._gh.rest.issues.list_comments(
            self.repo.owner, self.repo.name, number, per_page=per_page, page=page
        )
        return Page(cast(list[JSON], resp.json()), _has_next(resp.headers.get("link")))

    def create_issue_comment(self, number: int, body: str) -> JSON:
        """POST a PR conversation comment."""
        resp = self._gh.rest.issues.create_comment(
            self.repo.owner, self.repo.name, number, body=body
        )
        return cast(JSON, resp.json())

    def update_issue_comment(self, comment_id: int, body: str) -> JSON:
        """PATCH a PR conversation comment."""
        resp = self._gh.rest.issues.update_comment(
            self.repo.owner, self.repo.name, comment_id, body=body
        )
        return cast(JSON, resp.json())

    def get_issue_comment(self, comment_id: int) -> JSON | None:
        """GET one PR conversation comment; None when it was deleted."""
        try:
            resp = self._gh.rest.issues.get_comment(self.repo.owner, self.repo.name, comment_id)
        except RequestFailed as exc:
            if exc.response.status_code in (404, 410):
                return None
            raise
        return cast(JSON, resp.json())

    def get_permission(self, username: str) -> str:
        """The legacy permission level of a user on the repository (`none` when unknown).

        403 "Must have push access to view collaborator permission" (a token without push
        access, the CLI) also reads as `none`; a 403 rate limit does not.
        """

        try:
            resp = self._gh.rest.repos.get_collaborator_permission_level(
                self.repo.owner, self.repo.name, username
            )
        except RequestFailed as exc:
            status = exc.response.status_code
            if status == 404 or (status == 403 and retry_wait(exc) is None):
                return "none"
            raise
        return str(cast(JSON, resp.json()).get("permission") or "none")

    def create_reaction(self, comment_id: int, content: str) -> None:
        """React to a PR conversation comment (`+1`, `eyes`, ...)."""
        self._gh.rest.reactions.create_for_issue_comment(  # type: ignore[call-overload]
            self.repo.owner, self.repo.name, comment_id, data={"content": content}
        )

    def list_open_pulls(self, page: int, per_page: int) -> Page:
        """GET one page of the repository's open pull requests."""
        resp = self._gh.rest.pulls.list(
            self.repo.owner, self.repo.name, state="open", per_page=per_page, page=page
        )
        return Page(cast(list[JSON], resp.json()), _has_next(resp.headers.get("link")))


def is_transient(exc: BaseException) -> bool:
    """Whether a GitHub failure is worth retrying later (5xx, rate limits, network)."""

    if isinstance(exc, RateLimitExceeded):
        return True
    if isinstance(exc, RequestFailed):
        status = exc.response.status_code
        return status >= 500 or status == 429 or (status == 403 and retry_wait(exc) is not None)
    return isinstance(exc, RequestError)
