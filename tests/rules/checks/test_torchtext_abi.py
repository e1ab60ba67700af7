"""torchtext next to a torch it was not built for (torch-family-mismatch, ``:torch-abi``).

torchtext 0.18.0 (the last release) is built for torch 2.3 (pytorch/text README's table,
pytorch/text@a5e610638ea47b4412a29cdb708ac5f2fabb1286:README.rst:37, read into
rules/kb/data/torchtext_torch.json) but its wheel asks only ``torch>=2.3.0``; with torch 2.4 or
newer ``import torchtext`` fails: "libtorchtext.so: undefined symbol:
_ZN5torch3jit17parseSchemaOrNameERKSs" (pytorch/text#2272 "`pip install torchtext` is broken
after torch 2.4.0"; #2283 with torch 2.5.1+cu124; Kaggle/docker-python PR #1415 removed
torchtext "incompatible with torch 2.4.0").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rules.checks.torch_family import RULES
from rules.findings import Severity
from rules.kb.torchtext import torch_for_torchtext
from rules.manifests.model import FactKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from scripts.torchtext_compat_from_readme import TableError, read_table
from tests.rules.checks.mlsnap import base_image, fact, req, run, snap

RULE = RULES[0]

CASES: list[tuple[str, Snapshot, list[tuple[str | None, Severity]]]] = [
    (
        # Kaggle/docker-python PR #1414: TORCH_VERSION=2.4.0 next to TORCHTEXT_VERSION=0.18.0
        "torch~=2.4.0 next to torchtext==0.18.0",
        snap(req("torch~=2.4.0"), req("torchtext==0.18.0")),
        [("torch==2.3.1", Severity.ERROR)],
    ),
    (
        # pytorch/text#2283: torch 2.5.1+cu124, then `pip install torchtext` (0.18.0)
        "torch==2.5.1+cu124 next to a bare torchtext: the fresh pick is 0.18.0",
        snap(req("torch==2.5.1+cu124"), req("torchtext")),
        [("torch==2.3.1", Severity.ERROR)],
    ),
    (
        # pytorch/text#2272: `pip install torchtext` pulls the newest torch
        "bare torch next to bare torchtext: a fresh install picks the newest torch",
        snap(req("torch"), req("torchtext")),
        [("torch==2.3.1", Severity.ERROR)],
    ),
    (
        "torch>=2.0 with torchvision==0.18.0 (torch==2.3.0): pip takes torch 2.3.0, fine",
        snap(req("torch>=2.0"), req("torchvision==0.18.0"), req("torchtext")),
        [],
    ),
    (
        "torch==2.3.1 next to torchtext==0.18.0: built for it",
        snap(req("torch==2.3.1"), req("torchtext==0.18.0")),
        [],
    ),
    (
        "torch==2.1.0 next to a bare torchtext: pip picks 0.16.0, whose wheel pins torch==2.1.0",
        snap(req("torch==2.1.0"), req("torchtext")),
        [],
    ),
    (
        "torch~=2.3.0 next to torchtext: every admitted torch is a 2.3",
        snap(req("torch~=2.3.0"), req("torchtext")),
        [],
    ),
    (
        "no torch line, a pytorch/pytorch 2.4.0 image: its torch counts",
        snap(
            req("torchtext==0.18.0", path="Dockerfile"),
            base_image("pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime"),
            fact(
                FactKind.IMAGE_TORCH,
                "2.4.0",
                "Dockerfile",
                detail="pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime",
            ),
        ),
        [(None, Severity.ERROR)],
    ),
    ("no torch anywhere: torch may come from elsewhere, not judged", snap(req("torchtext")), []),
    (
        "a conda torchtext build pins its pytorch: not judged here",
        build_snapshot(
            {
                "environment.yml": (
                    "channels: [pytorch]\ndependencies:\n  - pytorch=2.4.0\n  - torchtext\n"
                )
            }
        ),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_torchtext_against_torch(
    name: str, snapshot: Snapshot, expected: list[tuple[str | None, Severity]]
) -> None:
    findings = [f for f in run(RULE, snapshot) if f.fingerprint.endswith(":torch-abi")]
    assert [(f.fix, f.severity) for f in findings] == expected
    for found in findings:
        assert found.package == "torchtext"
        assert "undefined symbol" in found.message
        assert any("README.rst:" in e for e in found.evidence)


def test_no_double_report_with_the_pins() -> None:
    """torchtext 0.17.0 pins torch==2.2.0 in its wheel: the generic requirer check reports it,
    this one does not."""
    findings = run(RULE, snap(req("torch==2.4.0"), req("torchtext==0.17.0")))
    assert [f.fingerprint for f in findings if f.package == "torchtext"] == [
        "requirements.txt:torchtext:torch"
    ]


@pytest.mark.parametrize(
    ("release", "minor"),
    [("0.18.0", "2.3"), ("0.17.0", "2.2"), ("0.10.0", "1.9"), ("0.10.1", "1.9")],
)
def test_table_rows(release: str, minor: str) -> None:
    row = torch_for_torchtext(release)
    assert row is not None and row.torch_minor == minor


def test_table_does_not_know_others() -> None:
    assert torch_for_torchtext("0.19.0") is None
    assert torch_for_torchtext("0.2.3") is None
    assert torch_for_torchtext("not a version") is None


README = """\
.. csv-table:: Version Compatibility
   :header: "PyTorch version", "torchtext version", "Supported Python version"
   :widths: 10, 10, 10

   nightly build, main, ">=3.8, <=3.11"
   2.3.0, 0.18.0, ">=3.8, <=3.11"
   1.9, 0.10, ">=3.6, <=3.9"
   0.4 and below, 0.2.3, "2.7, >=3.5, <=3.8"

Using conda::

   1.0, 0.1, "2.7"
"""


def test_readme_table_reader() -> None:
    rows = read_table(README, "o/r@c:README.rst")
    assert [(r["torchtext"], r["torch"], r["source"]) for r in rows] == [
        ("0.18.0", "2.3", "o/r@c:README.rst:6"),
        ("0.10", "1.9", "o/r@c:README.rst:7"),
    ]
    with pytest.raises(TableError):
        read_table("no table here", "x")


def test_packaged_table_is_the_scripts_output() -> None:
    data = json.loads(
        (Path(__file__).parents[3] / "rules/kb/data/torchtext_torch.json").read_text()
    )
    assert data["_provenance"].startswith("pytorch/text@")
    assert all(":README.rst:" in row["source"] for row in data["releases"])
