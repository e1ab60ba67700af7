"""Tests for diff(base, head): package, pin and fact changes with the update type."""

from __future__ import annotations

import pytest

from rules.manifests.diff import ChangeKind, UpdateType, diff, update_type
from rules.manifests.model import (
    FactKind,
    FileKind,
    LockedPin,
    ManifestFile,
    Snapshot,
    Span,
)
from rules.manifests.snapshot import build_snapshot


def one_file(path: str, before: str, after: str) -> list[tuple[object, ...]]:
    result = diff(build_snapshot({path: before}), build_snapshot({path: after}))
    return [(c.name, c.kind, c.old, c.new, c.update_type) for c in result.changes]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            "torch==2.1.0\n",
            "torch==2.2.0\n",
            [("torch", ChangeKind.UPGRADED, "2.1.0", "2.2.0", UpdateType.MINOR)],
        ),
        (
            "torch==2.1.0\n",
            "torch==2.1.2\n",
            [("torch", ChangeKind.UPGRADED, "2.1.0", "2.1.2", UpdateType.PATCH)],
        ),
        (
            "numpy==1.26.4\n",
            "numpy==2.0.0\n",
            [("numpy", ChangeKind.UPGRADED, "1.26.4", "2.0.0", UpdateType.MAJOR)],
        ),
        (
            "numpy==2.0.0\n",
            "numpy==1.26.4\n",
            [("numpy", ChangeKind.DOWNGRADED, "2.0.0", "1.26.4", UpdateType.MAJOR)],
        ),
        (
            "torch==2.1.0+cu118\n",
            "torch==2.1.0+cu121\n",
            [("torch", ChangeKind.UPGRADED, "2.1.0+cu118", "2.1.0+cu121", UpdateType.OTHER)],
        ),
        (
            "torch==2.1.0rc1\n",
            "torch==2.1.0\n",
            [("torch", ChangeKind.UPGRADED, "2.1.0rc1", "2.1.0", UpdateType.OTHER)],
        ),
        (
            "numpy>=1.24\n",
            "numpy>=1.24,<2\n",
            [("numpy", ChangeKind.CONSTRAINT_CHANGED, ">=1.24", "<2,>=1.24", None)],
        ),
        (
            "numpy==1.26\n",
            "numpy>=1.26\n",
            [("numpy", ChangeKind.CONSTRAINT_CHANGED, "1.26", ">=1.26", None)],
        ),
        ("numpy\n", "numpy\nscipy==1.11\n", [("scipy", ChangeKind.ADDED, None, "1.11", None)]),
        ("numpy\nscipy>=1\n", "numpy\n", [("scipy", ChangeKind.REMOVED, ">=1", None, None)]),
        ("torch==2.1.0\n", "torch==2.1.0\n", []),
        ("torch==2.1.0\n", "# a comment\n\ntorch==2.1.0\n", []),
        ("torch==2.1\n", "torch==2.1.0\n", []),
        (
            "torch[cuda]==2.1\n",
            "torch==2.1\n",
            [("torch", ChangeKind.CONSTRAINT_CHANGED, "2.1", "2.1", None)],
        ),
    ],
)
def test_requirements_changes(before: str, after: str, expected: list[tuple[object, ...]]) -> None:
    assert one_file("requirements.txt", before, after) == expected


def test_conda_fuzzy_versions_compare_as_versions() -> None:
    before = "dependencies:\n  - pytorch=2.1.0\n  - numpy>=1.24\n"
    after = "dependencies:\n  - pytorch=2.2.1\n  - numpy>=1.24\n"
    assert one_file("environment.yml", before, after) == [
        ("pytorch", ChangeKind.UPGRADED, "2.1.0", "2.2.1", UpdateType.MINOR)
    ]


def test_change_location_is_the_head_line() -> None:
    result = diff(
        build_snapshot({"requirements.txt": "torch==2.1.0\n"}),
        build_snapshot({"requirements.txt": "numpy\n\ntorch==2.2.0\n"}),
    )
    upgraded = [c for c in result.changes if c.kind == ChangeKind.UPGRADED]
    assert [(c.file, c.location.line if c.location else None) for c in upgraded] == [
        ("requirements.txt", 3)
    ]
    assert [c.name for c in result.for_file("requirements.txt")] == ["numpy", "torch"]
    assert [c.kind for c in result.for_package("torch")] == [ChangeKind.UPGRADED]


def test_files_added_and_removed() -> None:
    result = diff(
        build_snapshot({"requirements.txt": "numpy\n"}),
        build_snapshot({"environment.yml": "dependencies:\n  - numpy\n"}),
    )
    assert result.added_files == ("environment.yml",)
    assert result.removed_files == ("requirements.txt",)
    assert sorted((c.file, c.kind) for c in result.changes) == [
        ("environment.yml", ChangeKind.ADDED),
        ("requirements.txt", ChangeKind.REMOVED),
    ]


def test_fact_changes() -> None:
    result = diff(
        build_snapshot({"requirements.txt": "# CUDA: 11.8\ntorch\n"}),
        build_snapshot({"requirements.txt": "# CUDA: 12.1\ntorch\n"}),
    )
    assert [(f.kind, f.old, f.new) for f in result.facts] == [(FactKind.CUDA, "11.8", "12.1")]


def lock(*pins: tuple[str, str]) -> Snapshot:
    path = "uv.lock"
    manifest = ManifestFile(
        path,
        FileKind.UV_LOCK,
        pins=tuple(LockedPin(n, v, Span(path, i + 1)) for i, (n, v) in enumerate(pins)),
    )
    return Snapshot(files={path: manifest})


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (
            [("torch", "2.1.0")],
            [("torch", "2.3.0")],
            [("torch", ChangeKind.UPGRADED, "2.1.0", "2.3.0", UpdateType.MINOR)],
        ),
        ([("torch", "2.1.0")], [], [("torch", ChangeKind.REMOVED, "2.1.0", None, None)]),
        ([], [("triton", "2.1.0")], [("triton", ChangeKind.ADDED, None, "2.1.0", None)]),
        (
            [("numpy", "1.26.4"), ("numpy", "2.0.0")],
            [("numpy", "2.0.0")],
            [("numpy", ChangeKind.REMOVED, "1.26.4", None, None)],
        ),
        ([("torch", "2.1.0")], [("torch", "2.1.0")], []),
    ],
)
def test_locked_pin_changes(
    before: list[tuple[str, str]],
    after: list[tuple[str, str]],
    expected: list[tuple[object, ...]],
) -> None:
    result = diff(lock(*before), lock(*after))
    assert [(c.name, c.kind, c.old, c.new, c.update_type) for c in result.changes] == expected
    assert all(c.locked for c in result.changes)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("1.0.0", "2.0.0", UpdateType.MAJOR),
        ("1", "1.1", UpdateType.MINOR),
        ("1.1", "1.1.1", UpdateType.PATCH),
        ("1.1.1", "1.1.1.post1", UpdateType.OTHER),
        ("2024.1", "2024.2", UpdateType.MINOR),
        ("not-a-version", "1.0", None),
    ],
)
def test_update_type(old: str, new: str, expected: UpdateType | None) -> None:
    assert update_type(old, new) == expected
