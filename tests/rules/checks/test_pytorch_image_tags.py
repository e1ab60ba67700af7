"""cuda-variant-mismatch: a pytorch/pytorch image tag naming a CUDA build its torch never had.

Real case: mist-medical/MIST PR #76 set `FROM pytorch/pytorch:2.7.1-cuda12.4-cudnn9-runtime`;
torch 2.7.1 was built for CUDA 11.8, 12.6 and 12.8 (pytorch/pytorch#155790), and the fix
commit bc25019 moved the tag to cuda12.8 94 minutes later. The other tags are ones public
Dockerfiles use (found by code search), each a build PyTorch released.
"""

from __future__ import annotations

import pytest

from rules.review import review_trees

EXISTING = [
    "1.4-cuda10.1-cudnn7-runtime",
    "1.8.1-cuda10.2-cudnn7-devel",
    "1.7.1-cuda11.0-cudnn8-runtime",
    "1.9.1-cuda11.1-cudnn8-devel",
    "1.10.0-cuda11.3-cudnn8-devel",
    "1.13.1-cuda11.6-cudnn8-devel",
    "2.0.1-cuda11.7-cudnn8-devel",
    "2.1.0-cuda11.8-cudnn8-runtime",
    "2.2.2-cuda12.1-cudnn8-runtime",
    "2.5.1-cuda12.4-cudnn9-devel",
    "2.6.0-cuda12.4-cudnn9-runtime",
    "2.7.1-cuda12.8-cudnn9-devel",
    "2.8.0-cuda12.8-cudnn9-runtime",
]


def _found(tag: str) -> list[tuple[str, int, str | None]]:
    review = review_trees({}, {"Dockerfile": f"FROM pytorch/pytorch:{tag}\n"})
    return [
        (f.severity.value, f.line or 0, f.fix)
        for f in review.findings
        if f.rule == "cuda-variant-mismatch"
    ]


@pytest.mark.parametrize("tag", EXISTING)
def test_a_released_build_is_a_tag_that_exists(tag: str) -> None:
    assert _found(tag) == []


def test_mist_2_7_1_on_cuda_12_4_does_not_exist() -> None:
    assert _found("2.7.1-cuda12.4-cudnn9-runtime") == [
        ("error", 1, "FROM pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime")
    ]


def test_a_tag_without_cuda_is_not_judged() -> None:
    assert _found("latest") == []


def test_mmpose_cuda_11_1_with_cudnn_7_does_not_exist() -> None:
    """open-mmlab/mmpose 4f5249d8: ARG CUDA 11.1 with ARG CUDNN 7 (fixed by #2069: cuDNN 8)."""
    assert _found("1.8.1-cuda11.1-cudnn7-devel") == [
        ("error", 1, "FROM pytorch/pytorch:1.8.1-cuda11.1-cudnn8-devel")
    ]
    assert _found("1.8.1-cuda10.2-cudnn7-devel") == []
