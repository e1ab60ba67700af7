"""NGC framework images (nvcr.io/nvidia/pytorch, nvcr.io/nvidia/tensorflow): decoding and effect.

Expected values are NVIDIA's, as cited per release in `rules.manifests.ngc_releases`.
"""

from __future__ import annotations

import re

import pytest

from rules.checks.cuda_base_image import RULES as CUDA_RULES
from rules.checks.python_version import RULES as PYTHON_RULES
from rules.checks.tensorflow_cuda import RULES as TF_RULES
from rules.manifests.images import decode_image
from rules.manifests.ngc_releases import NGC_PYTORCH, NGC_TENSORFLOW
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

# (ref, family, release, cuda, torch, tensorflow, python)
DECODE: list[tuple[str, str, str | None, str | None, str | None, str | None, str | None]] = [
    # rel_19-10: "NVIDIA CUDA 10.1.243", "Ubuntu 18.04 including Python 3.6 environment"
    ("nvcr.io/nvidia/pytorch:19.10-py3", "ngc-pytorch", "19.10", "10.1.243", None, None, "3.6"),
    # rel_20-03: "based on 1.5.0a0+8f84ded", CUDA 10.2.89, Python 3.6
    (
        "nvcr.io/nvidia/pytorch:20.03-py3",
        "ngc-pytorch",
        "20.03",
        "10.2.89",
        "1.5.0a0+8f84ded",
        None,
        "3.6",
    ),
    # rel_21-09: CUDA 11.4.2, 1.10.0a0+3fd9dcf, /opt/conda/lib/python3.8
    (
        "nvcr.io/nvidia/pytorch:21.09-py3",
        "ngc-pytorch",
        "21.09",
        "11.4.2",
        "1.10.0a0+3fd9dcf",
        None,
        "3.8",
    ),
    # rel-22-11: CUDA 11.8.0, 1.13.0a0+936e930; the quoted text gives no Python
    (
        "nvcr.io/nvidia/pytorch:22.11-py3",
        "ngc-pytorch",
        "22.11",
        "11.8.0",
        "1.13.0a0+936e930",
        None,
        None,
    ),
    # Megatron-LM's 23.09 environment: Python 3.10, CUDA 12.2.1, PyTorch 2.1.0a0+32f93b1
    (
        "nvcr.io/nvidia/pytorch:23.09-py3",
        "ngc-pytorch",
        "23.09",
        "12.2.1",
        "2.1.0a0+32f93b1",
        None,
        "3.10",
    ),
    # a digest after the tag and an arch suffix keep the release
    (
        "nvcr.io/nvidia/pytorch:25.12-py3-igpu@sha256:" + "a" * 64,
        "ngc-pytorch",
        "25.12",
        "13.1.0",
        "2.10.0a0+b4e4ee81d3",
        None,
        "3.12",
    ),
    # a release whose notes were not read decodes to the release alone
    ("nvcr.io/nvidia/pytorch:24.07-py3", "ngc-pytorch", "24.07", None, None, None, None),
    ("nvcr.io/nvidia/pytorch:latest", "ngc-pytorch", None, None, None, None, None),
    # rel_21-04: "21.04-tf1-py3 and 21.04-tf2-py3 contains Python 3.8 - NVIDIA CUDA 11.3.0"
    (
        "nvcr.io/nvidia/tensorflow:21.04-tf2-py3",
        "ngc-tensorflow",
        "21.04",
        "11.3.0",
        None,
        None,
        "3.8",
    ),
    # rel-23-01: CUDA 12.0.1; NVIDIA's TF1 release 23.01 is based on TensorFlow 1.15.5
    (
        "nvcr.io/nvidia/tensorflow:23.01-tf1-py3",
        "ngc-tensorflow",
        "23.01",
        "12.0.1",
        None,
        "1.15.5",
        None,
    ),
    (
        "nvcr.io/nvidia/tensorflow:23.01-tf2-py3",
        "ngc-tensorflow",
        "23.01",
        "12.0.1",
        None,
        None,
        None,
    ),
    # rel_18.05: "18.05-py3 contains Python 3.5", CUDA 9.0.176, "based on TensorFlow 1.7.0"
    (
        "nvcr.io/nvidia/tensorflow:18.05-py3",
        "ngc-tensorflow",
        "18.05",
        "9.0.176",
        None,
        "1.7.0",
        "3.5",
    ),
    # rel_19.10 (DGX path): "19.10-py3 contains Python 3.6", "NVIDIA CUDA 10.1.243"
    (
        "nvcr.io/nvidia/tensorflow:19.10-py3",
        "ngc-tensorflow",
        "19.10",
        "10.1.243",
        None,
        None,
        "3.6",
    ),
    # rel_22-06: "based on CUDA 11.7 Update 1 Preview" (the minor release only)
    (
        "nvcr.io/nvidia/tensorflow:22.06-tf2-py3",
        "ngc-tensorflow",
        "22.06",
        "11.7",
        None,
        None,
        None,
    ),
    # the py2 image's Python is another one: release only
    ("nvcr.io/nvidia/tensorflow:18.05-py2", "ngc-tensorflow", "18.05", None, None, None, None),
    ("nvcr.io/nvidia/tensorflow:24.01-tf2-py3", "ngc-tensorflow", "24.01", None, None, None, None),
]


@pytest.mark.parametrize(
    ("ref", "family", "release", "cuda", "torch", "tensorflow", "python"),
    DECODE,
    ids=[c[0] for c in DECODE],
)
def test_decode_ngc_image(
    ref: str,
    family: str,
    release: str | None,
    cuda: str | None,
    torch: str | None,
    tensorflow: str | None,
    python: str | None,
) -> None:
    info = decode_image(ref)
    assert info is not None
    assert (info.family, info.ngc_release, info.cuda, info.torch, info.tensorflow, info.python) == (
        family,
        release,
        cuda,
        torch,
        tensorflow,
        python,
    )


@pytest.mark.parametrize(
    "ref",
    [
        "nvidia/tensorflow:21.04-tf2-py3",  # Docker Hub, not NGC
        "ghcr.io/nvidia/tensorflow:21.04-tf2-py3",
    ],
)
def test_tensorflow_images_elsewhere_are_not_ngc(ref: str) -> None:
    assert decode_image(ref) is None


_SOURCE = re.compile(
    r"^https://(docs\.nvidia\.com/deeplearning/(frameworks|dgx)/|github\.com/NVIDIA/)\S+"
)
_VERSION = re.compile(r"^\d+\.\d+(\.\d+)?([a-z0-9+.\-]*)?$")
_RELEASE = re.compile(r"^\d{2}\.(0[1-9]|1[0-2])$")


def test_every_release_cites_nvidia_and_holds_version_shaped_values() -> None:
    rows: list[tuple[str, str, list[str | None]]] = [
        (r, e.source, [e.cuda, e.torch, e.python]) for r, e in NGC_PYTORCH.items()
    ]
    rows += [(r, e.source, [e.cuda, e.tf1, e.tf2, e.python]) for r, e in NGC_TENSORFLOW.items()]
    for release, source, values in rows:
        assert _RELEASE.match(release), release
        for part in source.split("; "):
            assert _SOURCE.match(part), (release, part)
        assert any(values), release
        for value in values:
            assert value is None or _VERSION.match(value), (release, value)


def _files(image: str, requirements: str) -> dict[str, str]:
    """A Dockerfile `FROM image` that pip-installs `requirements` (a requirements.txt)."""
    return {
        "Dockerfile": f"FROM {image}\nCOPY requirements.txt .\n"
        "RUN pip install -r requirements.txt\n",
        "requirements.txt": requirements,
    }


def _pip_torch_in(image: str, torch: str, variant: str) -> dict[str, str]:
    index = f"--index-url https://download.pytorch.org/whl/{variant}\n"
    return _files(image, f"{index}torch=={torch}+{variant}\n")


# (case, files, [(package, severity)]): the image's CUDA (NGC_PYTORCH) is the declared CUDA.
CUDA_CASES: list[tuple[str, dict[str, str], list[tuple[str | None, str]]]] = [
    (
        "cu118 torch in the 23.09 container (CUDA 12.2.1): older major, warning",
        _pip_torch_in("nvcr.io/nvidia/pytorch:23.09-py3", "2.1.0", "cu118"),
        [("torch", "warning")],
    ),
    (
        "cu121 torch in the 22.11 container (CUDA 11.8.0): newer major, error",
        _pip_torch_in("nvcr.io/nvidia/pytorch:22.11-py3", "2.1.0", "cu121"),
        [("torch", "error")],
    ),
    (
        "cu121 torch in the 23.09 container: same major, older minor, fine",
        _pip_torch_in("nvcr.io/nvidia/pytorch:23.09-py3", "2.1.0", "cu121"),
        [],
    ),
    (
        "a release not in the table gives no CUDA to judge against",
        _pip_torch_in("nvcr.io/nvidia/pytorch:24.07-py3", "2.1.0", "cu118"),
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CUDA_CASES, ids=[c[0] for c in CUDA_CASES])
def test_ngc_cuda_is_the_declared_cuda(
    name: str, files: dict[str, str], expected: list[tuple[str | None, str]]
) -> None:
    findings = run(CUDA_RULES[0], build_snapshot(files))
    assert [(f.package, f.severity.value) for f in findings] == expected, name
    for found in findings:
        assert any("nvcr.io/nvidia/pytorch" in e for e in found.evidence), found.evidence


# (image, [(package, severity, file)]): torch 1.10.0 has wheels for Python 3.6-3.9 (KB torch.json).
PYTHON_CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("nvcr.io/nvidia/pytorch:23.09-py3", [("torch", "error", "Dockerfile")]),  # Python 3.10
    ("nvcr.io/nvidia/pytorch:21.09-py3", []),  # Python 3.8
    ("nvcr.io/nvidia/pytorch:24.07-py3", []),  # not in the table: no Python evidence
]


@pytest.mark.parametrize(("image", "expected"), PYTHON_CASES, ids=[c[0] for c in PYTHON_CASES])
def test_ngc_python_is_the_environment_python(
    image: str, expected: list[tuple[str, str, str]]
) -> None:
    findings = run(PYTHON_RULES[0], build_snapshot(_files(image, "torch==1.10.0\n")))
    assert [(f.package, f.severity.value, f.file) for f in findings] == expected
    for found in findings:
        assert "Python 3.10" in found.message and image in found.message, found.message


# (case, rule, image, tensorflow pin, [(package, severity)]): the TF container's CUDA is the
# declared CUDA (KB tensorflow.json: 2.15.0 is built for CUDA 12.2, 2.10.0 for CUDA 11.2).
TF_CASES: list[tuple[str, str, str, str, list[tuple[str, str]]]] = [
    (
        "tensorflow 2.15.0 (CUDA 12.2) in 21.04 (CUDA 11.3.0): newer major, error",
        "cuda-base-image",
        "nvcr.io/nvidia/tensorflow:21.04-tf2-py3",
        "2.15.0",
        [("tensorflow", "error")],
    ),
    (
        "tensorflow 2.10.0 (CUDA 11.2) in 23.01 (CUDA 12.0.1): no CUDA 11 libraries, error",
        "tensorflow-cuda",
        "nvcr.io/nvidia/tensorflow:23.01-tf2-py3",
        "2.10.0",
        [("tensorflow", "error")],
    ),
    (
        "tensorflow 2.5.0 (CUDA 11.2) in 21.04 (CUDA 11.3.0): fine",
        "tensorflow-cuda",
        "nvcr.io/nvidia/tensorflow:21.04-tf2-py3",
        "2.5.0",
        [],
    ),
    (
        "a release not in the table gives no CUDA to judge against",
        "cuda-base-image",
        "nvcr.io/nvidia/tensorflow:24.01-tf2-py3",
        "2.15.0",
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "rule", "image", "pin", "expected"), TF_CASES, ids=[c[0] for c in TF_CASES]
)
def test_ngc_tensorflow_cuda_is_the_declared_cuda(
    name: str, rule: str, image: str, pin: str, expected: list[tuple[str, str]]
) -> None:
    check = CUDA_RULES[0] if rule == "cuda-base-image" else TF_RULES[0]
    findings = run(check, build_snapshot(_files(image, f"tensorflow=={pin}\n")))
    assert [(f.package, f.severity.value) for f in findings] == expected, name
