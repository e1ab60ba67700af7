"""musl-no-distribution: a Docker stage on Alpine (musl libc) installs a project that has no
musllinux wheel and no sdist (`rules.kb.musl_wheels`), directly or as a dependency that a
recorded release's own metadata requires (one hop: faster-whisper → ctranslate2,
onnxruntime). pip finds no distribution it may install and stops: "No matching distribution
found for ctranslate2". Real case: McCloudS/subgen e0214ba (``FROM python:3.11-alpine`` for
a requirements.txt with faster-whisper), reverted in c715f81.

The image is Alpine when it is ``alpine`` or an official ``python`` image whose tag names
alpine. Not judged where another index or a find-links page may serve the project (a private
musl build). Category python-version-incompatible: the platform the stage's Python runs on has
no wheel. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.markers import UndefinedComparison, UndefinedEnvironmentName
from packaging.requirements import Requirement as DistRequirement
from packaging.utils import canonicalize_name

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.compilers import stage_root
from rules.checks.support.environments import each_env, project
from rules.checks.support.evidence import installing_stages
from rules.checks.support.fixes import finding_at
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.markers import installed_on
from rules.checks.support.versions import fresh_pick
from rules.findings import Finding, Severity
from rules.kb.musl_wheels import READ_ON, has_no_musl_distribution
from rules.kb.requires_dist import RequiresRow, load_requires_dist
from rules.manifests.images import parse_image_ref
from rules.manifests.model import DockerStage, Ecosystem, Requirement

_LINUX = ("linux_x86_64",)


def alpine_image(image: str) -> bool:
    """Whether `image` is an Alpine (musl libc) image: ``alpine:3.20`` or an official
    ``python:3.11-alpine`` / ``python:3.12-alpine3.20``."""
    ref = parse_image_ref(image)
    if ref is None or ref.registry is not None:
        return False
    tag = (ref.tag or "").lower()
    return ref.repository == "alpine" or (ref.repository == "python" and "alpine" in tag)


def _release(req: Requirement) -> RequiresRow | None:
    """The recorded release pip picks for `req`: its pin, else the newest recorded release
    the range admits (None: not recorded, or nothing admitted)."""
    recorded = load_requires_dist()
    picked = fresh_pick(req, recorded.releases(project(req)))
    return None if picked is None else recorded.release(project(req), picked)


def _on_linux(dependency: DistRequirement) -> bool:
    """Whether a Requires-Dist line applies to a plain Linux install (no extra asked)."""
    if dependency.marker is None:
        return True
    try:
        return bool(
            dependency.marker.evaluate({"sys_platform": "linux", "platform_system": "Linux"})
        )
    except (UndefinedComparison, UndefinedEnvironmentName, ValueError, TypeError):
        return False


def missing(req: Requirement) -> Iterator[tuple[str, str]]:
    """(project, how it is needed) for each project with no musl distribution that `req`
    installs: itself, or a dependency its picked release requires."""
    name = project(req)
    if has_no_musl_distribution(name):
        yield name, f"{req.raw.strip()} names it"
        return
    row = _release(req)
    if row is None:
        return
    for dependency in row.requires:
        dep = str(canonicalize_name(dependency.name))
        if has_no_musl_distribution(dep) and _on_linux(dependency):
            yield dep, f"{name} requires it ({row.source(dependency)})"


class MuslNoDistribution(StaticRule, id="musl-no-distribution", severity=Severity.ERROR):
    """A project with no musllinux wheel and no sdist installed in an Alpine image."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per (requirement line, project, Dockerfile) where pip finds nothing."""
        seen: set[tuple[str, int, str, str]] = set()
        for env, reqs in each_env(ctx.snapshot, together=False):
            if pip_indexes_for(ctx.snapshot, env):
                continue  # another index or a find-links page may serve a musl build
            stages = [
                (manifest, stage, root)
                for manifest, stage in installing_stages(ctx.snapshot, env)
                if alpine_image((root := stage_root(manifest, stage)).base)
            ]
            if not stages:
                continue
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.is_constraint:
                    continue
                if not installed_on(req, _LINUX):
                    continue
                for name, how in missing(req):
                    for manifest, stage, root in stages:
                        key = (req.location.file, req.location.line, name, manifest.path)
                        if key in seen:
                            continue
                        seen.add(key)
                        yield self._finding(
                            req, name, how, manifest.path, stage.location.line, root
                        )

    def _finding(
        self, req: Requirement, name: str, how: str, path: str, line: int, root: DockerStage
    ) -> Finding:
        base, base_at = root.base, root.location
        return finding_at(
            self,
            f"{req.raw.strip()}: {name} publishes no musllinux wheel and no sdist on PyPI (no "
            f"release has one), and the Docker stage that installs it ({path}:{line}) is built "
            f"on {base}, an Alpine (musl libc) image: pip finds no distribution it may install "
            f"and stops with 'No matching distribution found for {name}' ({how}).",
            req.location,
            package=name,
            fix=f"# in {path}: a glibc image instead of {base} (python:X.Y-slim, not -alpine)",
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"{path}:{base_at.line}: FROM {base}",
                f"the index's file lists for {name}, read on {READ_ON}: no musllinux wheel, no "
                "sdist",
            ),
            fingerprint=f"{req.location.file}:{name}:musl:{path}",
            also_at=(base_at,) if base_at.file != req.location.file else (),
        )


RULES: tuple[Rule, ...] = (MuslNoDistribution(),)
