"""Docker Hub's pytorch/pytorch images: a versioned tag says its torch, CUDA and cuDNN; the moving
``latest`` tag (and an untagged ``FROM pytorch/pytorch``) is the KB's newest torch on the latest
image's Python 3.11 (rules.manifests.images.PYTORCH_LATEST_PYTHON: the official Dockerfile's
``ARG PYTHON_VERSION=3.11``; rlan/notebooks#144, 2.5.1 image with Python 3.11.10).

dmar-bonn/ipp-rl issue #4: ``FROM pytorch/pytorch`` with ``torch==1.8.1`` in requirements.txt
fails with "No matching distribution found for torch==1.8.1" (torch 1.8.1 ships cp36-cp39 only).
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES as PYTHON_RULES
from rules.kb import load_kb
from rules.manifests.images import decode_image
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

NEWEST = str(max(load_kb().torch_versions()))


@pytest.mark.parametrize(
    ("ref", "torch", "cuda", "python", "moving"),
    [
        ("pytorch/pytorch", NEWEST, None, "3.11", True),
        ("pytorch/pytorch:latest", NEWEST, None, "3.11", True),
        ("docker.io/pytorch/pytorch:latest", NEWEST, None, "3.11", True),
        ("pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime", "2.1.0", "12.1", "3.10", False),
        ("pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime", "2.3.1", "12.1", None, False),
        ("pytorch/pytorch:nightly", None, None, None, False),
    ],
)
def test_decode(
    ref: str, torch: str | None, cuda: str | None, python: str | None, moving: bool
) -> None:
    info = decode_image(ref)
    assert info is not None
    assert (info.torch, info.cuda, info.python) == (torch, cuda, python)
    assert (info.note is not None and "moving tag" in info.note) == moving


#: dmar-bonn/ipp-rl@f2baa9bfaa1b7e89842f7afd6c7b51048c752cc7: Dockerfile and requirements.txt
IPP_RL = {
    "Dockerfile": (
        "FROM pytorch/pytorch\n\nCOPY requirements.txt .\nRUN pip3 install -r requirements.txt\n"
    ),
    "requirements.txt": "torch==1.8.1\n",
}


@pytest.mark.parametrize(
    ("image", "errors"),
    [
        ("pytorch/pytorch", 1),
        ("pytorch/pytorch:latest", 1),
        ("pytorch/pytorch:1.8.1-cuda11.1-cudnn8-runtime", 0),
    ],
)
def test_untagged_image_python_against_an_old_torch(image: str, errors: int) -> None:
    files = {**IPP_RL, "Dockerfile": IPP_RL["Dockerfile"].replace("pytorch/pytorch", image, 1)}
    findings = [f for f in run(PYTHON_RULES[0], build_snapshot(files)) if f.severity == "error"]
    assert len(findings) == errors
    for found in findings:
        assert "3.11" in found.message and "moving tag" in found.message
