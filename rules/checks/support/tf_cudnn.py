"""TensorFlow on an nvidia/cuda image that has no cuDNN (part of tensorflow-cuda-mismatch).

A GPU TensorFlow wheel without the ``[and-cuda]`` extra loads the system's CUDA and cuDNN
libraries. NVIDIA's cuDNN images say so in their tag (``…-cudnn8-devel-…``, ``…-cudnn-runtime-…``);
a ``-devel`` / ``-runtime`` / ``-base`` tag without it has the CUDA toolkit only, so TensorFlow
prints "Cannot dlopen some GPU libraries ... Skipping registering GPU devices" and runs on
the CPU (tensorflow/benchmarks PR #548 "Replace base of cuda_12 dockerfile with cudnn support
one"; tensorflow/tensorflow#62412). Nothing is reported when the stage installs cuDNN
itself: an OS package named ``*cudnn*`` (``libcudnn8``, ``cudnn9-cuda-12``), a pip
``nvidia-cudnn-*`` wheel, or anything ``COPY --from`` another stage or image may bring.
"""

from __future__ import annotations

from collections.abc import Iterator

from packaging.version import Version

from rules.checks.support.environments import env_root, project, version_of
from rules.checks.support.packages import installing_stages
from rules.manifests.images import ImageInfo, decode_image
from rules.manifests.model import DockerStage, Requirement, Snapshot

#: The projects that install GPU TensorFlow on Linux.
TENSORFLOW_GPU = frozenset({"tensorflow", "tensorflow-gpu", "tf-nightly", "tf-nightly-gpu"})
#: ``tensorflow`` wheels before 1.15 are CPU-only on Linux (GPU came as tensorflow-gpu).
_FIRST_GPU_TENSORFLOW = Version("1.15")


def gpu_tensorflow(req: Requirement) -> bool:
    """Whether `req` installs a GPU TensorFlow that takes CUDA and cuDNN from the system."""
    name = project(req)
    if name not in TENSORFLOW_GPU or "and-cuda" in req.extras:
        return False
    version = version_of(req)
    return not (name == "tensorflow" and version is not None and version < _FIRST_GPU_TENSORFLOW)


def _stages(snapshot: Snapshot, env: str, req: Requirement) -> Iterator[DockerStage]:
    """The Dockerfile stages that install `req`: its own RUN line's stage, or a stage that
    installs its file."""
    files = {env_root(env), req.location.file}
    for _, stage in installing_stages(snapshot, files, {env, req.environment}):
        yield stage


def _brings_cudnn(stage: DockerStage, reqs: list[Requirement]) -> bool:
    if stage.copies_from:
        return True
    if any("cudnn" in package.name.lower() for package in stage.system_packages):
        return True
    return any(project(r).startswith("nvidia-cudnn") for r in reqs)


def cudnn_less_image(
    snapshot: Snapshot, env: str, req: Requirement, reqs: list[Requirement]
) -> tuple[DockerStage, ImageInfo] | None:
    """The stage that installs GPU TensorFlow `req` on an nvidia/cuda image without cuDNN,
    bringing none itself, and that image; None otherwise."""
    if not gpu_tensorflow(req):
        return None
    for stage in _stages(snapshot, env, req):
        info = decode_image(stage.base) if stage.base else None
        if info is None or info.family != "nvidia-cuda" or info.has_cudnn or info.cuda is None:
            continue
        if _brings_cudnn(stage, reqs):
            continue
        return stage, info
    return None
