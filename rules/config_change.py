"""What a pull request's edit of `.github/depreview.yml` would change, as one finding.

The review of a change always runs under the BASE commit's config: a pull request cannot
turn off the rules, add the ignores, widen the index hosts or pick the runners that gate it.
Its config edit is shown as a finding and applies once merged (as CODEOWNERS does).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rules.config import CONFIG_PATH, IgnoreRule, RepoConfig
from rules.findings import Finding, Severity

RULE_ID = "config-change"

_RANK = {"off": 0, "notice": 1, "warning": 2, "error": 3}
_CONCLUSION_RANK = {"success": 0, "neutral": 1, "failure": 2}


def _ignore_text(entry: IgnoreRule) -> str:
    target = entry.rule or entry.category or "?"
    what = f"{target} for {entry.package}" if entry.package else target
    until = f" until {entry.expires}" if entry.expires else ""
    return f"{what}{until}"


def _added_removed(before: Iterable[str], after: Iterable[str]) -> tuple[list[str], list[str]]:
    b, a = list(before), list(after)
    return [x for x in a if x not in b], [x for x in b if x not in a]


def _looser_severity(old: str | None, new: str | None) -> bool:
    """Whether a severity change may lower a finding (None: the rule's own default)."""
    if old is None:
        return new != "error"
    if new is None:
        return old != "off"
    return _RANK[new] < _RANK[old]


def config_changes(base: RepoConfig, head: RepoConfig) -> tuple[list[str], bool]:
    """Lines describing head's config against base's, and whether any of them loosens the gate.

    Loosening: a rule turned off or made less severe, an ignore added, an index host added,
    the reviewed paths changed, a weaker warning conclusion, self-ignores allowed, and any
    change of runners or smoke settings (trust the base decides).
    """
    lines: list[str] = []
    looser = False
    for key in sorted(base.rules.keys() | head.rules.keys()):
        old = base.rules[key].severity if key in base.rules else None
        new = head.rules[key].severity if key in head.rules else None
        if old == new:
            continue
        lines.append(f"rules.{key}: {old or 'default'} -> {new or 'default'}")
        looser |= _looser_severity(old, new)
    added, removed = _added_removed(
        (_ignore_text(i) for i in base.ignore), (_ignore_text(i) for i in head.ignore)
    )
    lines += [f"ignore added: {x}" for x in added] + [f"ignore removed: {x}" for x in removed]
    looser |= bool(added)
    added, removed = _added_removed(base.allowed_index_hosts, head.allowed_index_hosts)
    lines += [f"allowed_index_hosts added: {x}" for x in added]
    lines += [f"allowed_index_hosts removed: {x}" for x in removed]
    looser |= bool(added)
    for name in ("include", "exclude"):
        added, removed = _added_removed(getattr(base.paths, name), getattr(head.paths, name))
        lines += [f"paths.{name} added: {x}" for x in added]
        lines += [f"paths.{name} removed: {x}" for x in removed]
        looser |= bool(added or removed)
    old_c, new_c = base.conclusion.warning, head.conclusion.warning
    if old_c != new_c:
        lines.append(f"conclusion.warning: {old_c} -> {new_c}")
        looser |= _CONCLUSION_RANK[new_c] < _CONCLUSION_RANK[old_c]
    if base.commands != head.commands:
        lines.append(
            "commands.allow_self_ignore: "
            f"{base.commands.allow_self_ignore} -> {head.commands.allow_self_ignore}"
        )
        looser |= head.commands.allow_self_ignore
    if base.targets != head.targets:
        lines.append("targets changed")
    if base.runners != head.runners:
        lines.append("runners changed")
        looser = True
    if base.smoke != head.smoke:
        lines.append("smoke settings changed")
        looser = True
    if base.version != head.version:
        lines.append(f"version: {base.version} -> {head.version}")
    return lines, looser


def config_change_finding(
    base: RepoConfig, head: RepoConfig, *, text_changed: bool
) -> Finding | None:
    """The finding for a pull request that edits the config (None when it does not)."""
    if not text_changed:
        return None
    lines, looser = config_changes(base, head)
    if not lines:
        lines = ["formatting or comments only: no setting changes"]
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    what = (
        "turns rules off, adds ignores or widens trust" if looser else "changes the review settings"
    )
    return Finding(
        rule=RULE_ID,
        category="config-error",
        severity=Severity.WARNING if looser else Severity.NOTICE,
        message=(
            f"This pull request edits {CONFIG_PATH} and {what}; it is reviewed under the "
            "base branch's config, and the change applies after merge.\n" + "\n".join(lines)
        ),
        file=CONFIG_PATH,
        fix="Review the config change itself; merge it separately if it loosens the gate.",
        evidence=tuple(lines[:20]),
        fingerprint=f"{RULE_ID}:{digest}",
    )
