"""A `pip check` over a pinned set: every requirement of every pin satisfied by another pin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.findings import Finding, Severity
from rules.targets import Target, platform_name
from worker.resolve.model import Resolution, ResolveTarget


def marker_environment(target: ResolveTarget) -> dict[str, str]:
    """PEP 508 marker variables for a target (python version, OS, machine): the rules'
    `Target.environment()` for the config platform whose uv triple the target runs on.

    The resolver's triples are always one of the config's five platforms'
    (`ResolveTarget.of` → `platform_triple`); any other triple counts as `linux_x86_64`.
    A target's Python is its full X.Y.Z, so `python_full_version` is as the resolver runs it
    (an X.Y alone reads as X.Y.0, equal under PEP 440).
    """
    platform = platform_name(target.platform) or "linux_x86_64"
    return Target(target.python, platform).environment()


def marker_applies(marker: str | None, target: ResolveTarget) -> bool:
    """True when `marker` holds for `target` (unparseable markers count as holding)."""
    if not marker:
        return True
    try:
        return Marker(marker).evaluate(marker_environment(target))
    except Exception:  # packaging raises several types for odd markers
        return True


@dataclass(frozen=True)
class Broken:
    """One unmet requirement: which pin requires what, and what is installed instead."""

    package: str
    version: str
    requirement: str
    installed: str | None

    def describe(self) -> str:
        """`scipy 1.10.1 requires numpy<1.24, but numpy 2.1.0 is locked`."""
        if self.installed is None:
            return f"{self.package} {self.version} requires {self.requirement}, not in the set"
        name = Requirement(self.requirement).name
        return (
            f"{self.package} {self.version} requires {self.requirement}, but "
            f"{canonicalize_name(name)} {self.installed} is in the set"
        )


def check(
    pins: Mapping[str, str], requires: Mapping[str, Sequence[str]], target: ResolveTarget
) -> list[Broken]:
    """Every requirement of a pin that the pinned set does not satisfy on `target`."""
    broken = []
    for package, reqs in sorted(requires.items()):
        if package not in pins:
            continue
        for text in reqs:
            try:
                req = Requirement(text)
            except InvalidRequirement:
                continue
            if req.marker is not None and not req.marker.evaluate(marker_environment(target)):
                continue
            name = canonicalize_name(req.name)
            installed = pins.get(name)
            if installed is None:
                broken.append(Broken(package, pins[package], text, None))
                continue
            try:
                ok = req.specifier.contains(Version(installed), prereleases=True)
            except InvalidVersion:
                ok = True
            if not ok:
                broken.append(Broken(package, pins[package], text, installed))
    return broken


def resolution_findings(resolution: Resolution) -> list[Finding]:
    """`broken-pin-set` errors for a resolution whose source recorded each pin's requirements."""
    if not resolution.requires:
        return []
    findings = []
    target = resolution.target
    for item in check(resolution.pins, resolution.requires, target):
        # a requirement that only applies on some Pythons says nothing certain about an
        # assumed Python (an assumed Python never produces an error)
        assumed = target.assumed and "python_" in item.requirement.partition(";")[2]
        where = target.describe() if assumed else target.label
        findings.append(
            Finding(
                rule="broken-pin-set",
                category="conflict",
                severity=Severity.NOTICE if assumed else Severity.ERROR,
                message=(
                    f"{resolution.environment} does not install consistently for "
                    f"{where}: {item.describe()}."
                ),
                file=resolution.source
                if resolution.lines
                else resolution.environment.partition("#")[0],
                line=resolution.lines.get(item.package),
                package=item.package,
                evidence=(item.describe(),),
                fingerprint=f"broken-pin-set:{resolution.environment}:{item.package}:{item.requirement}",
            )
        )
    return findings
