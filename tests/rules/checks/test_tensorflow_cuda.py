"""tensorflow-cuda-mismatch: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.tensorflow_cuda import RULES
from rules.config import RepoConfig
from rules.manifests.model import FactKind, Snapshot
from tests.rules.checks.mlsnap import base_image, config, fact, req, run, snap

RULE = RULES[0]
IMG_12 = "nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04"

CASES: list[tuple[str, Snapshot, RepoConfig | None, list[str]]] = [
    (
        "TF 2.14 (CUDA 11.8) in a CUDA 12 image",
        snap(req("tensorflow==2.14.0"), base_image(IMG_12)),
        None,
        ["error"],
    ),
    (
        "TF 2.14 with [and-cuda] brings its own libraries",
        snap(req("tensorflow==2.14.0", extras=("and-cuda",)), base_image(IMG_12)),
        None,
        [],
    ),
    (
        "TF 2.15 (CUDA 12.2) in a CUDA 12 image",
        snap(req("tensorflow==2.15.0"), base_image(IMG_12)),
        None,
        [],
    ),
    (
        "TF 2.18 (cuDNN 9.3) with a cuDNN 8 note",
        snap(req("tensorflow==2.18.0"), fact(FactKind.CUDNN, "8.9", "requirements.txt")),
        None,
        ["error"],
    ),
    # found dogfooding: [and-cuda] installs nvidia-cudnn-cu12 8.9 from pip; the image's is unused
    (
        "TF 2.18 [and-cuda] with a cuDNN 8 note",
        snap(
            req("tensorflow==2.18.0", extras=("and-cuda",)),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        None,
        [],
    ),
    (
        # TensorFlow's loader wants the same cuDNN major and an equal or higher minor
        "TF 2.15 (cuDNN 8.9) with a cuDNN 8.6 note",
        snap(req("tensorflow==2.15.0"), fact(FactKind.CUDNN, "8.6", "requirements.txt")),
        None,
        ["error"],
    ),
    (
        "TF 2.15 (cuDNN 8.9) with a cuDNN 8.9 note",
        snap(req("tensorflow==2.15.0"), fact(FactKind.CUDNN, "8.9", "requirements.txt")),
        None,
        [],
    ),
    (
        "TF 2.15 (cuDNN 8.9) with a cuDNN 8 note (no minor: not judged)",
        snap(req("tensorflow==2.15.0"), fact(FactKind.CUDNN, "8", "requirements.txt")),
        None,
        [],
    ),
    (
        "TF 2.16 targeted at Windows with CUDA",
        snap(req("tensorflow==2.16.1")),
        config(targets={"cuda": ["12.3"], "platforms": ["windows_amd64", "linux_x86_64"]}),
        ["warning"],
    ),
    (
        "TF 2.10 on Windows with CUDA is the last native GPU release",
        snap(req("tensorflow==2.10.1")),
        config(targets={"cuda": ["11.2"], "platforms": ["windows_amd64"]}),
        [],
    ),
    ("unpinned TF is not judged", snap(req("tensorflow>=2.14"), base_image(IMG_12)), None, []),
    ("TF the KB does not know", snap(req("tensorflow==1.14.0"), base_image(IMG_12)), None, []),
]


@pytest.mark.parametrize(("name", "snapshot", "cfg", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tensorflow_cuda(
    name: str, snapshot: Snapshot, cfg: RepoConfig | None, expected: list[str]
) -> None:
    findings = run(RULE, snapshot, cfg)
    assert [f.severity.value for f in findings] == expected
    for found in findings:
        assert found.category == "tensorflow-cuda-mismatch" and found.package == "tensorflow"
        assert found.fix and found.line and found.evidence
