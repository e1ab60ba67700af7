"""Turn a resolver's failure into findings mapped back to the lines that declared the packages."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.findings import Finding, Severity
from rules.kb.cudaver import to_version
from rules.kb.sdist_builds import sdist_break
from rules.manifests.model import Requirement
from worker.resolve.assumed import python_reason
from worker.resolve.model import ResolveTarget, environment_finding

_TOKEN = re.compile(r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._-]*)")
_DEPEND_ON = re.compile(r"depends? on ([A-Za-z0-9][A-Za-z0-9._-]*?)(?=[<>=!~{\[\s,]|$)")
_YOU_REQUIRE = re.compile(r"you require ([A-Za-z0-9][A-Za-z0-9._-]*)")
#: `gensim>=4.0.0 has no usable wheels`: the name before any specifier (the version alone is
#: not a name: gt-lit-lab/litcoder_core's notice named "4-0-0").
_NO_WHEELS = re.compile(
    r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._-]*?)(?:\{[^}]*\})?([<>=!~]=?\S+)? has no usable wheels"
)
_WHEELS_REQUIRED = re.compile(r"Wheels are required for `([^`]+)`")
#: uv names a requirement with a marker as `torch{sys_platform == 'linux'}==1.8.0+cu101`.
_NO_VERSION = re.compile(r"there is no version of ([A-Za-z0-9][A-Za-z0-9._-]*)(?:\{[^}]*\})?(\S*)")
_LOCAL_CUDA = re.compile(r"\+(cu\d+|rocm[\d.]+|cpu)\b")

_NOISE = ("Resolved ", "Resolving ", "Using ", "warning: ")
#: uv failing before it resolves anything, for want of a Python interpreter (`uv lock` needs
#: one that the project's requires-python admits; a broken pyenv shim for python3.12 ends it
#: with "Failed to inspect Python interpreter"; with downloads off or unreachable, none is
#: found): the worker's failing, not the repository's.
_INTERPRETER = re.compile(
    r"Failed to inspect Python interpreter[^\n]*|No interpreter found for[^\n]*"
    r"|Failed to download Python[^\n]*"
)


def explanation(stderr: str) -> list[str]:
    """The resolver's explanation: the `cause:` block and hints, without headers or noise."""
    lines: list[str] = []
    for raw in stderr.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith(_NOISE):
            continue
        if stripped.startswith("error: No solution found"):
            continue
        lines.append(stripped.removeprefix("cause: ").removeprefix("error: "))
    return lines


def mentioned(lines: Sequence[str]) -> list[str]:
    """Canonical names of every token in the explanation, in first-seen order."""
    seen: dict[str, None] = {}
    for line in lines:
        for token in _TOKEN.findall(line):
            seen.setdefault(canonicalize_name(token.rstrip(".,")), None)
    return list(seen)


def _where(req: Requirement) -> str:
    return f"{req.location.file}:{req.location.line}"


def _shown(req: Requirement) -> str:
    return f"{req.name}{req.specifier}" if not req.url else f"{req.name} @ {req.url}"


def sdist_only(lines: Sequence[str]) -> list[str]:
    """Packages the resolver stopped at because they only have a source distribution."""
    return list(sdist_pins(lines))


def exact_mentions(lines: Sequence[str], name: str) -> set[str]:
    """The releases of `name` the explanation names exactly (``nnunet==1.7.1``)."""
    pattern = re.compile(
        rf"(?<![\w.+-]){re.escape(name).replace('-', '[-_.]')}(?:\{{[^}}]*\}})?==([\w.+!-]+)",
        re.IGNORECASE,
    )
    found: set[str] = set()
    for line in lines:
        for raw in pattern.findall(line):
            version = to_version(raw.rstrip(".,"))
            if version is not None:
                found.add(str(version))
    return found


def sdist_named(lines: Sequence[str]) -> dict[str, set[str]]:
    """The exact releases uv names as having no usable wheel (``pyyaml==5.4.1 has no usable
    wheels``), by package."""
    named: dict[str, set[str]] = {}
    for line in lines:
        for name, spec in _NO_WHEELS.findall(line):
            pinned = spec[2:] if spec.startswith("==") and not spec.startswith("===") else ""
            version = to_version(pinned) if pinned and "*" not in pinned else None
            if version is not None:
                named.setdefault(canonicalize_name(name), set()).add(str(version))
    return named


def sdist_pins(lines: Sequence[str]) -> dict[str, Version | None]:
    """`sdist_only`'s packages, each with the release uv names (``pyyaml==5.4.1 has no usable
    wheels``; None where it names none)."""
    names: dict[str, Version | None] = {}
    for line in lines:
        for name, spec in _NO_WHEELS.findall(line):
            pinned = spec[2:] if spec.startswith("==") else ""
            version = to_version(pinned) if pinned and "*" not in pinned else None
            key = canonicalize_name(name)
            if names.get(key) is None:
                names[key] = version
        for name in _WHEELS_REQUIRED.findall(line):
            names.setdefault(canonicalize_name(name), None)
    return names


def failure_findings(
    stderr: str,
    declared: Sequence[Requirement],
    *,
    environment: str,
    target: ResolveTarget,
    index_urls: Sequence[str] = (),
    standins: Collection[str] = (),
    opaque: Collection[str] = (),
) -> list[Finding]:
    """Findings for a failed resolution: sdist-only notices, else one `conflict` error; a
    notice that it is incomplete when uv could not use a Python interpreter at all.
    `standins`: packages uv had stand-in wheels for (`worker.resolve.standins`): uv naming
    one of them as wheel-less no longer means it stopped there (a yanked release, a wheel
    for another platform: what pip cannot install either)."""
    interpreter = _INTERPRETER.search(stderr)
    if interpreter is not None:
        return [_no_interpreter(interpreter.group(0), environment, target)]
    lines = explanation(stderr)
    stuck = {n: v for n, v in sdist_pins(lines).items() if n not in standins}
    if stuck:
        return [
            _sdist_finding(name, version, lines, declared, environment, target)
            for name, version in stuck.items()
        ]
    names = mentioned(lines)
    by_name: dict[str, list[Requirement]] = {}
    for req in declared:
        by_name.setdefault(canonicalize_name(req.name), []).append(req)
    involved = [req for name in names for req in by_name.get(name, ())]
    required = [canonicalize_name(n) for line in lines for n in _YOU_REQUIRE.findall(line)]
    contended = [canonicalize_name(n) for line in lines for n in _DEPEND_ON.findall(line)]
    primary = _primary(involved, contended, required)
    message = _conflict_message(lines, involved, primary, environment, target, index_urls)
    fingerprint_names = ",".join(sorted({canonicalize_name(r.name) for r in involved}))
    because = python_reason(lines)
    if because is not None and not target.assumed:
        # the Python decides (a Requires-Python, no wheel for its ABI): said as such
        message = f"{message} ({because})"
    unread = sorted(n for n in opaque if n in names)
    if unread:
        message = (
            f"{message} The releases of {', '.join(unread)} that publish only an sdist for "
            f"this target (which depreview does not build) took part without their own "
            f"requirements, which could only add to this conflict."
        )
    return [
        Finding(
            rule="resolution-conflict",
            category="python-version-incompatible" if because else "conflict",
            severity=Severity.ERROR,
            message=message,
            file=primary.location.file if primary else environment,
            line=primary.location.line if primary else None,
            column=primary.location.column if primary else None,
            package=canonicalize_name(primary.name) if primary else None,
            evidence=tuple(lines) or ("the resolver gave no explanation",),
            fingerprint=f"resolution-conflict:{environment}:{fingerprint_names}",
            extra=(("target", target.label), *(("declared", _where(r)) for r in involved)),
        )
    ]


def _primary(
    involved: Sequence[Requirement], contended: Sequence[str], required: Sequence[str]
) -> Requirement | None:
    """The declaration at the heart of the conflict.

    A package that others depend on and the repo also requires directly is the contended one
    (numpy in a NumPy-ceiling conflict); otherwise the last direct requirement uv names.
    """
    for name in (*contended, *reversed(required)):
        for req in involved:
            if canonicalize_name(req.name) == name and not req.is_constraint:
                return req
    return involved[-1] if involved else None


def _conflict_message(
    lines: Sequence[str],
    involved: Sequence[Requirement],
    primary: Requirement | None,
    environment: str,
    target: ResolveTarget,
    index_urls: Sequence[str],
) -> str:
    text = " ".join(lines)
    missing = _NO_VERSION.search(text)
    if missing and primary is not None:
        spec = missing.group(1) + missing.group(2)
        local = _LOCAL_CUDA.search(spec)
        where = ", ".join(index_urls) if index_urls else "the default index"
        hint = (
            f" No declared index serves `+{local.group(1)}` builds (searched: {where})."
            if local
            else f" (searched: {where})"
        )
        return f"`{spec}` ({_where(primary)}) cannot be installed for {target.label}:{hint}"
    if primary is None:
        return f"The requirements of {environment} cannot be installed together for {target.label}."
    others = [r for r in involved if r is not primary]
    with_others = (
        " together with " + ", ".join(f"`{_shown(r)}` ({_where(r)})" for r in others)
        if others
        else ""
    )
    return (
        f"`{_shown(primary)}` ({_where(primary)}) cannot be installed{with_others} "
        f"for {target.label}: the resolver found no version set that satisfies them."
    )


def _sdist_finding(
    name: str,
    version: Version | None,
    lines: Sequence[str],
    declared: Sequence[Requirement],
    environment: str,
    target: ResolveTarget,
    *,
    resolved: bool = False,
) -> Finding:
    """A notice: uv stopped at an sdist depreview does not build (`resolved`: it went past it
    with a stand-in, so only that package's own requirements went unchecked). An error where the KB
    records that this release's sdist cannot build on the target's Python
    (`rules.kb.sdist_builds`: PyYAML 5.4.1 under Cython 3) and the Python is evidenced: the
    install fails there (crate-workbench/mlflow-cratedb 96d06ed: pycaret 3.3.1 requires
    pyyaml==5.4.1, which has no cp310/cp311 wheel)."""
    req = next((r for r in declared if canonicalize_name(r.name) == name), None)
    if req is None:
        names = mentioned(lines)
        req = next((r for n in names for r in declared if canonicalize_name(r.name) == n), None)
    broken = sdist_break(name, version, target.minor) if version is not None else None
    if broken is not None and version is not None and not target.assumed:
        return Finding(
            rule="resolution-conflict",
            category="python-version-incompatible",
            severity=Severity.ERROR,
            message=(
                f"{name} {version} has no wheel for {target.describe()} on {target.platform}, so "
                f"it is built from its sdist, and {broken.why}. "
                + (
                    f"`{_shown(req)}` ({_where(req)}) brings it in; the install fails."
                    if req is not None and canonicalize_name(req.name) != name
                    else "The install fails."
                )
            ),
            file=req.location.file if req else environment,
            line=req.location.line if req else None,
            package=name,
            fix=next((f"{name}>={c.version}" for c in broken.releases if c.operator == "<"), None),
            evidence=(*lines, *broken.sources),
            fingerprint=f"sdist-break:{environment}:{name}",
            extra=(("target", target.label),),
        )
    message = (
        f"Not resolved past {name}: only an sdist is available, and depreview never builds "
        f"code from a pull request; the rest of {environment} was not checked for "
        f"{target.label}."
    )
    if resolved:
        message = (
            f"{name}{f' {version}' if version else ''} publishes only an sdist for "
            f"{target.label}, which depreview does not build: {environment} was resolved with "
            f"it standing in without its own requirements, so what {name} itself requires was "
            f"not checked."
        )
    return Finding(
        rule="resolution-sdist-only",
        category="conflict",
        severity=Severity.NOTICE,
        message=message,
        file=req.location.file if req else environment,
        line=req.location.line if req else None,
        package=name,
        evidence=tuple(lines),
        fingerprint=f"resolution-sdist-only:{environment}:{name}",
        extra=(("target", target.label),),
    )


def standin_findings(
    pins: Mapping[str, str],
    via: Mapping[str, Sequence[str]],
    stood: Mapping[str, Collection[str]],
    read: Mapping[str, Collection[str]],
    declared: Sequence[Requirement],
    *,
    environment: str,
    target: ResolveTarget,
) -> list[Finding]:
    """What a resolution with stand-in wheels (`worker.resolve.standins`) leaves unchecked: a
    notice per package pinned at a release uv had no wheel of (`stood`: per package, those
    releases), located at the line that names it or one that requires it, unless its
    requirements were read from the sdist (`read`); the KB's known sdist build failures stay
    errors (`_sdist_finding`)."""
    found: list[Finding] = []
    for name, versions in sorted(stood.items()):
        pinned = pins.get(name)
        if pinned is None or pinned not in versions:
            continue
        parents = [p for p in via.get(name, ()) if not p.startswith("-")]
        lines = [f"{name}=={pinned} (only an sdist) via {', '.join(parents) or 'requirements'}"]
        finding = _sdist_finding(
            name, to_version(pinned), lines, declared, environment, target, resolved=True
        )
        if finding.severity is Severity.ERROR or pinned not in read.get(name, ()):
            found.append(finding)
    return found


def _no_interpreter(detail: str, environment: str, target: ResolveTarget) -> Finding:
    """A notice: uv could not use a Python interpreter for `target`, so `environment` was not
    resolved (nothing is known to be wrong with it)."""
    return environment_finding(
        "resolution-incomplete",
        Severity.NOTICE,
        f"Resolution of {environment} for {target.label} is incomplete: uv could not use a "
        f"Python interpreter for it on this worker ({detail.strip()}). Nothing is known to be "
        f"wrong; this environment was not checked by the uv resolver.",
        environment=environment,
        target=target,
        evidence=(f"uv: {detail.strip()}",),
    )
