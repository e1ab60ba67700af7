"""rules.kb.numpy_caps: reading per-release numpy requirements from wheel METADATA lines."""

from __future__ import annotations

from typing import Any

import pytest
from packaging.version import Version

from rules.kb.numpy_caps import from_raw, load_numpy_caps


def table(*rows: dict[str, Any], package: str = "pkg") -> dict[str, Any]:
    return {
        "provenance": {"snapshot_date": "2026-12-03"},
        "numpy_releases": [
            {"version": "1.26.4"},
            {"version": "2.0.0"},
            {"version": "2.0.1", "yanked": True},
            {"version": "2.1.0"},
        ],
        "packages": {package: list(rows)},
    }


def row(version: str, *lines: str) -> dict[str, Any]:
    return {
        "version": version,
        "file": f"pkg-{version}-py3-none-any.whl",
        "requires_dist_numpy": list(lines),
    }


@pytest.mark.parametrize(
    ("lines", "numpy", "admits", "below_cap", "caps"),
    [
        (("Requires-Dist: numpy (<2.0,>=1.16.0)",), "2.0.0", False, False, True),
        (("Requires-Dist: numpy (<2.0,>=1.16.0)",), "1.10.0", False, True, True),
        (("Requires-Dist: numpy>=1.23.5",), "2.1.0", True, True, False),
        ((), "2.1.0", True, True, False),
        # one line per Python: some line admits NumPy 2 only where that line's cap allows it
        (
            (
                'Requires-Dist: numpy<2,>=1.22.4; python_version < "3.11"',
                'Requires-Dist: numpy<2.3,>=1.26.0; python_version >= "3.12"',
            ),
            "2.1.0",
            True,
            True,
            True,
        ),
        # an extra's line is not an install requirement
        (('Requires-Dist: numpy>=2.0.0rc1; extra == "build"',), "1.26.4", True, True, False),
    ],
)
def test_a_release_admits_what_its_lines_admit(
    lines: tuple[str, ...], numpy: str, admits: bool, below_cap: bool, caps: bool
) -> None:
    release = from_raw(table(row("1.0", *lines))).release("pkg", Version("1.0"))
    assert release is not None
    assert release.admits(Version(numpy)) is admits
    assert release.admits_below_cap(Version(numpy)) is below_cap
    assert release.caps is caps


def test_yanked_numpy_releases_are_not_admitted_and_aliases_resolve() -> None:
    caps = from_raw(table(row("2.15.0", "Requires-Dist: numpy<2"), package="tensorflow"))
    assert caps.numpy_releases == (Version("1.26.4"), Version("2.0.0"), Version("2.1.0"))
    assert caps.release("tensorflow-gpu", Version("2.15.0")) is not None
    assert caps.release("TensorFlow", Version("2.15.0+cpu")) is not None


def test_the_first_release_built_for_numpy2_by_its_build_extra() -> None:
    caps = from_raw(
        table(
            row(
                "0.22.0",
                "Requires-Dist: numpy>=1.22",
                'Requires-Dist: numpy>=1.22; extra == "build"',
            ),
            row(
                "0.23.0",
                "Requires-Dist: numpy>=1.23",
                'Requires-Dist: numpy>=2.0.0rc1; extra == "build"',
            ),
            row(
                "0.24.0",
                "Requires-Dist: numpy>=1.23",
                'Requires-Dist: numpy>=2.0; extra == "build"',
            ),
        )
    )
    first = caps.first_built_for_numpy2("pkg")
    assert first is not None and first.version == Version("0.23.0")
    assert "numpy>=2.0.0rc1" in first.build_line


def test_the_packaged_table_reads() -> None:
    caps = load_numpy_caps()
    assert caps.newest_numpy() >= Version("2.0.0")
    scikit_image = caps.first_built_for_numpy2("scikit-image")
    assert scikit_image is not None and scikit_image.version == Version("0.23.0")


@pytest.mark.parametrize(
    ("pythons", "newest"),
    [(("3.8",), "1.24.4"), (("3.9",), "2.0.2"), (("3.8", "3.12"), None), (("3.12",), None)],
)
def test_numpy_releases_per_python(pythons: tuple[str, ...], newest: str | None) -> None:
    # numpy 1.24.4 Requires-Python >=3.8, 2.0.x >=3.9, 2.1.0 >=3.10 (index listing)
    caps = load_numpy_caps()
    found = caps.numpy_for_pythons(pythons)
    assert found[-1] == (Version(newest) if newest else caps.newest_numpy())
