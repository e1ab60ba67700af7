"""Whether a release is compiled (its sdist needs a compiler), from the wheel table's rows."""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.kb.build_wheels import WHEEL_PACKAGES
from rules.kb.wheels import OPTIONAL_EXTENSIONS, WheelRelease, load_wheels


def row(exact: set[str], floor: str | None, package: str = "pkg") -> WheelRelease:
    """A release row with these wheel Pythons and an sdist."""
    return WheelRelease(package, Version("1.0"), frozenset(exact), floor, None, True, "test")


#: (case, row, compiled, needs a compiler)
ROWS: list[tuple[str, WheelRelease, bool, bool]] = [
    ("cpXY wheels", row({"3.12", "3.13"}, None), True, True),
    ("abi3 wheels", row(set(), "abi3:3.9"), True, True),
    ("pure py3-none wheels", row(set(), "py:3.0"), False, False),
    ("sdist only", row(set(), None), False, False),
    ("optional extension (PyYAML)", row({"3.12"}, None, "pyyaml"), True, False),
]


@pytest.mark.parametrize(("case", "release", "compiled", "needs"), ROWS, ids=[r[0] for r in ROWS])
def test_compiled_and_needs_compiler(
    case: str, release: WheelRelease, compiled: bool, needs: bool
) -> None:
    assert (release.compiled, release.needs_compiler) == (compiled, needs), case


#: Real rows of the packaged table (package index listings read 2026-12-04): (package,
#: version, compiled, has an sdist, has a cp314 wheel).
REAL: list[tuple[str, str, bool, bool, bool]] = [
    ("gensim", "4.4.0", True, True, False),  # wheels cp39..cp313 + gensim-4.4.0.tar.gz
    ("transformers", "4.57.0", False, True, True),  # py3-none-any
    ("numpy", "2.3.4", True, True, True),
    ("tiktoken", "0.7.0", True, True, False),  # newly recorded
    ("psycopg2-binary", "2.9.9", True, True, False),  # newly recorded
]


@pytest.mark.parametrize(("package", "version", "compiled", "sdist", "cp314"), REAL)
def test_real_rows(package: str, version: str, compiled: bool, sdist: bool, cp314: bool) -> None:
    release = load_wheels().release(package, version)
    assert release is not None
    assert (release.compiled, release.sdist, release.covers("3.14")) == (compiled, sdist, cp314)


def test_every_added_compiled_package_is_in_the_data() -> None:
    table = load_wheels()
    for name in WHEEL_PACKAGES:
        assert table.releases(name) is not None, name


def test_optional_extensions_are_recorded_packages_with_a_source() -> None:
    for name, source in OPTIONAL_EXTENSIONS.items():
        assert name in WHEEL_PACKAGES and source
