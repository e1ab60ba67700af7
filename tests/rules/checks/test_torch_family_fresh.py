"""torch-family-mismatch for an unpinned / ranged torchvision or torchaudio next to an exact
torch: what a fresh install picks (the KB's wheel requirements, read from the index).

Real case: rsxdalv/TTS-WebUI e8096d2 `pip3 install torch==$TORCH_VERSION torchvision
torchaudio` (TORCH_VERSION=2.0.0) installed torchaudio 2.11.0 (TTS-WebUI#651): torchaudio
2.11.0's wheel declares no torch requirement, 2.11.1 requires torch>=2.11."""

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
        "torch==2.0.0 + unpinned torchaudio: pip picks 2.11.0 (no torch requirement)",
        "torch==2.0.0\ntorchaudio\n",
        [("torchaudio", "error")],
    ),
    (
        "torch==2.0.0 + torchaudio>=2.0: the same pick",
        "torch==2.0.0\ntorchaudio>=2.0\n",
        [("torchaudio", "error")],
    ),
    ("torch==2.11.0 + unpinned torchaudio: 2.11.1 fits", "torch==2.11.0\ntorchaudio\n", []),
    (
        "torch==2.0.0 + torchaudio<2.11: pip backtracks to the 2.0 release pinning torch 2.0.0",
        "torch==2.0.0\ntorchaudio<2.11\n",
        [],
    ),
    (
        "torch==2.0.0 + unpinned torchvision: every torchvision pins its torch, pip backtracks",
        "torch==2.0.0\ntorchvision\n",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fresh_member_next_to_exact_torch(
    name: str, text: str, expected: list[tuple[str, str]]
) -> None:
    snapshot = build_snapshot({"requirements.txt": text})
    found = list(RULE.check(RuleContext(snapshot, RepoConfig(), KB)))
    assert [(f.package, f.severity.value) for f in found] == expected
    for f in found:
        assert "2.11.0" in f.message and f.fix and "torchaudio==2.0" in f.fix
