"""`pip check` over pinned sets: specifiers, markers, missing packages."""

from __future__ import annotations

import pytest

from worker.resolve.model import ResolveTarget
from worker.resolve.pipcheck import check, marker_environment

LINUX = ResolveTarget("3.11.14", "x86_64-unknown-linux-gnu")
WINDOWS = ResolveTarget("3.11.14", "x86_64-pc-windows-msvc")


@pytest.mark.parametrize(
    ("pins", "requires", "target", "expected"),
    [
        ({"scipy": "1.10.1", "numpy": "1.23.5"}, {"scipy": ["numpy<1.24"]}, LINUX, []),
        (
            {"scipy": "1.10.1", "numpy": "2.1.0"},
            {"scipy": ["numpy<1.24,>=1.19.5"]},
            LINUX,
            ["scipy 1.10.1 requires numpy<1.24,>=1.19.5, but numpy 2.1.0 is in the set"],
        ),
        (
            {"click": "8.1.7"},
            {"click": ["colorama ; platform_system == 'Windows'"]},
            WINDOWS,
            ["click 8.1.7 requires colorama ; platform_system == 'Windows', not in the set"],
        ),
        ({"click": "8.1.7"}, {"click": ["colorama ; platform_system == 'Windows'"]}, LINUX, []),
        ({"a": "1.0"}, {"a": ["tomli>=1 ; python_version < '3.11'"]}, LINUX, []),
        ({"torch": "2.1.0+cu118", "triton": "2.1.0"}, {"torch": ["triton==2.1.0"]}, LINUX, []),
        ({"a": "1.0"}, {"b": ["c>=1"]}, LINUX, []),
        ({"a": "1.0", "b": "2.0rc1"}, {"a": ["b>=2.0rc1"]}, LINUX, []),
    ],
)
def test_check(
    pins: dict[str, str], requires: dict[str, list[str]], target: ResolveTarget, expected: list[str]
) -> None:
    assert [b.describe() for b in check(pins, requires, target)] == expected


@pytest.mark.parametrize(
    ("triple", "system", "machine", "os_name", "sys_platform"),
    [
        ("x86_64-unknown-linux-gnu", "Linux", "x86_64", "posix", "linux"),
        ("aarch64-unknown-linux-gnu", "Linux", "aarch64", "posix", "linux"),
        ("aarch64-apple-darwin", "Darwin", "arm64", "posix", "darwin"),
        ("x86_64-apple-darwin", "Darwin", "x86_64", "posix", "darwin"),
        ("x86_64-pc-windows-msvc", "Windows", "AMD64", "nt", "win32"),
    ],
)
def test_marker_environment_is_the_rules_targets(
    triple: str, system: str, machine: str, os_name: str, sys_platform: str
) -> None:
    """The five platforms' uv triples get the values pipcheck computed from the triple
    before it used `rules.targets.Target.environment()`."""
    assert marker_environment(ResolveTarget("3.9.25", triple)) == {
        "python_version": "3.9",
        "python_full_version": "3.9.25",
        "implementation_name": "cpython",
        "implementation_version": "3.9.25",
        "platform_python_implementation": "CPython",
        "os_name": os_name,
        "sys_platform": sys_platform,
        "platform_system": system,
        "platform_machine": machine,
        "platform_release": "",
        "platform_version": "",
        "extra": "",
    }
