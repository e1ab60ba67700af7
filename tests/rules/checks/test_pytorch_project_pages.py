"""A PyTorch project page (``…/whl/torch/``): every build of one project as ``-f``, nothing as
an index URL.

Real cases: isl-org/Open3D-ML requirements-torch.txt had `--extra-index-url
https://download.pytorch.org/whl/torch/` with `torch==1.12.0+cpu` (pip looks for
/whl/torch/torch/; fixed to /whl/cpu/ in e469075d); its requirements-torch-cuda.txt later used
`-f https://download.pytorch.org/whl/torch/` with `torch==2.7.1+cu126` (kept for months).
"""

from __future__ import annotations

import pytest

from rules.review import review_trees

CASES = [
    (
        "a project page as an index URL serves nothing",
        "--extra-index-url https://download.pytorch.org/whl/torch/\ntorch==1.12.0+cpu\n",
        [("missing-pytorch-index", "error")],
    ),
    (
        "the same page as find-links lists every torch build",
        "-f https://download.pytorch.org/whl/torch/\ntorch==2.7.1+cu126\n",
        [],
    ),
    (
        "find-links pages of torch and torchvision",
        "-f https://download.pytorch.org/whl/torch/\ntorch==2.7.1+cu126\n"
        "-f https://download.pytorch.org/whl/torchvision/\ntorchvision==0.22.1+cu126\n",
        [],
    ),
    (
        "a variant index is not a project page",
        "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0+cu121\n",
        [("cuda-variant-mismatch", "error")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_project_pages(name: str, text: str, expected: list[tuple[str, str]]) -> None:
    review = review_trees({}, {"requirements.txt": text})
    found = [
        (f.rule, f.severity.value)
        for f in review.findings
        if f.rule in ("missing-pytorch-index", "cuda-variant-mismatch")
    ]
    assert found == expected
