"""Dependency hygiene: parse errors, unpinned frameworks, dev tools in production, missing locks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.checks.base import RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.checks.support.packages import (
    DECLARING_KINDS,
    FRAMEWORKS,
    environments_of,
    files_of,
    folder,
    has_lock_beside,
    is_dev_path,
    is_dev_tool,
    is_exact,
    is_library,
    is_production,
    locked_names_beside,
)
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.manifests.model import Ecosystem, FileKind, ManifestFile, Requirement, Snapshot

#: Operators that put an upper bound on a version.
_UPPER = frozenset({"<", "<=", "==", "~=", "==="})

#: Names that are not packages in the usual sense (conda's interpreter, pip itself).
_NOT_PACKAGES = frozenset({"python", "pip", "setuptools", "wheel"})


class ParseErrorRule(StaticRule, id="parse-error", severity=Severity.ERROR):
    """Passes the parsers' `parse-error` findings through unchanged."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Every snapshot-level and file-level parse error."""
        return tuple(ctx.snapshot.parse_errors())


def _exact_names(snapshot: Snapshot) -> dict[str, set[str]]:
    """Per environment, the package names some requirement or constraint pins exactly."""
    names: dict[str, set[str]] = defaultdict(set)
    for manifest in snapshot.files.values():
        for req in manifest.requirements:
            if is_exact(req):
                for env in environments_of(req, manifest):
                    names[env].add(req.name)
    return names


def _application_requirements(snapshot: Snapshot) -> Iterable[tuple[ManifestFile, Requirement]]:
    """Production requirements of applications (libraries' pyprojects are exempt)."""
    for path, manifest in files_of(snapshot, DECLARING_KINDS):
        if is_library(manifest, snapshot):
            continue
        for req in manifest.requirements:
            if req.location.file == path and is_production(req) and not req.url:
                yield manifest, req


def _is_pinned(
    manifest: ManifestFile, req: Requirement, snapshot: Snapshot, exact: dict[str, set[str]]
) -> bool:
    compiled = _compiled_output(req.location.file)
    return (
        is_exact(req)
        or any(req.name in exact.get(env, set()) for env in environments_of(req, manifest))
        or req.name in locked_names_beside(req.location.file, snapshot)
        or (compiled in snapshot.files and req.name in exact.get(compiled, set()))
    )


def _unpinned(snapshot: Snapshot, wanted: Callable[[Requirement], bool]) -> Iterator[Requirement]:
    """The `wanted` production requirements of applications that neither their file, their
    environment nor a lock beside them pins exactly."""
    exact = _exact_names(snapshot)
    for manifest, req in _application_requirements(snapshot):
        if wanted(req) and not _is_pinned(manifest, req, snapshot, exact):
            yield req


def _unbounded_utility(req: Requirement) -> bool:
    """A utility (not a framework, an interpreter / packaging tool or a dev tool) with no
    upper bound."""
    return not (
        req.name in FRAMEWORKS
        or req.name in _NOT_PACKAGES
        or is_dev_tool(req.name)
        or _has_upper_bound(req)
    )


def _compiled_output(path: str) -> str:
    """pip-compile's output for an input file (`requirements.in` -> `requirements.txt`)."""
    return f"{path[:-3]}.txt" if path.endswith(".in") else ""


def _lower_bound(req: Requirement) -> str | None:
    try:
        spec = SpecifierSet(req.specifier)
    except InvalidSpecifier:
        return None
    for clause in spec:
        if clause.operator in (">=", "~=", "==") and "*" not in clause.version:
            return clause.version
    return None


class UnpinnedFrameworkRule(StaticRule, id="unpinned-framework", severity=Severity.WARNING):
    """An ML framework not pinned exactly (`==`) in an application's production file."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A warning per framework requirement that is not pinned by the file, env or a lock."""
        for req in _unpinned(ctx.snapshot, lambda req: req.name in FRAMEWORKS):
            version = _pin_suggestion(ctx.kb, req)
            op = "=" if req.ecosystem == Ecosystem.CONDA else "=="
            fix = f"{req.name}{op}{version}"
            allowed = f"`{req.specifier}`" if req.specifier else "any version"
            yield finding_at(
                self,
                f"{req.name} is an ML framework and {req.location.file} allows {allowed}: "
                f"a fresh install can pick a newer release with other CUDA builds, "
                f"changed numerics or removed APIs. Pin frameworks exactly in production.",
                req.location,
                package=req.name,
                fix=fix,
                evidence=(req.raw.strip(),),
                fingerprint=f"unpinned:{req.location.file}:{req.name}",
            )


def _pin_suggestion(kb: KnowledgeBase, req: Requirement) -> str:
    """The exact version to suggest: the lower bound when it names a patch, else the KB's
    latest torch patch of that minor that the specifier admits, else a placeholder."""
    lower = _lower_bound(req)
    try:
        bound = Version(lower) if lower is not None else None
    except InvalidVersion:
        bound = None
    if lower is None or bound is None or len(bound.release) < 2:
        return "<the version you tested>"
    if len(bound.release) >= 3:
        return lower
    minor = kb.torch_minor(bound) if req.name in ("torch", "pytorch") else None
    patches = [Version(p.torch) for p in minor.patches] if minor is not None else []
    try:
        spec = SpecifierSet(req.specifier)
    except InvalidSpecifier:
        spec = SpecifierSet()
    admitted = [p for p in patches if spec.contains(p, prereleases=True)]
    if admitted:
        return str(max(admitted))
    return f"{lower}.<patch you tested>"


def _has_upper_bound(req: Requirement) -> bool:
    try:
        spec = SpecifierSet(req.specifier)
    except InvalidSpecifier:
        return True  # the parser reports it; do not pile on
    return any(clause.operator in _UPPER for clause in spec)


class UnboundedDependencyRule(StaticRule, id="unbounded-dependency", severity=Severity.NOTICE):
    """Utilities in an application's production file with no upper bound (a notice per file)."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One notice per file listing its unbounded, unlocked utility requirements."""
        by_file: dict[str, list[Requirement]] = defaultdict(list)
        for req in _unpinned(ctx.snapshot, _unbounded_utility):
            by_file[req.location.file].append(req)
        for path, reqs in sorted(by_file.items()):
            first = reqs[0]
            names = ", ".join(r.name for r in reqs)
            yield finding_at(
                self,
                f"{path}: {len(reqs)} production requirement(s) without an upper bound and "
                f"without a lock: {names}. The next major release installs on its own.",
                first.location,
                package=first.name if len(reqs) == 1 else None,
                fix="\n".join(f"{r.name}{_bounded(r)}" for r in reqs),
                evidence=tuple(r.raw.strip() for r in reqs),
                fingerprint=f"unbounded:{path}",
            )


def _bounded(req: Requirement) -> str:
    lower = _lower_bound(req)
    if lower is None:
        return ">=<tested version>,<next major version>"
    major = lower.split(".", 1)[0]
    if major.isdigit():
        return f">={lower},<{int(major) + 1}"
    return f">={lower}"


class DevDependencyInProductionRule(
    StaticRule, id="dev-dependency-in-production", severity=Severity.WARNING
):
    """Test, lint and notebook tools among production requirements."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A finding per dev tool in a production file (a notice in conda environments)."""
        for path, manifest in files_of(ctx.snapshot, DECLARING_KINDS):
            for req in manifest.requirements:
                if req.location.file != path or not is_production(req):
                    continue
                if not is_dev_tool(req.name):
                    continue
                conda = manifest.kind == FileKind.CONDA
                yield finding_at(
                    self,
                    f"{req.name} is a development tool, listed among the production "
                    f"requirements of {path}: every deployment installs it (and its "
                    f"dependencies, which then constrain the real ones).",
                    req.location,
                    package=req.name,
                    fix=_dev_fix(manifest, req),
                    evidence=(req.raw.strip(),),
                    severity=Severity.NOTICE if conda else self.default_severity,
                    fingerprint=f"dev-in-prod:{path}:{req.name}",
                )


def _dev_fix(manifest: ManifestFile, req: Requirement) -> str:
    if manifest.kind == FileKind.PYPROJECT:
        return f'[dependency-groups]\ndev = ["{req.raw.strip()}"]'
    if manifest.kind == FileKind.CONDA:
        return f"# environment-dev.yml\n- {req.raw.strip()}"
    return f"# requirements-dev.txt\n-r requirements.txt\n{req.raw.strip()}"


class NoLockfileRule(StaticRule, id="no-lockfile", severity=Severity.NOTICE):
    """Production requirements with no lock or freeze: transitive versions drift."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A notice per production file with loose requirements and no lock beside it."""
        snapshot = ctx.snapshot
        exact = _exact_names(snapshot)
        frozen_folders = _frozen_folders(snapshot, exact)
        for path, manifest in files_of(snapshot, DECLARING_KINDS):
            if (
                is_dev_path(path)
                or is_library(manifest, snapshot)
                or has_lock_beside(path, snapshot)
            ):
                continue
            reqs = [
                r
                for r in manifest.requirements
                if r.location.file == path and is_production(r) and r.name not in _NOT_PACKAGES
            ]
            if not reqs or folder(path) in frozen_folders:
                continue
            first = reqs[0]
            yield finding_at(
                self,
                f"{path} declares {len(reqs)} production requirement(s) and nothing records "
                f"the full resolved set (no lock file, no fully pinned freeze): their "
                f"transitive dependencies drift from install to install.",
                first.location,
                fix=_lock_fix(manifest),
                fingerprint=f"no-lockfile:{path}",
            )


def _frozen_folders(snapshot: Snapshot, exact: dict[str, set[str]]) -> set[str]:
    """Folders holding a requirements file whose every requirement is pinned exactly."""
    folders = set()
    for path, manifest in files_of(snapshot, {FileKind.REQUIREMENTS}):
        reqs = [r for r in manifest.requirements if r.name not in _NOT_PACKAGES]
        pinned = exact.get(path, set())
        if reqs and all(is_exact(r) or r.name in pinned for r in reqs):
            folders.add(folder(path))
    return folders


def _lock_fix(manifest: ManifestFile) -> str:
    if manifest.kind == FileKind.PYPROJECT:
        return "uv lock   # commit uv.lock (or: poetry lock)"
    if manifest.kind == FileKind.CONDA:
        return f"conda-lock -f {manifest.path} -p linux-64"
    return f"uv pip compile {manifest.path} -o requirements.lock.txt"


RULES = (
    ParseErrorRule(),
    UnpinnedFrameworkRule(),
    UnboundedDependencyRule(),
    DevDependencyInProductionRule(),
    NoLockfileRule(),
)
