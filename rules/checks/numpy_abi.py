"""numpy-abi: NumPy 2 next to compiled packages built for NumPy 1, and the reverse.

NumPy 2 allowed or pinned while a compiled package is held below its first NumPy-2 release
(KB numpy2_abi.json): when NumPy 2 is asked for, the install fails to resolve (the old release
declares numpy<2 itself) or its import fails (it does not); when NumPy 2 is merely admitted,
the outcome depends on that same unrecorded cap, so the message says both. A small table of
caps known from TensorFlow's own sources turns the second case off and names the first.
numpy<2 forced while a pinned package itself requires NumPy 2 (jax ≥ 0.7.2, opencv-python
≥ 4.12.0.88) cannot resolve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.checks._ml import each_env, finding, project, version_of
from rules.checks.base import Rule, RuleContext
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.manifests.model import Requirement

#: What happens when a package built for NumPy 1 meets NumPy 2 (numpy2_abi.json notes).
_BROKEN = (
    "its compiled code fails under NumPy 2 ('A module that was compiled using NumPy 1.x "
    "cannot be run in NumPy 2' on import)"
)

#: Releases known to declare numpy<2 in their own metadata (minor line → specifier, source).
#: Only what a maintainer-side source states; absent means "not recorded", not "no cap".
_KNOWN_CAPS: dict[tuple[str, str], tuple[str, str]] = {
    ("tensorflow", "2.15"): (
        "numpy<2.0",
        "tensorflow/tensorflow#62131 'Limit numpy in 2.15 to < 2.0' (merged 2023-10)",
    ),
    ("tensorflow", "2.4"): (
        "numpy~=1.19.2",
        "tensorflow/tensorflow#51554: r2.4 setup.py requires numpy >=1.19.2,<1.20",
    ),
}

_NUMPY1 = ("1.21.6", "1.22.4", "1.24.4", "1.26.4")
_NUMPY2 = ("2.0.2", "2.1.3", "2.2.6", "2.3.5", "2.4.0", "2.5.0")


def _spec(req: Requirement | None) -> SpecifierSet | None:
    if req is None:
        return None
    version = version_of(req)
    text = f"=={version.public}" if version is not None else req.specifier
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        return None


def _admits(spec: SpecifierSet | None, versions: Iterable[str]) -> list[str]:
    if spec is None:
        return list(versions)
    return [v for v in versions if spec.contains(v, prereleases=True)]


def _held_below(req: Requirement, first: Version) -> bool:
    """Whether `req` allows only versions older than `first`."""
    version = version_of(req)
    if version is not None:
        return Version(version.public) < first
    if not req.specifier:
        return False
    spec = _spec(req)
    if spec is None:
        return False
    major, minor = first.major, first.minor
    ups = [str(first)] + [f"{major}.{minor + i}.0" for i in range(1, 12)]
    ups += [f"{major + i}.0.0" for i in range(1, 4)]
    return not _admits(spec, ups)


def _known_cap(req: Requirement) -> tuple[str, str] | None:
    """The numpy<2 cap a pinned release declares itself, when a source records it."""
    version = version_of(req)
    name = project(req)
    if version is None:
        return None
    if name in ("tensorflow-cpu", "tensorflow-gpu"):
        name = "tensorflow"
    return _KNOWN_CAPS.get((name, f"{version.major}.{version.minor}"))


class NumpyAbi:
    """Compiled packages held below their first NumPy-2 release next to NumPy 2, and reverse."""

    id = "numpy-abi"
    category = "numpy-abi"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        for _env, reqs in each_env(ctx.snapshot):
            numpy = next((r for r in reqs if project(r) == "numpy"), None)
            spec = _spec(numpy)
            allows2 = bool(_admits(spec, _NUMPY2))
            forces2 = numpy is not None and allows2 and not _admits(spec, _NUMPY1)
            for req in reqs:
                if req is numpy:
                    continue
                if allows2:
                    yield from self._old_package(ctx.kb, req, numpy, forces2)
                if numpy is not None:
                    yield from self._needs_numpy2(ctx.kb, req, numpy, spec)

    def _old_package(
        self, kb: KnowledgeBase, req: Requirement, numpy: Requirement | None, forces2: bool
    ) -> Iterator[Finding]:
        row = kb.numpy2_package(project(req))
        first = kb.numpy2_first_release(project(req))
        if row is None or first is None or row.confidence not in ("high", "medium"):
            return
        if not _held_below(req, first):
            return
        cap = _known_cap(req)
        if cap is not None and not forces2:
            return  # its own numpy<2 makes the resolver pick NumPy 1.x
        held = (
            f"{req.raw.strip()} is held below {first}, the first {row.key} release whose wheels "
            f"work with NumPy 2"
        )
        if forces2 and numpy is not None:
            severity = Severity.ERROR
            if cap is not None:
                outcome = (
                    f"it declares {cap[0]} in its own metadata and {numpy.raw.strip()} asks for "
                    f"NumPy 2: the install fails to resolve."
                )
            else:
                outcome = (
                    f"{numpy.raw.strip()} asks for NumPy 2: the install fails to resolve if that "
                    f"release declares numpy<2 in its own metadata (the KB does not record "
                    f"whether it does), and otherwise {_BROKEN}."
                )
        else:
            severity = Severity.WARNING
            numpy_part = (
                "nothing in this environment holds NumPy below 2"
                if numpy is None
                else f"{numpy.raw.strip()} admits NumPy 2"
            )
            outcome = (
                f"{numpy_part}. The resolver installs NumPy 1.x only if that release declares "
                f"numpy<2 in its own metadata (the KB does not record whether it does); if it "
                f"picks NumPy 2, {_BROKEN}."
            )
        evidence = [f"KB numpy2_abi.json: {row.key} first NumPy-2 release {first} ({row.evidence})"]
        if row.notes:
            evidence.append(row.notes)
        if cap is not None:
            evidence.append(f"{req.name} {cap[0]}: {cap[1]}")
        yield finding(
            self,
            f"{held}, and {outcome}" if cap is None else f"{held}; {outcome}",
            req.location,
            package=req.name,
            fix=f"{req.name}>={first}  # or hold numpy<2",
            evidence=evidence,
            severity=severity,
            fingerprint=f"old:{req.name}",
        )

    def _needs_numpy2(
        self, kb: KnowledgeBase, req: Requirement, numpy: Requirement, spec: SpecifierSet | None
    ) -> Iterator[Finding]:
        version = version_of(req)
        if version is None:
            return
        needed = kb.numpy_requirement(project(req), version)
        if needed is None:
            return
        try:
            wanted = SpecifierSet(needed)
        except InvalidSpecifier:
            return
        both = [v for v in _admits(spec, (*_NUMPY1, *_NUMPY2)) if wanted.contains(v)]
        if both:
            return
        yield finding(
            self,
            f"{req.raw.strip()} requires numpy{needed} but {numpy.raw.strip()} excludes it: "
            f"the install cannot resolve.",
            numpy.location,
            package="numpy",
            fix=f"numpy{needed}  # or an older {req.name} that supports NumPy 1",
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"KB: {req.name} {version.public} requires numpy{needed}",
            ),
            fingerprint=f"needs2:{req.name}",
        )


RULES: tuple[Rule, ...] = (NumpyAbi(),)
