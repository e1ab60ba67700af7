"""Container image references decoded into CUDA, cuDNN, flavour, OS, torch and Python versions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

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
#: PyTorch/XLA's images: ``r2.1.0_3.10_tpuvm``, ``nightly_3.8_tpuvm_20231128``,
#: ``r2.7.0_3.10_cuda_12.6``: the segment after the release is the image's Python.
_XLA_TAG = re.compile(r"^(?:nightly|r\d+(?:\.\d+){1,2})_(?P<python>3\.\d+)(?:_.*)?$")
#: AMD's ROCm PyTorch images name OS, Python and torch in the tag:
#: ``rocm6.4.1_ubuntu22.04_py3.10_pytorch_release_2.6.0``,
#: ``rocm6.0_ubuntu22.04_py3.9_pytorch_2.1.1``.
_ROCM_TAG = re.compile(
    r"^rocm\d+(?:\.\d+)*_ubuntu(?P<os>\d+\.\d+)_py(?P<python>3\.\d+)_pytorch"
    r"(?:_release)?_(?P<torch>\d+\.\d+(?:\.\d+)?)(?:_.*)?$"
)
_PYTHON_TAG = re.compile(
    r"^(?P<python>\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)(?:-(?P<variant>[A-Za-z0-9.\-]+))?$"
)

#: AWS Lambda's Python base images (public.ecr.aws/lambda/python, amazon/aws-lambda-python on
#: Docker Hub): the tag starts with the Python (``3.12``, ``3.10-x86_64``,
#: ``3.11.2024.01.05.17``); qodo-ai/pr-agent #1676 (``requires-python >=3.12`` against
#: ``FROM public.ecr.aws/lambda/python:3.10``).
_LAMBDA_TAG = re.compile(r"^(?P<python>3\.\d+)(?:[.\-][A-Za-z0-9.\-_]*)?$")

#: Sebastián Ramírez's (tiangolo) web-server images: ``tiangolo/uvicorn-gunicorn-fastapi:
#: python3.8``, ``meinheld-gunicorn-flask:python3.6``, ``uwsgi-nginx-flask:python3.11`` (and
#: ``-slim``, ``-alpine3.10`` or dated suffixes) are built on the official ``python:3.x`` image
#: of the tag's Python (tiangolo/uvicorn-gunicorn-docker's docker-images/python3.8.dockerfile:
#: ``FROM python:3.8``; the fastapi and flask images are built FROM those); jackm/kijiji-manager
#: #46: click 8.1.3 on ``meinheld-gunicorn-flask:python3.6``.
_TIANGOLO_TAG = re.compile(r"^python(?P<python>3\.\d+)(?:-[A-Za-z0-9.\-]+)?$")
_TIANGOLO = (
    "uvicorn-gunicorn-fastapi",
    "uvicorn-gunicorn-starlette",
    "uvicorn-gunicorn",
    "meinheld-gunicorn-flask",
    "meinheld-gunicorn",
    "uwsgi-nginx-flask",
    "uwsgi-nginx",
)

#: Project Jupyter's docker-stacks images (``jupyter/scipy-notebook:python-3.11`` on Docker Hub,
#: ``quay.io/jupyter/...`` since 2023-10-20): the ``python-3.X`` tag names the Python of the
#: image's conda base environment, which docker-stacks-foundation pins ("# Pin major.minor
#: version of python": it appends ``python 3.X.*`` to ``conda-meta/pinned``, jupyter/docker-stacks
#: 848a826), so a ``mamba env update -n base`` asking for another Python fails to solve
#: (earthlab/earth-analytics-python-env #102: python=3.12 on ``minimal-notebook:python-3.11``,
#: reverted in c99fb91 "base images are not compatible"). Date and hash tags name no Python.
_JUPYTER_TAG = re.compile(r"^python-(?P<python>3\.\d+)(?:\.\d+)?$")
_JUPYTER = (
    "docker-stacks-foundation",
    "base-notebook",
    "minimal-notebook",
    "scipy-notebook",
    "r-notebook",
    "julia-notebook",
    "tensorflow-notebook",
    "pytorch-notebook",
    "datascience-notebook",
    "pyspark-notebook",
    "all-spark-notebook",
)

#: astral-sh's uv images: ``ghcr.io/astral-sh/uv:python3.12-bookworm-slim`` and
#: ``uv:0.8-python3.12-bookworm`` are uv on the matching ``python:3.12-bookworm-slim`` image
#: (docs.astral.sh/uv/guides/integration/docker, "Available images"); a tag without
#: ``python`` (``uv:bookworm``, ``uv:0.8``) tells no Python.
_UV_TAG = re.compile(
    r"^(?:\d+(?:\.\d+){0,2}-)?python(?P<python>3\.\d+)(?:-(?P<variant>[A-Za-z0-9.\-]+))?$"
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
    ``tensorflow``, ``python``, ``ubuntu``, ``debian``, ``miniconda`` (continuumio/miniconda3),
    ``miniforge`` (condaforge/miniforge3; `rules.manifests.conda_images`), ``pytorch-xla`` or
    ``rocm-pytorch``.
    `note` says how sure a moving tag's reading is (``tensorflow/tensorflow:latest-gpu``).
    `has_cudnn` is true when the tag says cuDNN is included; `cudnn` is its major version when
    the tag gives one (``cudnn8``); the unnumbered ``-cudnn-`` tags of recent nvidia/cuda
    images give none.
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
    family = _FAMILIES.get(parsed.repository)
    if family is None or parsed.registry not in family.registries:
        return None
    return family.decode(ImageInfo(ref, family.name, parsed.repository, parsed.tag))


#: A decoder: the bare reading of an image of its family (ref, family, repository, tag) in,
#: what its tag tells filled in.
_Decode = Callable[[ImageInfo], ImageInfo]


@dataclass(frozen=True, slots=True)
class _Family:
    """A known image repository: its family name, the registries it is served from (None for
    Docker Hub) and the decoder of its tags."""

    name: str
    registries: frozenset[str | None]
    decode: _Decode


def _by_tag(
    pattern: re.Pattern[str], fill: Callable[[ImageInfo, re.Match[str]], ImageInfo]
) -> _Decode:
    """A decoder reading the tag with `pattern`; a tag it does not match tells nothing."""

    def decode(bare: ImageInfo) -> ImageInfo:
        match = pattern.match(bare.tag or "")
        return bare if match is None else fill(bare, match)

    return decode


def _nvidia_cuda(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    return replace(
        bare,
        cuda=match["cuda"],
        cudnn=match["cudnn_major"],
        has_cudnn=match["cudnn"] is not None,
        flavour=match["flavour"],
        os=match["os"],
    )


#: The Python of a versioned ``pytorch/pytorch`` image, by torch minor, where a source says it:
#: 1.8 and 1.9: pytorch/pytorch#60932 (``pytorch/pytorch:1.9.0-cuda11.1-cudnn8-runtime`` runs
#: Python 3.7.10, where the 1.8.1 image had 3.8.8; baal-org/baal #148 moved to
#: ``1.9.0-cuda10.2-cudnn7-runtime`` with ``python = ">=3.8,<3.10"`` and #151 lowered it); 1.13:
#: RaoFoundation/bittensor PR #1089 ("This image has python 3.10.8"); 2.1:
#: google/gemma_pytorch#79 (``pytorch/pytorch:2.1.2-cuda11.8-cudnn8-runtime``: "requires a
#: different Python: 3.10.13 not in '>=3.11'"); 2.5:
#: rlan/notebooks#144 (``2.5.1-cuda12.4-cudnn9-runtime`` uses Python 3.11.10); 2.6:
#: ludwig-ai/ludwig 2277c19e ("pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel ships Python 3.11").
PYTORCH_IMAGE_PYTHON: dict[str, str] = {
    "1.8": "3.8",
    "1.9": "3.7",
    "1.13": "3.10",
    "2.1": "3.10",
    "2.5": "3.11",
    "2.6": "3.11",
}


def _pytorch(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    minor = ".".join(match["torch"].split(".")[:2])
    return replace(
        bare,
        cuda=match["cuda"],
        cudnn=match["cudnn"],
        has_cudnn=True,
        flavour=match["flavour"],
        torch=match["torch"],
        python=PYTORCH_IMAGE_PYTHON.get(minor),
    )


#: The Python of the moving ``pytorch/pytorch:latest`` image (also what an untagged
#: ``FROM pytorch/pytorch`` pulls). The official image installs ``python=${PYTHON_VERSION}``
#: with conda, and pytorch/pytorch@01343dcd3e6c849a177125b5f500ffd222305ec8:Dockerfile sets
#: ``ARG PYTHON_VERSION=3.11``; mosaicml/composer PR #3290 (2024-05: "The latest python version
#: was not updated from 3.10 -> 3.11"); rlan/notebooks#144 (2024-12:
#: ``pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime`` uses Python 3.11.10).
PYTORCH_LATEST_PYTHON = "3.11"


def _pytorch_hub(bare: ImageInfo) -> ImageInfo:
    """Docker Hub's pytorch/pytorch: a ``<torch>-cuda<X.Y>-cudnn<N>-<flavour>`` tag as it says;
    the moving ``latest`` tag (or none) as the KB's newest torch on the latest image's Python."""
    if bare.tag in (None, "latest"):
        newest = str(max(load_kb().torch_versions()))
        return replace(
            bare,
            torch=newest,
            python=PYTORCH_LATEST_PYTHON,
            note=f"{MOVING_TAG_NOTE} (torch {newest}, Python {PYTORCH_LATEST_PYTHON})",
        )
    match = _PYTORCH_TAG.match(bare.tag)
    return bare if match is None else _pytorch(bare, match)


def _tag_python(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    """The Python a tag names (its `python` group). PyTorch/XLA's images name it:
    pytorch/xla's README ("Available docker images and wheels": ``xla:r2.1.0_3.10_tpuvm`` …
    ``nightly_3.10_tpuvm`` next to the cp310 wheels; the older
    ``gcr.io/tpu-pytorch/xla:r2.0_3.8_tpuvm``), and google/gemma_pytorch's xla_gpu.Dockerfile
    installs a cp38 torch_xla wheel on ``nightly_3.8_cuda_11.8_20231128``; so do AWS Lambda's
    Python base images (`_LAMBDA_TAG`) and tiangolo's web-server images (`_TIANGOLO_TAG`)."""
    return replace(bare, python=match["python"])


def _rocm(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    """ROCm's PyTorch images (``rocm/pytorch``): the Ubuntu release and the Python the tag
    names (``rocm<ROCm>_ubuntu<Ubuntu>_py<Python>_pytorch[_release]_<torch>``, as
    hiyouga/LLaMA-Factory's docker-rocm image uses it). The torch there is a ROCm build,
    which the CUDA rules must not read as a PyPI one: it is not recorded."""
    return replace(bare, python=match["python"], os=f"ubuntu{match['os']}")


def _ngc_pytorch(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    """`<yy.mm>-py3[-<suffix>]`: the release's CUDA, torch and Python (ngc_releases)."""
    release = match["release"]
    known = NGC_PYTORCH.get(release)
    if known is None:
        return replace(bare, ngc_release=release)
    return replace(
        bare, cuda=known.cuda, torch=known.torch, python=known.python, ngc_release=release
    )


def _ngc_tensorflow(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    """`<yy.mm>-tf2-py3`, `<yy.mm>-tf1-py3` and the older `<yy.mm>-py3`/`-py2` (TF 1)."""
    release = match["release"]
    known = NGC_TENSORFLOW.get(release)
    if known is None or match["py"] != "3":
        return replace(bare, ngc_release=release)
    tensorflow = known.tf2 if match["tf"] == "2" else known.tf1
    return replace(
        bare, cuda=known.cuda, python=known.python, ngc_release=release, tensorflow=tensorflow
    )


def _tensorflow(bare: ImageInfo) -> ImageInfo:
    """Docker Hub's `tensorflow/tensorflow:<X.Y.Z|latest>[-gpu][-jupyter]` (rules.manifests.
    tf_images): TensorFlow, its tested CUDA / cuDNN on GPU tags (KB), the image's Python."""
    decoded = tf_tag(bare.tag)
    if decoded is None:
        return bare
    kb = load_kb()
    note = None
    version = decoded.version
    if version is None:
        version = str(max(Version(r.tensorflow) for r in kb.tensorflow.releases))
        note = f"{MOVING_TAG_NOTE} (TensorFlow {version})"
    release = kb.tensorflow_release(version) if decoded.gpu else None
    return replace(
        bare,
        cuda=release.cuda if release else None,
        cudnn=release.cudnn.split(".")[0] if release else None,
        has_cudnn=release is not None,
        python=decoded.python,
        tensorflow=version,
        note=note,
    )


def _python(bare: ImageInfo, match: re.Match[str]) -> ImageInfo:
    variant = match["variant"]
    os_name = None
    if variant:
        parts = [p for p in variant.split("-") if p != "slim"]
        os_name = parts[-1] if parts else None
    return replace(bare, python=match["python"], variant=variant, os=os_name)


def _amazonlinux(bare: ImageInfo) -> ImageInfo:
    """`amazonlinux:2`, `amazonlinux:2.0.20230119.1`, `amazonlinux:2023.3.20240108.0`; a
    moving or other tag names no release."""
    release = (bare.tag or "").split(".", 1)[0].split("-", 1)[0]
    if release in ("2", "2023"):
        return replace(bare, os=f"amazonlinux{release}")
    return bare


_EL_TAG = re.compile(r"^(?:centos|stream)?(?P<release>[789])(?:$|[-.].*)")


def _enterprise_linux(bare: ImageInfo) -> ImageInfo:
    """`centos:7`, `centos:stream8`, `quay.io/centos/centos:stream9`, `rockylinux:8.9`,
    `almalinux:9`, `redhat/ubi8` / `ubi8/ubi` (the release in the repository name); a moving
    or other tag names no release."""
    named = re.search(r"ubi([789])", bare.repository)
    if named:
        return replace(bare, os=f"el{named.group(1)}")
    match = _EL_TAG.match((bare.tag or "").lower())
    return replace(bare, os=f"el{match['release']}") if match else bare


def _miniconda(bare: ImageInfo) -> ImageInfo:
    return replace(bare, python=miniconda_image_python(bare.tag))


def _miniforge(bare: ImageInfo) -> ImageInfo:
    forge = miniforge_image_python(bare.tag)
    python, note = forge if forge else (None, None)
    return replace(bare, python=python, note=note)


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
    # Amazon Linux: `yum install python3` gives 3.7 on Amazon Linux 2 and 3.9 on Amazon Linux
    # 2023 (docs.aws.amazon.com/linux/al2023/ug/python.html: "Python 3.9 is the default";
    # kubeflow/pipelines' components/aws/sagemaker/v2.Dockerfile: amazonlinux:2's python3 for
    # a requirements file pinning urllib3==2.5.0, Requires-Python >=3.9)
    "amazonlinux2": "3.7",
    "amazonlinux2023": "3.9",
    # Red Hat Enterprise Linux and its rebuilds (CentOS, CentOS Stream, Rocky, Alma, UBI):
    # `dnf install python3` gives 3.6 on 7 (since 7.7) and 8 (RHEL 8's default python36
    # module) and 3.9 on 9 (docs.redhat.com, "Installing and using Python", RHEL 8: "Python
    # 3.6 is the default Python implementation"; RHEL 9: "Python 3.9 is the default");
    # erikbern/ann-benchmarks' Dockerfile.vespa on quay.io/centos/centos:stream8 ran a
    # requirements file pinning matplotlib==3.6.3 (Requires-Python >=3.8) on 3.6
    "el7": "3.6",
    "el8": "3.6",
    "el9": "3.9",
}
#: Every ``python3.X`` package each release's own archive carries (main and universe, with
#: -updates), beyond `OS_PYTHON3`: packages.ubuntu.com/<codename>/python3.X and
#: packages.debian.org/<codename>/python3.X. Ubuntu adds the next minor to universe during an
#: LTS's life (bionic 3.7 and 3.8, focal 3.9, jammy 3.11); noble carries 3.12 only, and a Debian
#: stable release only its own python3. Any other ``python3.X`` comes from a PPA (deadsnakes)
#: or another source; `apt-get install` of it alone stops with "Unable to locate package"
#: (ayutaz/piper-plus #378: python3.11 on ubuntu:24.04).
OS_APT_PYTHONS: dict[str, frozenset[str]] = {
    "ubuntu18.04": frozenset({"3.6", "3.7", "3.8"}),
    "ubuntu20.04": frozenset({"3.8", "3.9"}),
    "ubuntu22.04": frozenset({"3.10", "3.11"}),
    "ubuntu24.04": frozenset({"3.12"}),
    "debian10": frozenset({"3.7"}),
    "debian11": frozenset({"3.9"}),
    "debian12": frozenset({"3.11"}),
    "debian13": frozenset({"3.13"}),
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


#: The moving ``latest`` tags (and no tag) of the distribution images: the newest release
#: when the image is pulled (Ubuntu's newest LTS, Debian's stable); which one is not pinned
#: here, so they have no `OS_PYTHON3` entry.
MOVING_OS = frozenset({"ubuntu-latest", "debian-latest"})


def os_key(os_name: str | None) -> str | None:
    """`ubuntu22.04` / `jammy` / `debian11` / `bullseye` as an `OS_PYTHON3` key (or a
    `MOVING_OS` name), or None."""
    if not os_name:
        return None
    lower = os_name.lower()
    if lower in MOVING_OS:
        return lower
    if lower in OS_PYTHON3:
        return lower
    return OS_CODENAMES.get(lower)


def os_python3(os_name: str | None) -> str | None:
    """The `python3` that `apt-get install python3` gives on this OS release, or None."""
    key = os_key(os_name)
    return OS_PYTHON3.get(key) if key else None


def os_apt_pythons(os_name: str | None) -> frozenset[str] | None:
    """The ``python3.X`` packages the OS release's own archive carries (`OS_APT_PYTHONS`), or
    None when the release is unknown or moving."""
    key = os_key(os_name)
    return OS_APT_PYTHONS.get(key) if key else None


#: Tags other than ``latest`` that follow the newest release: Debian's current stable, and
#: Ubuntu's newest release (``rolling``; 24.04 or later, like ``latest``, since mid-2024).
_MOVING_TAGS = {"debian": "stable", "ubuntu": "rolling"}


def _distro(bare: ImageInfo) -> ImageInfo:
    """`ubuntu:22.04`, `ubuntu:jammy-20240101`, `debian:bullseye-slim`, `debian:11`."""
    text = (bare.tag or "").lower()
    head = text.split("-", 1)[0]
    os_name: str | None = None
    if text in ("", "latest") or _MOVING_TAGS.get(bare.repository or "") == head:
        # a moving tag: its release is not pinned here (`debian:stable` is `debian:latest`,
        # c0untfloyd/bark-gui's Dockerfile: bookworm and later mark their python3, PEP 668)
        os_name = f"{bare.repository}-latest"
    elif head in OS_CODENAMES:
        os_name = OS_CODENAMES[head]
    else:
        match = _OS_TAG.match(text)
        if match:
            version = match["version"]
            if bare.repository == "debian":
                os_name = f"debian{version.split('.')[0]}"
            elif "." in version:
                os_name = f"ubuntu{version}"
    return replace(bare, os=os_name)


_HUB: frozenset[str | None] = frozenset({None})

#: The known image repositories (as `parse_image_ref` writes them), by repository.
_FAMILIES: dict[str, _Family] = {
    "nvidia/cuda": _Family(
        "nvidia-cuda", frozenset({None, "nvcr.io"}), _by_tag(_NVIDIA_CUDA_TAG, _nvidia_cuda)
    ),
    "pytorch/pytorch": _Family("pytorch", _HUB, _pytorch_hub),
    "nvidia/pytorch": _Family(
        "ngc-pytorch", frozenset({"nvcr.io"}), _by_tag(_NGC_TAG, _ngc_pytorch)
    ),
    "nvidia/tensorflow": _Family(
        "ngc-tensorflow", frozenset({"nvcr.io"}), _by_tag(_NGC_TF_TAG, _ngc_tensorflow)
    ),
    "tensorflow/tensorflow": _Family("tensorflow", _HUB, _tensorflow),
    "python": _Family("python", _HUB, _by_tag(_PYTHON_TAG, _python)),
    "astral-sh/uv": _Family("uv", frozenset({"ghcr.io"}), _by_tag(_UV_TAG, _python)),
    "ubuntu": _Family("ubuntu", _HUB, _distro),
    "debian": _Family("debian", _HUB, _distro),
    "continuumio/miniconda3": _Family("miniconda", _HUB, _miniconda),
    "condaforge/miniforge3": _Family("miniforge", frozenset({None, "quay.io"}), _miniforge),
    "tpu-pytorch-releases/docker/xla": _Family(
        "pytorch-xla", frozenset({"us-central1-docker.pkg.dev"}), _by_tag(_XLA_TAG, _tag_python)
    ),
    "tpu-pytorch/xla": _Family(
        "pytorch-xla", frozenset({"gcr.io"}), _by_tag(_XLA_TAG, _tag_python)
    ),
    "rocm/pytorch": _Family("rocm-pytorch", _HUB, _by_tag(_ROCM_TAG, _rocm)),
    "amazonlinux": _Family("amazonlinux", _HUB, _amazonlinux),
    "centos": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "centos/centos": _Family("enterprise-linux", frozenset({"quay.io"}), _enterprise_linux),
    "rockylinux": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "rockylinux/rockylinux": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "almalinux": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "redhat/ubi8": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "redhat/ubi9": _Family("enterprise-linux", _HUB, _enterprise_linux),
    "ubi8/ubi": _Family(
        "enterprise-linux", frozenset({"registry.access.redhat.com"}), _enterprise_linux
    ),
    "ubi9/ubi": _Family(
        "enterprise-linux", frozenset({"registry.access.redhat.com"}), _enterprise_linux
    ),
    "amazonlinux/amazonlinux": _Family("amazonlinux", frozenset({"public.ecr.aws"}), _amazonlinux),
    "lambda/python": _Family(
        "aws-lambda-python", frozenset({"public.ecr.aws"}), _by_tag(_LAMBDA_TAG, _tag_python)
    ),
    "amazon/aws-lambda-python": _Family(
        "aws-lambda-python", _HUB, _by_tag(_LAMBDA_TAG, _tag_python)
    ),
    **{
        f"tiangolo/{name}": _Family("tiangolo", _HUB, _by_tag(_TIANGOLO_TAG, _tag_python))
        for name in _TIANGOLO
    },
    **{
        f"jupyter/{name}": _Family(
            "jupyter", frozenset({None, "quay.io"}), _by_tag(_JUPYTER_TAG, _tag_python)
        )
        for name in _JUPYTER
    },
}
