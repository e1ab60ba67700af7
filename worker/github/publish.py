"""Publish a review to GitHub: the `depreview` check run and the one PR comment."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from rules.render.checkrun import MAX_SUMMARY, MAX_TEXT
from rules.render.markdown import MARKER, MAX_COMMENT
from worker.github.api import JSON, RepoApi
from worker.github.client import is_transient

logger = logging.getLogger(__name__)

CHECK_NAME = "depreview"
MAX_ANNOTATIONS_PER_REQUEST = 50
#: The PR comment's marker and size limit and the check run's output limits are the
#: renderer's (`MARKER`, `MAX_COMMENT` in rules/render/markdown.py; `MAX_SUMMARY`, `MAX_TEXT`
#: in rules/render/checkrun.py). GitHub's limits are UTF-8 bytes: "summary exceeds a maximum
#: bytesize of 65535" (a real 422, github/docs#35252), though the REST description says
#: characters. Every limit here is applied to the encoded length, which also keeps within a
#: limit counted in characters.
#: An annotation's `message` and `raw_details`: "The maximum size is 64 KB" (REST description).
MAX_ANNOTATION_BYTES = 64 * 1024 - 1
_TRUNCATED = "\n\n… (truncated: GitHub limits this text to {limit} bytes)"
#: Tries of a create (check run, comment) that failed transiently; before each new try the
#: App looks for what the failed one may have made.
CREATE_TRIES = 3
CREATE_BACKOFF_S = 1.0

T = TypeVar("T")

Conclusion = Literal["success", "neutral", "failure"]


@dataclass(frozen=True, slots=True)
class CheckRun:
    """The check run a job publishes to."""

    id: int
    status: str
    conclusion: str | None
    external_id: str
    reused: bool
    #: The App's slug as GitHub reported it on this run (`app.slug`): its bot is `<slug>[bot]`.
    app_slug: str | None = None


@dataclass(frozen=True, slots=True)
class AppIdentity:
    """Who the App is on GitHub: how its own comment is told apart from anyone else's.

    A comment is the App's when GitHub says the App made it (`performed_via_github_app.id`)
    or its author is the App's bot user (`<slug>[bot]`, type `Bot`); never by the marker text,
    which any commenter can paste. Without an App id or slug (development, tests) only a
    bot-type author whose login ends in `[bot]` counts.
    """

    app_id: int | None = None
    bot_login: str | None = None

    @classmethod
    def of(cls, app_id: int | None, run: CheckRun | None = None) -> AppIdentity:
        """The identity from the configured App id and the slug GitHub gave on a check run."""
        slug = run.app_slug if run is not None else None
        return cls(app_id, f"{slug}[bot]" if slug else None)

    def wrote(self, comment: JSON) -> bool:
        """Whether the App wrote this comment."""
        app = comment.get("performed_via_github_app") or {}
        if self.app_id is not None and isinstance(app, dict) and app.get("id") == self.app_id:
            return True
        user = comment.get("user") or {}
        login = str(user.get("login") or "") if isinstance(user, dict) else ""
        is_bot = isinstance(user, dict) and user.get("type") == "Bot"
        if self.bot_login is not None:
            return is_bot and login.lower() == self.bot_login.lower()
        if self.app_id is not None:
            return False
        return is_bot and login.endswith("[bot]")


def _slug(run: JSON) -> str | None:
    app = run.get("app") or {}
    slug = app.get("slug") if isinstance(app, dict) else None
    return str(slug) if slug else None


def utf8_len(text: str) -> int:
    """The length GitHub counts: UTF-8 bytes."""
    return len(text.encode("utf-8"))


def clamp(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes, with an honest note when cut.

    The cut never splits a character (a partial UTF-8 sequence is dropped).
    """
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    note = _TRUNCATED.format(limit=limit)
    room = max(0, limit - utf8_len(note))
    return encoded[:room].decode("utf-8", "ignore") + note


def _clamp_annotation(annotation: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(annotation)
    for key in ("message", "raw_details"):
        if isinstance(out.get(key), str):
            out[key] = clamp(out[key], MAX_ANNOTATION_BYTES)
    if isinstance(out.get("title"), str):
        out["title"] = clamp(out["title"], 255)
    return out


def _transient(exc: BaseException) -> bool:

    return is_transient(exc)


def create_once(
    create: Callable[[], T],
    lookup: Callable[[], T | None],
    *,
    tries: int = CREATE_TRIES,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """A non-idempotent create made safe to retry.

    A create that failed transiently (a 502 may come after GitHub made the object) is
    followed by `lookup`: what it finds is the result; only when it finds nothing is the
    create sent again.
    """
    for attempt in range(tries):
        try:
            return create()
        except Exception as exc:
            if attempt + 1 >= tries or not _transient(exc):
                raise
            logger.info("create failed; looking for its result", extra={"error": repr(exc)})
        sleep(CREATE_BACKOFF_S * 2**attempt)
        found = lookup()
        if found is not None:
            return found
    raise AssertionError("unreachable")


def find_check_run(api: RepoApi, head_sha: str, app_id: int | None) -> CheckRun | None:
    """The newest `depreview` check run on `head_sha`, if one exists."""
    runs = [r for r in api.list_check_runs(head_sha, CHECK_NAME, app_id) if r["name"] == CHECK_NAME]
    runs = [r for r in runs if r.get("head_sha", head_sha) == head_sha]
    if not runs:
        return None
    run = max(runs, key=lambda r: int(r["id"]))
    return CheckRun(
        id=int(run["id"]),
        status=str(run.get("status")),
        conclusion=run.get("conclusion"),
        external_id=str(run.get("external_id") or ""),
        reused=True,
        app_slug=_slug(run),
    )


def start_check_run(
    api: RepoApi,
    head_sha: str,
    external_id: str,
    *,
    title: str = "Reviewing dependencies",
    app_id: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> CheckRun:
    """Create the `depreview` check run in progress (once, even when a create fails)."""
    body = {
        "name": CHECK_NAME,
        "head_sha": head_sha,
        "status": "in_progress",
        "external_id": external_id,
        "output": {"title": title, "summary": "depreview is reviewing this commit's dependencies."},
    }

    def create() -> CheckRun:
        run = api.create_check_run(body)
        return CheckRun(int(run["id"]), "in_progress", None, external_id, False, _slug(run))

    def lookup() -> CheckRun | None:
        run = find_check_run(api, head_sha, app_id)
        if run is None or run.external_id != external_id or run.status == "completed":
            return None
        return run

    return create_once(create, lookup, sleep=sleep)


def complete_check_run(
    api: RepoApi,
    check_run_id: int,
    conclusion: Conclusion,
    *,
    title: str,
    summary: str,
    text: str = "",
    annotations: Sequence[Mapping[str, Any]] = (),
    extra: Mapping[str, Any] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Complete a check run; annotations go 50 per request. Returns the number of PATCHes.

    `extra` adds top-level fields to the completing PATCH (`actions`, `details_url`).
    """
    batches = [
        list(annotations[i : i + MAX_ANNOTATIONS_PER_REQUEST])
        for i in range(0, len(annotations), MAX_ANNOTATIONS_PER_REQUEST)
    ] or [[]]
    batches = [[_clamp_annotation(a) for a in batch] for batch in batches]
    title = clamp(title, 255)
    summary = clamp(summary, MAX_SUMMARY)
    output: JSON = {"title": title, "summary": summary}
    if text:
        output["text"] = clamp(text, MAX_TEXT)
    if batches[0]:
        output["annotations"] = batches[0]
    patches: list[JSON] = [
        {**(extra or {}), "status": "completed", "conclusion": conclusion, "output": output}
    ]
    patches += [
        {"output": {"title": title, "summary": summary, "annotations": batch}}
        for batch in batches[1:]
    ]
    sent = 0
    for body in patches:
        sent += len(body["output"].get("annotations", ()))
        _patch_once(api, check_run_id, body, sent, sleep)
    return len(batches)


def _patch_once(
    api: RepoApi,
    check_run_id: int,
    body: JSON,
    annotations_after: int,
    sleep: Callable[[float], None],
) -> None:
    """PATCH a check run; after a transient failure, send it again unless it landed.

    A PATCH without annotations is repeated by the transport. One with annotations is
    not (GitHub appends them); here the run's `output.annotations_count` says whether the
    failed PATCH was applied (when the API can read one run).
    """
    get = getattr(api, "get_check_run", None)
    if not body["output"].get("annotations") or get is None:
        api.update_check_run(check_run_id, body)
        return

    def lookup() -> JSON | None:
        run = get(check_run_id)
        count = int((run.get("output") or {}).get("annotations_count") or 0)
        return run if count >= annotations_after else None

    create_once(lambda: api.update_check_run(check_run_id, body), lookup, sleep=sleep)


def find_comment(
    api: RepoApi,
    pr_number: int,
    identity: AppIdentity | None = None,
    *,
    per_page: int = 100,
) -> JSON | None:
    """The App's own comment on the PR: the first with the marker that the App wrote."""
    identity = identity or AppIdentity()
    page = 1
    while True:
        result = api.list_issue_comments(pr_number, page=page, per_page=per_page)
        for comment in result.items:
            if MARKER in str(comment.get("body") or "") and identity.wrote(comment):
                return comment
        if not result.has_next or not result.items:
            return None
        page += 1


def upsert_comment(
    api: RepoApi,
    pr_number: int,
    body: str,
    identity: AppIdentity | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[str, int]:
    """Update the App's comment or create it; returns ("created"|"updated"|"unchanged", id).

    Callers hold the per-PR lock, so two jobs never both create. A create that failed
    transiently looks for the App's comment before trying again. A comment someone else
    wrote is never edited, whatever it contains.
    """
    if MARKER not in body:
        body = f"{MARKER}\n{body}"
    body = clamp(body, MAX_COMMENT - 1)
    existing = find_comment(api, pr_number, identity)
    if existing is None:
        found: list[JSON] = []

        def lookup() -> JSON | None:
            comment = find_comment(api, pr_number, identity)
            if comment is not None:
                found.append(comment)
            return comment

        created = create_once(
            lambda: api.create_issue_comment(pr_number, body), lookup, sleep=sleep
        )
        if not found or found[-1].get("body") == body:
            return "created", int(created["id"])
        existing = (
            created  # a failed create's comment, or the App's from before: bring it up to date
        )
    comment_id = int(existing["id"])
    if existing.get("body") == body:
        return "unchanged", comment_id
    api.update_issue_comment(comment_id, body)
    return "updated", comment_id
