"""Resolve the PyPI part of one environment for one target with uv (cached)."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from packaging.utils import canonicalize_name

from rules.findings import Finding, Severity
from rules.manifests.model import IndexKind, Requirement
from rules.manifests.pyproject import PYPI_SIMPLE
from worker.resolve import standins, uv
from worker.resolve.assumed import settle
from worker.resolve.cache import ResolutionCache, cache_key
from worker.resolve.egress import EgressProxy
from worker.resolve.explain import (
    exact_mentions,
    explanation,
    failure_findings,
    sdist_named,
    sdist_only,
    sdist_pins,
    standin_findings,
)
from worker.resolve.indexes import IndexPolicy, redact, refusal_fix, refused_finding, untrusted
from worker.resolve.inputs import ResolutionInput, requirement_line
from worker.resolve.metadata import requires_of
from worker.resolve.model import Resolution, ResolveTarget, environment_finding
from worker.resolve.network import (
    Outcome,
    Retry,
    Unreachable,
    cause,
    classify_uv,
    failed_url,
    incomplete_finding,
    unreachable_earlier,
)

#: How the default index is named when the repository declares none.
DEFAULT_INDEX = "the default index"


@dataclass(frozen=True)
class RunOptions:
    """How resolutions run: cache, uv cache dir, time limit, index policy, default index.

    `retry` reruns a resolution that could not reach an index (uv also retries each request
    `uv_http_retries` times; None keeps uv's default); `unreachable` remembers the indexes
    found down during one review so that later environments do not wait on them again.
    """

    policy: IndexPolicy = field(default_factory=IndexPolicy)
    cache: ResolutionCache | None = None
    cache_dir: Path | None = None
    timeout_s: float = 120.0
    default_index_url: str | None = None
    offline: bool = False
    retry: Retry = field(default_factory=Retry)
    uv_http_retries: int | None = None
    unreachable: Unreachable = field(default_factory=Unreachable, compare=False)

    def uv_settings(self) -> uv.UvSettings:
        """How each uv run of these resolutions goes (the policy's egress built per run)."""
        return uv.UvSettings(
            self.cache_dir, self.timeout_s, self.offline, self.uv_http_retries, self.policy.egress()
        )


def index_names(inp: ResolutionInput, options: RunOptions) -> list[str]:
    """The (redacted) indexes a resolution of `inp` reads, the default one included."""
    names = [redact(i.url) for i in inp.indexes if i.kind is not IndexKind.CONDA_CHANNEL]
    if not any(i.kind is IndexKind.INDEX_URL or i.default for i in inp.indexes):
        names.append(
            redact(options.default_index_url) if options.default_index_url else DEFAULT_INDEX
        )
    return names


def run_with_retries(
    attempt: Callable[[], uv.UvRun],
    inp: ResolutionInput,
    target: ResolveTarget,
    options: RunOptions,
) -> tuple[uv.UvRun, Finding | None]:
    """Run uv (again, after a pause, while it cannot reach an index); the notice when it never
    could. An index already found down in this review is not waited on again."""
    names = index_names(inp, options)
    down = options.unreachable.any_of(names)
    if down is not None:
        skipped = uv.UvRun(1, "", f"error: {down} was unreachable earlier in this review")
        return skipped, unreachable_earlier(inp.environment, target, down)

    def unreachable(run: uv.UvRun) -> bool:
        if run.ok or run.timed_out or run.refused:  # a refusal is final: no retry
            return False
        return classify_uv(run.stderr) is Outcome.NETWORK

    retry = Retry(attempts=1) if options.offline else options.retry  # offline: no point
    run, tries = retry.run(attempt, unreachable)
    if not unreachable(run):
        return run, None
    where = failed_url(run.stderr, names) or (names[-1] if len(names) == 1 else None)
    if where is not None and not options.offline:
        options.unreachable.urls.add(where)
    notice = incomplete_finding(
        inp.environment, target, where=where, detail=cause(run.stderr), tries=tries
    )
    return run, notice


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


def refused_inputs(
    inp: ResolutionInput, reqs: Sequence[Requirement], policy: IndexPolicy
) -> list[Finding]:
    """`untrusted-index` findings for what must not reach uv: indexes and direct URLs the
    policy refuses, and lines with `${...}` (uv would expand them from its environment).
    A requirement uv is never given (a VCS URL, an sdist, a path: `requirement_line` is None)
    fetches nothing; it is skipped with a `resolution-skipped` notice instead."""
    refused = untrusted(inp.indexes, policy)
    for req in (*reqs, *inp.constraints):
        line = requirement_line(req)
        if line is None:
            continue
        if (req.url and "://" in req.url and not policy.allows(req.url)) or "${" in line:
            refused.append(untrusted_url(req, policy))
    return refused


def refusal_outcome(
    run: uv.UvRun, inp: ResolutionInput, target: ResolveTarget, skipped: Sequence[Finding] = ()
) -> Resolution | None:
    """The resolution when the egress proxy refused a request of `run` (None when not):
    what uv made of the refusal (a 403, "not found", "no solution") is not a result."""
    if not run.refused:
        return None
    finding = refused_finding(inp.environment, target, run.refused)
    return Resolution(target, inp.environment, ok=False, findings=(*skipped, finding))


def resolve_pypi(
    inp: ResolutionInput,
    target: ResolveTarget,
    options: RunOptions,
    *,
    requirements: Sequence[Requirement] | None = None,
) -> Resolution:
    """Resolve `inp`'s PyPI requirements (or `requirements`) for `target`."""
    reqs = tuple(inp.requirements if requirements is None else requirements)
    refused = refused_inputs(inp, reqs, options.policy)
    if refused:
        return Resolution(target, inp.environment, ok=False, findings=tuple(refused))
    skipped = []
    named: list[tuple[str, str]] = []  # (canonical name, line): what `beyond_sdists` leaves out
    for req in reqs:
        line = requirement_line(req)
        if line is None:
            skipped.append(skipped_finding(req, inp.environment))
        else:
            named.append((canonicalize_name(req.name), line))
    lines = [line for _, line in named]
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
            "target": [target.python, target.platform, target.assumed],
            "environment": inp.environment,
            "declared": [(r.name, r.location.file, r.location.line) for r in inp.declared()],
            "egress": options.policy.egress().key(),
            "standins": 1,
        }
    )
    if options.cache is not None:
        cached = options.cache.get(key)
        if cached is not None:
            return replace(cached, target=target)

    with tempfile.TemporaryDirectory(prefix="depreview-standins-") as folder:
        standin_dir = Path(folder)

        def compile_lines(left_out: Collection[str] = ()) -> uv.UvRun:
            return uv.pip_compile(
                [line for name, line in named if name not in left_out],
                constraints,
                options.uv_settings(),
                target=target,
                indexes=inp.indexes,
                index_strategy=inp.index_strategy,
                default_index_url=options.default_index_url,
                find_links=[standin_dir] if any(standin_dir.iterdir()) else [],
            )

        run, incomplete = run_with_retries(compile_lines, inp, target, options)
        blocked = refusal_outcome(run, inp, target, skipped)
        if blocked is not None:
            return blocked
        if incomplete is not None:
            return Resolution(target, inp.environment, ok=False, findings=(*skipped, incomplete))
        run, stood = with_standins(
            run,
            compile_lines,
            inp,
            target,
            options,
            standin_dir,
            pinned=lambda done: uv.parse_pins(done.stdout)[0],
        )
        resolution = _outcome(run, inp, target, reqs, skipped, options, stood)
        if not resolution.ok and not run.timed_out:
            direct = {name for name, _ in named}
            beyond = beyond_sdists(run, compile_lines, direct, inp, target, reqs, options, stood)
            if beyond:
                resolution = replace(resolution, findings=(*resolution.findings, *beyond))
    if options.cache is not None and not run.timed_out:
        options.cache.put(key, resolution)
    return resolution


#: Most reruns with stand-ins for more sdist-only packages (`with_standins`), and the most
#: sdists of one package read for their requirements in a round.
MAX_STANDIN_ROUNDS = 4
MAX_SDISTS_READ = 3


@dataclass(frozen=True)
class StoodIn:
    """What `with_standins` stood in: per package, the versions uv found no usable wheel of
    (the releases that only publish an sdist, and those uv named), and those whose stand-in
    carries the requirements read from the sdist (`read`)."""

    versions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    read: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def names(self) -> frozenset[str]:
        """The packages that got stand-ins."""
        return frozenset(self.versions)

    def unread_in(self, lines: Sequence[str]) -> frozenset[str]:
        """The stood-in packages a resolver's explanation may involve without their
        requirements: those it names at a release (``nnunet==1.7.1``) whose requirements were
        not read, or, naming none, with any stood-in release not read."""
        found: set[str] = set()
        for name, versions in self.versions.items():
            read = self.read.get(name, frozenset())
            named = exact_mentions(lines, name) & versions
            if (named - read) if named else (versions - read):
                found.add(name)
        return frozenset(found)


def standin_sources(inp: ResolutionInput, options: RunOptions) -> list[standins.Source]:
    """The pages uv reads releases from, in the order it searches them: find-links, extra
    indexes as declared, then the primary index (the default one where none is declared);
    on an offline run, only local ones."""
    flat: list[standins.Source] = []
    extra: list[standins.Source] = []
    primary: list[standins.Source] = []
    for index in inp.indexes:
        if index.kind is IndexKind.CONDA_CHANNEL:
            continue
        if index.kind is IndexKind.FIND_LINKS:
            flat.append(standins.Source(index.url, flat=True))
        elif not primary and (index.kind is IndexKind.INDEX_URL or index.default):
            primary.append(standins.Source(index.url))
        else:
            extra.append(standins.Source(index.url))
    if not primary:
        primary.append(standins.Source(options.default_index_url or PYPI_SIMPLE))
    sources = [*flat, *extra, *primary]
    if options.offline:
        sources = [s for s in sources if s.url.startswith(("file:", "/"))]
    return sources


def with_standins(
    first: uv.UvRun,
    compile_lines: Callable[[], uv.UvRun],
    inp: ResolutionInput,
    target: ResolveTarget,
    options: RunOptions,
    folder: Path,
    pinned: Callable[[uv.UvRun], Mapping[str, str]] | None = None,
) -> tuple[uv.UvRun, StoodIn]:
    """Resolve again with stand-in wheels (`worker.resolve.standins`) for the packages uv
    stopped at for want of a wheel, up to `MAX_STANDIN_ROUNDS` runs; the last run and what
    was stood in. A stand-in carries the Requires-Dist its sdist states without a build
    (`standins.sdist_requirements`) for the releases uv named and, once a run resolves
    (`pinned` reads its pins), for the stood-in releases it picked: one more run with those.
    The first run stands (nothing stood in) where no release list could be read or a rerun
    could not finish."""
    run = first
    tried: set[str] = set()
    found: dict[str, dict[str, standins.Release]] = {}
    versions: dict[str, set[str]] = {}
    read: dict[str, dict[str, tuple[str, ...]]] = {}
    attempted: set[tuple[str, str]] = set()
    sources = standin_sources(inp, options)
    timeout_s = min(30.0, options.timeout_s)

    def read_sdists(proxy: EgressProxy, name: str, wanted: Collection[str]) -> bool:
        """Read the Requires-Dist of `wanted` releases of `name` (each once); whether any
        was read."""
        got = False
        for version in sorted(wanted)[:MAX_SDISTS_READ]:
            release = found.get(name, {}).get(version)
            if (name, version) in attempted or release is None or release.sdist_url is None:
                continue
            attempted.add((name, version))
            lines = standins.sdist_requirements(release.sdist_url, proxy.url, timeout_s)
            if lines is not None:
                read.setdefault(name, {})[version] = lines
                got = True
        return got

    for _ in range(MAX_STANDIN_ROUNDS):
        if run.timed_out or (run.ok and not versions):
            break  # nothing stood in yet: no release list, no sdist to read
        explained = [] if run.ok else explanation(run.stderr)
        stuck = [n for n in sdist_pins(explained) if n not in tried]
        if not run.ok and not stuck:
            break  # a conflict of its own, or only packages tried already
        with EgressProxy(options.policy.egress()) as proxy:
            if run.ok:
                picked = pinned(run) if pinned is not None else {}
                todo = {
                    name: {v}
                    for name, v in picked.items()
                    if v in versions.get(name, ()) and (name, v) not in attempted
                }
                if not any([read_sdists(proxy, name, want) for name, want in todo.items()]):
                    break
                for name in todo:
                    standins.write_standins(folder, name, found[name], read.get(name))
            else:
                named = sdist_named(explained)
                written = 0
                for name in stuck:
                    tried.add(name)
                    found[name] = standins.releases(
                        name,
                        sources,
                        first_index=inp.index_strategy == "first-index",
                        proxy_url=proxy.url,
                        timeout_s=timeout_s,
                    )
                    read_sdists(proxy, name, named.get(name, set()))
                    made = standins.write_standins(folder, name, found[name], read.get(name))
                    if not made:
                        continue
                    written += len(made)
                    wheelless = {v for v, r in found[name].items() if r.sdist and not r.wheels}
                    versions.setdefault(name, set()).update(wheelless | named.get(name, set()))
                if not written:
                    break
        again, incomplete = run_with_retries(compile_lines, inp, target, options)
        if incomplete is not None or again.refused or again.timed_out:
            return first, StoodIn()
        run = again
    return run, StoodIn(
        {name: frozenset(v) for name, v in versions.items()},
        {name: frozenset(v) for name, v in read.items() if name in versions},
    )


def _outcome(
    run: uv.UvRun,
    inp: ResolutionInput,
    target: ResolveTarget,
    reqs: Sequence[Requirement],
    skipped: list[Finding],
    options: RunOptions,
    stood: StoodIn,
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
        opaque = standin_findings(
            pins,
            via,
            stood.versions,
            stood.read,
            [*reqs, *inp.constraints],
            environment=inp.environment,
            target=target,
        )
        return Resolution(
            target,
            inp.environment,
            pins,
            via,
            True,
            (*skipped, *opaque),
            requires=requires,
        )
    return failed_resolution(run, inp, target, options, reqs, skipped, stood=stood)


#: Most reruns with more sdist-only requirements left out (`beyond_sdists`).
MAX_OPAQUE_ROUNDS = 3


def beyond_sdists(
    first: uv.UvRun,
    compile_lines: Callable[[Collection[str]], uv.UvRun],
    direct: Collection[str],
    inp: ResolutionInput,
    target: ResolveTarget,
    reqs: Sequence[Requirement],
    options: RunOptions,
    stood: StoodIn | None = None,
) -> list[Finding]:
    """The conflict the rest of an environment has when uv stopped at requirements of its own
    that publish only an sdist (which depreview never builds, so their metadata is unknown):
    resolved again without those lines, up to `MAX_OPAQUE_ROUNDS` times as more come up.
    Leaving a requirement out (and whatever it requires) only removes constraints, so a
    conflict without it is a conflict with it. An sdist-only package that is not one of the
    environment's own requirements (`direct`) cannot be left out: nothing more is said, as
    is the case for a rerun that resolves, times out or cannot reach an index (the sdist
    notices stand alone, as before)."""
    stood = stood or StoodIn()
    stuck = [n for n in sdist_only(explanation(first.stderr)) if n not in stood.names]
    left_out: set[str] = set()
    for _ in range(MAX_OPAQUE_ROUNDS):
        more = {name for name in stuck if name in direct} - left_out
        if not more:
            return []
        left_out |= more
        run, incomplete = run_with_retries(
            functools.partial(compile_lines, frozenset(left_out)), inp, target, options
        )
        if incomplete is not None or run.refused or run.timed_out or run.ok:
            return []
        stuck = [n for n in sdist_only(explanation(run.stderr)) if n not in stood.names]
        if stuck:
            continue
        failed = failed_resolution(run, inp, target, options, reqs, (), stood=stood)
        names = ", ".join(sorted(left_out))
        return [
            replace(
                f,
                message=f"{f.message} This holds without {names} (only an sdist is "
                f"published, which depreview does not build): its requirements could only "
                f"add to the conflict.",
            )
            for f in failed.findings
            if f.rule == "resolution-conflict"
        ]
    return []


def failed_resolution(
    run: uv.UvRun,
    inp: ResolutionInput,
    target: ResolveTarget,
    options: RunOptions,
    reqs: Sequence[Requirement],
    skipped: Sequence[Finding],
    *,
    source: str = "uv",
    stood: StoodIn | None = None,
) -> Resolution:
    """A run that did not resolve: a timeout notice, or the findings its stderr explains
    (`stood`: what had stand-in wheels)."""
    if run.timed_out:
        timeout = timeout_finding(inp, target, options)
        return Resolution(
            target, inp.environment, ok=False, findings=(*skipped, timeout), source=source
        )
    findings = failure_findings(
        run.stderr,
        [*reqs, *inp.constraints],
        environment=inp.environment,
        target=target,
        index_urls=[redact(i.url) for i in inp.indexes],
        standins=stood.names if stood else (),
        opaque=stood.unread_in(explanation(run.stderr)) if stood else (),
    )
    findings = list(settle(findings, inp.environment, target, run.stderr))
    return Resolution(
        target,
        inp.environment,
        ok=False,
        findings=(*skipped, *findings),
        source=source,
        explanation=tuple(run.stderr.strip().splitlines()),
    )


def untrusted_url(req: Requirement, policy: IndexPolicy) -> Finding:
    """An `untrusted-index` warning for a direct URL on a host the policy refuses."""
    return Finding(
        rule="untrusted-index",
        category="untrusted-index",
        severity=Severity.WARNING,
        message=(
            f"{req.name} is installed from {redact(req.url or '', placeholder='***@')}, not a "
            f"plain URL on the allowed index hosts; depreview did not fetch it."
        ),
        file=req.location.file,
        line=req.location.line,
        package=req.name,
        fix=refusal_fix(req.url or ""),
        fingerprint=f"untrusted-index:{req.location.file}:{redact(req.url or '')}",
    )


def timeout_finding(inp: ResolutionInput, target: ResolveTarget, options: RunOptions) -> Finding:
    """A notice: resolving `inp` for `target` ran past the time limit."""
    return environment_finding(
        "resolution-timeout",
        Severity.NOTICE,
        f"Resolving {inp.environment} for {target.label} took longer than "
        f"{options.timeout_s:g} s; it was not checked.",
        environment=inp.environment,
    )
