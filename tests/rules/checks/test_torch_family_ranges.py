"""torch-family-mismatch for a torch range next to a torchvision / torchaudio range.

Real case: pytorch/TensorRT PR #2704 (commit 7f14221c) raised py/requirements.txt to
`torch>=2.4.0.dev,<2.5.0` and kept `torchvision>=0.18.0.dev,<0.19.0` (nightly cu121 index);
every torchvision 0.18 release pins a torch 2.3 build exactly, and the 0.18 nightlies pin torch
2.3 nightlies; PR #2770 (e0b7ce7a) "Fixes broken torchvision import" by moving to 0.19.
"""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.torch_family import TorchFamilyMismatch
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

KB = load_kb()
RULE = TorchFamilyMismatch()

CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "TensorRT #2704: torch 2.4 range, torchvision 0.18 range with nightlies",
        "torch>=2.4.0.dev,<2.5.0\ntorchvision>=0.18.0.dev,<0.19.0\n",
        [("torch", "error")],
    ),
    (
        "its fix #2770: torchvision 0.19 goes with torch 2.4",
        "torch>=2.4.0.dev,<2.5.0\ntorchvision>=0.19.0.dev,<0.20.0\n",
        [],
    ),
    (
        "stable ranges that cannot meet: torch 2.1.x, torchvision 0.15.x",
        "torch>=2.1,<2.2\ntorchvision>=0.15,<0.16\n",
        [("torch", "error")],
    ),
    (
        "ranges that meet on one pair",
        "torch>=2.0,<2.2\ntorchvision>=0.15,<0.16\n",
        [],
    ),
    (
        "an open torchvision range: a newer torchvision may pair with the torch range",
        "torch>=2.1,<2.2\ntorchvision>=0.15\n",
        [],
    ),
    (
        "a stable-only torchvision range does not reach the nightlies of its minor",
        "torch>=2.3.0.dev,<2.4\ntorchvision>=0.18,<0.19\n",
        [],
    ),
    (
        "torchaudio ranges are judged the same way",
        "torch>=2.2,<2.3\ntorchaudio>=2.0,<2.1\n",
        [("torch", "error")],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_torch_range_next_to_member_range(
    name: str, text: str, expected: list[tuple[str, str]]
) -> None:
    snapshot = build_snapshot({"requirements.txt": text})
    found = list(RULE.check(RuleContext(snapshot, RepoConfig(), KB)))
    assert [(f.package, f.severity.value) for f in found] == expected
    for f in found:
        assert "every admitted pair breaks" in f.message and f.line == 1
