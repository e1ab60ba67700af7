"""What a review reads, parsed once: both sides' snapshots, the config, the changed paths
and the PR's Dependabot update.

The App (`worker.review.job`) and `depreview review --pr` (`cli.pr`) read a PR the same way:
`read_side` fetches each side's dependency files (with the files their `-r`/`-c` lines
name) and keeps the snapshot it parsed on the way; `pull_changes` lists the PR's changed
dependency paths; `read_dependabot` reads the update a Dependabot PR means; `review_inputs`
adds the config. Every later stage (resolver, rules, smoke plan, the check run's buttons)
takes the `ReviewInputs`, never the bytes again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from core.settings import Settings
from rules.config import CONFIG_PATH, RepoConfig, config_text, load_config
from rules.findings import Finding
from rules.manifests.dependabot import DependabotUpdate, parse_commit_message
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import (
    Unread,
    build_snapshot,
    missing_includes,
    unread_files,
    with_unread,
)
from rules.review import review_config
from worker.github.api import JSON, RepoApi
from worker.github.fetch import (
    TreeFiles,
    changed_between,
    list_changed_files,
    read_more,
    read_tree_files,
    wanted,
)
from worker.metrics import StageTimer

#: How many times the files that `-r`/`-c` lines name are fetched (each round may name more).
MAX_INCLUDE_ROUNDS = 3

DEPENDABOT_LOGIN = "dependabot[bot]"


@dataclass(frozen=True, slots=True)
class Side:
    """One commit's dependency files as read, and their snapshot."""

    tree: TreeFiles
    snapshot: Snapshot


@dataclass(frozen=True, slots=True)
class ReviewInputs:
    """Everything a review decides from, built once per review."""

    base_files: Mapping[str, str | bytes]
    head_files: Mapping[str, str | bytes]
    base: Snapshot
    head: Snapshot
    #: The config the review applies: the BASE commit's (or the CLI's `--config`).
    config: RepoConfig
    #: The BASE commit's own config (smoke settings, self-ignores: a PR never grants itself).
    base_config: RepoConfig
    #: The head config's problems and its `config-change` finding (`rules.review.review_config`).
    config_findings: tuple[Finding, ...] = ()
    #: The changed dependency paths (None: compare every file).
    changed_paths: tuple[str, ...] | None = None
    #: The update a Dependabot PR means (`read_dependabot`); None for any other change.
    dependabot: DependabotUpdate | None = None


def review_inputs(
    base_files: Mapping[str, str | bytes],
    head_files: Mapping[str, str | bytes],
    *,
    base: Snapshot | None = None,
    head: Snapshot | None = None,
    changed_paths: Collection[str] | None = None,
    config_override_text: str | None = None,
    config_path: str = CONFIG_PATH,
    dependabot: DependabotUpdate | None = None,
    base_unread: Mapping[str, Unread] | None = None,
    head_unread: Mapping[str, Unread] | None = None,
) -> ReviewInputs:
    """The inputs of a review of `base_files` → `head_files` (snapshots built unless given);
    the files each side's reader left out (`base_unread`, `head_unread`) are findings of
    that side's snapshot (`rules.manifests.snapshot.with_unread`)."""
    config, findings = review_config(
        base_files, head_files, override_text=config_override_text, override_path=config_path
    )
    if config_override_text is None:
        base_config = config
    else:
        base_config, _ = load_config(config_text(base_files))
    return ReviewInputs(
        base_files=base_files,
        head_files=head_files,
        base=with_unread(
            base if base is not None else build_snapshot(base_files, ref="base"),
            base_unread or {},
        ),
        head=with_unread(
            head if head is not None else build_snapshot(head_files, ref="head"),
            head_unread or {},
        ),
        config=config,
        base_config=base_config,
        config_findings=tuple(findings),
        changed_paths=tuple(sorted(changed_paths)) if changed_paths is not None else None,
        dependabot=dependabot,
    )


def side_inputs(
    base: Side,
    head: Side,
    changed_paths: Collection[str] | None = None,
    dependabot: DependabotUpdate | None = None,
) -> ReviewInputs:
    """The inputs of a review of two sides `read_side` read (their snapshots reused)."""
    return review_inputs(
        base.tree.files,
        head.tree.files,
        base=base.snapshot,
        head=head.snapshot,
        changed_paths=changed_paths,
        dependabot=dependabot,
        base_unread=unread_files(base.tree.skipped, base.tree.blob_shas, head.tree.blob_shas),
        head_unread=unread_files(head.tree.skipped, head.tree.blob_shas, base.tree.blob_shas),
    )


def read_side(api: RepoApi, sha: str, ref: str, timer: StageTimer | None = None) -> Side:
    """The dependency files at `sha`, plus files their `-r`/`-c` lines name (bounded depth),
    and their snapshot (named `ref`: "base" or "head").

    Reading is the `fetch` stage; parsing (to find includes) is `parse`. The snapshot parsed
    last is the one returned when no include is missing, so each side is parsed once unless
    an include round fetched more files.
    """
    timer = timer or StageTimer()
    with timer.stage("fetch"):
        files = read_tree_files(api, sha)
    for _ in range(MAX_INCLUDE_ROUNDS):
        with timer.stage("parse"):
            snapshot = build_snapshot(dict(files.files), ref=ref)
            missing = sorted(missing_includes(snapshot, files.files))
        if not missing:
            return Side(files, snapshot)
        with timer.stage("fetch"):
            more = read_more(api, sha, files, missing)
        if not more:
            return Side(files, snapshot)
    with timer.stage("parse"):
        return Side(files, build_snapshot(dict(files.files), ref=ref))


@dataclass(frozen=True, slots=True)
class Changes:
    """The PR's changed dependency paths, and whether GitHub listed every changed file."""

    paths: frozenset[str]
    #: False: GitHub listed only the first `max_pr_files` files; the trees were compared.
    listed_in_full: bool = True


def pull_changes(
    api: RepoApi,
    settings: Settings,
    pr_number: int,
    base: TreeFiles,
    head: TreeFiles,
    pull: JSON | None = None,
) -> Changes:
    """The PR's changed dependency paths (compared trees when GitHub listed only the first
    files): the files `wanted` selects and those the trees hold because a manifest names
    them (a script a workflow runs, a KEY=VALUE file whose lines are a Dockerfile's build
    args), so that a finding can be reported where the change touched them."""
    count = pull.get("changed_files") if pull is not None else None
    listed = list_changed_files(
        api,
        pr_number,
        settings.max_pr_files,
        changed_files=int(count) if isinstance(count, int) else None,
    )
    changed = {p for p in listed.paths if wanted(p) or p in base.files or p in head.files}
    if listed.complete:
        return Changes(frozenset(changed))
    return Changes(frozenset(changed | set(changed_between(base, head))), listed_in_full=False)


def read_dependabot(api: RepoApi, pull: JSON) -> DependabotUpdate | None:
    """The update a Dependabot PR means; None for any other PR (its head commit's message is
    read only for a Dependabot PR)."""
    if not is_dependabot_pull(pull):
        return None
    return dependabot_from_pull(pull, api.get_commit_message(str(pull["head"]["sha"])))


def is_dependabot_pull(pull: Mapping[str, Any]) -> bool:
    """Whether Dependabot opened the PR: its author is `dependabot[bot]`.

    Never the branch name: anyone can push a `dependabot/...` branch from a fork.
    """
    user = pull.get("user") or {}
    login = str(user.get("login", "")) if isinstance(user, Mapping) else ""
    return login == DEPENDABOT_LOGIN


def dependabot_from_pull(
    pull: Mapping[str, Any], head_message: str | None = None
) -> DependabotUpdate | None:
    """Dependabot's update for a Dependabot PR.

    The head commit's message carries Dependabot's metadata block (dependency type, update
    type, group); the PR title is only its subject, used when the message is not at hand.
    """
    if not is_dependabot_pull(pull):
        return None
    if head_message:
        update = parse_commit_message(head_message)
        if update is not None:
            return update
    return parse_commit_message(str(pull.get("title") or ""))
