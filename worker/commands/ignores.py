"""PR-scoped ignores: re-read from the PR's comments on every run, recorded in our comment."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml
from pydantic import ValidationError

from core.commands import Command, parse_command
from rules.config import IgnoreRule
from rules.render.escape import md_code, md_text
from worker.commands import binding
from worker.commands.permissions import PermissionCache
from worker.github.api import JSON, InteractionApi

RECORD_MARKER = "depreview-ignore"
PER_PAGE = 100
MAX_COMMENT_PAGES = 30


@dataclass(frozen=True, slots=True)
class PrIgnore:
    """One accepted `@depreview ignore`: the rule it adds and who asked, when and where."""

    rule: IgnoreRule
    by: str
    at: str
    comment_id: int
    url: str = ""
    #: The commit it was given for (`at <sha>`), None when it named none.
    sha: str | None = None
    #: Why it does not apply to the head now ("" when it does).
    unbound: str = ""

    def record(self) -> dict[str, Any]:
        """The JSON kept in the hidden block of the depreview comment."""
        return {
            "rule": self.rule.rule,
            "category": self.rule.category,
            "package": self.rule.package,
            "reason": self.rule.reason,
            "expires": self.rule.expires.isoformat() if self.rule.expires else None,
            "by": self.by,
            "at": self.at,
            "comment_id": self.comment_id,
            "sha": self.sha,
        }


@dataclass(slots=True)
class IgnoreSet:
    """What the PR's comments ask: live ignores, expired ones and refused ones (with why)."""

    active: list[PrIgnore] = field(default_factory=list)
    expired: list[PrIgnore] = field(default_factory=list)
    refused: list[tuple[int, str, str]] = field(default_factory=list)
    #: Valid ignores given for another commit than the head (or unbound on a fork's PR).
    stale: list[PrIgnore] = field(default_factory=list)

    @property
    def rules(self) -> tuple[IgnoreRule, ...]:
        """The ignore entries to add to the repository config for this review."""
        return tuple(i.rule for i in self.active)


def ignore_rule(command: Command, by: str, created: date) -> IgnoreRule:
    """The config-model entry for an ignore command (raises ValueError when invalid)."""
    try:
        return IgnoreRule(
            rule=None if command.is_category else command.target,
            category=command.target if command.is_category else None,
            package=command.package,
            reason=command.reason,
            owner=f"@{by}",
            expires=command.expires(created),
        )
    except ValidationError as exc:
        raise ValueError(exc.errors()[0].get("msg", "invalid ignore")) from exc


def comment_date(comment: JSON) -> date:
    """The day a comment was written (UTC), from `created_at`."""
    text = str(comment.get("created_at") or "")
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.today()


def _comments(api: InteractionApi, pr_number: int) -> Iterator[JSON]:
    for page in range(1, MAX_COMMENT_PAGES + 1):
        result = api.list_issue_comments(pr_number, page=page, per_page=PER_PAGE)
        yield from result.items
        if not result.has_next or not result.items:
            return


def self_ignore_refusal(login: str, pr_author: str, allow_self: bool) -> str:
    """Why a PR's author may not ignore findings on their own PR ("" when they may)."""
    if allow_self or login.lower() != pr_author.lower():
        return ""
    return (
        "The author of a pull request cannot ignore findings on it; ask a maintainer, or set "
        "`commands: {allow_self_ignore: true}` in `.github/depreview.yml` on the base branch."
    )


def collect_ignores(
    api: InteractionApi,
    pr_number: int,
    *,
    pr_author: str,
    allow_self: bool,
    today: date,
    permissions: PermissionCache | None = None,
    head_sha: str | None = None,
    pull: JSON | None = None,
) -> IgnoreSet:
    """Every `@depreview ignore` on the PR by a user who may command, as it reads now.

    An ignore applies to the commit it was given for (`worker.commands.binding`): with
    `at <sha>` only while the head reviewed (`head_sha`, else the PR's head now) is that
    commit; without, only on a same-repository PR. Others are listed as `stale`.
    """
    perms = permissions or PermissionCache(api.get_permission)
    out = IgnoreSet()
    pull = pull if pull is not None else api.get_pull(pr_number)
    head = head_sha or binding.head_sha(pull)
    for comment in _comments(api, pr_number):
        user = comment.get("user") or {}
        if user.get("type") == "Bot":
            continue
        command = parse_command(str(comment.get("body") or ""))
        if command is None or command.kind != "ignore":
            continue
        login = str(user.get("login") or "")
        comment_id = int(comment["id"])
        if not perms.allowed(login):
            out.refused.append((comment_id, login, "no write permission"))
            continue
        why = self_ignore_refusal(login, pr_author, allow_self)
        if why:
            out.refused.append((comment_id, login, "author of the pull request"))
            continue
        try:
            rule = ignore_rule(command, login, comment_date(comment))
        except ValueError as exc:
            out.refused.append((comment_id, login, str(exc)))
            continue
        unbound = binding.refusal(
            command.sha, pull, "@depreview ignore ... at {sha} -- <reason>", head
        )
        entry = PrIgnore(
            rule,
            login,
            str(comment.get("created_at") or ""),
            comment_id,
            str(comment.get("html_url") or ""),
            command.sha,
            unbound,
        )
        if rule.expired(today):
            out.expired.append(entry)
        elif unbound:
            out.stale.append(entry)
        else:
            out.active.append(entry)
    return out


def render_ignores(ignores: IgnoreSet) -> str:
    """The hidden record plus a visible table; "" when the PR has no ignore commands."""
    if not ignores.active and not ignores.expired and not ignores.stale:
        return ""
    record = json.dumps(
        {
            "active": [i.record() for i in ignores.active],
            "expired": [i.record() for i in ignores.expired],
            "stale": [i.record() for i in ignores.stale],
        },
        sort_keys=True,
    )
    record = record.replace("<", "\\u003c").replace(">", "\\u003e")
    lines = [
        "",
        f"<!-- {RECORD_MARKER} {record} -->",
        "",
        "### Ignored on this pull request",
        "",
        "| What | Package | By | Until | Reason |",
        "| --- | --- | --- | --- | --- |",
    ]
    for entry in [*ignores.active, *ignores.expired, *ignores.stale]:
        rule = entry.rule
        what = md_code(rule.rule or rule.category or "", cell=True)
        until = rule.expires.isoformat() if rule.expires else "this PR"
        if entry.sha:
            until += " at " + md_code(entry.sha[:12], cell=True)
        if entry in ignores.expired:
            until += " (expired)"
        elif entry in ignores.stale:
            until += " (not applied: " + md_text(entry.unbound) + ")"
        package = md_code(rule.package, cell=True) if rule.package else "any"
        by = f"[@{entry.by}]({entry.url})" if entry.url else f"@{entry.by}"
        lines.append(f"| {what} | {package} | {by} | {until} | {md_text(rule.reason)} |")
    lines += [
        "",
        "These ignores apply to this pull request only, and one given `at <sha>` only while "
        "that commit is the head. To keep one, add it to `.github/depreview.yml`.",
    ]
    return "\n".join(lines)


def read_record(body: str) -> dict[str, Any] | None:
    """The hidden ignore record of a depreview comment, if it has one."""
    start = body.find(f"<!-- {RECORD_MARKER} ")
    if start < 0:
        return None
    end = body.find(" -->", start)
    if end < 0:
        return None
    try:
        data = json.loads(body[start + len(RECORD_MARKER) + 6 : end])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def yaml_for(rule: IgnoreRule) -> str:
    """The `.github/depreview.yml` lines that make this ignore permanent."""
    entry: dict[str, Any] = {}
    if rule.rule:
        entry["rule"] = rule.rule
    if rule.category:
        entry["category"] = rule.category
    if rule.package:
        entry["package"] = rule.package
    entry["reason"] = rule.reason
    if rule.owner:
        entry["owner"] = rule.owner
    if rule.expires:
        entry["expires"] = rule.expires
    return yaml.safe_dump({"ignore": [entry]}, sort_keys=False, allow_unicode=True)
