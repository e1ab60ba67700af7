"""describe_build: the phrase for the build a pinned version's local label names."""

from __future__ import annotations

import pytest

from worker.resolve.builds import describe_build

LINUX = "x86_64-manylinux_2_28"


@pytest.mark.parametrize(
    ("version", "platform", "phrase", "cpu_only"),
    [
        ("2.1.0+cu121", LINUX, "the CUDA 12.1 build", False),
        ("1.7.1+cu92", LINUX, "the CUDA 9.2 build", False),
        ("1.5.0+cu101", LINUX, "the CUDA 10.1 build", False),
        ("2.9.0+cu130", LINUX, "the CUDA 13.0 build", False),
        ("2.1.0+cpu", LINUX, "the CPU-only build", True),
        ("2.1.0+cpu.cxx11.abi", LINUX, "the CPU-only build", True),
        ("2.5.1+rocm6.2", LINUX, "the ROCm 6.2 build", False),
        (
            "2.1.0",
            LINUX,
            "the default PyPI build (it bundles the CUDA runtime its release chose)",
            False,
        ),
        (
            "2.1.0",
            "aarch64-apple-darwin",
            "the default PyPI build, which is CPU-only on this platform",
            True,
        ),
    ],
)
def test_describe_build(version: str, platform: str, phrase: str, cpu_only: bool) -> None:
    assert describe_build(version, platform) == (phrase, cpu_only)
