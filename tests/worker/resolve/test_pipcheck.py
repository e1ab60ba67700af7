"""`pip check` over pinned sets: specifiers, markers, missing packages."""

from __future__ import annotations

import pytest

from worker.resolve.model import ResolveTarget
from worker.resolve.pipcheck import check

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
