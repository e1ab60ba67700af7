"""Resolve a change with real resolvers (uv, rattler) and turn the outcome into findings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from rules.findings import Finding, Severity
from rules.manifests.model import Snapshot
from worker.resolve.assumed import demoted
from worker.resolve.builds import build_findings
from worker.resolve.cache import KeyValueStore, ResolutionCache
from worker.resolve.conda import resolve_conda
from worker.resolve.egress import EndpointCheck, Resolver, public_web_endpoint, system_resolver
from worker.resolve.indexes import IndexPolicy
from worker.resolve.inputs import Mode, ResolutionInput, inputs_for, select, touched_names
from worker.resolve.locks import lock_findings, lock_resolutions
from worker.resolve.model import Resolution, ResolveReport, ResolveTarget, environment_finding
from worker.resolve.pipcheck import resolution_findings as pipcheck_findings
from worker.resolve.pypi import RunOptions, resolve_pypi
from worker.resolve.targets import environment_targets
from worker.resolve.transitive import transitive_findings
from worker.resolve.uvlock import resolve_uv_project

#: Environments resolved per snapshot (runtime environments first, then groups and extras).
MAX_ENVIRONMENTS = 8
#: Assumed Pythons tried per environment before giving up (each failed for its Python).
MAX_ASSUMED_TRIES = 3

__all__ = [
    "Resolution",
    "ResolveReport",
    "ResolveTarget",
    "resolve_change",
    "resolve_snapshot",
]


def _resolve_input(inp: ResolutionInput, target: ResolveTarget, options: RunOptions) -> Resolution:
    if inp.mode is Mode.CONDA:
        return resolve_conda(inp, target, options)
    return resolve_pypi(inp, target, options)


def _by_python(targets: list[ResolveTarget]) -> list[list[ResolveTarget]]:
    groups: dict[str, list[ResolveTarget]] = {}
    for target in targets:
        groups.setdefault(target.python, []).append(target)
    return list(groups.values())


def _choices(targets: list[ResolveTarget]) -> list[list[ResolveTarget]]:
    """Evidenced targets as one group; assumed ones as one group per candidate Python, in order."""
    if not targets or not targets[0].assumed:
        return [targets]
    return _by_python(targets)


def _first_choice(targets: list[ResolveTarget]) -> list[ResolveTarget]:
    """Evidenced targets as they are; of assumed ones, the first Python worth trying."""
    return _choices(targets)[0]


def _resolve_environment(
    inp: ResolutionInput,
    targets: list[ResolveTarget],
    options: RunOptions,
    texts: Mapping[str, str] | None,
) -> list[Resolution]:
    """Resolve for the evidenced targets; for assumed ones, try the candidate Pythons in
    order until one resolves or fails for a reason that is not its Python (at most
    MAX_ASSUMED_TRIES). Conda environments pick their own Python: the first candidate."""
    groups = _choices(targets)[: 1 if inp.mode is Mode.CONDA else MAX_ASSUMED_TRIES]
    tried: list[Resolution] = []
    for group in groups:
        got = _resolve_targets(inp, group, options, texts)
        tried.extend(got)
        if any(r.ok for r in got) or not all(any(map(demoted, r.findings)) for r in got):
            break
    return tried


def _resolve_targets(
    inp: ResolutionInput,
    targets: list[ResolveTarget],
    options: RunOptions,
    texts: Mapping[str, str] | None,
) -> list[Resolution]:
    """uv projects with `uv lock` (one universal lock read per target), the rest per target."""
    if inp.mode is Mode.UV and texts is not None:
        locked = resolve_uv_project(inp, targets, options, texts)
        if locked is not None:
            return locked
    resolutions = [_resolve_input(inp, target, options) for target in targets]
    if inp.mode is Mode.UV and texts is not None and resolutions:
        first = resolutions[0]
        notice = _no_uv_lock_notice(inp)
        resolutions[0] = replace(first, findings=(*first.findings, notice))
    return resolutions


def _no_uv_lock_notice(inp: ResolutionInput) -> Finding:
    return environment_finding(
        "resolution-approximated",
        Severity.NOTICE,
        f"{inp.environment} was resolved with `uv pip compile` semantics, not `uv lock`: "
        f"no Python interpreter here satisfies the project's requires-python, so "
        f"[tool.uv.sources] index pins were treated as extra indexes.",
        environment=inp.environment,
    )


def _left_out_notice(chosen: list[ResolutionInput], left_out: list[str]) -> Finding:
    return Finding(
        rule="resolution-environments-capped",
        category="conflict",
        severity=Severity.NOTICE,
        message=(
            f"Resolved {len(chosen)} environments (at most {MAX_ENVIRONMENTS} per review); "
            f"not resolved: {', '.join(left_out)}."
        ),
        file=left_out[0].partition("#")[0],
        evidence=tuple(left_out),
        fingerprint="resolution-environments-capped:" + ",".join(left_out),
    )


def resolve_snapshot(
    snapshot: Snapshot,
    config: Any,
    options: RunOptions,
    *,
    texts: Mapping[str, str] | None = None,
) -> tuple[list[Resolution], list[Finding]]:
    """Every environment of `snapshot` for every target: resolutions and their findings."""
    resolutions: list[Resolution] = []
    findings: list[Finding] = []

    def targets(environment: str) -> list[ResolveTarget]:
        return environment_targets(snapshot, config, environment)

    stale = lock_findings(
        snapshot, texts=texts, cache_dir=options.cache_dir, timeout_s=options.timeout_s
    )
    findings.extend(stale)
    # A lock in sync says what is installed; one out of sync says nothing: its environment is
    # resolved from what the project declares (jamjet: uv.lock without the new jamjet-engram).
    stale_locks = {f.file for f in stale if f.rule == "lock-out-of-sync"}
    locked = [
        r
        for r in lock_resolutions(snapshot, lambda env: _first_choice(targets(env)), texts=texts)
        if r.source not in stale_locks
    ]
    locked_envs = {r.environment for r in locked}
    resolutions.extend(locked)
    chosen, left_out = select(
        [inp for inp in inputs_for(snapshot) if inp.environment not in locked_envs],
        MAX_ENVIRONMENTS,
    )
    if left_out:
        findings.append(_left_out_notice(chosen, left_out))
    for inp in chosen:
        for resolution in _resolve_environment(inp, targets(inp.environment), options, texts):
            resolutions.append(resolution)
            findings.extend(resolution.findings)
            findings.extend(build_findings(resolution))
    for resolution in resolutions:
        findings.extend(pipcheck_findings(resolution))
    return resolutions, _dedupe(findings)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per problem: the same finding for several targets (a project's one `uv
    lock` read for the range's start and its newest Python fails the same way for both) is
    said once, for the first target (evidenced targets come first)."""
    seen: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        key = (*finding.identity, finding.severity, finding.file, finding.line)
        seen.setdefault(key, finding)
    return list(seen.values())


def resolve_change(
    base: Snapshot,
    head: Snapshot,
    config: Any,
    *,
    cache: ResolutionCache | KeyValueStore | None = None,
    cache_dir: Path | None = None,
    timeout_s: float = 120,
    allow_file_urls: bool = False,
    default_index_url: str | None = None,
    offline: bool = False,
    base_texts: Mapping[str, str] | None = None,
    head_texts: Mapping[str, str] | None = None,
    endpoint_allowed: EndpointCheck = public_web_endpoint,
    resolver: Resolver = system_resolver,
) -> ResolveReport:
    """Resolve base and head; findings of head (with transitive changes) and of base.

    Pass `findings` as `extra_findings` and `base_findings` as `base_extra_findings` to
    `rules.review.review`, so only what the change introduced counts as new.
    `*_texts` (path → file text) enable the exact lock checks (Poetry's content hash,
    `uv lock --check`); without them the locks are compared with the declared requirements.
    Every request of uv and rattler goes through an egress proxy (`worker.resolve.egress`);
    `endpoint_allowed` and `resolver` replace its address check and DNS (tests only).
    """
    if cache is not None and not isinstance(cache, ResolutionCache):
        cache = ResolutionCache(cache)
    policy = IndexPolicy.from_config(
        config,
        allow_file_urls=allow_file_urls,
        default_index_url=default_index_url,
        endpoint_allowed=endpoint_allowed,
        resolver=resolver,
    )
    options = RunOptions(
        policy=policy,
        cache=cache,
        cache_dir=cache_dir,
        timeout_s=timeout_s,
        default_index_url=default_index_url,
        offline=offline,
    )
    head_res, head_findings = resolve_snapshot(head, config, options, texts=head_texts)
    base_res, base_findings = resolve_snapshot(base, config, options, texts=base_texts)
    base_inputs = {inp.environment: inp for inp in inputs_for(base)}
    pairs = []
    touched: set[str] = set()
    for inp in inputs_for(head):
        touched |= touched_names(base_inputs.get(inp.environment), inp)
    for head_r in head_res:
        for base_r in base_res:
            if (base_r.environment, base_r.target) == (head_r.environment, head_r.target):
                pairs.append((base_r, head_r))
    head_findings.extend(transitive_findings(pairs, touched))
    return ResolveReport(head_findings, head_res, base_res, base_findings)
