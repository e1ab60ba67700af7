"""system-library-missing: a Docker build pip-installs a source-only package whose library the
image lacks.

GDAL's Python bindings, PyAudio, mysqlclient, pycairo, python-ldap (and psycopg2 since 2.8,
pygraphviz before 2.0) publish no Linux wheel: pip builds their sdist, which compiles against
a system library's headers (`rules.kb.system_libraries`). ESA-PhiLab/sarpyx 379acef added
``GDAL==3.11.0`` to pyproject.toml while its Dockerfile (``FROM ubuntu:22.04``, then
``pip install -e .``) installed no libgdal-dev; the image build stopped, and 7cbd5ff (#9)
"Install GDAL system dependencies before Python package build" fixed it the next day.

Certain (error) when a Dockerfile stage installs the requirement (its own RUN, or a file it
installs: ``pip install -e .``, ``-r requirements.txt``, ``uv sync``), the root of the stage's
FROM chain is an image known not to carry the library (``ubuntu``, ``debian``, ``nvidia/cuda``,
``pytorch/pytorch``, the official ``python`` slim and alpine images, and the full ``python``
image for libraries buildpack-deps lacks), and no OS package or conda package of the stage (or
the stages it is built FROM) is one that installs it. An unknown or derived image (osgeo/gdal,
a company base image) may carry it: not judged. CI jobs and files no Dockerfile installs are
not judged (a runner or a developer machine may have the library), nor is an environment that
names another index or a find-links page (one may serve a wheel: girder's large_image_wheels
has GDAL's), nor a stage that copies from another stage or image (``COPY --from=builder
/wheels``: the wheels an earlier stage built with the library). A RUN that calls a script
depreview cannot read is not seen (the same known limit as the compiler check). Pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.compilers import stage_requirements, stage_root
from rules.checks.support.environments import each_env, project
from rules.checks.support.evidence import installing_stages
from rules.checks.support.fixes import finding_at
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.markers import installed_on
from rules.checks.support.versions import fresh_pick
from rules.findings import Finding, Severity
from rules.kb import release_lists
from rules.kb.system_libraries import SystemLibrary, system_library
from rules.manifests.images import parse_image_ref
from rules.manifests.model import (
    DockerStage,
    Ecosystem,
    FileKind,
    ManifestFile,
    Requirement,
    Snapshot,
)

#: Docker Hub images that carry none of the libraries (their stock package sets).
_BARE = frozenset({"ubuntu", "debian", "nvidia/cuda", "pytorch/pytorch"})
_LOCKS = frozenset({FileKind.UV_LOCK, FileKind.POETRY_LOCK, FileKind.PYLOCK, FileKind.CONDA_LOCK})


def image_lacks(image: str, row: SystemLibrary) -> str | None:
    """What `image` is, when it certainly lacks `row`'s library (None: it may carry it)."""
    ref = parse_image_ref(image)
    if ref is None:
        return None
    repository = ref.repository
    if ref.registry is not None and (ref.registry, repository) != ("nvcr.io", "nvidia/cuda"):
        return None  # another registry's image (NGC's CUDA images are NVIDIA's own)
    if repository in _BARE:
        return f"{image} (a stock {repository} image)"
    if repository != "python":
        return None
    tag = (ref.tag or "").lower()
    if "slim" in tag or "alpine" in tag:
        return f"{image} (the official python {'alpine' if 'alpine' in tag else 'slim'} image)"
    if row.full_python_lacks:
        return (
            f"{image} (the official python image: its buildpack-deps base has no "
            f"{row.package} library)"
        )
    return None


def _provided(snapshot: Snapshot, stage: DockerStage, row: SystemLibrary) -> bool:
    """Whether the stage (or the stages it is built FROM) installs a package that brings the
    library: an OS package, or a conda package of the stage's environment."""
    if any(row.providers.search(p.name) for p in stage.system_packages):
        return True
    return any(
        req.ecosystem == Ecosystem.CONDA and row.providers.search(req.name)
        for req in stage_requirements(snapshot, stage)
    )


def _builds(req: Requirement, row: SystemLibrary) -> bool:
    """Whether the release pip installs for `req` is built from its sdist on Linux (for a
    range: its newest admitted release the KB's release lists know; none known: not judged)."""
    if not str(row.sdist_only):
        return True
    picked = fresh_pick(req, release_lists.releases(row.package))
    return picked is not None and row.builds(picked)


class SystemLibraryMissing(StaticRule, id="system-library-missing", severity=Severity.ERROR):
    """A source-only package pip builds in a Docker image without its system library."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per (requirement line, image) where the build certainly fails."""
        seen: set[tuple[str, str, str]] = set()
        candidates: list[tuple[bool, Requirement, SystemLibrary, ManifestFile, DockerStage]] = []
        for env, reqs in each_env(ctx.snapshot, together=False):
            if pip_indexes_for(ctx.snapshot, env):
                continue  # a find-links page or another index may serve a wheel (GDAL's are
                # on girder's large_image_wheels)
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.is_constraint:
                    continue
                row = system_library(project(req))
                if row is None or not installed_on(req, ("linux_x86_64",)):
                    continue
                source = ctx.snapshot.files.get(req.location.file)
                lock = source is not None and source.kind in _LOCKS
                for manifest, stage in installing_stages(ctx.snapshot, env):
                    candidates.append((lock, req, row, manifest, stage))
        for _, req, row, manifest, stage in sorted(candidates, key=lambda c: c[0]):
            key = (manifest.path, stage.within or stage.label, row.package)
            if key in seen or stage.copies_from or not _builds(req, row):
                continue  # `COPY --from` may bring wheels an earlier stage built
            root = stage_root(manifest, stage)
            what = image_lacks(root.base, row)
            if what is None or _provided(ctx.snapshot, stage, row):
                continue
            seen.add(key)
            base_at = root.location
            yield finding_at(
                self,
                f"{req.raw.strip()}: {row.package} publishes no Linux wheel for this release, "
                f"so pip builds its sdist, which needs {row.library}; the Docker stage that "
                f"installs it ({manifest.path}:{stage.location.line}) is built on {what}, "
                f"and none of its RUN lines installs that library: the build stops.",
                req.location,
                package=row.package,
                fix=f"RUN {row.install}  # in {manifest.path}, before the pip install",
                evidence=(
                    f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                    f"{manifest.path}:{base_at.line}: FROM {root.base}",
                    *row.sources,
                ),
                fingerprint=f"{req.location.file}:{row.package}:system-library:{manifest.path}",
                also_at=(base_at,) if base_at.file != req.location.file else (),
            )


RULES: tuple[Rule, ...] = (SystemLibraryMissing(),)
