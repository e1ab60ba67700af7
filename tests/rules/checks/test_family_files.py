"""A pinned torch-family release PyPI serves no Linux x86_64 file of.

bond005/pisets@bf36f3aab683cdea858bd6d3e50e068a5fa9308d:requirements.txt pins
torchtext==0.15.0 (yanked; the index lists macOS, Windows and aarch64 wheels only, as the KB's
index reading records); PR #2 of that repository moved off it.
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.torch_family import RULES
from rules.findings import Severity
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

PISETS = "torch==2.0.0\ntorchaudio==2.0.1\ntorchtext==0.15.0\n"


@pytest.mark.parametrize(
    ("name", "files", "expected"),
    [
        ("torchtext 0.15.0 from PyPI", {"requirements.txt": PISETS}, [("torchtext", 3)]),
        ("its fix, torchtext 0.15.1", {"requirements.txt": PISETS.replace("0.15.0", "0.15.1")}, []),
        (
            "a PyTorch index serves its own builds",
            {
                "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu117\n"
                + PISETS
            },
            [],
        ),
        (
            "torchvision 0.15.0 has a manylinux1 x86_64 wheel: not this finding",
            {"requirements.txt": "torch==2.0.0\ntorchvision==0.15.0\n"},
            [],
        ),
        (
            "only for macOS",
            {"requirements.txt": "torchtext==0.15.0; sys_platform == 'darwin'\n"},
            [],
        ),
    ],
)
def test_no_linux_file(name: str, files: dict[str, str], expected: list[tuple[str, int]]) -> None:
    found = [
        f for f in run(RULES[0], build_snapshot(files)) if f.fingerprint.endswith("no-linux-file")
    ]
    assert [(f.package, f.line) for f in found] == expected
    assert all(
        f.severity == Severity.ERROR and "No matching distribution" in f.message for f in found
    )


def test_the_kb_lists_the_files_of_a_release_without_a_linux_wheel() -> None:
    """The index reading writes the file names as a field (the rule does not parse prose)."""
    row = load_kb().torch_requirement_row("torchtext", Version("0.15.0"))
    assert row is not None and not row.linux_wheel
    assert row.files and all(name.startswith("torchtext-0.15.0-") for name in row.files)
    assert not any("manylinux" in name and "x86_64" in name for name in row.files)
    assert all(name in row.source for name in row.files)
