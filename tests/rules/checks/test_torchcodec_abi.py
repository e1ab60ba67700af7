"""torchcodec next to a torch it does not load with (torch-family-mismatch).

torchcodec's wheels declare no torch requirement; the torch each release loads with is its
README's compatibility table (meta-pytorch/torchcodec@78ed5ad8b9ca735b0757ffa34f4426b371315a37:
README.md:211-236, read into rules/kb/data/torchcodec_torch.json). The lines below are real ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.torch_family import RULES
from rules.findings import Severity
from rules.kb.torchcodec import torch_for_torchcodec
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import build_snapshot
from scripts.torchcodec_compat_from_readme import TableError, read_table, torch_spec
from tests.rules.checks.mlsnap import req, run, snap

RULE = RULES[0]

#: ace-step/ACE-Step-1.5@e7a61e192f738c82df893d2f8ae0b5a2a6cfc465:pyproject.toml, its
#: dependency lines (the comments and the other packages left out)
ACE_STEP = """\
[project]
name = "ace-step"
requires-python = ">=3.11, <3.12"
dependencies = [
    "torch==2.7.1; sys_platform != 'darwin'",
    "torchvision; sys_platform != 'darwin'",
    "torchaudio==2.7.1; sys_platform != 'darwin'",
    "torch>=2.9.1; sys_platform == 'darwin'",
    "torchvision; sys_platform == 'darwin'",
    "torchaudio>=2.9.1; sys_platform == 'darwin'",
    "torchcodec>=0.9.1",
]
"""

CASES: list[tuple[str, Snapshot, list[tuple[str, str | None, Severity]]]] = [
    (
        "torch 2.7.1 next to torchcodec>=0.9.1: the fresh pick is built for a newer torch",
        build_snapshot({"pyproject.toml": ACE_STEP}),
        [("torchcodec", "torchcodec==0.5", Severity.ERROR)],
    ),
    (
        # https://github.com/meta-pytorch/torchcodec/issues/912: torch 2.8.0 with torchcodec 0.8
        # fails to load; 'pip install torchcodec==0.7' fixed it
        "torch 2.8.0 next to torchcodec 0.8.0 (built for 2.9)",
        snap(req("torch==2.8.0"), req("torchcodec==0.8.0")),
        [("torchcodec", "torchcodec==0.7.0", Severity.ERROR)],
    ),
    (
        "torch 2.8.0 next to torchcodec 0.7 (the issue's fix)",
        snap(req("torch==2.8.0"), req("torchcodec==0.7")),
        [],
    ),
    (
        # an ACE-Step Dockerfile's 'Pin torchcodec to 0.10.0 (0.11+ needs PyTorch > 2.10)'
        "torch 2.10.0 next to torchcodec 0.10.0",
        snap(req("torch==2.10.0"), req("torchcodec==0.10.0")),
        [],
    ),
    (
        "torch 2.10.0 next to a bare torchcodec: the newest needs torch >= 2.11",
        snap(req("torch==2.10.0"), req("torchcodec")),
        [("torchcodec", "torchcodec==0.10.0", Severity.ERROR)],
    ),
    (
        "torch 2.12.0 next to a bare torchcodec: past the table only the floor is known",
        snap(req("torch==2.12.0"), req("torchcodec")),
        [],
    ),
    (
        "torchvision 0.20.1 pins torch 2.5.1; torchcodec 0.2.0 is built for 2.6",
        snap(req("torchvision==0.20.1"), req("torchcodec==0.2.0")),
        [("torchcodec", "torchcodec==0.1.1", Severity.ERROR)],
    ),
    (
        "a release older than the table is not judged",
        snap(req("torch==2.3.1"), req("torchcodec==0.0.1")),
        [],
    ),
    (
        "a torch range is not an exact torch: not judged here",
        snap(req("torch>=2.4"), req("torchcodec==0.0.3")),
        [],
    ),
    (
        # m-bain/whisperX #1349 (fixed by capping torchcodec<0.8): a torch range of one minor
        # decides torchcodec's build as a pin does
        "torch~=2.8.0 next to torchcodec>=0.6.0",
        snap(req("torch~=2.8.0"), req("torchcodec>=0.6.0")),
        [("torchcodec", "torchcodec==0.7.0", Severity.ERROR)],
    ),
    (
        "torch==2.8.* next to torchcodec 0.7: built for 2.8",
        snap(req("torch==2.8.*"), req("torchcodec==0.7.0")),
        [],
    ),
    (
        "torch>=2.8,<2.11 spans minors: not judged",
        snap(req("torch>=2.8,<2.11"), req("torchcodec>=0.6.0")),
        [],
    ),
    (
        "torch only for macOS: the table and the pick are Linux wheels",
        build_snapshot(
            {"requirements.txt": "torch==2.7.1; sys_platform == 'darwin'\ntorchcodec>=0.9.1\n"}
        ),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_torchcodec_against_torch(
    name: str, snapshot: Snapshot, expected: list[tuple[str, str | None, Severity]]
) -> None:
    findings = [f for f in run(RULE, snapshot) if f.package == "torchcodec"]
    assert [(f.package, f.fix, f.severity) for f in findings] == expected
    for found in findings:
        assert "Could not load libtorchcodec" in found.message
        assert any("README.md:" in e for e in found.evidence)


@pytest.mark.parametrize(
    ("release", "spec", "floor_only"),
    [
        ("0.0.3", "==2.4.*", False),
        ("0.1.1", "==2.5.*", False),
        ("0.9.1", "==2.9.*", False),
        ("0.12.0", ">=2.11", False),
        ("0.17.0", ">=2.11", True),
    ],
)
def test_table_rows(release: str, spec: str, floor_only: bool) -> None:
    row = torch_for_torchcodec(release)
    assert row is not None and (row.spec, row.floor_only) == (spec, floor_only)


def test_table_does_not_know_older_releases() -> None:
    assert torch_for_torchcodec("0.0.2") is None
    assert torch_for_torchcodec("not a version") is None


README = """\
| `torchcodec`       | `torch`            | Python              |
| ------------------ | ------------------ | ------------------- |
| `main` / `nightly` | `main` / `nightly` | `>=3.10`, `<=3.14`   |
| `0.12`             | `>=2.11`             | `>=3.10`, `<=3.14`   |
| `0.2`              | `2.6`              | `>=3.9`, `<=3.13`   |
"""


def test_readme_table_reader() -> None:
    rows = read_table(README, "o/r@c:README.md")
    assert [(r["torchcodec"], r["torch"], r["source"]) for r in rows] == [
        ("0.12", ">=2.11", "o/r@c:README.md:4"),
        ("0.2", "==2.6.*", "o/r@c:README.md:5"),
    ]
    with pytest.raises(TableError):
        read_table("no table here", "x")
    with pytest.raises(TableError):
        torch_spec("2.x")


def test_packaged_table_is_the_scripts_output() -> None:
    """Every packaged row carries the README line it was read from."""
    import json

    data = json.loads(
        (Path(__file__).parents[3] / "rules/kb/data/torchcodec_torch.json").read_text()
    )
    assert data["_provenance"].startswith("meta-pytorch/torchcodec@")
    assert all(":README.md:" in row["source"] for row in data["releases"])


@pytest.mark.parametrize(
    ("torch", "torchdata", "fix"),
    [
        # torchdata-0.6.1 wheel METADATA: "Requires-Dist: torch (==2.0.1)" (KB torch.json)
        ("torch==2.1.0", "torchdata==0.6.1", "torchdata==0.11.0"),  # newest admitting 2.1.0
        ("torch==2.0.1", "torchdata==0.6.1", None),
        # torchdata-0.8.0 METADATA: "Requires-Dist: torch (>=2)"
        ("torch==2.3.1", "torchdata==0.8.0", None),
    ],
)
def test_torchdata_pins_torch_by_its_wheel(torch: str, torchdata: str, fix: str | None) -> None:
    """torchdata is judged by its wheel's own torch requirement (the generic requirer path)."""
    findings = [f for f in run(RULE, snap(req(torch), req(torchdata))) if f.package == "torchdata"]
    assert [f.fix for f in findings] == ([fix] if fix else [])
