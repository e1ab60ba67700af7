"""What torch-family requirers (xformers and the others) require of torch, as the KB records it.

Each row must say what the recorded wheel METADATA says (tests/fixtures/compat/pypi_index.json,
written by scripts/kb_from_index.py), and a release without a Linux wheel must be recorded as
unknown rather than as requiring nothing.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.requirements import Requirement

from rules.kb import load_kb
from scripts.kb_build import _member_requirements

ROOT = Path(__file__).resolve().parents[3]
INDEX: dict[str, Any] = json.loads(
    (ROOT / "tests/fixtures/compat/pypi_index.json").read_text(encoding="utf-8")
)
KB = load_kb()


def _torch_line(record: dict[str, Any]) -> Requirement | None:
    """The record's Requires-Dist on torch that applies on Linux x86_64 (no extra)."""
    for line in record.get("requires_dist", []):
        parsed = Requirement(line)
        if parsed.name != "torch":
            continue
        env = {"sys_platform": "linux", "platform_machine": "x86_64", "extra": ""}
        if parsed.marker is None or parsed.marker.evaluate(env):
            return parsed
    return None


#: The requirers read for their exact torch pins (scripts/kb_from_index.py, issue 10).
RECORDS = [
    (package, version, record)
    for package in ("xformers", "vllm", "torch-tensorrt")
    for version, record in sorted(INDEX["packages"][package].items())
]


@pytest.mark.parametrize(
    ("package", "version", "record"), RECORDS, ids=[f"{p}-{v}" for p, v, _ in RECORDS]
)
def test_every_release_says_what_its_wheel_says(
    package: str, version: str, record: dict[str, Any]
) -> None:
    row = next(
        r for r in KB.torch.family_requirements if (r.package, r.version) == (package, version)
    )
    if "metadata_file" not in record:
        assert row.linux_wheel is False and row.requires_torch is None
        assert KB.torch_requirement(package, version) is None
        return
    line = _torch_line(record)
    assert row.linux_wheel is True
    assert row.requires_torch == (str(line.specifier) if line else None)
    assert row.source.startswith(record["metadata_file"] + " METADATA: ")
    assert KB.torch_requirement(package, version) == row


@pytest.mark.parametrize("package", ["xformers", "vllm"])
def test_the_index_holds_wheels_pinning_torch(package: str) -> None:
    """The records are not empty: most xformers / vllm wheels pin one torch release."""
    pins = [r for r in KB.torch.family_requirements if r.package == package]
    exact = [r for r in pins if r.requires_torch and r.requires_torch.startswith("==")]
    assert len(exact) >= len(pins) // 2


def test_a_release_without_a_linux_wheel_is_unknown() -> None:
    packages = {
        "xformers": {
            "0.0.1": {"files": ["xformers-0.0.1.tar.gz"]},
            "0.0.21": {
                "metadata_file": "xformers-0.0.21-cp310-cp310-manylinux2014_x86_64.whl",
                "requires_dist": ["numpy", "torch ==2.0.1"],
            },
        }
    }
    rows = {r["version"]: r for r in _member_requirements(packages)}
    assert rows["0.0.1"]["linux_wheel"] is False
    assert rows["0.0.1"]["requires_torch"] is None
    assert "xformers-0.0.1.tar.gz" in rows["0.0.1"]["source"]
    assert rows["0.0.21"]["requires_torch"] == "==2.0.1"
    assert rows["0.0.21"].get("linux_wheel", True) is True


def _reader() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kb_from_index", ROOT / "scripts/kb_from_index.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("previous", "read", "expected"),
    [
        (  # an old entry without `packages` covered every package the file held
            {"source": [{"read_on": "d1"}], "packages": {"torch": {}, "torchvision": {}}},
            ["xformers"],
            [("d1", ["torch", "torchvision"]), ("d2", ["xformers"])],
        ),
        (
            {
                "source": [
                    {"read_on": "d1", "packages": ["torch", "torchvision"]},
                    {"read_on": "d0", "packages": ["xformers"]},
                ],
                "packages": {},
            },
            ["xformers", "torch"],
            [("d1", ["torchvision"]), ("d2", ["torch", "xformers"])],
        ),
        ({}, ["torch"], [("d2", ["torch"])]),
    ],
)
def test_index_reader_keeps_each_runs_source(
    previous: dict[str, Any], read: list[str], expected: list[tuple[str, list[str]]]
) -> None:
    entries = _reader()._sources(previous, read, "d2")
    assert [(e["read_on"], e["packages"]) for e in entries] == expected
