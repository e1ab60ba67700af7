"""torch-family-mismatch for xformers (and vllm, torch-tensorrt): judged by the PyPI wheel's
``Requires-Dist: torch``.

The requirements cited below are those of the Linux x86_64 wheels as recorded from the package
index in tests/fixtures/compat/pypi_index.json (scripts/kb_from_index.py) and built into
rules/kb/data/torch.json; e.g. xformers-0.0.21-cp310-cp310-manylinux2014_x86_64.whl METADATA:
``Requires-Dist: torch ==2.0.1`` (the pin behind omer11a/bounded-attention issue 6).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from rules.checks.base import RuleContext
from rules.checks.torch_family import RULES
from rules.config import RepoConfig
from rules.findings import Finding
from rules.kb import KnowledgeBase
from rules.kb.schema import SOURCE_FILES
from rules.manifests.model import Snapshot
from tests.rules.checks.mlsnap import req, run, snap

RULE = RULES[0]
ENV = "environment.yml"

# name, snapshot, [(package, fix, severity)]
CASES: list[tuple[str, Snapshot, list[tuple[str, str | None, str]]]] = [
    (
        "xformers 0.0.21 (torch ==2.0.1) next to torch 2.2.0",
        snap(req("torch==2.2.0"), req("xformers==0.0.21")),
        [("xformers", "xformers==0.0.24", "error")],  # 0.0.24 wheel: torch ==2.2.0
    ),
    (
        "xformers 0.0.22.post7 (torch ==2.1.0) next to torch 2.1.2",
        snap(req("torch==2.1.2"), req("xformers==0.0.22.post7")),
        [("xformers", "xformers==0.0.23.post1", "error")],  # 0.0.23.post1: torch ==2.1.2
    ),
    (
        "the pair the wheel was built for",
        snap(req("torch==2.0.1"), req("xformers==0.0.21")),
        [],
    ),
    (
        "the pair with a +cu121 torch",
        snap(req("torch==2.2.0+cu121"), req("xformers==0.0.24")),
        [],
    ),
    (
        "xformers 0.0.35 requires a range (torch>=2.10) that admits torch 2.11.0",
        snap(req("torch==2.11.0"), req("xformers==0.0.35")),
        [],
    ),
    (
        "xformers 0.0.13 requires a range (torch>=1.12) that admits torch 1.13.1",
        snap(req("torch==1.13.1"), req("xformers==0.0.13")),
        [],
    ),
    (
        "torchvision 0.17.0 pins torch 2.2.0, so xformers 0.0.21 cannot go with it",
        snap(req("torchvision==0.17.0"), req("xformers==0.0.21")),
        [("xformers", "xformers==0.0.24", "error")],
    ),
    (
        "a torch range none of whose releases is 2.0.1",
        snap(req("torch>=2.1"), req("xformers==0.0.21")),
        [("torch", "torch==2.0.1", "error")],
    ),
    # ranges of xformers: pip backtracks to a release built for the pinned torch
    (
        "range that admits the release built for torch 2.2.0",
        snap(req("torch==2.2.0"), req("xformers>=0.0.20,<=0.0.24")),
        [],
    ),
    ("open range", snap(req("torch==2.2.0"), req("xformers>=0.0.20")), []),
    ("unconstrained xformers", snap(req("torch==2.2.0"), req("xformers")), []),
    (
        "range whose every release requires torch 2.0.1",
        snap(req("torch==2.2.0"), req("xformers>=0.0.20,<0.0.22")),
        [("xformers", "xformers==0.0.24", "error")],
    ),
    (
        "range admitting sdist-only releases (0.0.1 to 0.0.12): their requirement is unknown",
        snap(req("torch==2.2.0"), req("xformers<0.0.22")),
        [],
    ),
    (
        "range next to a range of torch is not judged here",
        snap(req("torch>=2.2"), req("xformers>=0.0.20,<0.0.22")),
        [],
    ),
    (
        "conda's xformers carries other dependencies than the PyPI wheel",
        snap(req("pytorch==2.2.0", ENV, conda=True), req("xformers==0.0.21", ENV, conda=True)),
        [],
    ),
    # other packages whose wheels pin (or bound) torch, read the same way
    (
        "vllm 0.4.0 (torch ==2.1.2) next to torch 2.2.0",
        snap(req("torch==2.2.0"), req("vllm==0.4.0")),
        [("vllm", "vllm==0.2.5", "error")],  # newest whose wheel admits 2.2.0: torch >=2.1.1
    ),
    ("vllm 0.4.0 with its torch", snap(req("torch==2.1.2"), req("vllm==0.4.0")), []),
    (
        "torch-tensorrt 2.2.0 (torch <2.3.0,>=2.2.0) next to torch 2.3.0",
        snap(req("torch==2.3.0"), req("torch_tensorrt==2.2.0")),
        [("torch_tensorrt", "torch_tensorrt==2.3.0", "error")],
    ),
    (
        "torch-tensorrt 2.2.0 with a torch its range admits",
        snap(req("torch==2.2.1"), req("torch-tensorrt==2.2.0")),
        [],
    ),
    (
        "different environments do not mix",
        snap(req("torch==2.2.0", "a.txt"), req("xformers==0.0.21", "b.txt")),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_xformers_torch_requirement(
    name: str, snapshot: Snapshot, expected: list[tuple[str, str | None, str]]
) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.fix, f.severity) for f in findings] == expected
    for found in findings:
        assert found.category == "torch-family-mismatch" and found.line
        assert any("METADATA: Requires-Dist: torch" in e for e in found.evidence)


def test_message_names_the_evidence_and_both_fixes() -> None:
    (found,) = run(RULE, snap(req("torch==2.2.0"), req("xformers==0.0.21")))
    assert "xformers 0.0.21 requires torch==2.0.1" in found.message
    assert "pin xformers==0.0.24 (its wheel requires torch==2.2.0)" in found.message
    assert "pin torch==2.0.1" in found.message
    assert "xformers-0.0.21-" in found.evidence[1]


def test_no_torch_pin_after_the_anchor_member() -> None:
    """Anchored by torchvision, pinning torch back would break torchvision: one way out."""
    (found,) = run(RULE, snap(req("torchvision==0.17.0"), req("xformers==0.0.21")))
    assert "torchvision==0.17.0 requires torch==2.2.0" in found.message
    assert "pin torch" not in found.message


def _kb_where_0021_requires_no_torch() -> KnowledgeBase:
    """The packaged KB with xformers 0.0.21's row turned into one declaring no torch (as
    torchaudio 2.11.0's wheel does): the rule must then have nothing to judge."""
    folder = resources.files("rules.kb") / "data"
    data: dict[str, Any] = {
        name: json.loads((folder / name).read_text(encoding="utf-8")) for name in SOURCE_FILES
    }
    for row in data["torch.json"]["family_requirements"]:
        if (row["package"], row["version"]) == ("xformers", "0.0.21"):
            row["requires_torch"] = None
    return KnowledgeBase.from_raw(data)


@pytest.mark.parametrize(
    "xformers", ["xformers==0.0.21", "xformers>=0.0.20,<0.0.22"], ids=["pinned", "range"]
)
def test_release_without_a_torch_requirement_is_clean(xformers: str) -> None:
    snapshot = snap(req("torch==2.2.0"), req(xformers))
    ctx = RuleContext(snapshot=snapshot, config=RepoConfig(), kb=_kb_where_0021_requires_no_torch())
    found: list[Finding] = list(RULE.check(ctx))
    assert found == []
    assert run(RULE, snapshot) != []  # the packaged KB (0.0.21 pins torch) does report it
