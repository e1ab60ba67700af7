"""The platform and Python tables in rules/targets.py agree with the config's vocabulary."""

from __future__ import annotations

import pytest

from rules.config import PLATFORMS
from rules.targets import CONDA_SUBDIRS, LATEST_PATCH, Target, platform_triple


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_config_platform_has_markers_a_uv_triple_and_a_conda_subdir(platform: str) -> None:
    env = Target("3.11", platform).environment()
    assert env["sys_platform"] and env["platform_machine"]
    triple = platform_triple(platform)
    assert triple != platform  # a known name, not passed through
    assert triple in CONDA_SUBDIRS


@pytest.mark.parametrize(
    ("name", "triple"),
    [
        ("linux_x86_64", "x86_64-unknown-linux-gnu"),
        (" Linux-64 ", "x86_64-unknown-linux-gnu"),
        ("osx-arm64", "aarch64-apple-darwin"),
        ("windows_amd64", "x86_64-pc-windows-msvc"),
        ("riscv64-unknown-linux-gnu", "riscv64-unknown-linux-gnu"),  # a triple passes through
    ],
)
def test_platform_triple(name: str, triple: str) -> None:
    assert platform_triple(name) == triple


def test_latest_patch_is_a_patch_of_its_minor() -> None:
    for minor, full in LATEST_PATCH.items():
        assert full.startswith(f"{minor}.") and full.count(".") == 2
