"""Resolution targets from the repo config and the repo's declared Python."""

from __future__ import annotations

import pytest

from tests.worker.resolve.conftest import config, snap
from worker.resolve.model import Target
from worker.resolve.targets import full_python, targets_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.11.7", "3.11.7"),
        ("3.11", "3.11.14"),
        ("3.10", "3.10.19"),
        ("python3.12", "3.12.12"),
        (">=3.10,<3.13", "3.10.19"),
        ("^3.9", "3.9.25"),
        ("nonsense", None),
    ],
)
def test_full_python(text: str, expected: str | None) -> None:
    assert full_python(text) == expected


@pytest.mark.parametrize(
    ("files", "values", "expected"),
    [
        ({}, {}, [Target("3.11.14", "x86_64-unknown-linux-gnu")]),
        ({".python-version": "3.10.4\n"}, {}, [Target("3.10.4", "x86_64-unknown-linux-gnu")]),
        (
            {},
            {"targets": {"python": ["3.11", "3.12.1"], "platforms": ["linux_aarch64"]}},
            [
                Target("3.11.14", "aarch64-unknown-linux-gnu"),
                Target("3.12.1", "aarch64-unknown-linux-gnu"),
            ],
        ),
        (
            {},
            {"targets": {"cuda": ["12.1"]}},
            [Target("3.11.14", "x86_64-unknown-linux-gnu", "12.1")],
        ),
    ],
)
def test_targets_for(
    files: dict[str, str], values: dict[str, object], expected: list[Target]
) -> None:
    assert targets_for(snap(files), config(**values)) == expected
