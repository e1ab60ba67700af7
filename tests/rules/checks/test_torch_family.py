"""torch-family-mismatch: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.torch_family import RULES
from rules.manifests.model import Snapshot
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
    ("torch the KB does not list", snap(req("torch==2.13.0"), req("torchvision==0.1.0")), []),
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
