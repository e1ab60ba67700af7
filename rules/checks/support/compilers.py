"""Whether the Dockerfile stage that installs an environment certainly has no C compiler (pure).

pip builds an sdist when a release has no wheel for the Python; a compiled package's sdist
then needs gcc / g++. A stage is judged to certainly lack one when:

- its image (the root of its ``FROM`` chain) is an official ``python`` image of the ``slim``
  or ``alpine`` variants (Docker Hub's python image notes: ``slim`` "only contains the
  minimal Debian packages needed to run python"; ``alpine`` is built on Alpine's minimal
  base) or a CUDA / PyTorch ``runtime`` image (``nvidia/cuda:*-runtime-*`` carries the CUDA
  runtime libraries only, ``-devel`` the compilers; ``pytorch/pytorch:*-runtime`` likewise),
  or an AWS Lambda Python base image (``public.ecr.aws/lambda/python``,
  ``amazon/aws-lambda-python``: a minimal Amazon Linux; nationalarchives/ds-caselaw-data-
  enrichment-service #645, "There appear to be no compilers in this docker image, so numpy
  cannot be built from source", on ``lambda/python:3.13``);
- and no RUN of the stage (or of the stages it is built FROM) installs a compiler or anything
  that may bring one: gcc / g++ / clang / build-essential / build-base and kin, packages
  that depend on a compiler (gfortran, libtool, cargo, dkms, node-gyp, npm), an
  ``apt-get install`` that also installs Recommends (Debian's python3-pip recommends
  build-essential; unverified for every release), or a conda compiler package.

Anything else (a full ``python:3.14`` image, a ``-devel`` image, an unknown base, a compiler
installed anywhere in the stage) is "a compiler may be there": the caller warns instead.
A RUN that calls a script depreview cannot read is not seen (a known limit).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rules.checks.support.evidence import installing_stages
from rules.manifests.images import parse_image_ref
from rules.manifests.model import DockerStage, ManifestFile, Requirement, Snapshot

#: OS / conda packages that are, or bring, a C or C++ compiler.
_COMPILERS = re.compile(
    r"^(?:gcc|g\+\+|cc|c\+\+|clang|gfortran|tcc)(?:-[\d.]+)?$"
    r"|^(?:build-essential|build-base|alpine-sdk|gcc-c\+\+|gcc-gfortran|libtool|cargo|rustc"
    r"|dkms|node-gyp|npm|development tools|@development-tools|@development)$"
    r"|^(?:gxx|compilers|c-compiler|cxx-compiler|(?:gcc|gxx|clang)_linux-64)$",
    re.IGNORECASE,
)
_SLIM_TAG = re.compile(r"(?:^|-)(?:slim|alpine)(?:$|[-.\d])")
_RUNTIME_REPOS = frozenset({"nvidia/cuda", "pytorch/pytorch"})


@dataclass(frozen=True, slots=True)
class NoCompiler:
    """Why a stage has no compiler: its image and what the image is."""

    image: str
    why: str
    file: str
    line: int

    def describe(self) -> str:
        """`python:3.14-slim (Dockerfile:16) has no C compiler and no RUN installs one`."""
        return (
            f"{self.image} ({self.file}:{self.line}) {self.why}, and no RUN of the stage "
            "installs one"
        )


def stage_root(manifest: ManifestFile, stage: DockerStage) -> DockerStage:
    """The first stage of `stage`'s FROM chain (the one built on an image)."""
    by_label = {s.label: s for s in manifest.stages}
    seen = {stage.label}
    while stage.parent is not None and stage.parent in by_label and stage.parent not in seen:
        stage = by_label[stage.parent]
        seen.add(stage.label)
    return stage


def image_without_compiler(image: str) -> str | None:
    """What makes `image` compiler-less (``python:3.14-slim``), None when it may have one."""
    ref = parse_image_ref(image)
    if ref is None or ref.tag is None:
        return None
    tag = ref.tag.lower()
    if ref.registry is None and ref.repository == "python" and _SLIM_TAG.search(tag):
        variant = "alpine" if "alpine" in tag else "slim"
        return f"is the official python {variant} image, which has no C compiler"
    repository = ref.repository.removeprefix("nvidia/") if ref.registry == "nvcr.io" else ""
    if (ref.repository in _RUNTIME_REPOS or repository == "cuda") and "runtime" in tag:
        return "is a runtime image (no compiler; the -devel images carry it)"
    lambda_image = (ref.registry == "public.ecr.aws" and ref.repository == "lambda/python") or (
        ref.registry is None and ref.repository == "amazon/aws-lambda-python"
    )
    if lambda_image:
        return "is an AWS Lambda base image, which has no C compiler (dnf or yum installs gcc)"
    return None


def stage_requirements(snapshot: Snapshot, stage: DockerStage) -> Iterator[Requirement]:
    """The requirements the stage's own RUN lines install (pip or conda, by name)."""
    for manifest in snapshot.files.values():
        for req in manifest.requirements:
            if req.environment in (stage.label, stage.within):
                yield req


def may_install_compiler(snapshot: Snapshot, stage: DockerStage) -> bool:
    """Whether a RUN of the stage (or its parents) installs, or may install, a compiler."""
    for package in stage.system_packages:
        if package.recommends or _COMPILERS.match(package.name):
            return True
    return any(_COMPILERS.match(req.name) for req in stage_requirements(snapshot, stage))


def no_compiler(snapshot: Snapshot, env: str, file: str, line: int) -> NoCompiler | None:
    """Why the stage(s) installing `env` whose Python evidence is at `file:line` certainly
    lack a compiler; None when one may be there (or no such stage is known)."""
    found: list[NoCompiler] = []
    for manifest, stage in installing_stages(snapshot, env):
        at = stage.python_at
        if manifest.path != file or at is None or at.line != line:
            continue
        root = stage_root(manifest, stage)
        why = image_without_compiler(root.base)
        if why is None or may_install_compiler(snapshot, stage):
            return None
        found.append(NoCompiler(root.base, why, manifest.path, root.location.line))
    return found[0] if found else None
