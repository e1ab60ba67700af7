"""Fixes of Dockerfile requirements are written as the RUN line to change."""

from __future__ import annotations

import pytest

from rules.checks.support.fixes import dockerfile_fix, in_dockerfile
from rules.review import review_trees

PT = "https://download.pytorch.org/whl"


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        (
            f"torch==2.1.0+cu121\n--extra-index-url {PT}/cu121",
            f"RUN pip install torch==2.1.0+cu121 --extra-index-url {PT}/cu121",
        ),
        ("torchvision==0.19.0", "RUN pip install torchvision==0.19.0"),
        (
            "tensorflow>=2.18.0  # or hold numpy<2",
            "RUN pip install 'tensorflow>=2.18.0'\n# or hold numpy<2",
        ),
        ("jax[cuda12]==0.4.30", "RUN pip install 'jax[cuda12]==0.4.30'"),
        # not requirement lines: unchanged
        (
            "Use a CUDA 12.1 base image (nvidia/cuda:12.1.*).",
            "Use a CUDA 12.1 base image (nvidia/cuda:12.1.*).",
        ),
        (f"--extra-index-url {PT}/cu118", f"--extra-index-url {PT}/cu118"),
        ("RUN pip install a b", "RUN pip install a b"),
        ('[[tool.uv.index]]\nname = "pytorch"', '[[tool.uv.index]]\nname = "pytorch"'),
    ],
)
def test_dockerfile_fix(fix: str, expected: str) -> None:
    assert dockerfile_fix(fix) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("Dockerfile", True),
        ("docker/gpu.Dockerfile", True),
        ("requirements.txt", False),
        (None, False),
    ],
)
def test_in_dockerfile(path: str | None, expected: bool) -> None:
    assert in_dockerfile(path) is expected


CUDA121 = "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n"
# Dockerfile, rule, the fix expected on the Dockerfile line
CASES: list[tuple[str, str, str]] = [
    (
        f"{CUDA121}RUN pip install torch==2.1.0+cu118\n",
        "missing-pytorch-index",
        f"RUN pip install torch==2.1.0+cu118 --extra-index-url {PT}/cu118",
    ),
    (
        f"{CUDA121}RUN pip install torch==2.1.0+cu118 --index-url {PT}/cu118\n",
        "cuda-base-image-mismatch",
        f"RUN pip install torch==2.1.0+cu121 --extra-index-url {PT}/cu121",
    ),
    (
        f"{CUDA121}RUN pip install torch==2.4.0 torchvision==0.18.1\n",
        "torch-family-mismatch",
        "RUN pip install torchvision==0.19.0",
    ),
    (
        f"{CUDA121}RUN pip install torch==2.1.0+cu121 --index-url {PT}/cu121\n",
        "numpy-abi",
        "RUN pip install torch==2.3.1+cu121\n# or hold numpy<2",
    ),
]


@pytest.mark.parametrize(("dockerfile", "rule", "fix"), CASES, ids=[c[1] for c in CASES])
def test_ml_fixes_on_dockerfile_lines(dockerfile: str, rule: str, fix: str) -> None:
    findings = review_trees({}, {"Dockerfile": dockerfile}).findings
    fixes = [f.fix for f in findings if f.rule == rule and f.file == "Dockerfile"]
    assert fixes and fixes[0] == fix
    assert all(
        (f.fix or "").startswith(("RUN ", "Use ", "Pin ", "Make "))
        for f in findings
        if f.file == "Dockerfile" and f.fix and f.package
    )
