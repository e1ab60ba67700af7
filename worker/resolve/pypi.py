"""Resolve the PyPI part of one environment for one target with uv (cached)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rules.findings import Finding, Severity
from rules.manifests.model import IndexKind, Requirement
from worker.resolve import uv
from worker.resolve.cache import ResolutionCache, cache_key
from worker.resolve.explain import failure_findings
from worker.resolve.indexes import IndexPolicy, redact, untrusted
from worker.resolve.inputs import ResolutionInput, requirement_line
from worker.resolve.metadata import requires_of
from worker.resolve.model import Resolution, Target


@dataclass(frozen=True)
class RunOptions:
    """How resolutions run: cache, uv cache dir, time limit, index policy, default index."""

    policy: IndexPolicy = field(default_factory=IndexPolicy)
    cache: ResolutionCache | None = None
    cache_dir: Path | None = None
    timeout_s: float = 120.0
    default_index_url: str | None = None
    offline: bool = False


def skipped_finding(req: Requirement, environment: str) -> Finding:
    """A notice: `req` needs a build or a local path, so the environment is resolved without it."""
    return Finding(
        rule="resolution-skipped",
        category="conflict",
        severity=Severity.NOTICE,
        message=(
            f"{req.name} is installed from {req.url or 'a local path'}; depreview does not "
            f"resolve it (that would mean building code from the pull request), so {environment} "
            f"is resolved without it."
        ),
        file=req.location.file,
        line=req.location.line,
        package=req.name,
        fingerprint=f"resolution-skipped:{environment}:{req.name}",
    )


def resolve_pypi(
    inp: ResolutionInput,
    target: Target,
    options: RunOptions,
    *,
    requirements: Sequence[Requirement] | None = None,
) -> Resolution:
    """Resolve `inp`'s PyPI requirements (or `requirements`) for `target`."""
    reqs = tuple(inp.requirements if requirements is None else requirements)
    refused = untrusted(inp.indexes, options.policy)
    refused += [
        untrusted_url(req)
        for req in reqs + inp.constraints
        if req.url and "://" in req.url and not options.policy.allows(req.url)
    ]
    if refused:
        return Resolution(target, inp.environment, ok=False, findings=tuple(refused))
    lines, skipped = [], []
    for req in reqs:
        line = requirement_line(req)
        if line is None:
            skipped.append(skipped_finding(req, inp.environment))
        else:
            lines.append(line)
    constraints = [line for req in inp.constraints if (line := requirement_line(req))]
    key = cache_key(
        {
            "kind": "uv-pip-compile",
            "uv": uv.uv_version(),
            "requirements": lines,
            "constraints": constraints,
            "indexes": uv.index_args(inp.indexes),
            "default_index": options.default_index_url,
            "strategy": inp.index_strategy,
            "target": [target.python, target.platform],
            "environment": inp.environment,
            "declared": [(r.name, r.location.file, r.location.line) for r in inp.declared()],
        }
    )
    if options.cache is not None:
        cached = options.cache.get(key)
        if cached is not None:
            return cached
    run = uv.pip_compile(
        lines,
        constraints,
        target=target,
        indexes=inp.indexes,
        index_strategy=inp.index_strategy,
        cache_dir=options.cache_dir,
        timeout_s=options.timeout_s,
        default_index_url=options.default_index_url,
        offline=options.offline,
    )
    resolution = _outcome(run, inp, target, reqs, skipped, options)
    if options.cache is not None and not run.timed_out:
        options.cache.put(key, resolution)
    return resolution


def _outcome(
    run: uv.UvRun,
    inp: ResolutionInput,
    target: Target,
    reqs: Sequence[Requirement],
    skipped: list[Finding],
    options: RunOptions,
) -> Resolution:
    if run.ok:
        pins, raw_via = uv.parse_pins(run.stdout)
        names = {
            "-r requirements.in": f"-r {inp.environment}",
            "-c constraints.txt": "-c constraints",
        }
        via = {name: tuple(names.get(v, v) for v in vias) for name, vias in raw_via.items()}
        requires = requires_of(
            pins,
            index_urls=[i.url for i in inp.indexes if i.kind is not IndexKind.CONDA_CHANNEL],
            cache_dir=options.cache_dir,
        )
        return Resolution(
            target, inp.environment, pins, via, True, tuple(skipped), requires=requires
        )
    if run.timed_out:
        timeout = timeout_finding(inp, target, options)
        return Resolution(target, inp.environment, ok=False, findings=(*skipped, timeout))
    findings = failure_findings(
        run.stderr,
        [*reqs, *inp.constraints],
        environment=inp.environment,
        target=target,
        index_urls=[redact(i.url) for i in inp.indexes],
    )
    return Resolution(
        target,
        inp.environment,
        ok=False,
        findings=(*skipped, *findings),
        explanation=tuple(run.stderr.strip().splitlines()),
    )


def untrusted_url(req: Requirement) -> Finding:
    """An `untrusted-index` warning for a direct URL on a host the policy refuses."""
    return Finding(
        rule="untrusted-index",
        category="untrusted-index",
        severity=Severity.WARNING,
        message=(
            f"{req.name} is installed from {redact(req.url or '')}, a host not on the allowed "
            f"index hosts; depreview did not fetch it."
        ),
        file=req.location.file,
        line=req.location.line,
        package=req.name,
        fingerprint=f"untrusted-index:{req.location.file}:{req.url}",
    )


def timeout_finding(inp: ResolutionInput, target: Target, options: RunOptions) -> Finding:
    """A notice: resolving `inp` for `target` ran past the time limit."""
    return Finding(
        rule="resolution-timeout",
        category="conflict",
        severity=Severity.NOTICE,
        message=(
            f"Resolving {inp.environment} for {target.label} took longer than "
            f"{options.timeout_s:g} s; it was not checked."
        ),
        file=inp.environment.partition("#")[0],
        fingerprint=f"resolution-timeout:{inp.environment}",
    )
