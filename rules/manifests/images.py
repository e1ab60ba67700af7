"""Container image references decoded into CUDA, cuDNN, flavour, OS, torch and Python versions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.version import Version

from rules.kb import load_kb
from rules.manifests.conda_images import miniconda_image_python, miniforge_image_python
from rules.manifests.ngc_releases import NGC_PYTORCH, NGC_TENSORFLOW
from rules.manifests.tf_images import MOVING_TAG_NOTE, tf_tag

_DOCKER_HUB = {"docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}

_NVIDIA_CUDA_TAG = re.compile(
    r"^(?P<cuda>\d+\.\d+(?:\.\d+)?)"
    r"(?:-(?P<cudnn>cudnn(?P<cudnn_major>\d+)?))?"
    r"-(?P<flavour>base|runtime|devel)"
    r"(?:-(?P<os>[a-z]+[0-9.]*))?$"
)
_PYTORCH_TAG = re.compile(
    r"^(?P<torch>\d+\.\d+(?:\.\d+)?)-cuda(?P<cuda>\d+\.\d+(?:\.\d+)?)"
    r"-cudnn(?P<cudnn>\d+)-(?P<flavour>runtime|devel)$"
)
_NGC_TAG = re.compile(r"^(?P<release>\d{2}\.\d{2})-py3(?:-[a-z0-9]+)?$")
_NGC_TF_TAG = re.compile(
    r"^(?P<release>\d{2}\.\d{2})-(?:tf(?P<tf>[12])-)?py(?P<py>[23])(?:-[a-z0-9]+)?$"
)
_PYTHON_TAG = re.compile(
    r"^(?P<python>\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)(?:-(?P<variant>[A-Za-z0-9.\-]+))?$"
)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image reference split into registry, repository, tag and digest."""

    registry: str | None
    repository: str
    tag: str | None
    digest: str | None


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What a known base image tells about the environment; None fields are unknown.

    `family` is ``nvidia-cuda``, ``pytorch``, ``ngc-pytorch``, ``ngc-tensorflow``,
    ``tensorflow``, ``python``, ``ubuntu``, ``debian``, ``miniconda`` (continuumio/miniconda3)
    or ``miniforge`` (condaforge/miniforge3; `rules.manifests.conda_images`). `note` says
    how sure a moving tag's reading is (``tensorflow/tensorflow:latest-gpu``). `has_cudnn` is
    true when the tag says cuDNN is included; `cudnn` is its major version when the tag gives
    one (``cudnn8``); the unnumbered ``-cudnn-`` tags of recent nvidia/cuda images give none.
    """

    ref: str
    family: str
    repository: str
    tag: str | None
    cuda: str | None = None
    cudnn: str | None = None
    has_cudnn: bool = False
    flavour: str | None = None
    os: str | None = None
    torch: str | None = None
    python: str | None = None
    variant: str | None = None
    ngc_release: str | None = None
    tensorflow: str | None = None
    note: str | None = None


def parse_image_ref(ref: str) -> ImageRef | None:
    """Split `[registry/]repository[:tag][@digest]`; None when it is not an image reference."""
    text = ref.strip()
    if not text or any(ch.isspace() for ch in text) or "$" in text:
        return None
    name, _, digest = text.partition("@")
    slash = name.rfind("/")
    colon = name.rfind(":")
    tag = None
    if colon > slash:
        name, tag = name[:colon], name[colon + 1 :]
        if not tag:
            return None
    registry = None
    first, sep, rest = name.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        registry, name = first.lower(), rest
    if not name or name.startswith("/") or name.endswith("/") or "//" in name:
        return None
    if registry in _DOCKER_HUB:
        registry = None
    if registry is None and name.startswith("library/"):
        name = name[len("library/") :]
    return ImageRef(registry, name.lower(), tag, digest or None)


def decode_image(ref: str) -> ImageInfo | None:
    """Decode nvidia/cuda, pytorch/pytorch, NGC PyTorch / TensorFlow, python, ubuntu, debian,
    continuumio/miniconda3 and condaforge/miniforge3."""
    parsed = parse_image_ref(ref)
    if parsed is None:
        return None
    repo, tag = parsed.repository, parsed.tag
    registry = parsed.registry
    if repo == "nvidia/cuda" and registry in {None, "nvcr.io"}:
        return _nvidia_cuda(ref, repo, tag)
    if repo == "pytorch/pytorch" and registry is None:
        return _pytorch(ref, repo, tag)
    if repo == "nvidia/pytorch" and registry == "nvcr.io":
        return _ngc_pytorch(ref, repo, tag)
    if repo == "nvidia/tensorflow" and registry == "nvcr.io":
        return _ngc_tensorflow(ref, repo, tag)
    if repo == "tensorflow/tensorflow" and registry is None:
        return _tensorflow(ref, repo, tag)
    if repo == "python" and registry is None:
        return _python(ref, repo, tag)
    if repo in ("ubuntu", "debian") and registry is None:
        return _distro(ref, repo, tag)
    if repo == "continuumio/miniconda3" and registry is None:
        return ImageInfo(ref, "miniconda", repo, tag, python=miniconda_image_python(tag))
    if repo == "condaforge/miniforge3" and registry in {None, "quay.io"}:
        forge = miniforge_image_python(tag)
        python, note = forge if forge else (None, None)
        return ImageInfo(ref, "miniforge", repo, tag, python=python, note=note)
    return None


def _nvidia_cuda(ref: str, repo: str, tag: str | None) -> ImageInfo:
    match = _NVIDIA_CUDA_TAG.match(tag or "")
    if match is None:
        return ImageInfo(ref, "nvidia-cuda", repo, tag)
    return ImageInfo(
        ref,
        "nvidia-cuda",
        repo,
        tag,
        cuda=match["cuda"],
        cudnn=match["cudnn_major"],
        has_cudnn=match["cudnn"] is not None,
        flavour=match["flavour"],
        os=match["os"],
    )


def _pytorch(ref: str, repo: str, tag: str | None) -> ImageInfo:
    match = _PYTORCH_TAG.match(tag or "")
    if match is None:
        return ImageInfo(ref, "pytorch", repo, tag)
    return ImageInfo(
        ref,
        "pytorch",
        repo,
        tag,
        cuda=match["cuda"],
        cudnn=match["cudnn"],
        has_cudnn=True,
        flavour=match["flavour"],
        torch=match["torch"],
    )


def _ngc_pytorch(ref: str, repo: str, tag: str | None) -> ImageInfo:
    match = _NGC_TAG.match(tag or "")
    if match is None:
        return ImageInfo(ref, "ngc-pytorch", repo, tag)
    release = match["release"]
    known = NGC_PYTORCH.get(release)
    if known is None:
        return ImageInfo(ref, "ngc-pytorch", repo, tag, ngc_release=release)
    return ImageInfo(
        ref,
        "ngc-pytorch",
        repo,
        tag,
        cuda=known.cuda,
        torch=known.torch,
        python=known.python,
        ngc_release=release,
    )


def _ngc_tensorflow(ref: str, repo: str, tag: str | None) -> ImageInfo:
    """`<yy.mm>-tf2-py3`, `<yy.mm>-tf1-py3` and the older `<yy.mm>-py3`/`-py2` (TF 1)."""
    match = _NGC_TF_TAG.match(tag or "")
    if match is None:
        return ImageInfo(ref, "ngc-tensorflow", repo, tag)
    release = match["release"]
    known = NGC_TENSORFLOW.get(release)
    if known is None or match["py"] != "3":
        return ImageInfo(ref, "ngc-tensorflow", repo, tag, ngc_release=release)
    tensorflow = known.tf2 if match["tf"] == "2" else known.tf1
    return ImageInfo(
        ref,
        "ngc-tensorflow",
        repo,
        tag,
        cuda=known.cuda,
        python=known.python,
        ngc_release=release,
        tensorflow=tensorflow,
    )


def _tensorflow(ref: str, repo: str, tag: str | None) -> ImageInfo:
    """Docker Hub's `tensorflow/tensorflow:<X.Y.Z|latest>[-gpu][-jupyter]` (rules.manifests.
    tf_images): TensorFlow, its tested CUDA / cuDNN on GPU tags (KB), the image's Python."""
    decoded = tf_tag(tag)
    if decoded is None:
        return ImageInfo(ref, "tensorflow", repo, tag)
    kb = load_kb()
    note = None
    version = decoded.version
    if version is None:
        version = str(max(Version(r.tensorflow) for r in kb.tensorflow.releases))
        note = f"{MOVING_TAG_NOTE} (TensorFlow {version})"
    release = kb.tensorflow_release(version) if decoded.gpu else None
    return ImageInfo(
        ref,
        "tensorflow",
        repo,
        tag,
        cuda=release.cuda if release else None,
        cudnn=release.cudnn.split(".")[0] if release else None,
        has_cudnn=release is not None,
        python=decoded.python,
        tensorflow=version,
        note=note,
    )


def _python(ref: str, repo: str, tag: str | None) -> ImageInfo:
    match = _PYTHON_TAG.match(tag or "")
    if match is None:
        return ImageInfo(ref, "python", repo, tag)
    variant = match["variant"]
    os_name = None
    if variant:
        parts = [p for p in variant.split("-") if p != "slim"]
        os_name = parts[-1] if parts else None
    return ImageInfo(ref, "python", repo, tag, python=match["python"], variant=variant, os=os_name)


#: The `python3` that each distribution release installs from its own archive (the
#: python3-defaults source package): packages.ubuntu.com/<codename>/python3 and
#: packages.debian.org/<codename>/python3. Ubuntu 18.04's 3.6 is also in its release notes
#: ("Python 3 has been updated to 3.6"); 20.04's 3.8.2 in its `python-is-python3 3.8.2-4`.
OS_PYTHON3: dict[str, str] = {
    "ubuntu18.04": "3.6",
    "ubuntu20.04": "3.8",
    "ubuntu22.04": "3.10",
    "ubuntu24.04": "3.12",
    "debian10": "3.7",
    "debian11": "3.9",
    "debian12": "3.11",
    "debian13": "3.13",
}
#: Release code names (in image tags and `FROM python:3.9-bullseye`) to `OS_PYTHON3` keys.
OS_CODENAMES: dict[str, str] = {
    "bionic": "ubuntu18.04",
    "focal": "ubuntu20.04",
    "jammy": "ubuntu22.04",
    "noble": "ubuntu24.04",
    "buster": "debian10",
    "bullseye": "debian11",
    "bookworm": "debian12",
    "trixie": "debian13",
}
_OS_TAG = re.compile(r"^(?P<version>\d+(?:\.\d+)?)(?:[-.].*)?$")


def os_key(os_name: str | None) -> str | None:
    """`ubuntu22.04` / `jammy` / `debian11` / `bullseye` as an `OS_PYTHON3` key, or None."""
    if not os_name:
        return None
    lower = os_name.lower()
    if lower in OS_PYTHON3:
        return lower
    return OS_CODENAMES.get(lower)


def os_python3(os_name: str | None) -> str | None:
    """The `python3` that `apt-get install python3` gives on this OS release, or None."""
    key = os_key(os_name)
    return OS_PYTHON3.get(key) if key else None


def _distro(ref: str, repo: str, tag: str | None) -> ImageInfo:
    """`ubuntu:22.04`, `ubuntu:jammy-20240101`, `debian:bullseye-slim`, `debian:11`."""
    text = (tag or "").lower()
    head = text.split("-", 1)[0]
    os_name: str | None = None
    if head in OS_CODENAMES:
        os_name = OS_CODENAMES[head]
    else:
        match = _OS_TAG.match(text)
        if match:
            version = match["version"]
            if repo == "debian":
                os_name = f"debian{version.split('.')[0]}"
            elif "." in version:
                os_name = f"ubuntu{version}"
    return ImageInfo(ref, repo, repo, tag, os=os_name)
