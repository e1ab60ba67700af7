"""PyG's compiled extensions (torch-scatter, torch-sparse, ...) built for another torch.

Real lines: rusty1s/pytorch_scatter#414 (Poetry: torch = "2.1.1+cu118" next to
torch_scatter 2.1.2+pt20cu118: "undefined symbol" at import); OCP's install script
(torch==1.11.0 with -f https://data.pyg.org/whl/torch-1.11.0+cu102.html, fine); a
torchdrug setup (torch==2.8.0 with the torch-2.8.0+cu128 page, fine); a TopoMamba
Dockerfile (pytorch/pytorch:2.1.2 image, PyG wheels from the torch-2.0.1 page).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.support.pyg_abi import built_for, page_for
from rules.checks.torch_family import TorchFamilyMismatch
from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

URL_WHEEL = (
    "torch_scatter @ https://data.pyg.org/whl/torch-2.0.0%2Bcu118/"
    "torch_scatter-2.1.1%2Bpt20cu118-cp310-cp310-linux_x86_64.whl"
)

CASES: list[tuple[str, dict[str, str], list[tuple[str, int, Severity]]]] = [
    (
        "pytorch_scatter#414: a pt20 wheel next to torch 2.1.1",
        {"requirements.txt": "torch==2.1.1\ntorch-scatter==2.1.2+pt20cu118\n"},
        [("requirements.txt", 2, Severity.ERROR)],
    ),
    (
        "the pt21 wheel next to torch 2.1.1",
        {"requirements.txt": "torch==2.1.1\ntorch-scatter==2.1.2+pt21cu118\n"},
        [],
    ),
    (
        "a pt113 label is torch 1.13",
        {"requirements.txt": "torch==1.13.1\ntorch-sparse==0.6.17+pt113cu117\n"},
        [],
    ),
    (
        "a wheel URL built for torch 2.0 next to torch 2.1.0",
        {"requirements.txt": f"torch==2.1.0\n{URL_WHEEL}\n"},
        [("requirements.txt", 2, Severity.ERROR)],
    ),
    (
        "the same wheel URL next to torch 2.0.1",
        {"requirements.txt": f"torch==2.0.1\n{URL_WHEEL}\n"},
        [],
    ),
    (
        "a find-links page of torch 1.13 next to torch 2.0.1",
        {
            "requirements.txt": (
                "-f https://data.pyg.org/whl/torch-1.13.0+cu117.html\n"
                "torch==2.0.1\ntorch-scatter\ntorch-sparse\n"
            )
        },
        [("requirements.txt", 1, Severity.WARNING)],
    ),
    (
        "OCP: torch 1.11.0 with its own page",
        {
            "requirements.txt": (
                "-f https://data.pyg.org/whl/torch-1.11.0+cu102.html\n"
                "torch==1.11.0\ntorch-scatter\ntorch-sparse\ntorch-cluster\n"
            )
        },
        [],
    ),
    (
        "torchdrug setup: torch 2.8.0 with the torch-2.8.0+cu128 page",
        {
            "requirements.txt": (
                "--find-links https://data.pyg.org/whl/torch-2.8.0+cu128.html\n"
                "torch==2.8.0\npyg_lib\ntorch_scatter\n"
            )
        },
        [],
    ),
    (
        "TopoMamba: PyG wheels of the torch-2.0.1 page on the pytorch 2.1.2 image",
        {
            "Dockerfile": (
                "FROM pytorch/pytorch:2.1.2-cuda11.8-cudnn8-devel\n"
                "RUN pip install torch-scatter torch-sparse "
                "-f https://data.pyg.org/whl/torch-2.0.1+cu115.html\n"
            )
        },
        [("Dockerfile", 2, Severity.WARNING)],
    ),
    (
        "no PyG extension: a page alone says nothing",
        {
            "requirements.txt": (
                "-f https://data.pyg.org/whl/torch-1.13.0+cu117.html\ntorch==2.0.1\n"
                "torch-geometric==2.3.1\n"
            )
        },
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pyg_extensions_against_torch(
    name: str, files: dict[str, str], expected: list[tuple[str, int, Severity]]
) -> None:
    found = [
        f
        for f in run(TorchFamilyMismatch(), build_snapshot(files))
        if f.fingerprint.endswith(("pyg-torch", "pyg-page"))
    ]
    assert [(f.file, f.line, f.severity) for f in found] == expected
    for item in found:
        assert "undefined symbol" in item.message and "data.pyg.org/whl/torch-" in item.message


def test_labels_and_pages() -> None:
    assert page_for(Version("2.1.1+cu118")) == "https://data.pyg.org/whl/torch-2.1.0+cu118.html"
    assert page_for(Version("2.1.1")).endswith("torch-2.1.0+${CUDA}.html")
    snap = build_snapshot({"requirements.txt": "torch-cluster==1.6.3+pt24cpu\n"})
    (req,) = snap.requirements()
    assert built_for(req) == ("2.4", "+pt24cpu")
