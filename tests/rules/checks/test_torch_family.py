"""torch-family-mismatch: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.torch_family import RULES, TorchFamilyMismatch
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import req, run, snap

RULE = RULES[0]
ENV = "environment.yml"

CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "torchvision of another torch patch",
        snap(req("torch==2.1.0"), req("torchvision==0.16.1")),
        [("torchvision", "torchvision==0.16.0")],
    ),
    (
        "torchaudio of another minor, variant kept in the fix",
        snap(req("torch==2.1.0+cu118"), req("torchaudio==2.0.2+cu118")),
        [("torchaudio", "torchaudio==2.1.0+cu118")],
    ),
    (
        "matching triple",
        snap(req("torch==2.5.1"), req("torchvision==0.20.1"), req("torchaudio==2.5.1")),
        [],
    ),
    (
        "matching triple with variants",
        snap(req("torch==2.1.0+cu121"), req("torchvision==0.16.0+cu121")),
        [],
    ),
    (
        "range that excludes the matching torchvision",
        snap(req("torch==2.3.1"), req("torchvision<0.18")),
        [("torchvision", "torchvision==0.18.1")],
    ),
    ("range that admits it", snap(req("torch==2.3.1"), req("torchvision>=0.17")), []),
    ("unconstrained torchvision", snap(req("torch==2.3.1"), req("torchvision")), []),
    (
        "torch range anchored by a pinned torchvision",
        snap(req("torch>=2.2"), req("torchvision==0.16.0")),
        [("torch", "torch==2.1.0")],
    ),
    (
        "conda names",
        snap(
            req("pytorch==2.1.0", ENV, conda=True),
            req("torchvision==0.15.2", ENV, conda=True),
        ),
        [("torchvision", "torchvision=0.16.0")],
    ),
    (
        "different environments do not mix",
        snap(req("torch==2.1.0", "a.txt"), req("torchvision==0.17.0", "b.txt")),
        [],
    ),
    ("torch the KB does not list", snap(req("torch==3.0.0"), req("torchvision==0.1.0")), []),
    # R2: each member's own torch requirement (wheel Requires-Dist read from the index)
    (
        "torchaudio 2.11.1 requires torch>=2.11 (C17)",
        snap(req("torch==2.11.0"), req("torchaudio==2.11.1")),
        [],
    ),
    (
        "torchaudio 2.11.0 requires no torch",
        snap(req("torch==2.13.0"), req("torchaudio==2.11.0")),
        [],
    ),
    (
        "torchvision 0.29.2 is the torchvision of 2.15",
        snap(req("torch==2.15.0"), req("torchvision==0.29.2")),
        [],
    ),
    (
        "torchvision 0.28.0 pins torch 2.13.0, not 2.15.0",
        snap(req("torch==2.15.0"), req("torchvision==0.28.0")),
        [("torchvision", "torchvision==0.29.2")],
    ),
    (
        "torchaudio 2.11.1 below its torch>=2.11",
        snap(req("torch==2.10.0"), req("torchaudio==2.11.1")),
        [("torchaudio", "torchaudio==2.10.0")],
    ),
    (
        "torch 1.x family from the index: torchvision 0.7.0 pins torch 1.6.0",
        snap(req("torch==1.9.0"), req("torchvision==0.7.0")),
        [("torchvision", "torchvision==0.10.0")],
    ),
    ("torch 1.6.0 with its torchvision", snap(req("torch==1.6.0"), req("torchvision==0.7.0")), []),
    (
        "torchtext pins torch exactly too",
        snap(req("torch==2.3.0"), req("torchtext==0.17.0")),
        [("torchtext", "torchtext==0.18.0")],
    ),
    (
        "torch~=1.9.0 next to torchvision==0.7.0: no admitted torch fits (error)",
        snap(req("torch~=1.9.0"), req("torchvision==0.7.0")),
        [("torch", "torch==1.6.0")],
    ),
    (
        "torch>=2.10 next to torchvision==0.25.0: only 2.10.0 fits (warning)",
        snap(req("torch>=2.10"), req("torchvision==0.25.0")),
        [("torch", "torch==2.10.0")],
    ),
    (
        "torch>=2.14 next to torchvision==0.29.2",
        snap(req("torch>=2.14"), req("torchvision==0.29.2")),
        [],
    ),
    (
        "torchaudio unknown for 2.12 is not judged",
        snap(req("torch==2.12.1"), req("torchaudio==2.11.0"), req("torchvision==0.27.1")),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_torch_family(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.fix) for f in findings] == expected
    for found in findings:
        assert found.category == "torch-family-mismatch" and found.line and found.evidence


IMAGE = "FROM pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime\n"
# name, Dockerfile, (line, stale members named, fix) or None
IMAGE_CASES: list[tuple[str, str, tuple[int, tuple[str, ...], str] | None]] = [
    (
        "torch bumped on the image, its torchvision and torchaudio left",
        f"{IMAGE}RUN pip install torch==2.4.0\n",
        (
            2,
            ("torchvision 0.18.1", "torchaudio 2.3.1"),
            "RUN pip install torch==2.4.0 torchvision==0.19.0 torchaudio==2.4.0",
        ),
    ),
    (
        "torchvision bumped with it, torchaudio left",
        f"{IMAGE}RUN pip install torch==2.4.0 torchvision==0.19.0\n",
        (2, ("torchaudio 2.3.1",), "RUN pip install torch==2.4.0 torchaudio==2.4.0"),
    ),
    (
        "a +cu121 torch keeps its label on the members",
        f"{IMAGE}RUN pip install torch==2.4.0+cu121 torchaudio==2.4.0+cu121 "
        "--index-url https://download.pytorch.org/whl/cu121\n",
        (
            2,
            ("torchvision 0.18.1",),
            "RUN pip install torch==2.4.0+cu121 torchvision==0.19.0+cu121",
        ),
    ),
    (
        "the whole family bumped",
        f"{IMAGE}RUN pip install torch==2.4.0 torchvision==0.19.0 torchaudio==2.4.0\n",
        None,
    ),
    ("the image's own torch reinstalled", f"{IMAGE}RUN pip install torch==2.3.1\n", None),
    ("no torch installed", f"{IMAGE}RUN pip install transformers==4.41.2\n", None),
    ("unpinned torch", f"{IMAGE}RUN pip install torch\n", None),
    (
        "torch on a CUDA image ships no torchvision",
        "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\nRUN pip install torch==2.4.0\n",
        None,
    ),
    (
        "torch installed in a later stage on another base",
        f"{IMAGE.strip()} AS build\nFROM python:3.11\nRUN pip install torch==2.4.0\n",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "dockerfile", "expected"), IMAGE_CASES, ids=[c[0] for c in IMAGE_CASES]
)
def test_torch_replaced_on_a_pytorch_image(
    name: str, dockerfile: str, expected: tuple[int, tuple[str, ...], str] | None
) -> None:
    findings = run(TorchFamilyMismatch(), build_snapshot({"Dockerfile": dockerfile}))
    if expected is None:
        assert findings == []
        return
    line, stale, fix = expected
    (found,) = findings
    assert (found.file, found.line, found.severity) == ("Dockerfile", line, "warning")
    assert all(member in found.message for member in stale)
    assert "pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime (Dockerfile:1)" in found.message
    assert found.fix == fix


@pytest.mark.parametrize(
    ("torch", "member", "severity", "decided_by"),
    [
        ("torch~=1.9.0", "torchvision==0.7.0", "error", "every admitted"),
        ("torch>=2.10", "torchvision==0.25.0", "warning", "some admitted"),
        ("torch==1.9.0", "torchvision==0.7.0", "error", "decided by the pins"),
    ],
)
def test_severity_says_which_evidence_decided(
    torch: str, member: str, severity: str, decided_by: str
) -> None:
    (found,) = run(RULE, snap(req(torch), req(member)))
    assert found.severity == severity
    assert decided_by in found.message
    assert any("METADATA" in e for e in found.evidence)
