"""The CUDA an environment declares: base images, ``# CUDA:`` notes, conda selectors, config.

- A Dockerfile's CUDA is its final stage's CUDA (the CUDA fact on the highest line).
  When every Dockerfile of the repository agrees, that CUDA applies to every environment
  (a repository with one image deploys its requirements in it). When Dockerfiles disagree,
  an environment takes the CUDA of the Dockerfiles in its own folder or the nearest parent
  folder, and none when those disagree too. A CI job's own environment (the packages its
  steps install by name) takes none: it installs on the job's runner, not in the image
  (open-mmlab/mmaction2's ``torch==1.8.1+cpu`` test jobs were read as needing the CUDA of
  its images); nor does a file only Read the Docs installs (its docs build).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from rules.checks.support.environments import (
    docs_only,
    env_root,
    is_job_environment,
    spec_version,
)
from rules.config import RepoConfig
from rules.kb.cudaver import major_minor
from rules.manifests.conda import build_cuda
from rules.manifests.model import Ecosystem, Fact, FactKind, FileKind, Requirement, Snapshot, Span

_NVIDIA_CUDA_IMAGE = re.compile(r"(?:^|/)nvidia/cuda:(\d+\.\d+(?:\.\d+)?)")
_PYTORCH_IMAGE = re.compile(r"(?:^|/)pytorch/pytorch:[\w.]*?-cuda(\d+\.\d+)")

#: conda packages whose version names the CUDA line of an environment.
CONDA_CUDA_SELECTORS: tuple[str, ...] = (
    "pytorch-cuda",
    "cuda-version",
    "cudatoolkit",
    "cuda-toolkit",
    "cuda-runtime",
    "cuda-cudart",
    "cuda",
)

# -- CUDA the repository declares -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CudaDecl:
    """A CUDA version an environment declares: by base image, note, conda selector or config."""

    cuda: str
    how: str
    location: Span | None
    text: str

    def describe(self) -> str:
        """`CUDA 11.8 (nvidia/cuda:11.8.0-runtime-ubuntu22.04, Dockerfile:1)`."""
        where = f", {self.location.file}:{self.location.line}" if self.location else ""
        return f"CUDA {self.cuda} ({self.text}{where})"


def image_cuda(fact: Fact) -> str | None:
    """The CUDA of a base-image fact (nvidia/cuda:12.1.1-…, pytorch/pytorch:…-cuda12.1-…)."""
    for pattern in (_NVIDIA_CUDA_IMAGE, _PYTORCH_IMAGE):
        match = pattern.search(fact.value) or pattern.search(fact.detail)
        if match:
            return match.group(1)
    return None


def dockerfile_cuda(snapshot: Snapshot) -> dict[str, CudaDecl]:
    """Each Dockerfile's final-stage CUDA (the CUDA or decodable base image on its last line)."""
    finals: dict[str, CudaDecl] = {}
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        candidates: list[tuple[int, CudaDecl]] = []
        for fact in manifest.facts:
            cuda = None
            if fact.kind == FactKind.CUDA:
                cuda = fact.value
            elif fact.kind == FactKind.BASE_IMAGE:
                cuda = image_cuda(fact)
            if cuda and major_minor(cuda):
                text = fact.detail or fact.value
                candidates.append(
                    (fact.location.line, CudaDecl(cuda, "base image", fact.location, text))
                )
        if candidates:
            finals[path] = max(candidates, key=lambda c: c[0])[1]
    return finals


def image_cuda_for(snapshot: Snapshot, env: str) -> CudaDecl | None:
    """The Dockerfile CUDA that applies to environment `env` (see the module docstring)."""
    if is_job_environment(snapshot, env) or docs_only(snapshot, env):
        return None  # a CI job installs on its runner, a docs build on Read the Docs
    finals = dockerfile_cuda(snapshot)
    if not finals:
        return None
    folder = PurePosixPath(env_root(env)).parent
    for parent in (folder, *folder.parents):
        here = [d for path, d in finals.items() if PurePosixPath(path).parent == parent]
        if here:
            if len({major_minor(d.cuda) for d in here}) == 1:
                return here[0]  # the nearest Dockerfile, cited even when all of them agree
            return None
    if len({major_minor(d.cuda) for d in finals.values()}) == 1:
        return next(iter(finals.values()))
    return None


def declared_cuda(snapshot: Snapshot, env: str, reqs: Iterable[Requirement]) -> list[CudaDecl]:
    """CUDA versions `env` declares: `# CUDA:` notes, conda selectors, then the base image."""
    found: list[CudaDecl] = []
    root = env_root(env)
    selectors = conda_cuda(reqs)
    taken = {(d.location.file, d.location.line) for d in selectors if d.location}
    for fact in snapshot.facts(FactKind.CUDA):
        manifest = snapshot.files.get(fact.location.file)
        kind = manifest.kind if manifest is not None else None
        if kind == FileKind.DOCKERFILE or (fact.location.file, fact.location.line) in taken:
            continue
        if env_root(fact.environment or fact.location.file) == root and major_minor(fact.value):
            how = "conda build string" if kind == FileKind.CONDA else "note"
            found.append(CudaDecl(fact.value, how, fact.location, fact.detail or fact.value))
    found.extend(selectors)
    image = image_cuda_for(snapshot, env)
    if image is not None:
        found.append(image)
    return found


def conda_cuda(reqs: Iterable[Requirement]) -> list[CudaDecl]:
    """CUDA versions chosen by conda selector packages (pytorch-cuda=11.8, cuda-version=12)."""
    found = []
    for req in reqs:
        if req.ecosystem != Ecosystem.CONDA or req.name not in CONDA_CUDA_SELECTORS:
            continue
        cuda = spec_version(req.specifier) or (req.pinned or "")
        if major_minor(cuda):
            found.append(CudaDecl(cuda, req.name, req.location, req.raw.strip() or req.name))
    return found


#: conda packages whose build strings name the CUDA they are built for: the pytorch channel's
#: ``py3.9_cuda11.6_cudnn8.3.2_0`` / ``py35_cuda9.0.176_cudnn7.1.2_1`` and cuDNN's ``cuda8.0_0``
#: (their dependencies pin that CUDA's toolkit minor), conda-forge's ``cuda112py39h…_300``.
_BUILT_FOR_CUDA = ("pytorch", "cudnn")
#: conda-forge's build strings (``cuda112py39…``, ``cuda120_py310…``), not the pytorch channel's.
_FORGE_BUILD = re.compile(r"^cuda\d{2,3}_?py")


def conda_build_cuda(reqs: Iterable[Requirement]) -> list[CudaDecl]:
    """CUDA versions that conda build strings of pytorch / cudnn pins are built for (read as
    the conda parser reads them, `rules.manifests.conda.build_cuda`).

    A pytorch-channel build (``cuda9.0.176``, ``cuda11.6``) depends on that CUDA's toolkit
    minor; a conda-forge build (``cuda112py39…``) of CUDA 11.2 or newer accepts any 11.x toolkit
    from 11.2 on, so only its major is declared (``11``); older conda-forge builds name their
    minor.
    """
    found = []
    for req in reqs:
        if req.ecosystem != Ecosystem.CONDA or req.name not in _BUILT_FOR_CUDA or not req.build:
            continue
        cuda = build_cuda(req.build)
        version = major_minor(cuda) if cuda else None
        if cuda is None or version is None:
            continue
        if _FORGE_BUILD.match(req.build) and version >= (11, 2):
            cuda = str(version[0])
        found.append(CudaDecl(cuda, f"{req.name} build", req.location, req.raw.strip() or req.name))
    return found


def config_cuda(config: RepoConfig) -> list[str]:
    """The CUDA versions a repo config targets (``targets.cuda``)."""
    return [str(c) for c in config.targets.cuda]


# -- where a finding against an image belongs ---------------------------------------------------


def installed_by_image(snapshot: Snapshot, req: Requirement, image: Span | None) -> Span | None:
    """`image` (the base-image line a CUDA / cuDNN fact comes from) when that Dockerfile installs
    `req` from another file (a ``pip install -r`` of the requirement's file or environment), else
    None. A finding that the image cannot run `req` then belongs at the image: it is the line
    the Dockerfile's author changes (the requirement file may serve other installs too), and
    the break happens in that image's build."""
    if image is None or image.file == req.location.file:
        return None
    manifest = snapshot.files.get(image.file)
    if manifest is None or manifest.kind != FileKind.DOCKERFILE:
        return None
    files = {req.location.file, env_root(req.environment or req.location.file)}
    if any(files & set(stage.installs) for stage in manifest.stages):
        return image
    return None


def installed_note(req: Requirement, image: Span) -> str:
    """` (tensorflow is declared at requirements.txt:49, which docker/Dockerfile installs)`."""
    where = f"{req.location.file}:{req.location.line}"
    return f" ({req.name} is declared at {where}, which {image.file} installs.)"
