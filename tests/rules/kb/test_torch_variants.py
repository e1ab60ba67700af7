"""The torch 1.x build lists (torch_legacy_variants.json) read as recorded."""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.kb.torch_variants import from_raw, legacy_builds

# (release, labels it was published with, one it never was)
ROWS: list[tuple[str, tuple[str, ...], str]] = [
    ("1.8.0", ("cpu", "cu101", "cu111"), "cu110"),
    ("1.7.1", ("cpu", "cu92", "cu101", "cu110"), "cu111"),
    ("1.10.1", ("cpu", "cu102", "cu111", "cu113"), "cu115"),
    ("1.12.1", ("cpu", "cu102", "cu113", "cu116"), "cu117"),
]


@pytest.mark.parametrize(("torch", "labels", "missing"), ROWS)
def test_builds_per_release(torch: str, labels: tuple[str, ...], missing: str) -> None:
    found = legacy_builds(Version(torch))
    assert found is not None
    assert found.variants == labels
    assert missing not in found.variants
    assert found.source


def test_local_labels_are_ignored_and_unknown_releases_give_none() -> None:
    assert legacy_builds(Version("1.8.0+cu111")) == legacy_builds(Version("1.8.0"))
    assert legacy_builds(Version("1.1.0")) is None
    assert legacy_builds(Version("2.1.0")) is None


def test_rows_with_bad_versions_are_skipped() -> None:
    table = from_raw(
        {"releases": [{"torch": "x", "variants": []}, {"torch": "1.0", "variants": ["CPU"]}]}
    )
    assert list(table) == [Version("1.0")]
    assert table[Version("1.0")].variants == ("cpu",)
