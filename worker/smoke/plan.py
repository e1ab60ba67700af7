"""The review side of a smoke test: is the change GPU-relevant, what to install, enqueue or explain.

The decision itself is `worker.smoke.policy` (pure); this module gathers its inputs from the
reviewed snapshots and acts on its answer (a check run, the job, a note for the comment).
What those say is worded in `worker.smoke.outcome`.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from packaging.utils import canonicalize_name

from core.contract import SmokeJobSpec
from rules.config import RepoConfig
from rules.manifests.diff import diff
from rules.manifests.model import Ecosystem, FactKind, Snapshot
from worker.github.api import JSON, RepoApi
from worker.resolve.inputs import inputs_for, touched_names
from worker.resolve.locks import lock_environment
from worker.resolve.uv import index_args
from worker.smoke.outcome import (
    NOT_QUEUED_TITLE,
    decision_outcome,
    not_queued_details,
    note,
    queued_details,
    queued_note,
    queued_title,
)
from worker.smoke.policy import (
    SmokeConfig,
    SmokeDecision,
    SmokeRequest,
    Why,
    decide,
    gpu_relevant_packages,
)
from worker.smoke.publish import complete_smoke_run, create_smoke_run
from worker.smoke.registry import RedisClient, alive_runners
from worker.smoke.store import SmokeJob, SmokeRecord, load, record_job, save
from worker.smoke.supersede import mark_latest

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SmokeHooks:
    """What the review job needs for smoke tests: Redis and a way to send the job."""

    redis: RedisClient
    enqueue: Callable[[SmokeJobSpec], None]
    app_id: int | None = None
    default_index_url: str | None = None


@dataclass(frozen=True, slots=True)
class SmokePlan:
    """What the review publishes about the smoke test: a summary note and a comment section."""

    action: str = "none"
    note: str = ""
    section: str | None = None
    decision: SmokeDecision | None = None
    spec: SmokeJobSpec | None = None


@dataclass(frozen=True, slots=True)
class PinSet:
    """The pins to install, where they came from, and the environment's index options."""

    pins: dict[str, str]
    resolved: bool
    environment: str = ""
    source: str = "resolution"
    index_options: tuple[str, ...] = ()


# -- what changed, and what to install ---------------------------------------------------------

_GPU_FACTS = frozenset({FactKind.CUDA, FactKind.CUDNN, FactKind.BASE_IMAGE})


def gpu_relevant(base: Snapshot, head: Snapshot, base_config: RepoConfig) -> bool:
    """Whether the change touches GPU-relevant packages or CUDA facts (smoke-worthy).

    Decides whether the review check offers the "Run GPU smoke test" button. The BASE
    config's smoke packages apply (the base decides, never the PR).
    """
    changes = diff(base, head)
    names = [change.name for change in changes.changes]
    packages = SmokeConfig.from_repo_config(base_config).packages
    if gpu_relevant_packages(names, packages):
        return True
    return any(fact.kind in _GPU_FACTS for fact in changes.facts)


def changed_packages(base: Snapshot, head: Snapshot, report: Any | None = None) -> list[str]:
    """Packages the change touched: declarations that differ, and resolved pins that moved."""

    base_inputs = {inp.environment: inp for inp in inputs_for(base)}
    names: set[str] = set()
    for inp in inputs_for(head):
        names |= {str(n) for n in touched_names(base_inputs.get(inp.environment), inp)}
    if report is not None:
        before = {(r.environment, r.target): r.pins for r in report.base if r.ok}
        for res in report.head:
            old = before.get((res.environment, res.target))
            if res.ok and old is not None:
                names |= {n for n in set(res.pins) | set(old) if res.pins.get(n) != old.get(n)}
    return sorted(str(canonicalize_name(n)) for n in names)


def _facts(snapshot: Snapshot, kind: FactKind) -> set[str]:
    return {f.value for f in snapshot.facts(kind)}


def _index_options(head: Snapshot, environment: str, default_index_url: str | None) -> list[str]:

    indexes = next((i.indexes for i in inputs_for(head) if i.environment == environment), ())
    args = index_args(indexes)
    if default_index_url and "--index-url" not in args:
        args = ["--index-url", default_index_url, *args]
    return args


def _declared_pins(head: Snapshot) -> dict[str, dict[str, str]]:
    """Exact pins per environment: a lock's pins, else the `==` requirements."""

    by_env: dict[str, dict[str, str]] = {}
    for manifest in head.files.values():
        if manifest.pins:
            env = by_env.setdefault(lock_environment(head, manifest), {})
            for pin in manifest.pins:
                if pin.ecosystem is Ecosystem.PYPI:
                    env.setdefault(str(canonicalize_name(pin.name)), pin.version)
    for req in head.requirements():
        environment = req.environment or req.location.file
        if (
            req.pinned
            and req.ecosystem is Ecosystem.PYPI
            and not req.url
            and "#" not in environment
        ):
            env = by_env.setdefault(environment, {})
            env.setdefault(str(canonicalize_name(req.name)), req.pinned)
    return by_env


def _score(
    pins: Mapping[str, str], environment: str, relevant: Collection[str], platform: str = ""
) -> tuple[int, int, int, str]:
    """Most GPU-relevant changes first, Linux x86-64 targets, then the smallest environment."""
    names = {str(canonicalize_name(n)) for n in pins}
    linux = int(platform.startswith("x86_64") and "linux" in platform) if platform else 1
    return (-len(names & set(relevant)), -linux, len(pins), environment)


def choose_pins(
    head: Snapshot,
    report: Any | None,
    relevant: Collection[str],
    *,
    default_index_url: str | None = None,
) -> PinSet:
    """The resolved environment to smoke-test: the smallest one holding most relevant changes.

    Without a resolution (resolver off or unavailable) the exact pins declared in the head
    snapshot stand in (a lock's pins first); a resolution that failed gives nothing to install.
    """
    if report is not None:
        candidates = [r for r in report.head if r.ok and r.pins and r.source != "rattler"]
        if not candidates:
            return PinSet({}, resolved=False)
        best = min(
            candidates, key=lambda r: _score(r.pins, r.environment, relevant, r.target.platform)
        )
        options = _index_options(head, best.environment, default_index_url)
        return PinSet(dict(best.pins), True, best.environment, best.source, tuple(options))
    declared = _declared_pins(head)
    if not declared:
        return PinSet({}, resolved=False, source="declared")
    environment = min(declared, key=lambda env: _score(declared[env], env, relevant))
    options = _index_options(head, environment, default_index_url)
    return PinSet(declared[environment], True, environment, "declared", tuple(options))


# -- the decision, published ---------------------------------------------------------------------


def _repo_name(side: JSON) -> str:
    repo = side.get("repo") or {}
    return str(repo.get("full_name") or "") if isinstance(repo, dict) else ""


def plan_smoke(
    api: RepoApi,
    hooks: SmokeHooks,
    *,
    installation_id: int,
    pr_number: int,
    head_sha: str,
    pull: JSON,
    base: Snapshot,
    head: Snapshot,
    base_config: RepoConfig,
    report: Any | None,
    requested: bool = False,
    delivery_id: str = "",
) -> SmokePlan:
    """Decide the smoke test of a reviewed PR head and act: enqueue it, or explain why not.

    Called by the review job under the PR's lock, before it completes the `depreview`
    check and writes the comment, which then carry `note` and `section`. Idempotent: an
    open smoke run of this head, or one that finished, is kept unless a maintainer asked.
    `base`/`head` are the review's snapshots; `base_config` decides the smoke settings.
    """
    repo = api.repo.full_name
    mark_latest(hooks.redis, repo, pr_number, head_sha)  # older jobs of this PR stop
    config = SmokeConfig.from_repo_config(base_config)  # the base decides, never the PR
    kept = None if requested else _kept(hooks, repo, pr_number, head_sha, enabled=config.enabled)
    if kept is not None:
        return kept
    if not config.enabled and not requested:
        return SmokePlan()
    changed = changed_packages(base, head, report)
    relevant = gpu_relevant_packages(changed, config.packages)
    pins = choose_pins(head, report, relevant, default_index_url=hooks.default_index_url)
    request = SmokeRequest(
        repo=repo,
        pr_number=pr_number,
        head_sha=head_sha,
        head_repo=_repo_name(pull.get("head") or {}),
        base_repo=_repo_name(pull.get("base") or {}) or repo,
        resolved=pins.resolved,
        pins=pins.pins,
        changed_packages=tuple(changed),
        base_image_changed=_facts(base, FactKind.BASE_IMAGE) != _facts(head, FactKind.BASE_IMAGE),
        cuda_facts_changed=_facts(base, FactKind.CUDA) != _facts(head, FactKind.CUDA),
        maintainer_requested=requested,
    )
    decision = decide(request, config, alive_runners(hooks.redis))
    log = {"repo": repo, "pr": pr_number, "head_sha": head_sha, "smoke": decision.action}
    logger.info("smoke decision", extra={**log, "reason": decision.reason})
    external_id = f"pr={pr_number};smoke"
    if decision.action == "skip":
        if decision.why is Why.UNRESOLVED:  # worth a note: the other skips are not
            return SmokePlan("skip", note(decision.reason + "."), None, decision)
        return SmokePlan("skip", "", None, decision)
    if decision.action == "run" and decision.queue is not None:
        draft = SmokeJobSpec(
            installation_id=installation_id,
            repo_full_name=repo,
            pr_number=pr_number,
            head_sha=head_sha,
            check_run_id=0,
            pins=pins.pins,
            queue=decision.queue,
            changed_packages=tuple(relevant or changed),
            index_options=pins.index_options,
            base_environment=config.base_environment,
            timeout_s=config.timeout_s,
            delivery_id=delivery_id,
        )
        return _enqueue(api, hooks, decision, decision.queue, pins, draft)
    outcome = decision_outcome(decision, repo, pr_number, head_sha)
    assert outcome is not None
    needs_approval = decision.action == "needs-approval"
    run_id = create_smoke_run(
        api,
        head_sha,
        title=outcome.title,
        summary=decision.reason,
        external_id=external_id,
        conclusion=outcome.conclusion,
        needs_approval=needs_approval,
        details_url=str(pull.get("html_url") or "") or None,
    )
    record = SmokeRecord.from_outcome(outcome.to_dict(), run_id)
    save(hooks.redis, record)
    return SmokePlan(decision.action, note(decision.reason), outcome.markdown, decision)


def _kept(
    hooks: SmokeHooks, repo: str, pr_number: int, head_sha: str, *, enabled: bool
) -> SmokePlan | None:
    """The plan of a smoke run this head already has, when a plain re-review keeps it.

    Kept: a queued or running job, a job that ran to a verdict, and anything at all when
    smoke tests are off (a maintainer's earlier run stays visible). Decided again: no
    runner, needs approval, timed out, could not be queued.
    """
    record = load(hooks.redis, repo, pr_number, head_sha)
    if record is None:
        return None
    if record.final and not record.ran and enabled:
        return None
    return SmokePlan("kept", note(f"{record.title}."), record.markdown)


def _enqueue(
    api: RepoApi,
    hooks: SmokeHooks,
    decision: SmokeDecision,
    queue: str,
    pins: PinSet,
    draft: SmokeJobSpec,
) -> SmokePlan:
    """Open the smoke check run (queued), record it, send the job; never leave it open."""
    repo, pr_number, head_sha = draft.repo_full_name, draft.pr_number, draft.head_sha
    title = queued_title(decision.runner)
    run_id = create_smoke_run(
        api, head_sha, title=title, summary=decision.reason, external_id=f"pr={pr_number};smoke"
    )
    spec = replace(draft, check_run_id=run_id, job_id=secrets.token_hex(16))
    job = SmokeJob(spec.job_id, spec.installation_id, repo, pr_number, head_sha, run_id, queue)
    record_job(hooks.redis, job)  # publish accepts only outcomes of recorded jobs
    markdown = queued_details(
        title,
        decision.reason,
        packages=len(spec.pins),
        timeout_s=spec.timeout_s,
        environment=pins.environment,
        declared=pins.source == "declared",
    )
    save(hooks.redis, SmokeRecord(repo, pr_number, head_sha, None, title, markdown, False, run_id))
    try:
        hooks.enqueue(spec)
    except Exception as exc:
        failed = SmokeRecord(
            repo,
            pr_number,
            head_sha,
            conclusion="neutral",
            title=NOT_QUEUED_TITLE,
            markdown=not_queued_details(exc),
            final=True,
            check_run_id=run_id,
        )
        complete_smoke_run(api, run_id, failed)
        save(hooks.redis, failed)
        raise
    return SmokePlan("run", queued_note(decision.runner, queue), markdown, decision, spec)
