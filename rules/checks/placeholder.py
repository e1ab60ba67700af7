"""A PyPI requirement on a placeholder project whose releases refuse to install.

ML requirement files name ``pytorch`` (the PyPI project is a placeholder whose releases raise
"The package named for PyTorch is torch"), ``skimage`` (a placeholder for scikit-image),
``sklearn`` (deprecated: every release after 0.0 raises since 2023-12-01) and
``tensorflow-gpu`` (2.12.0 raises "has been removed").
FlagOpen/FlagData@7f3bc17:requirements.txt pinned ``pytorch==2.0.1`` beside ``torch==2.1.1``:
FlagOpen/FlagData#12 ``No matching distribution found for pytorch==2.0.1``. Facts:
rules/kb/data/pypi_placeholders.json (rules/kb/placeholders.py).

An error when the release pip and uv choose refuses or none exists: every admitted release
refuses, the requirement admits no release at all (``pytorch==2.0.1``), or the newest one
it admits refuses (an unpinned ``sklearn`` or ``tensorflow-gpu``: pip and uv take the newest
release and stop when its build fails; a warning when the file passes ``--only-binary`` or
``--prefer-binary``, which may pick an older wheel). A warning for a release that installs
but only pulls in the real project (``sklearn==0.0``). Only PyPI requirements of
requirements files, pyproject dependencies, setup.cfg / setup.py install_requires (Project-
MONAI/MONAILabel #1092 added ``sklearn`` to both requirements.txt and setup.cfg), conda
``pip:`` blocks, pixi's PyPI dependencies, and the pip installs of Dockerfiles, CI workflows
and tox environments: a conda ``pytorch`` package is the real PyTorch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.fixes import finding
from rules.checks.support.packages import environments_of, files_of
from rules.findings import Finding, Severity
from rules.kb.placeholders import Placeholder, placeholder
from rules.manifests.model import (
    Ecosystem,
    FactKind,
    FileKind,
    ManifestFile,
    Requirement,
    Snapshot,
)

#: Files whose PyPI requirements pip or uv install by name.
_KINDS = frozenset(
    {
        FileKind.REQUIREMENTS,
        FileKind.PYPROJECT,
        FileKind.SETUP_CFG,
        FileKind.SETUP_PY,
        FileKind.CONDA,
        FileKind.PIXI,
        FileKind.DOCKERFILE,
        # benedekrozemberczki/pytorch_geometric_temporal 2bd4e5d: a workflow's `python -m pip
        # install pytorch==1.11.0`, fixed to torch==1.11.0 six minutes later (4c8f670)
        FileKind.WORKFLOW,
        FileKind.TOX,
    }
)


def _admitted(req: Requirement, project: Placeholder) -> tuple[Version, ...] | None:
    """The releases the requirement admits, oldest first (pre-releases as pip admits them);
    None when the specifier cannot be read."""
    text = req.specifier.strip()
    try:
        spec = SpecifierSet(text)
    except InvalidSpecifier:
        return None
    return tuple(sorted(spec.filter(project.releases)))


def _binary_option(manifest: ManifestFile) -> str | None:
    values = {f.value for f in manifest.facts if f.kind == FactKind.PIP_OPTION}
    for option in ("--only-binary", "--prefer-binary"):
        if option in values:
            return option
    return None


def _real_one(
    snapshot: Snapshot, req: Requirement, manifest: ManifestFile, use: str
) -> Requirement | None:
    """A requirement on the real project installed into the same environment."""
    envs = set(environments_of(req, manifest))
    for other in snapshot.requirements():
        if other.name != use or other.ecosystem != Ecosystem.PYPI or other.is_constraint:
            continue
        other_manifest = snapshot.files.get(other.location.file)
        if other_manifest is None:
            continue
        if envs & set(environments_of(other, other_manifest)):
            return other
    return None


def _listed(versions: Iterable[Version]) -> str:
    return ", ".join(str(v) for v in versions)


class PlaceholderPackage(StaticRule, id="placeholder-package", severity=Severity.ERROR):
    """A requirement on a PyPI placeholder project (``pytorch``, ``sklearn``, ``tensorflow-gpu``)
    that cannot install."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A finding per placeholder requirement that fails, or installs only as a shim."""
        for _, manifest in files_of(ctx.snapshot, _KINDS):
            yield from self._file(ctx.snapshot, manifest)

    def _file(self, snapshot: Snapshot, manifest: ManifestFile) -> Iterator[Finding]:
        for req in manifest.requirements:
            if req.ecosystem != Ecosystem.PYPI or req.is_constraint or req.url or req.index:
                continue
            project = placeholder(req.name)
            if project is None:
                continue
            admitted = _admitted(req, project)
            if admitted is None:
                continue
            found = self._judge(snapshot, manifest, req, project, admitted)
            if found is not None:
                yield found

    def _judge(
        self,
        snapshot: Snapshot,
        manifest: ManifestFile,
        req: Requirement,
        project: Placeholder,
        admitted: tuple[Version, ...],
    ) -> Finding | None:
        refusing = set(project.refusing)
        raw = req.raw.strip()
        severity = Severity.ERROR
        if not admitted:
            what = (
                f"{project.name} has no release matching `{req.specifier}` (its releases: "
                f"{_listed(project.releases)}"
                + (", all of which refuse to install)" if not project.installing else ")")
            )
        elif all(v in refusing for v in admitted):
            what = f"every release it admits ({_listed(admitted)}) refuses to install"
        elif admitted[-1] in refusing:
            option = _binary_option(manifest)
            what = (
                f"pip and uv take the newest release it admits, {admitted[-1]}, which refuses "
                "to install (they do not fall back to an older release when a build fails)"
            )
            if option is not None:
                severity = Severity.WARNING
                what += f"; `{option}` may pick an older wheel instead"
        elif admitted[-1] in project.shims:
            severity = Severity.WARNING
            what = (
                f"{project.name} {admitted[-1]} still installs, but only pulls in "
                f"`{project.use}`: a deprecated name"
            )
        else:
            return None
        real = _real_one(snapshot, req, manifest, project.use)
        fix = self._fix(req, project, real)
        failing = severity == Severity.ERROR and "deprecated name" not in what
        reason = project.reason[0].upper() + project.reason[1:]
        text = f"{raw}: {what}. {reason}." + (
            f" Installing this file fails: use `{project.use}`." if failing else ""
        )
        evidence = [f"{req.location.file}:{req.location.line}: {raw}", *project.sources]
        if real is not None:
            evidence.append(f"{real.location.file}:{real.location.line}: {real.raw.strip()}")
        return finding(
            self,
            text,
            req.location,
            package=req.name,
            fix=fix,
            evidence=evidence,
            severity=severity,
            fingerprint=f"placeholder:{project.name}{req.specifier}",
        )

    @staticmethod
    def _fix(req: Requirement, project: Placeholder, real: Requirement | None) -> str:
        if real is not None:
            where = (
                f"line {real.location.line}"
                if real.location.file == req.location.file
                else f"{real.location.file}:{real.location.line}"
            )
            how = "pinned" if real.specifier else "listed"
            return (
                f"remove `{req.raw.strip()}`: use `{project.use}` "
                f"(already {how} at {where}: `{real.raw.strip()}`)"
            )
        if project.same_versions and req.specifier:
            return f"{project.use}{req.specifier}"
        return project.use


RULES: tuple[Rule, ...] = (PlaceholderPackage(),)
