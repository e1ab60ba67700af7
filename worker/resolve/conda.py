"""Solve a conda environment.yml with rattler, then its `pip:` section with uv on top."""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime
import json
import tempfile
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from packaging.utils import canonicalize_name

from rules.findings import Finding, Severity
from rules.manifests.model import Requirement
from rules.targets import CONDA_SUBDIRS
from worker.resolve.cache import cache_key
from worker.resolve.egress import EgressProxy, Refusal
from worker.resolve.explain import mentioned
from worker.resolve.indexes import index_url, redact, refused_finding, untrusted
from worker.resolve.inputs import ResolutionInput
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.network import (
    Outcome,
    cause,
    classify_conda,
    failed_url,
    incomplete_finding,
    unreachable_earlier,
)
from worker.resolve.pypi import RunOptions, resolve_pypi
from worker.resolve.targets import full_python
from worker.time_limits import is_time_limit

T = TypeVar("T")


def match_spec(req: Requirement) -> str:
    """The conda match spec of a requirement, as written when rattler reads it."""
    from rattler import MatchSpec

    for text in (req.raw.strip(), f"{req.name} {req.specifier}".strip()):
        if _parses(MatchSpec, text):
            return text
    return req.name


def _parses(parser: Any, text: str) -> bool:
    try:
        parser(text)
    except Exception:  # rattler raises its own parse error types
        return False
    return True


def virtual_packages(target: ResolveTarget) -> list[Any]:
    """The virtual packages of a target machine (`__cuda` as CONDA_OVERRIDE_CUDA sets it)."""
    from rattler import BuildString, GenericVirtualPackage, PackageName, Version

    def vp(name: str, version: str) -> Any:
        return GenericVirtualPackage(PackageName(name), Version(version), BuildString("0"))

    subdir = CONDA_SUBDIRS.get(target.platform, "linux-64")
    packages = []
    if subdir.startswith("linux"):
        packages += [vp("__unix", "0"), vp("__linux", "5.15"), vp("__glibc", "2.35")]
    elif subdir.startswith("osx"):
        packages += [vp("__unix", "0"), vp("__osx", "14.0")]
    else:
        packages += [vp("__win", "0")]
    packages.append(vp("__archspec", "1"))
    if target.cuda:
        packages.append(vp("__cuda", target.cuda))
    return packages


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion, also from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


@dataclass(frozen=True)
class Solved:
    """A rattler solve: pins, or the error and what it means (only `NO_SOLUTION` conflicts)."""

    pins: dict[str, str]
    error: str | None = None
    outcome: Outcome | None = None
    refused: tuple[Refusal, ...] = ()


def proxied_client(proxy: EgressProxy, folder: Path) -> Any:
    """A rattler client whose every request goes through `proxy`, with no stored credentials
    (an empty authentication file replaces keyring, netrc and RATTLER_AUTH_FILE)."""
    from rattler import Config
    from rattler.networking.client import Client

    auth = folder / "rattler-auth.json"
    auth.write_text("{}", encoding="utf-8")
    toml = (
        f"authentication-override-file = {json.dumps(str(auth))}\n"
        f"[proxy-config]\nhttps = {json.dumps(proxy.url)}\nhttp = {json.dumps(proxy.url)}\n"
        "non-proxy-hosts = []\n"
    )
    # no retries inside rattler: `Retry` (network.py) retries a run that could not read a channel
    return Client.from_config(Config.from_toml(toml), max_retries=0)


def solve(
    specs: Sequence[str], channels: Sequence[str], target: ResolveTarget, options: RunOptions
) -> Solved:
    """Pins (name → version) of a rattler solve, or its error and what the error means;
    every request goes through an egress proxy enforcing the options' index policy."""
    from rattler import Channel, Gateway, MatchSpec, Subdir
    from rattler import solve as rattler_solve

    subdir = CONDA_SUBDIRS.get(target.platform, "linux-64")
    cache_dir = options.cache_dir / "rattler" if options.cache_dir else None
    with EgressProxy(options.policy.egress()) as proxy, tempfile.TemporaryDirectory() as tmp:
        try:
            records = _run(
                rattler_solve(
                    sources=[Channel(url) for url in channels],
                    # parsed here, leniently: given strings, the solver parses them strictly
                    # and refuses what `conda env export` writes (`_libgcc_mutex=0.1=main`:
                    # "the build string '=main' is not valid"; builds with dots, too)
                    specs=[MatchSpec(spec) for spec in specs],
                    platforms=[Subdir(subdir), Subdir("noarch")],
                    virtual_packages=virtual_packages(target),
                    gateway=Gateway(cache_dir=cache_dir, client=proxied_client(proxy, Path(tmp))),
                    timeout=datetime.timedelta(seconds=options.timeout_s),
                )
            )
        except Exception as exc:  # rattler raises its own types; never crash the review
            if is_time_limit(exc):
                raise  # the review's time is up: it fails closed (worker/time_limits.py)
            outcome = classify_conda(exc)
            text = str(exc) if outcome is Outcome.NO_SOLUTION else f"{type(exc).__name__}: {exc}"
            return Solved({}, text, outcome, proxy.refusals)
        return Solved({r.name.normalized: str(r.version) for r in records}, refused=proxy.refusals)


def _solved_target(target: ResolveTarget, pins: dict[str, str], environment: str) -> ResolveTarget:
    """The target with the Python the solve installed (conda picks it; nothing is assumed)."""
    python = full_python(pins.get("python", ""))
    if python is None:
        return target
    return ResolveTarget(
        python, target.platform, target.cuda, False, f"the conda solve of {environment}"
    )


def resolve_conda(inp: ResolutionInput, target: ResolveTarget, options: RunOptions) -> Resolution:
    """Solve the conda part, then the pip part with uv for the solved Python.

    A channel that cannot be read (after retries) gives a `resolution-incomplete` notice,
    never "conda cannot solve".
    """
    refused = untrusted(inp.channels, options.policy)
    if refused:
        return Resolution(target, inp.environment, ok=False, findings=tuple(refused))
    specs = [match_spec(req) for req in inp.conda_requirements]
    channels = [index_url(index) for index in inp.channels] or [index_url_default()]
    key = cache_key(
        {
            "kind": "rattler",
            "specs": specs,
            "channels": channels,
            "target": [target.platform, target.cuda],
            "env": inp.environment,
            "declared": [(r.name, r.location.line) for r in inp.conda_requirements],
            "egress": options.policy.egress().key(),
        }
    )
    cached = options.cache.get(key) if options.cache else None
    if cached is not None:
        conda = cached if "python" in cached.pins else replace(cached, target=target)
    else:
        down = options.unreachable.any_of(redact(c) for c in channels)
        if down is not None:
            notice = unreachable_earlier(inp.environment, target, down, resolver="rattler")
            return Resolution(
                target, inp.environment, ok=False, findings=(notice,), source="rattler"
            )
        solved, tries = options.retry.run(
            lambda: solve(specs, channels, target, options),
            lambda got: got.outcome is Outcome.NETWORK and not got.refused,
        )
        if solved.refused:
            finding = refused_finding(inp.environment, target, solved.refused, resolver="rattler")
            return Resolution(
                target, inp.environment, ok=False, findings=(finding,), source="rattler"
            )
        if solved.error is not None and solved.outcome is not Outcome.NO_SOLUTION:
            where = failed_url(solved.error, [redact(c) for c in channels])
            if where is not None and solved.outcome is Outcome.NETWORK:
                options.unreachable.urls.add(where)
            notice = incomplete_finding(
                inp.environment,
                target,
                where=where,
                detail=cause(solved.error),
                tries=tries,
                resolver="rattler",
            )
            return Resolution(
                target,
                inp.environment,
                ok=False,
                findings=(notice,),
                source="rattler",
                explanation=tuple(solved.error.splitlines()),
            )
        error = solved.error
        findings = () if error is None else (conda_conflict(error, inp, target),)
        conda = Resolution(
            _solved_target(target, solved.pins, inp.environment),
            inp.environment,
            solved.pins,
            ok=error is None,
            findings=findings,
            source="rattler",
            explanation=tuple((error or "").splitlines()),
        )
        if options.cache is not None:
            options.cache.put(key, conda)
    if not conda.ok or not inp.requirements:
        return conda
    pip = resolve_pypi(inp, conda.target, options)
    pins: dict[str, str] = {**conda.pins}
    pins.update((canonicalize_name(k), v) for k, v in pip.pins.items())
    return Resolution(
        conda.target,
        inp.environment,
        pins,
        pip.via,
        pip.ok,
        (*conda.findings, *pip.findings),
        source="rattler+uv",
        explanation=pip.explanation,
    )


def index_url_default() -> str:
    """The channel used when an environment.yml names none."""
    return "https://conda.anaconda.org/conda-forge"


def conda_conflict(error: str, inp: ResolutionInput, target: ResolveTarget) -> Finding:
    """A `conflict` error carrying rattler's explanation, at the first involved line."""
    lines = [line.rstrip() for line in error.splitlines() if line.strip()]
    names = mentioned(lines)
    involved = [r for n in names for r in inp.conda_requirements if r.name.lower() == n]
    primary = involved[0] if involved else None
    cuda = ""
    if "__cuda" in error:
        cuda = (
            f" A package needs the `__cuda` virtual package; the target CUDA is "
            f"{target.cuda or 'not declared (set targets.cuda in .github/depreview.yml)'}."
        )
    where = f" ({primary.location.file}:{primary.location.line})" if primary else ""
    return Finding(
        rule="resolution-conflict",
        category="conflict",
        severity=Severity.ERROR,
        message=(f"conda cannot solve {inp.environment}{where} for {target.label}.{cuda}"),
        file=primary.location.file if primary else inp.environment,
        line=primary.location.line if primary else None,
        package=primary.name if primary else None,
        evidence=tuple(lines),
        fingerprint=f"resolution-conflict:{inp.environment}:"
        + ",".join(sorted({r.name for r in involved})),
        extra=(("target", target.label),),
    )
